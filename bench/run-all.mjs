// Runs every benchmark, one after another, each in its own Node process (so one's memory and
// caches never colour another's figures), and prints their tables. `npm run bench` builds
// first and then calls this.
//
//   node bench/run-all.mjs [NAME...]     e.g. node bench/run-all.mjs analysis formats
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
// In this order; generators (gen-*) are run by the benchmarks that need their files.
const ORDER = ['analysis', 'cli', 'formats', 'lsp', 'timeline', 'corpus', 'wasm-tiers', 'tier-up', 'object-copy'];
const asked = process.argv.slice(2);
const names = asked.length ? asked : ORDER;

const failed = [];
const ran = [];
for (const name of names) {
  const ts = join(here, `${name}.ts`);
  const mjs = join(here, `${name}.mjs`);
  const script = existsSync(ts) ? ts : existsSync(mjs) ? mjs : null;
  if (!script) {
    if (asked.length) failed.push(`${name} (no bench/${name}.ts or .mjs)`);
    continue;
  }
  console.log(`\n=== bench/${script.slice(here.length + 1)} ===`);
  const started = Date.now();
  const args = script.endsWith('.ts') ? ['--import', 'tsx', script] : [script];
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  if (r.status !== 0) failed.push(`${name} (exit ${r.status ?? r.signal})`);
  ran.push(`${name} ${secs} s`);
}
console.log(`\nbenchmarks run: ${ran.join(', ') || 'none'}; results in bench/results/`);
if (failed.length) {
  console.error(`failed: ${failed.join(', ')}`);
  process.exit(1);
}
