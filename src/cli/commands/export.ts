// `replication-lens export LOG... --format jsonl|csv [-o FILE]`: every step with its findings
// and annotations (orphaned annotations as rows of their own), for data sets and papers.
import { exportRows, toCsv, toJsonl, type ExportFilter, type ExportUnit } from '../../core/annotations';
import { writeFileAtomic } from '../../node/annotation-file';
import { parseArgs, UsageError, type CliCommand } from '../command';
import { loadAnnotatedLogs, storeIssueLines } from './annotated-logs';
import { exportStudy } from './export-parquet';

const HELP = `usage: replication-lens export LOG... --format jsonl|csv [-o FILE] [--only flagged|annotated]
                             [--annotations-dir DIR] [--no-formula-guard]
       replication-lens export PATH... --format parquet -o DIR [--annotations-dir DIR] [--timing]

parquet: the study tables (runs, milestones, steps, commands, findings, obstacles, entities,
processes, copies, port_events, checks, annotations; \`replication-lens query --tables\`) of
every run under PATH... (logs or folders), one folder per table under DIR, Hive-partitioned by
model, with DIR/study.json naming the schema version. DuckDB, pandas, Polars and Spark read it
as is; \`replication-lens query --from DIR\` queries it. DIR must be new, empty or an earlier export.

Writes one row per step of every run of each LOG, with the step's commands, the categories
and obstacles the analysis found, and the annotations on it (LOG.annotations.jsonl beside the
log, or under DIR). Annotations whose step is gone come out as rows of their own with status
"orphaned". JSONL keeps the structure (findings, each annotation); CSV flattens it into the
columns file, run_id, step (the number the timeline shows, from 1), step_index (its 0-based
position), step_id, status, role, time, commands, categories, obstacles, annotation_count,
labels, verdicts, authors, notes (RFC 4180 quoting).

  --format F          jsonl or csv (required)
  -o, --output FILE   write to FILE (atomically) instead of standard output
  --only WHICH        flagged: steps with a finding or an annotation; annotated: annotated steps
  --annotations-dir D where the annotation files are (relative to the current folder)
  --no-formula-guard  CSV: do not prefix cells starting with = + - @ with an apostrophe
                      (the guard stops spreadsheets running a transcript's text as a formula)

Exit status: 0 done, 1 a LOG could not be read, 2 usage error.`;

export const exportCommand: CliCommand = {
  summary: 'steps with their findings and annotations, as JSONL or CSV',
  help: HELP,
  async run(args) {
    const { positional, flags } = parseArgs(args, ['--format', '-o', '--output', '--only', '--annotations-dir'], ['--no-formula-guard', '--timing']);
    if (!positional.length) throw new UsageError('give at least one LOG');
    const format = flags.get('--format');
    if (format === 'parquet') return exportStudy(positional, flags);
    if (format !== 'jsonl' && format !== 'csv') throw new UsageError('--format must be jsonl, csv or parquet');
    const only = flags.get('--only') ?? 'all';
    if (only !== 'all' && only !== 'flagged' && only !== 'annotated') throw new UsageError('--only takes flagged or annotated');
    const output = flags.get('-o') ?? flags.get('--output');
    const dir = flags.get('--annotations-dir');
    const { logs, errors } = await loadAnnotatedLogs(positional, { annotationsDir: typeof dir === 'string' ? dir : undefined });
    const units: ExportUnit[] = logs.flatMap((l) => l.runs.map((r) => ({ file: l.file, runId: r.runId, steps: r.run?.steps ?? [], annotations: r.annotations })));
    const rows = exportRows(units, only as ExportFilter);
    const text = format === 'csv' ? toCsv(rows, { formulaGuard: !flags.has('--no-formula-guard') }) : toJsonl(rows);
    if (typeof output === 'string') await writeFileAtomic(output, text);
    else process.stdout.write(text);
    for (const line of storeIssueLines(logs)) process.stderr.write(`replication-lens export: ${line}\n`);
    for (const e of errors) process.stderr.write(`replication-lens export: ${e.file}: ${e.message}\n`);
    return errors.length ? 1 : 0;
  },
};
