// The agreement report as markdown (shown in VS Code's markdown preview). Pure: unit-tested.
import type { AgreementReport } from '../../core/annotations';

const num = (k: number | null) => (k === null ? '—' : k.toFixed(3));
/** Table cells hold annotators' names and labels: keep them from breaking the table or markup. */
const cell = (s: string) => s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');

export function agreementMarkdown(title: string, r: AgreementReport): string {
  const out: string[] = [`# Annotator agreement: ${cell(title)}`, ''];
  out.push(`Annotators: ${r.annotators.map(cell).join(', ') || 'none'}.`, '');
  if (r.note) out.push(`No agreement figures: ${cell(r.note)}.`, '');
  else {
    const name = r.method === 'cohen' ? "Cohen's kappa" : "Fleiss' kappa";
    out.push(`${name} over **${r.items}** steps in ${r.runs} run(s) that every annotator saw.`, '');
    out.push(`| label | kappa | observed | chance | ${r.annotators.map(cell).join(' | ')} |`);
    out.push(`|---|---:|---:|---:|${r.annotators.map(() => '---:').join('|')}|`);
    for (const l of r.perLabel) {
      out.push(`| ${cell(l.label)} | ${num(l.kappa)} | ${num(l.observed)} | ${num(l.expected)} | ${r.annotators.map((a) => l.positives[a] ?? 0).join(' | ')} |`);
    }
    if (r.overall)
      out.push(`| **overall (pooled)** | **${num(r.overall.kappa)}** | ${num(r.overall.observed)} | ${num(r.overall.expected)} | ${r.annotators.map(() => '').join(' | ')} |`);
    out.push('', `Mean of the per-label kappas: ${num(r.meanPerLabel)}.`, '');
    if (r.pairwise.length) {
      out.push('| pair | kappa |', '|---|---:|', ...r.pairwise.map((p) => `| ${cell(p.a)} / ${cell(p.b)} | ${num(p.kappa)} |`), '');
    }
    if (r.disagreements.length) {
      out.push(`## Disagreements (${r.disagreements.length} steps)`, '');
      for (const d of r.disagreements.slice(0, 200)) {
        out.push(
          `- step ${d.stepIndex + 1} (${cell(d.key)}): ${Object.entries(d.byAnnotator)
            .map(([a, l]) => `${cell(a)} [${l.map(cell).join(', ')}]`)
            .join('; ')}`,
        );
      }
      out.push('');
    }
  }
  const f = r.findings;
  out.push('## Automatic findings against verdicts', '');
  out.push(`Precision **${num(f.overall.precision)}**, recall **${num(f.overall.recall)}** (TP ${f.overall.tp}, FP ${f.overall.fp}, FN ${f.overall.fn}).`, '');
  if (f.perCategory.length) {
    out.push('| category | TP | FP | FN | precision | recall |', '|---|---:|---:|---:|---:|---:|');
    for (const c of f.perCategory) out.push(`| ${cell(c.category)} | ${c.tp} | ${c.fp} | ${c.fn} | ${num(c.precision)} | ${num(c.recall)} |`);
    out.push('');
  }
  if (r.orphaned) out.push(`${r.orphaned} orphaned annotation(s): their step is no longer in the log (kept, not rated).`, '');
  return out.join('\n');
}
