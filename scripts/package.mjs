// `npm run package`: a production build, then `vsce package --no-dependencies` (the bundles
// carry everything; the VSIX ships no node_modules) to out/replication-lens.vsix. Fails when
// the VSIX is over its 5 MB budget and prints its size and contents.
// `npm run package -- --with-duckdb`: a platform VSIX for this machine's platform
// (out/replication-lens-PLATFORM.vsix) that also carries DuckDB's native library in
// dist/node_modules, so the corpus view's SQL works with nothing else installed (README "SQL
// over a study": some 24 MB per platform, which is why the universal VSIX leaves it out).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, statSync, existsSync, rmSync, readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const withDuckdb = process.argv.includes('--with-duckdb');
const target = `${process.platform === 'win32' ? 'win32' : process.platform}-${process.arch}`;
const out = join(root, withDuckdb ? `out/replication-lens-${target}.vsix` : 'out/replication-lens.vsix');
// The platform VSIX carries a native library of some 70 MB (24 MB deflated): its own budget.
const LIMIT = (withDuckdb ? 30 : 5) * 1024 * 1024;
const DUCKDB_MODULES = ['@duckdb/node-api', '@duckdb/node-bindings', `@duckdb/node-bindings-${target}`, 'detect-libc'];

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`package: ${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
    process.exit(1);
  }
}

const t0 = Date.now();
run(process.execPath, ['scripts/build.mjs', '--production']);
mkdirSync(dirname(out), { recursive: true });
if (existsSync(out)) rmSync(out);
const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
const staged = join(root, 'dist/node_modules');
rmSync(staged, { recursive: true, force: true });
if (withDuckdb) {
  // Beside dist/cli.js, where Node's own resolution finds it (.vscodeignore allows dist/node_modules).
  for (const m of DUCKDB_MODULES) {
    if (!existsSync(join(root, 'node_modules', m))) {
      console.error(`package: node_modules/${m} is missing (npm install on a ${target} machine)`);
      process.exit(1);
    }
    cpSync(join(root, 'node_modules', m), join(staged, m), { recursive: true });
  }
}
try {
  run(process.execPath, [vsce, 'package', '--no-dependencies', ...(withDuckdb ? ['--target', target] : []), '--out', out]);
} finally {
  rmSync(staged, { recursive: true, force: true });
}

const size = statSync(out).size;
// List the contents without inflating them (the filter sees each entry's header).
const shipped = new Set();
unzipSync(readFileSync(out), {
  filter: (f) => {
    shipped.add(f.name);
    console.log(`  ${f.name}  ${f.originalSize} B`);
    return false;
  },
});
// A built asset the allow-list leaves out (a font, an image...) is probably a new file type the
// .vscodeignore must name. (Scripts other than *.js, like a bench's *.cjs, stay out on purpose.)
for (const f of readdirSync(join(root, 'dist'), { recursive: true })) {
  const rel = `dist/${String(f).replaceAll('\\', '/')}`;
  if (/\.(map|cjs|mjs)$/.test(rel)) continue;
  if (statSync(join(root, rel)).isFile() && !shipped.has(`extension/${rel}`)) {
    console.warn(`package: warning: ${rel} is built but not in the VSIX (see .vscodeignore)`);
  }
}
if (!existsSync(join(root, 'README.md'))) console.warn('package: warning: README.md is missing');
const mb = (size / 1024 / 1024).toFixed(2);
console.log(`package: ${out} is ${size} bytes (${mb} MB, budget ${LIMIT / 1024 / 1024} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
if (size > LIMIT) {
  console.error(`package: the VSIX is over the ${LIMIT / 1024 / 1024} MB budget`);
  process.exit(1);
}
