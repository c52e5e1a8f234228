// SQL over a study, measured (README "SQL over a study"): on a generated study of N runs
// (bench/corpus-gen.ts), the export to Parquet (read + analyse, rows, DuckDB load + Parquet
// write) and every README example query over the export, wall and CPU time (CPU counts
// DuckDB's threads too).
//
//   npx tsx bench/study.ts [N=1000] [DIR=/tmp/rlens-study-N] [--json]
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { EXAMPLE_QUERIES } from '../src/core/study/examples';
import { exportParquet } from '../src/node/study/export';
import { loadStudy } from '../src/node/study/load';
import { openStudy, runQuery } from '../src/node/study/query';
import { useBaselineWasmCompiler } from '../src/node/v8-tuning';
import { writeCorpus } from './corpus-gen';

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await f();
  const c = process.cpuUsage(cpu);
  return { value, ms: performance.now() - t, cpuMs: (c.user + c.system) / 1000 };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const n = Number(args[0] ?? 1000);
  const dir = args[1] ?? `/tmp/rlens-study-${n}`;
  const count = () => (existsSync(dir) ? readdirSync(dir).reduce((a, d) => a + readdirSync(`${dir}/${d}`).length, 0) : 0);
  if (count() !== n) {
    rmSync(dir, { recursive: true, force: true });
    writeCorpus(dir, n);
  }
  useBaselineWasmCompiler(); // as the CLI does
  const out = `${dir}.parquet`;
  const load = await timed(() => loadStudy([dir]));
  const write = await timed(() => exportParquet(load.value.tables, out));
  const open = await timed(() => openStudy({ dir: out }));
  const queries = [];
  for (const e of EXAMPLE_QUERIES) {
    const q = await timed(() => runQuery(open.value, e.sql));
    queries.push({ name: e.name, rows: q.value.total, ms: Math.round(q.ms), cpuMs: Math.round(q.cpuMs) });
  }
  open.value.close();
  const res = {
    runs: load.value.runs.length,
    rows: Object.fromEntries(Object.entries(load.value.tables).map(([k, v]) => [k, v.length])),
    export: {
      readAnalyseMs: Math.round(load.value.ms.scan),
      rowsMs: Math.round(load.value.ms.rows),
      parquetMs: Math.round(write.ms),
      parquetCpuMs: Math.round(write.cpuMs),
      totalMs: Math.round(load.ms + write.ms),
      totalCpuMs: Math.round(load.cpuMs + write.cpuMs),
    },
    openExportMs: Math.round(open.ms),
    queries,
  };
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(res, null, 2));
    return;
  }
  console.log(
    `${res.runs} runs; rows: ${Object.entries(res.rows)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  const e = res.export;
  console.log(
    `export: ${e.totalMs} ms wall, ${e.totalCpuMs} ms CPU (read + analyse ${e.readAnalyseMs}, rows ${e.rowsMs}, DuckDB + Parquet ${e.parquetMs} wall / ${e.parquetCpuMs} CPU)`,
  );
  console.log(`open the export (DuckDB start + views): ${res.openExportMs} ms`);
  for (const q of queries) console.log(`query ${q.name.padEnd(32)} ${String(q.ms).padStart(5)} ms wall ${String(q.cpuMs).padStart(5)} ms CPU  ${q.rows} rows`);
}

void main();
