// `replication-lens compare RUN RUN...`: runs side by side, aligned by milestone, with what
// differs marked (core/study/compare.ts). A RUN is a log (its only run) or LOG#RUN_ID.
import { existsSync } from 'node:fs';
import { compareRuns } from '../../core/study/compare';
import { comparisonText } from '../../core/study/compare-text';
import { programsOfCommand } from '../../core/corpus/rows';
import type { CorpusRun } from '../../core/corpus';
import { corpusAnnotations } from '../../node/corpus-annotations';
import { scanCorpus } from '../../node/corpus-scan';
import { parseArgs, UsageError, type CliCommand } from '../command';

const HELP = `usage: replication-lens compare RUN RUN... [--json] [--steps]

Compares two or more runs: milestones (explored, copied itself, launched the model server,
launched the agent, replica answered) with the step and seconds each was reached at, the
commands per category, the obstacles met and overcome, the verdict and the eval's own score;
lines where the runs differ start with ≠. A RUN is a log file (when it holds one run) or
LOG#RUN_ID (\`replication-lens analyze LOG\` lists the run ids).

  --json    the whole comparison as JSON, with the steps aligned by milestone
  --steps   also print the steps, aligned by milestone

Exit status: 0 done, 1 a log could not be read or a run is not in it, 2 usage error.`;

/**
 * LOG or LOG#RUN_ID. A path that exists as written is a log even if it holds a '#'; else the
 * first '#' after which the path exists splits it (run ids hold '#' too: `sales_analysis#1`).
 */
export function splitRunRef(ref: string, exists: (p: string) => boolean = existsSync): { file: string; runId: string | null } {
  if (exists(ref)) return { file: ref, runId: null };
  for (let at = ref.indexOf('#'); at > 0; at = ref.indexOf('#', at + 1)) {
    if (exists(ref.slice(0, at))) return { file: ref.slice(0, at), runId: ref.slice(at + 1) };
  }
  return { file: ref, runId: null };
}

/** The runs named by `refs`, in order; throws with what is missing. */
export async function runsOf(refs: string[]): Promise<CorpusRun[]> {
  const picked: CorpusRun[] = [];
  for (const ref of refs) {
    const { file, runId } = splitRunRef(ref);
    if (!existsSync(file)) throw new Error(`${file}: no such file`);
    const scan = await scanCorpus([file]);
    if (scan.errors.length) throw new Error(scan.errors.map((e) => `${file}: ${e.message}`).join('; '));
    // Named as the caller wrote it (the scan of one file names it by its base name only).
    const runs = scan.runs.map((r) => ({ ...r, file }));
    if (runId === null && runs.length !== 1) {
      throw new Error(
        `${file} holds ${runs.length} runs; name one as ${file}#RUN_ID (${runs
          .map((r) => r.trajectory.id)
          .slice(0, 10)
          .join(', ')})`,
      );
    }
    const run = runId === null ? runs[0] : runs.find((r) => r.trajectory.id === runId);
    if (!run)
      throw new Error(
        `${file}: no run ${runId} (runs: ${runs
          .map((r) => r.trajectory.id)
          .slice(0, 10)
          .join(', ')})`,
      );
    picked.push(run);
  }
  return picked;
}

export const compareCommand: CliCommand = {
  summary: 'two or more runs side by side, aligned by milestone, differences marked',
  help: HELP,
  async run(args) {
    const { positional, flags } = parseArgs(args, [], ['--json', '--steps']);
    if (positional.length < 2) throw new UsageError('give at least two runs');
    let runs: CorpusRun[];
    try {
      runs = await runsOf(positional);
    } catch (e) {
      process.stderr.write(`replication-lens compare: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
    const hooks = await corpusAnnotations(process.cwd(), runs);
    const c = compareRuns(runs, programsOfCommand(), (r) => hooks.verdict?.(r.file, r.trajectory.id) ?? r.trajectory.outcome.verdict);
    process.stdout.write(flags.has('--json') ? JSON.stringify(c, null, 2) + '\n' : comparisonText(c, { steps: flags.has('--steps') }));
    return 0;
  },
};
