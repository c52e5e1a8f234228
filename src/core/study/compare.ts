// Runs side by side (README "Compare runs"): aligned by milestone (explored, copied, model
// server, agent, answered) and, between two milestones, step by step; with what differs marked:
// milestones reached and when, categories met, obstacles met and overcome, verdict. Pure: the
// CLI prints it, the compare view draws it.
import { succeeded } from '../corpus/milestones';
import type { CorpusRun } from '../corpus/rows';
import { CATEGORIES, OBSTACLE_KINDS, type AnalyzedCommand, type AnalyzedStep } from '../model';
import { evalAgreement, milestoneSteps, secondsBetween, STUDY_MILESTONE_LABELS, STUDY_MILESTONES, type StudyMilestone } from './milestones';
import { stepNumber } from './rows';

export interface ComparedRun {
  file: string;
  runId: string;
  title: string;
  model: string | null;
  format: string;
  verdict: string;
  reason: string;
  steps: number;
  commands: number;
  durationS: number | null;
  evalScore: string | null;
  evalAgrees: boolean | null;
}

export interface MilestoneCell {
  /** 1-based step. */
  step: number;
  seconds: number | null;
  how: string;
}

export interface StepCell {
  /** 1-based step. */
  step: number;
  role: string;
  commands: string[];
  categories: string[];
  obstacles: string[];
  /** Every command of the step succeeded (no obstacle, exit 0 or unknown). */
  ok: boolean;
}

export type AlignedRow =
  | { kind: 'milestone'; milestone: StudyMilestone; label: string; cells: (MilestoneCell | null)[]; differs: boolean }
  | { kind: 'step'; after: StudyMilestone | 'start'; cells: (StepCell | null)[]; differs: boolean };

export interface CountRow {
  name: string;
  counts: number[];
  /** Some runs have it and some do not. */
  differs: boolean;
}

export interface ObstacleRow {
  kind: string;
  met: number[];
  overcome: number[];
  differs: boolean;
}

export interface RunComparison {
  runs: ComparedRun[];
  verdictDiffers: boolean;
  milestones: Extract<AlignedRow, { kind: 'milestone' }>[];
  categories: CountRow[];
  obstacles: ObstacleRow[];
  rows: AlignedRow[];
}

const CMD_TEXT = 300;

function stepCell(s: AnalyzedStep): StepCell {
  const cats = new Set<string>();
  const obs = new Set<string>();
  for (const c of s.commands) {
    for (const k of c.categories) cats.add(k);
    for (const k of c.obstacles) obs.add(k);
  }
  return {
    step: stepNumber(s.index),
    role: s.role,
    commands: s.commands.map((c) => (c.text.length > CMD_TEXT ? c.text.slice(0, CMD_TEXT - 1) + '…' : c.text)),
    categories: [...cats],
    obstacles: [...obs],
    ok: s.commands.every(succeeded),
  };
}

const presenceDiffers = (counts: number[]) => counts.some((n) => n > 0) && counts.some((n) => n === 0);
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** A milestone cell against the first run's: `+7 steps, +197 s` (empty when either did not reach it, or for the first run). */
export function milestoneDelta(cell: MilestoneCell | null, first: MilestoneCell | null): string {
  if (!cell || !first || cell === first) return '';
  const ds = cell.step - first.step;
  const dt = cell.seconds !== null && first.seconds !== null ? Math.round(cell.seconds - first.seconds) : null;
  const sign = (n: number) => (n > 0 ? `+${n}` : String(n));
  return `${sign(ds)} step${Math.abs(ds) === 1 ? '' : 's'}${dt !== null ? `, ${sign(dt)} s` : ''}`;
}

/** Obstacles met and overcome per kind, as corpus/obstacles.ts counts them (a later success with a category or program in common). */
function obstacleCounts(run: CorpusRun, programsOf: (c: AnalyzedCommand) => string[]): Map<string, { met: number; overcome: number }> {
  const cmds = run.trajectory.steps.flatMap((s) => s.commands);
  const later = new Set<string>();
  const out = new Map<string, { met: number; overcome: number }>();
  for (let i = cmds.length - 1; i >= 0; i--) {
    const c = cmds[i];
    const p = programsOf(c);
    const keys = c.categories.length ? c.categories.map((k) => 'c:' + k) : p.length ? ['p:' + p[0]] : [];
    const overcome = keys.some((k) => later.has(k));
    for (const kind of c.obstacles) {
      const o = out.get(kind) ?? { met: 0, overcome: 0 };
      o.met++;
      if (overcome) o.overcome++;
      out.set(kind, o);
    }
    if (succeeded(c)) for (const k of keys) later.add(k);
  }
  return out;
}

export function compareRuns(
  runs: CorpusRun[],
  programsOf: (c: AnalyzedCommand) => string[],
  verdictOf: (r: CorpusRun) => string = (r) => r.trajectory.outcome.verdict,
): RunComparison {
  const compared: ComparedRun[] = runs.map((r) => {
    const t = r.trajectory;
    const start = t.steps.find((s) => s.time)?.time ?? null;
    const last = [...t.steps].reverse().find((s) => s.time)?.time ?? null;
    const score = t.meta?.score;
    const verdict = verdictOf(r);
    return {
      file: r.file,
      runId: t.id,
      title: t.title,
      model: t.model,
      format: r.format,
      verdict,
      reason: t.outcome.reason,
      steps: t.steps.length,
      commands: t.steps.reduce((n, s) => n + s.commands.length, 0),
      durationS: secondsBetween(start, last),
      evalScore: score === undefined || score === null ? null : String(score),
      evalAgrees: evalAgreement(score, verdict, t.outcome.taskAsksReplication),
    };
  });

  const hits = runs.map((r) => milestoneSteps(r.trajectory, programsOf));
  const milestones = STUDY_MILESTONES.map((m) => {
    const cells = runs.map((r, i): MilestoneCell | null => {
      const h = hits[i].find((x) => x.milestone === m);
      if (!h) return null;
      const start = r.trajectory.steps.find((s) => s.time)?.time ?? null;
      return { step: stepNumber(h.index), seconds: secondsBetween(start, r.trajectory.steps[h.index]?.time ?? null), how: h.how };
    });
    const reached = cells.map((c) => c !== null);
    return { kind: 'milestone' as const, milestone: m, label: STUDY_MILESTONE_LABELS[m], cells, differs: reached.some((x) => x !== reached[0]) };
  });

  // Segment boundaries per run: the milestones it reached, kept only while their steps go forward.
  const bounds = runs.map((_, i) => {
    const b = new Map<StudyMilestone, number>();
    let at = 0;
    for (const m of STUDY_MILESTONES) {
      const h = hits[i].find((x) => x.milestone === m);
      if (h && h.index >= at) {
        b.set(m, h.index);
        at = h.index;
      }
    }
    return b;
  });
  const rows: AlignedRow[] = [];
  const segments: (StudyMilestone | 'start')[] = ['start', ...STUDY_MILESTONES];
  for (let k = 0; k < segments.length; k++) {
    const seg = segments[k];
    if (seg !== 'start') rows.push(milestones[k - 1]);
    const slices = runs.map((r, i) => {
      const b = bounds[i];
      if (seg !== 'start' && !b.has(seg)) return [];
      const from = seg === 'start' ? 0 : b.get(seg)!;
      const next = segments.slice(k + 1).find((m) => m !== 'start' && b.has(m as StudyMilestone));
      const to = next ? b.get(next as StudyMilestone)! : r.trajectory.steps.length;
      return r.trajectory.steps.slice(from, to);
    });
    const n = Math.max(0, ...slices.map((s) => s.length));
    for (let j = 0; j < n; j++) {
      const cells = slices.map((s) => (s[j] ? stepCell(s[j]) : null));
      const present = cells.filter((c): c is StepCell => c !== null);
      const differs = present.length !== cells.length || present.some((c) => !sameSet(c.categories, present[0].categories) || !sameSet(c.obstacles, present[0].obstacles));
      rows.push({ kind: 'step', after: seg, cells, differs });
    }
  }

  const catCounts = runs.map((r) => {
    const m = new Map<string, number>();
    for (const s of r.trajectory.steps) for (const c of s.commands) for (const k of c.categories) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  });
  const categories = CATEGORIES.map((name) => ({ name, counts: catCounts.map((m) => m.get(name) ?? 0) }))
    .filter((r) => r.counts.some((n) => n > 0))
    .map((r) => ({ ...r, differs: presenceDiffers(r.counts) }));
  const obs = runs.map((r) => obstacleCounts(r, programsOf));
  const obstacles = OBSTACLE_KINDS.map((kind) => ({
    kind,
    met: obs.map((m) => m.get(kind)?.met ?? 0),
    overcome: obs.map((m) => m.get(kind)?.overcome ?? 0),
  }))
    .filter((r) => r.met.some((n) => n > 0))
    .map((r) => {
      // Differs: met by some runs only, or overcome in full by some of the runs that met it and not by others.
      const whole = r.met.flatMap((n, i) => (n > 0 ? [r.overcome[i] === n] : []));
      return { ...r, differs: presenceDiffers(r.met) || whole.some((x) => x !== whole[0]) };
    });

  return {
    runs: compared,
    verdictDiffers: compared.some((c) => c.verdict !== compared[0].verdict),
    milestones,
    categories,
    obstacles,
    rows,
  };
}
