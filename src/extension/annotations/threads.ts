// What the editor shows, computed without VS Code (so it is unit-tested): which comment
// threads a document gets (one per annotated step, plus one for orphaned annotations), the
// text of each comment's label, labels typed as #hashtags, and the timeline's step marks.
import type { Annotation, LabelSet, ResolvedAnnotation } from '../../core/annotations';
import type { SourceRange } from '../../core/model';

/** A run as the editor knows it: its steps' ids, lines and commands (from the server). */
export interface DocRun {
  runId: string;
  steps: {
    index: number;
    id: string;
    source: SourceRange | null;
    commands: readonly { categories: readonly string[]; obstacles: readonly string[]; source?: SourceRange | null }[];
  }[];
}

/**
 * The little of each run that the server's placements tell (the annotated steps, with their
 * lines): enough for threadSpecs, without the runs' other steps.
 */
export function placedRuns(placed: readonly (ResolvedAnnotation & { source: SourceRange | null })[]): DocRun[] {
  const runs = new Map<string, DocRun>();
  for (const p of placed) {
    if (p.runId === null || p.stepIndex === null || p.stepId === null) continue;
    let run = runs.get(p.runId);
    if (!run) runs.set(p.runId, (run = { runId: p.runId, steps: [] }));
    run.steps[p.stepIndex] = { index: p.stepIndex, id: p.stepId, source: p.source, commands: [] };
  }
  return [...runs.values()];
}

export interface ThreadSpec {
  /** Stable while the step exists: `RUN#STEPID`, or `orphaned`. */
  key: string;
  runId: string | null;
  stepIndex: number | null;
  /** 1-based lines, inclusive. */
  startLine: number;
  endLine: number;
  annotations: Annotation[];
  /** Why these annotations are orphaned (orphan thread only). */
  reasons?: string[];
}

export const ORPHAN_KEY = 'orphaned';

/**
 * One thread per annotated step that has lines in the file; annotations without a place
 * (orphaned, or on a step with no lines) go to one thread on line 1 so they stay visible.
 */
export function threadSpecs(runs: readonly DocRun[], resolved: readonly ResolvedAnnotation[]): ThreadSpec[] {
  const byRun = new Map(runs.map((r) => [r.runId, r]));
  const specs = new Map<string, ThreadSpec>();
  const orphans: ThreadSpec = { key: ORPHAN_KEY, runId: null, stepIndex: null, startLine: 1, endLine: 1, annotations: [], reasons: [] };
  for (const r of resolved) {
    if (r.annotation.deleted) continue;
    const step = r.runId !== null && r.stepIndex !== null ? byRun.get(r.runId)?.steps[r.stepIndex] : undefined;
    if (!step?.source) {
      orphans.annotations.push(r.annotation);
      orphans.reasons!.push(r.reason ?? (step ? 'the step has no lines in this file' : 'the step is not in this file'));
      continue;
    }
    const key = `${r.runId}#${step.id}`;
    let spec = specs.get(key);
    if (!spec) {
      spec = { key, runId: r.runId, stepIndex: r.stepIndex, startLine: step.source.startLine, endLine: step.source.endLine, annotations: [] };
      specs.set(key, spec);
    }
    spec.annotations.push(r.annotation);
  }
  const out = [...specs.values()].sort((a, b) => a.startLine - b.startLine);
  if (orphans.annotations.length) out.unshift(orphans);
  return out;
}

const holds = (r: SourceRange | null | undefined, line: number) => !!r && r.startLine <= line && line <= r.endLine;

/** The step whose lines hold a 1-based line (first run first), and the command there if any. */
export function stepAtLine(runs: readonly DocRun[], line: number): { runId: string; index: number; commandIndex?: number } | null {
  for (const r of runs) {
    for (const s of r.steps) {
      if (!holds(s.source, line)) continue;
      const c = s.commands.findIndex((cmd) => holds(cmd.source, line));
      return c >= 0 ? { runId: r.runId, index: s.index, commandIndex: c } : { runId: r.runId, index: s.index };
    }
  }
  return null;
}

/** Labels typed into a note as `#label-id` (only ids the label set knows). */
export function hashtagLabels(text: string, labels: LabelSet): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\s)#([a-z0-9][a-z0-9._:-]*)/g)) {
    const id = m[1].replace(/[.:]+$/, '');
    if (labels.byId.has(id) && !out.includes(id)) out.push(id);
  }
  return out;
}

const VERDICT_TEXT: Record<string, string> = { confirm: '✓ confirmed', reject: '✗ rejected' };

/** The short line beside the author's name: labels, verdict, command. */
export function commentLabel(a: Annotation, labels?: LabelSet): string {
  const parts = a.labels.map((l) => labels?.byId.get(l)?.title ?? l);
  if (a.verdict) {
    const v = VERDICT_TEXT[a.verdict] ?? `missed ${a.verdict.slice(7)}`;
    parts.push(a.finding && !a.verdict.startsWith('missed:') ? `${v} ${a.finding}` : v);
  }
  if (a.commandIndex !== undefined) parts.push(`command ${a.commandIndex + 1}`);
  return parts.join(' · ');
}

export interface StepMark {
  index: number;
  /** Every label and verdict on the step, anyone's. */
  labels: string[];
  authors: string[];
  /** Each author's labels and verdicts there (the timeline's "by me" and "disagreements"). */
  byAuthor: Record<string, string[]>;
  /** Whether the annotators who annotated the step gave it different labels. */
  disagreement: boolean;
}

/** Step marks for the timeline's minimap and its "annotated" filters. */
export function annotationMarks(runId: string, resolved: readonly ResolvedAnnotation[]): StepMark[] {
  const marks = new Map<number, StepMark>();
  for (const r of resolved) {
    if (r.annotation.deleted || r.runId !== runId || r.stepIndex === null) continue;
    let m = marks.get(r.stepIndex);
    if (!m) marks.set(r.stepIndex, (m = { index: r.stepIndex, labels: [], authors: [], byAuthor: {}, disagreement: false }));
    const a = r.annotation;
    const mine = (m.byAuthor[a.author] ??= []);
    for (const l of [...a.labels, ...(a.verdict ? [a.verdict] : [])]) {
      if (!m.labels.includes(l)) m.labels.push(l);
      if (!mine.includes(l)) mine.push(l);
    }
    if (!m.authors.includes(a.author)) m.authors.push(a.author);
  }
  for (const m of marks.values()) {
    const sigs = Object.values(m.byAuthor).map((l) => [...l].sort().join('\u0000'));
    m.disagreement = sigs.some((s) => s !== sigs[0]);
  }
  return [...marks.values()].sort((a, b) => a.index - b.index);
}
