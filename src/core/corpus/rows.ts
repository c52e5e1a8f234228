// One summary row per run: what the corpus view lists and what the statistics add up.
import type { AnalyzedCommand, AnalyzedTrajectory, Category, FormatId, ObstacleKind, Verdict } from '../model';
import { CATEGORIES, isCritical } from '../model';
import { milestonesOf, type Milestone } from './milestones';
import { obstaclesOf, type ObstacleCount } from './obstacles';
import { normaliseProgram } from './table2';
import { evalAgreement } from '../study/milestones';

/** A run as the corpus holds it: which file, which format, the analysed trajectory. */
export interface CorpusRun {
  /** Path of the file, relative to the corpus root when scanned from a folder. */
  file: string;
  format: FormatId;
  trajectory: AnalyzedTrajectory;
}

/** Annotation data for the corpus, supplied by whoever holds the annotation store. */
export interface AnnotationHook {
  /** Steps annotated out of the steps of the run, or null when the run has no annotations. */
  progress?(file: string, runId: string, steps: number): { annotated: number; total: number } | null;
  /** A verdict a researcher set for the run; it overrides the analysis' verdict. */
  verdict?(file: string, runId: string): Verdict | null;
}

export interface CorpusOptions {
  /** Program names of a command's simple commands (default: the analysis's, as Table 2 names them). */
  programs?: (c: AnalyzedCommand) => string[];
  annotations?: AnnotationHook;
}

export interface RunRow {
  /** `file#runId`: unique in a corpus. */
  key: string;
  file: string;
  format: FormatId;
  runId: string;
  title: string;
  model: string | null;
  task: string | null;
  /** ISO time of the first step that has one. */
  start: string | null;
  steps: number;
  commands: number;
  /** Commands carrying each category (critical and context). */
  categories: Partial<Record<Category, number>>;
  /** Commands carrying at least one critical category. */
  critical: number;
  obstacles: ObstacleCount & { byKind: Partial<Record<ObstacleKind, ObstacleCount>> };
  /** The verdict used for statistics: the annotation's when set, else the analysis'. */
  verdict: Verdict;
  analysisVerdict: Verdict;
  verdictFrom: 'analysis' | 'annotation';
  reason: string;
  /** Index of the first step with a critical finding (where the view opens the timeline). */
  firstCritical: number | null;
  milestones: Record<Milestone, boolean>;
  /** Simple commands per program name (normalised: python3 -> python). */
  programs: Record<string, number>;
  annotation: { annotated: number; total: number } | null;
  /** Problems reading the run. */
  issues: number;
  /** The eval's own score of the sample (Inspect), as text; null when the log has none. */
  evalScore: string | null;
  /** That score and the verdict agree (study/milestones.ts evalAgreement); null when not comparable. */
  evalAgrees: boolean | null;
}

/**
 * A command's programs as the analysis recorded them, folded onto Table 2's names (`python3`
 * -> `python`); memoised by the recorded list, which the commands of one text share.
 */
export function programsOfCommand(): (c: AnalyzedCommand) => string[] {
  const memo = new WeakMap<readonly string[], string[]>();
  return (c) => {
    let p = memo.get(c.programs);
    if (!p) memo.set(c.programs, (p = c.programs.map(normaliseProgram)));
    return p;
  };
}

export function runKey(file: string, runId: string): string {
  return `${file}#${runId}`;
}

export function summarizeRun(run: CorpusRun, opts: CorpusOptions = {}, programsOfText = opts.programs ?? programsOfCommand()): RunRow {
  const t = run.trajectory;
  // Counting, milestones and obstacles each ask for a command's programs: work them out once.
  const memo = new WeakMap<AnalyzedCommand, string[]>();
  const programsOf = (c: AnalyzedCommand): string[] => {
    let p = memo.get(c);
    if (!p) memo.set(c, (p = programsOfText(c)));
    return p;
  };
  const categories: Partial<Record<Category, number>> = {};
  const programs: Record<string, number> = {};
  let commands = 0;
  let critical = 0;
  let firstCritical: number | null = null;
  let start: string | null = null;
  for (const s of t.steps) {
    if (start === null && s.time) start = s.time;
    for (const c of s.commands) {
      commands++;
      let crit = false;
      for (const k of c.categories) {
        categories[k] = (categories[k] ?? 0) + 1;
        if (isCritical(k)) crit = true;
      }
      if (crit) {
        critical++;
        if (firstCritical === null) firstCritical = s.index;
      }
      for (const p of programsOf(c)) programs[p] = (programs[p] ?? 0) + 1;
    }
  }
  const hook = opts.annotations;
  const override = hook?.verdict?.(run.file, t.id) ?? null;
  return {
    key: runKey(run.file, t.id),
    file: run.file,
    format: run.format,
    runId: t.id,
    title: t.title,
    model: t.model,
    task: t.task,
    start,
    steps: t.steps.length,
    commands,
    categories,
    critical,
    obstacles: obstaclesOf(t, programsOf),
    verdict: override ?? t.outcome.verdict,
    analysisVerdict: t.outcome.verdict,
    verdictFrom: override ? 'annotation' : 'analysis',
    reason: t.outcome.reason,
    firstCritical,
    milestones: milestonesOf(t, programsOf),
    programs,
    annotation: hook?.progress?.(run.file, t.id, t.steps.length) ?? null,
    issues: t.issues.length,
    evalScore: t.meta?.score === undefined || t.meta.score === null ? null : String(t.meta.score),
    evalAgrees: evalAgreement(t.meta?.score, override ?? t.outcome.verdict, t.outcome.taskAsksReplication),
  };
}

export function summarizeRuns(runs: CorpusRun[], opts: CorpusOptions = {}): RunRow[] {
  const programsOf = opts.programs ?? programsOfCommand();
  return runs.map((r) => summarizeRun(r, opts, programsOf));
}

/** Columns of the runs table, for CSV and the view (category columns follow CATEGORIES). */
export const ROW_CATEGORY_COLUMNS: readonly Category[] = CATEGORIES;
