// `replication-lens agreement LOG... [--json]`: agreement between the annotators of the logs
// (Cohen's kappa for two, Fleiss' for more, per label and overall) and the precision and
// recall of the automatic findings against their confirm/reject verdicts.
import { computeAgreement, type AgreementReport, type AgreementUnit, type KappaResult } from '../../core/annotations';
import { parseArgs, UsageError, type CliCommand } from '../command';
import { loadAnnotatedLogs, storeIssueLines, type AnnotatedLog } from './annotated-logs';

const HELP = `usage: replication-lens agreement LOG... [--json] [--annotators A,B,...] [--annotations-dir DIR]

Reads each LOG and its annotations (LOG.annotations.jsonl beside it, or under DIR) and prints
how far the annotators agree, over the steps of the runs they all saw (a run counts as seen by
an annotator who annotated a step of it or recorded a review of it):

  - Cohen's kappa (two annotators) or Fleiss' kappa (three or more), per label and overall
    (every step-and-label judgement pooled), with pairwise Cohen's kappa for three or more;
    verdicts count as labels: verdict:confirm, verdict:reject, missed:CATEGORY;
  - precision and recall of the automatic findings against confirm / reject / missed verdicts;
  - the steps where annotators disagree, and the annotations whose step is gone (orphaned).

  --json              one JSON document (schema replication-lens/agreement@1)
  --annotators LIST   only these annotators (comma-separated), in this order
  --annotations-dir D where the annotation files are (relative to the current folder)

Exit status: 0 done, 1 a LOG could not be read, 2 usage error.`;

export function agreementUnits(logs: AnnotatedLog[]): AgreementUnit[] {
  return logs.flatMap((l) =>
    l.runs.map((r) => ({
      key: `${l.file}#${r.runId}`,
      runId: r.runId,
      steps: r.run?.steps ?? [],
      annotations: r.annotations,
      reviewers: r.reviewers,
    })),
  );
}

const num = (k: number | null, digits = 3) => (k === null ? '—' : k.toFixed(digits));

function table(head: string[], rows: string[][]): string {
  const cells = [head, ...rows];
  const w = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return (
    cells
      .map((r) =>
        r
          .map((c, i) => (i ? c.padStart(w[i]) : c.padEnd(w[i])))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

function kappaCells(k: KappaResult): string[] {
  return [num(k.kappa), num(k.observed), num(k.expected), String(k.items)];
}

function textReport(r: AgreementReport, logs: AnnotatedLog[]): string {
  const total = logs.reduce((s, l) => s + l.annotations, 0);
  let s = `${total} annotations in ${logs.length} log(s); annotators: ${r.annotators.join(', ') || 'none'}\n`;
  if (r.note) s += `No agreement figures: ${r.note}.\n`;
  else {
    const name = r.method === 'cohen' ? "Cohen's kappa" : "Fleiss' kappa";
    s += `${name} over ${r.items} steps in ${r.runs} run(s) seen by all\n\n`;
    s += table(
      ['label', 'kappa', 'observed', 'chance', 'items', ...r.annotators],
      [
        ...r.perLabel.map((l) => [l.label, ...kappaCells(l), ...r.annotators.map((a) => String(l.positives[a] ?? 0))]),
        ...(r.overall ? [['overall (pooled)', ...kappaCells(r.overall), ...r.annotators.map(() => '')]] : []),
      ],
    );
    s += `mean of per-label kappas: ${num(r.meanPerLabel)}\n`;
    if (r.pairwise.length)
      s +=
        '\nPairwise Cohen\n' +
        table(
          ['a', 'b', 'kappa'],
          r.pairwise.map((p) => [p.a, p.b, num(p.kappa)]),
        );
    if (r.disagreements.length) {
      s += `\n${r.disagreements.length} step(s) with disagreements\n`;
      for (const d of r.disagreements.slice(0, 20)) {
        s += `  ${d.key} step ${d.stepIndex + 1}: ${Object.entries(d.byAnnotator)
          .map(([a, l]) => `${a} [${l.join(', ')}]`)
          .join('  ')}\n`;
      }
      if (r.disagreements.length > 20) s += `  ... (${r.disagreements.length - 20} more; --json lists them all)\n`;
    }
  }
  const f = r.findings;
  s +=
    `\nAutomatic findings against verdicts: precision ${num(f.overall.precision)}, recall ${num(f.overall.recall)} ` +
    `(TP ${f.overall.tp}, FP ${f.overall.fp}, FN ${f.overall.fn})\n`;
  if (f.perCategory.length) {
    s += table(
      ['category', 'TP', 'FP', 'FN', 'precision', 'recall'],
      f.perCategory.map((c) => [c.category, String(c.tp), String(c.fp), String(c.fn), num(c.precision), num(c.recall)]),
    );
  }
  if (f.unmatchedVerdicts) s += `${f.unmatchedVerdicts} verdict(s) on steps or commands without a finding\n`;
  if (r.orphaned) s += `\n${r.orphaned} orphaned annotation(s): their step is no longer in the log (kept, not rated)\n`;
  return s;
}

export const agreementCommand: CliCommand = {
  summary: "annotator agreement (Cohen's / Fleiss' kappa) and finding precision/recall",
  help: HELP,
  async run(args) {
    const { positional, flags } = parseArgs(args, ['--annotators', '--annotations-dir'], ['--json']);
    if (!positional.length) throw new UsageError('give at least one LOG');
    const who = flags.get('--annotators');
    const annotators =
      typeof who === 'string'
        ? who
            .split(',')
            .map((a) => a.trim())
            .filter(Boolean)
        : undefined;
    if (annotators && !annotators.length) throw new UsageError('--annotators needs names, comma-separated');
    const dir = flags.get('--annotations-dir');
    const { logs, errors } = await loadAnnotatedLogs(positional, { annotationsDir: typeof dir === 'string' ? dir : undefined });
    const report = computeAgreement(agreementUnits(logs), { annotators });
    if (flags.has('--json')) {
      const doc = {
        schema: 'replication-lens/agreement@1',
        logs: logs.map((l) => ({ file: l.file, store: l.store, annotations: l.annotations, orphaned: l.orphaned, issues: l.storeIssues })),
        ...report,
        errors,
      };
      process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
    } else {
      process.stdout.write(textReport(report, logs));
    }
    for (const line of storeIssueLines(logs)) process.stderr.write(`replication-lens agreement: ${line}\n`);
    for (const e of errors) process.stderr.write(`replication-lens agreement: ${e.file}: ${e.message}\n`);
    return errors.length ? 1 : 0;
  },
};
