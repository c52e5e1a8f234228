// `npm run package`: a production build, then `vsce package --no-dependencies` (the bundles
// carry everything; the VSIX ships no node_modules) to out/replication-lens.vsix. Fails when
// the VSIX is over its 5 MB budget and prints its size and contents.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, existsSync, rmSync, readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'out/replication-lens.vsix');
const LIMIT = 5 * 1024 * 1024;

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
run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out]);

const size = statSync(out).size;
// List the contents without inflating them (the filter sees each entry's header).
const shipped = new Set();
unzipSync(readFileSync(out), { filter: (f) => { shipped.add(f.name); console.log(`  ${f.name}  ${f.originalSize} B`); return false; } });
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
console.log(`package: ${out} is ${size} bytes (${mb} MB, budget 5 MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
if (size > LIMIT) {
  console.error(`package: the VSIX is over the 5 MB budget`);
  process.exit(1);
}
