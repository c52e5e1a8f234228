// Statistics over many runs (DESIGN.md `core/corpus`): summary rows, per-model statistics,
// the chain-of-replication lineage. Pure: the caller reads the files (src/node/corpus-scan.ts).
import { buildLineage, type LineageNode } from './lineage';
import { summarizeRuns, type CorpusOptions, type CorpusRun, type RunRow } from './rows';
import { corpusStats, type CorpusStats, type GroupBy } from './stats';

/** A file of the corpus that could not be read, and why. */
export interface CorpusError {
  file: string;
  message: string;
}

export interface Corpus {
  rows: RunRow[];
  stats: CorpusStats;
  lineage: LineageNode[];
  errors: CorpusError[];
}

export function buildCorpus(runs: CorpusRun[], opts: CorpusOptions & { groupBy?: GroupBy; errors?: CorpusError[] } = {}): Corpus {
  const rows = summarizeRuns(runs, opts);
  // A sub-agent's copies and launches are its session's main run's (judged with it): drawn once.
  const lineage = buildLineage(
    runs.flatMap((r, i) =>
      rows[i].sessionMain
        ? []
        : [
            {
              ref: { key: rows[i].key, file: r.file, runId: r.trajectory.id, title: r.trajectory.title },
              trajectory: r.trajectory,
            },
          ],
    ),
  );
  return { rows, stats: corpusStats(rows, opts.groupBy), lineage, errors: opts.errors ?? [] };
}

export * from './rows';
export * from './stats';
export * from './lineage';
export * from './milestones';
export * from './obstacles';
export * from './table2';
export { statsCsv, rowsCsv } from './csv';
