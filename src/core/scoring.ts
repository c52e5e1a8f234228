// Scoring against the labelled corpora (TAXONOMY.md "Labels in the corpora"): micro
// precision and recall over (command, category) pairs, obstacles included, matching
// commands in order by their whitespace-normalised text.
import type { Analysis } from './model';

export interface LabelFile {
  format: string;
  trajectories: {
    outcome: string;
    commands: { text: string; categories: string[]; obstacles: string[] }[];
  }[];
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Labelled commands with no predicted command of the same text, and the reverse. */
  unmatchedLabels: string[];
  unmatchedPredicted: string[];
  /** Per command: what differed, for reading a failure. */
  mistakes: { text: string; missing: string[]; extra: string[] }[];
  outcomes: { expected: string; got: string }[];
}

/**
 * Whitespace-normalised text; a quote inside single quotes spelled either way a shell quoter
 * writes it (`'\''`, or Python shlex's `'"'"'`) is the same argv.
 */
const norm = (s: string) => s.replace(/'"'"'/g, "'\\''").replace(/\s+/g, ' ').trim();

/**
 * The analysed run each labelled run is scored against. Labels carry no run id and list runs
 * in the file's order, while readers may order them otherwise (Inspect samples by id and epoch),
 * so a labelled run goes with the unused analysed run sharing most of its command texts; ties
 * (and runs without commands) keep their position.
 */
function pairRuns(analysis: Analysis, labels: LabelFile): (Analysis['trajectories'][number] | undefined)[] {
  const runs = analysis.trajectories;
  if (runs.length < 2 || labels.trajectories.length < 2) return labels.trajectories.map((_, i) => runs[i]);
  const texts = runs.map((r) => new Set(r.steps.flatMap((st) => st.commands.map((c) => norm(c.text)))));
  const used = new Set<number>();
  return labels.trajectories.map((lt, ti) => {
    let best = -1;
    let bestShared = -1;
    for (let i = 0; i < runs.length; i++) {
      if (used.has(i)) continue;
      const shared = lt.commands.reduce((n, c) => n + (texts[i].has(norm(c.text)) ? 1 : 0), 0);
      if (shared > bestShared || (shared === bestShared && i === ti)) {
        best = i;
        bestShared = shared;
      }
    }
    if (best < 0) return undefined;
    used.add(best);
    return runs[best];
  });
}

export function scoreAnalysis(analysis: Analysis, labels: LabelFile): Score {
  const s: Score = { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, unmatchedLabels: [], unmatchedPredicted: [], mistakes: [], outcomes: [] };
  const paired = pairRuns(analysis, labels);
  labels.trajectories.forEach((lt, ti) => {
    const at = paired[ti];
    s.outcomes.push({ expected: lt.outcome, got: at?.outcome.verdict ?? 'missing' });
    const predicted = at ? at.steps.flatMap((st) => st.commands) : [];
    let j = 0;
    for (const lc of lt.commands) {
      const want = new Set([...lc.categories, ...lc.obstacles.map((o) => `obstacle:${o}`)]);
      // Find the next predicted command with the same text, not looking back.
      let k = j;
      while (k < predicted.length && norm(predicted[k].text) !== norm(lc.text)) k++;
      if (k >= predicted.length) {
        s.unmatchedLabels.push(lc.text);
        s.fn += want.size;
        continue;
      }
      for (let x = j; x < k; x++) {
        s.unmatchedPredicted.push(predicted[x].text);
        s.fp += predicted[x].categories.length + predicted[x].obstacles.length;
      }
      const pc = predicted[k];
      j = k + 1;
      const got = new Set<string>([...pc.categories, ...pc.obstacles.map((o) => `obstacle:${o}`)]);
      const missing = [...want].filter((x) => !got.has(x));
      const extra = [...got].filter((x) => !want.has(x));
      s.tp += [...want].filter((x) => got.has(x)).length;
      s.fn += missing.length;
      s.fp += extra.length;
      if (missing.length || extra.length) s.mistakes.push({ text: lc.text, missing, extra });
    }
    for (let x = j; x < predicted.length; x++) {
      s.unmatchedPredicted.push(predicted[x].text);
      s.fp += predicted[x].categories.length + predicted[x].obstacles.length;
    }
  });
  s.precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  s.recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  return s;
}

export const VERDICT_IDS = ['replicated', 'failed', 'not-attempted', 'unknown'] as const;

export interface VerdictScore {
  /** Runs whose label gives a verdict (a null label is left out). */
  runs: number;
  correct: number;
  accuracy: number;
  /** confusion[expected][got]: runs labelled `expected` that the analysis judged `got`. */
  confusion: Record<string, Record<string, number>>;
  /** Per verdict: how often the analysis' call of it was right (precision) and how many of the runs labelled with it got it (recall). */
  perVerdict: Record<string, { precision: number; recall: number; tp: number; fp: number; fn: number }>;
}

/** Verdict accuracy and confusion over the runs of many scored files. */
export function verdictScore(scores: Score[]): VerdictScore {
  const labels = [...VERDICT_IDS, 'missing'];
  const confusion: VerdictScore['confusion'] = {};
  for (const e of VERDICT_IDS) confusion[e] = Object.fromEntries(labels.map((g) => [g, 0]));
  let runs = 0;
  let correct = 0;
  for (const s of scores) {
    for (const o of s.outcomes) {
      if (!o.expected || !(o.expected in confusion)) continue;
      runs++;
      if (o.expected === o.got) correct++;
      const row = confusion[o.expected];
      row[o.got in row ? o.got : 'missing']++;
    }
  }
  const perVerdict: VerdictScore['perVerdict'] = {};
  for (const v of VERDICT_IDS) {
    const tp = confusion[v][v];
    const fn = Object.values(confusion[v]).reduce((a, b) => a + b, 0) - tp;
    const fp = VERDICT_IDS.filter((e) => e !== v).reduce((a, e) => a + confusion[e][v], 0);
    perVerdict[v] = { tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
  }
  return { runs, correct, accuracy: runs ? correct / runs : 1, confusion, perVerdict };
}

export function addScores(scores: Score[]): { tp: number; fp: number; fn: number; precision: number; recall: number } {
  const tp = scores.reduce((a, s) => a + s.tp, 0);
  const fp = scores.reduce((a, s) => a + s.fp, 0);
  const fn = scores.reduce((a, s) => a + s.fn, 0);
  return { tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
}
