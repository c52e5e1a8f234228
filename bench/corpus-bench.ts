// The corpus benchmark's body (bundled and run by bench/corpus.mjs): generates (once) a corpus
// of N small runs, then times the listing (walk + sniff + read + analyse + summary rows: what
// the corpus view needs before it can show its table) and the statistics (per model and per
// format, the lineage, and the HTML report).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { initAnalysis } from '../src/node/init-analysis';
import { buildLineage, corpusStats, summarizeRuns } from '../src/core/corpus';
import { programsOfCommand } from '../src/core/corpus/rows';
import { renderReport } from '../src/core/corpus/report/html';
import { scanCorpusSync } from '../src/node/corpus-scan';
import { writeCorpus } from './corpus-gen';
import { useBaselineWasmCompiler } from '../src/node/v8-tuning';

export async function benchCorpus(dir: string, n: number) {
  const count = () => (existsSync(dir) ? readdirSync(dir).reduce((a, d) => a + readdirSync(path.join(dir, d)).length, 0) : 0);
  let t = performance.now();
  if (count() !== n) {
    rmSync(dir, { recursive: true, force: true });
    writeCorpus(dir, n);
  }
  const generateMs = performance.now() - t;

  t = performance.now();
  useBaselineWasmCompiler(); // as the CLI does
  await initAnalysis();
  const initMs = performance.now() - t;

  t = performance.now();
  let cpu = process.cpuUsage();
  const scan = scanCorpusSync([dir]);
  const programs = programsOfCommand();
  const rows = summarizeRuns(scan.runs, { programs });
  const listingMs = performance.now() - t;
  const listingCpu = process.cpuUsage(cpu);

  t = performance.now();
  cpu = process.cpuUsage();
  const byModel = corpusStats(rows, 'model');
  const byFormat = corpusStats(rows, 'format');
  const lineage = buildLineage(scan.runs.map((r, i) => ({ ref: { key: rows[i].key, file: r.file, runId: r.trajectory.id, title: r.trajectory.title }, trajectory: r.trajectory })));
  const statsMs = performance.now() - t;
  const statsCpu = process.cpuUsage(cpu);

  t = performance.now();
  const html = renderReport({ rows, stats: byModel, lineage, errors: scan.errors }, scan.runs, { generatedAt: 'bench' });
  const reportMs = performance.now() - t;

  return {
    runs: rows.length,
    files: scan.files,
    commands: byModel.total.commands.total,
    errors: scan.errors.length,
    models: byModel.groups.length,
    formats: byFormat.groups.map((g) => `${g.group}:${g.runs}`),
    chains: lineage.length,
    generateMs: Math.round(generateMs),
    initMs: Math.round(initMs),
    listingMs: Math.round(listingMs),
    /** CPU time (user + system) of the listing: what it costs when the machine is shared. */
    listingCpuMs: Math.round((listingCpu.user + listingCpu.system) / 1000),
    scanOnlyMs: Math.round(scan.ms),
    statsMs: Math.round(statsMs),
    statsCpuMs: Math.round((statsCpu.user + statsCpu.system) / 1000),
    reportMs: Math.round(reportMs),
    reportBytes: html.length,
  };
}
