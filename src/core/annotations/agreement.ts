// Agreement between annotators, and the automatic findings judged against their verdicts.
//
// Items are the steps every annotator saw: an annotator has seen a run when they annotated a
// step of it or recorded a review of it. Each annotator's "ratings" of a step are the labels of
// their live, attached annotations there, plus their verdict as a token (`verdict:confirm`,
// `verdict:reject`, `missed:CATEGORY`). Per label, each step is a yes/no judgement; "overall"
// pools every (step, label) judgement into one table (micro); the mean of the per-label kappas
// is given beside it.
import { cohenKappa, fleissKappa, type KappaResult } from './kappa';
import type { ResolvedAnnotation } from './types';

/** A step as agreement needs it: its id and, per command, the analysis' categories. */
export interface FindingStep {
  id: string;
  commands: readonly { categories: readonly string[]; obstacles: readonly string[] }[];
}

export interface AgreementUnit {
  /** Names the run in reports (e.g. `file.log#run-1`). */
  key: string;
  runId: string;
  steps: readonly FindingStep[];
  /** Resolved annotations of this run (orphaned and deleted ones are counted, not rated). */
  annotations: readonly ResolvedAnnotation[];
  /** Authors who recorded a review of the run. */
  reviewers: readonly string[];
}

export interface LabelAgreement extends KappaResult {
  label: string;
  /** Steps each annotator gave the label. */
  positives: Record<string, number>;
}

export interface PrecisionRecall {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
}

export interface Disagreement {
  key: string;
  stepIndex: number;
  stepId: string;
  byAnnotator: Record<string, string[]>;
}

export interface AgreementReport {
  annotators: string[];
  method: 'cohen' | 'fleiss' | 'none';
  /** Why no kappa could be computed, when method is 'none'. */
  note: string | null;
  /** Steps every annotator saw. */
  items: number;
  runs: number;
  overall: KappaResult | null;
  meanPerLabel: number | null;
  perLabel: LabelAgreement[];
  /** Cohen's kappa for every pair (overall, pooled), when there are more than two annotators. */
  pairwise: { a: string; b: string; kappa: number | null }[];
  disagreements: Disagreement[];
  findings: {
    overall: PrecisionRecall;
    perCategory: (PrecisionRecall & { category: string })[];
    perAnnotator: (PrecisionRecall & { annotator: string })[];
    /** Verdicts on steps or commands that carry no finding to judge. */
    unmatchedVerdicts: number;
  };
  orphaned: number;
}

/** The rating tokens of one annotation. */
export function ratingTokens(a: ResolvedAnnotation['annotation']): string[] {
  const t = [...a.labels];
  if (a.verdict === 'confirm' || a.verdict === 'reject') t.push(`verdict:${a.verdict}`);
  else if (a.verdict) t.push(a.verdict);
  return t;
}

const usable = (r: ResolvedAnnotation) => !r.annotation.deleted && r.status !== 'orphaned' && r.stepIndex !== null;

function pr(tp: number, fp: number, fn: number): PrecisionRecall {
  return { tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : null, recall: tp + fn ? tp / (tp + fn) : null };
}

/** Kappa of binary ratings: `ratings[item][rater]`. */
function binaryKappa(ratings: boolean[][], raters: number): KappaResult {
  if (raters === 2) {
    const t = [
      [0, 0],
      [0, 0],
    ];
    for (const r of ratings) t[r[0] ? 0 : 1][r[1] ? 0 : 1]++;
    return cohenKappa(t);
  }
  return fleissKappa(
    ratings.map((r) => {
      const yes = r.filter(Boolean).length;
      return [yes, r.length - yes];
    }),
  );
}

export function computeAgreement(units: readonly AgreementUnit[], opts: { annotators?: string[] } = {}): AgreementReport {
  const all = units.flatMap((u) => u.annotations);
  const annotators = opts.annotators ?? [...new Set(all.filter(usable).map((r) => r.annotation.author))].sort();
  // Which runs each annotator saw.
  const seen = (u: AgreementUnit, who: string) => u.reviewers.includes(who) || u.annotations.some((r) => usable(r) && r.annotation.author === who);
  const shared = units.filter((u) => annotators.length > 0 && annotators.every((w) => seen(u, w)));

  // tokens[item][annotator] = set of labels
  const items: { key: string; index: number; stepId: string; tokens: Set<string>[] }[] = [];
  for (const u of shared) {
    const perStep = u.steps.map(() => annotators.map(() => new Set<string>()));
    for (const r of u.annotations) {
      const w = annotators.indexOf(r.annotation.author);
      if (w < 0 || !usable(r)) continue;
      for (const t of ratingTokens(r.annotation)) perStep[r.stepIndex!][w].add(t);
    }
    u.steps.forEach((s, i) => items.push({ key: u.key, index: i, stepId: s.id, tokens: perStep[i] }));
  }
  const labels = [...new Set(items.flatMap((it) => it.tokens.flatMap((s) => [...s])))].sort();

  const report: AgreementReport = {
    annotators,
    method: annotators.length === 2 ? 'cohen' : annotators.length > 2 ? 'fleiss' : 'none',
    note: null,
    items: items.length,
    runs: shared.length,
    overall: null,
    meanPerLabel: null,
    perLabel: [],
    pairwise: [],
    disagreements: [],
    findings: judgeFindings(units),
    orphaned: all.filter((r) => r.status === 'orphaned' && !r.annotation.deleted).length,
  };
  if (annotators.length < 2) report.note = `agreement needs two annotators or more (found ${annotators.length})`;
  else if (!items.length) report.note = 'no run was seen by every annotator';
  if (report.note) return { ...report, method: 'none' };

  const pooled: boolean[][] = [];
  for (const label of labels) {
    const ratings = items.map((it) => it.tokens.map((s) => s.has(label)));
    pooled.push(...ratings);
    const positives: Record<string, number> = {};
    annotators.forEach((w, i) => (positives[w] = ratings.filter((r) => r[i]).length));
    report.perLabel.push({ label, positives, ...binaryKappa(ratings, annotators.length) });
  }
  if (pooled.length) report.overall = binaryKappa(pooled, annotators.length);
  const defined = report.perLabel.map((l) => l.kappa).filter((k): k is number => k !== null);
  report.meanPerLabel = defined.length ? defined.reduce((s, k) => s + k, 0) / defined.length : null;
  if (annotators.length > 2) {
    for (let i = 0; i < annotators.length; i++) {
      for (let j = i + 1; j < annotators.length; j++) {
        const pair = pooled.map((r) => [r[i], r[j]]);
        report.pairwise.push({ a: annotators[i], b: annotators[j], kappa: pair.length ? binaryKappa(pair, 2).kappa : null });
      }
    }
  }
  for (const it of items) {
    const sig = it.tokens.map((s) => [...s].sort().join('\u0000'));
    if (sig.some((x) => x !== sig[0])) {
      const byAnnotator: Record<string, string[]> = {};
      annotators.forEach((w, i) => (byAnnotator[w] = [...it.tokens[i]].sort()));
      report.disagreements.push({ key: it.key, stepIndex: it.index, stepId: it.stepId, byAnnotator });
    }
  }
  return report;
}

/**
 * Precision and recall of the automatic findings against verdicts. A `confirm` counts a true
 * positive, a `reject` a false positive, for the finding it names or, without one, for every
 * finding of the command (or of the step, without a command index). `missed:C` counts a false
 * negative for C, unless the analysis did find C there (then it is a confirmation). Every
 * annotator's verdict counts once; recall is over the misses annotators reported.
 */
export function judgeFindings(units: readonly AgreementUnit[]): AgreementReport['findings'] {
  const cats = new Map<string, [number, number, number]>();
  const who = new Map<string, [number, number, number]>();
  let unmatched = 0;
  const bump = (cat: string, author: string, k: 0 | 1 | 2) => {
    if (!cats.has(cat)) cats.set(cat, [0, 0, 0]);
    if (!who.has(author)) who.set(author, [0, 0, 0]);
    cats.get(cat)![k]++;
    who.get(author)![k]++;
  };
  for (const u of units) {
    for (const r of u.annotations) {
      const a = r.annotation;
      if (!usable(r) || !a.verdict) continue;
      const step = u.steps[r.stepIndex!];
      const cmds = a.commandIndex !== undefined ? step.commands.slice(a.commandIndex, a.commandIndex + 1) : step.commands;
      const found = new Set(cmds.flatMap((c) => [...c.categories, ...c.obstacles]));
      if (a.verdict.startsWith('missed:')) {
        const cat = a.verdict.slice(7);
        bump(cat, a.author, found.has(cat) ? 0 : 2);
        continue;
      }
      const judged = a.finding ? (found.has(a.finding) ? [a.finding] : []) : [...found];
      if (!judged.length) unmatched++;
      for (const c of judged) bump(c, a.author, a.verdict === 'confirm' ? 0 : 1);
    }
  }
  let t = [0, 0, 0];
  for (const v of cats.values()) t = t.map((x, i) => x + v[i]);
  return {
    overall: pr(t[0], t[1], t[2]),
    perCategory: [...cats].sort(([a], [b]) => (a < b ? -1 : 1)).map(([category, v]) => ({ category, ...pr(v[0], v[1], v[2]) })),
    perAnnotator: [...who].sort(([a], [b]) => (a < b ? -1 : 1)).map(([annotator, v]) => ({ annotator, ...pr(v[0], v[1], v[2]) })),
    unmatchedVerdicts: unmatched,
  };
}
