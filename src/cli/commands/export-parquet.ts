// `export --format parquet -o DIR PATH...`: the study tables of every run under PATH... as
// Parquet (src/node/study/export.ts).
import { loadStudy } from '../../node/study/load';
import { exportParquet } from '../../node/study/export';
import { UsageError } from '../command';

export async function exportStudy(paths: string[], flags: Map<string, string | true>): Promise<number> {
  const out = flags.get('-o') ?? flags.get('--output');
  if (typeof out !== 'string') throw new UsageError('--format parquet needs -o DIR');
  if (flags.has('--only')) throw new UsageError('--only applies to jsonl and csv');
  const dir = flags.get('--annotations-dir');
  const t0 = performance.now();
  const study = await loadStudy(paths, { directory: typeof dir === 'string' ? dir : undefined, root: process.cwd() });
  for (const e of study.errors) process.stderr.write(`replication-lens export: ${e.file}: ${e.message}\n`);
  const t1 = performance.now();
  try {
    const m = await exportParquet(study.tables, out);
    const counts = m.tables
      .filter((t) => t.rows)
      .map((t) => `${t.name} ${t.rows}`)
      .join(', ');
    process.stderr.write(`replication-lens export: ${study.runs.length} run(s) to ${out} (${m.schema}): ${counts}\n`);
  } catch (e) {
    process.stderr.write(`replication-lens export: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  if (flags.has('--timing')) {
    const t2 = performance.now();
    process.stderr.write(
      `read and analysed ${(study.ms.scan / 1000).toFixed(2)} s, rows ${(study.ms.rows / 1000).toFixed(2)} s, ` +
        `read total ${((t1 - t0) / 1000).toFixed(2)} s, Parquet ${((t2 - t1) / 1000).toFixed(2)} s\n`,
    );
  }
  return study.errors.length ? 1 : 0;
}
