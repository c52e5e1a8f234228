// Runs the test suites with node's built-in test runner (TypeScript through tsx).
// `node scripts/run-tests.mjs [suite...]` — suites are folders under test/ (unit, server,
// webview, e2e ...). With no argument, every suite runs, in that order.
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const order = ['unit', 'server', 'webview', 'e2e'];
const asked = process.argv.slice(2);
const suites = asked.length ? asked : order.filter((s) => existsSync(join('test', s)));

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

const all = suites.flatMap((s) => files(join('test', s)));
if (!all.length) {
  console.error('no test files found for', suites.join(', '));
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...all], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
