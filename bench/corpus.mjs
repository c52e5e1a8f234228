// Corpus benchmark: 1,000 generated runs (bench/corpus-gen.ts: chatbot logs and OpenAI-chat
// transcripts, four models). Budgets (issue 7): the listing within 2 s, the statistics within
// 10 s. Bundles bench/corpus-bench.ts with esbuild (as the CLI is bundled) and runs it.
//   node bench/corpus.mjs [--runs N] [--dir DIR]
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (k, d) => {
  const i = process.argv.indexOf(k);
  return i > 0 ? process.argv[i + 1] : d;
};
const runs = Number(arg('--runs', '1000'));
const dir = path.resolve(arg('--dir', path.join(os.tmpdir(), `replication-lens-corpus-${runs}`)));

// In bench/results (ignored by git, never packaged); the WASM parsers resolve from node_modules.
const out = path.join(root, 'bench', 'results', 'corpus-bench.cjs');
await esbuild.build({
  entryPoints: [path.join(root, 'bench/corpus-bench.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: out,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
});
const require = createRequire(path.join(root, 'package.json'));
const { benchCorpus } = require(out);
const r = await benchCorpus(dir, runs);
const budget = { listingMs: 2000, statsMs: 10000 };
const res = {
  bench: 'corpus',
  when: new Date().toISOString(),
  cpus: os.cpus().length,
  load: os.loadavg().map((x) => +x.toFixed(2)),
  dir,
  ...r,
  budget,
  ok: r.listingMs <= budget.listingMs && r.statsMs <= budget.statsMs,
};
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/corpus.json'), JSON.stringify(res, null, 2) + '\n');
console.log(
  `corpus: ${r.runs} runs (${r.commands} commands) in ${r.files} files; listing ${r.listingMs} ms wall / ${r.listingCpuMs} ms CPU (budget 2000), ` +
    `statistics ${r.statsMs} ms wall / ${r.statsCpuMs} ms CPU (budget 10000), report ${r.reportMs} ms (${(r.reportBytes / 1e6).toFixed(1)} MB); load ${res.load.join(' ')}`,
);
process.exitCode = res.ok ? 0 : 1;
