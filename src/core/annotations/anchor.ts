// Anchoring: an annotation points at a step by its stable id and a content fingerprint, with
// the index as a hint only. After a re-parse or a live log that grew it re-attaches; when its
// step is gone it is reported as orphaned, and kept.
import { hash32 } from '../ids';
import type { Anchor, Annotation, ResolvedAnnotation } from './types';

/** The little of a step that anchoring needs (RawStep and AnalyzedStep both fit). */
export interface StepLike {
  id: string;
  thought: string;
  commands: readonly { text: string }[];
}
export interface RunLike {
  id: string;
  steps: readonly StepLike[];
}

const THOUGHT_PREFIX = 200;
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Hash of the step's first command text and the start of its thought, whitespace-normalised. */
export function stepFingerprint(step: StepLike): string {
  const cmd = step.commands.length ? norm(step.commands[0].text) : '';
  return 'f' + hash32(cmd + '\u0000' + norm(step.thought).slice(0, THOUGHT_PREFIX));
}

/** The anchor for a new annotation on `run.steps[index]` (and optionally one command). */
export function anchorFor(run: RunLike, index: number, commandIndex?: number): Anchor {
  const step = run.steps[index];
  if (!step) throw new RangeError(`run ${run.id} has no step ${index}`);
  const a: Anchor = { runId: run.id, stepId: step.id, stepFingerprint: stepFingerprint(step), stepIndex: index };
  if (commandIndex !== undefined) a.commandIndex = commandIndex;
  return a;
}

interface RunIndex {
  run: RunLike;
  byId: Map<string, number>;
  byPrint: Map<string, number[]>;
}

function indexRun(run: RunLike): RunIndex {
  const byId = new Map<string, number>();
  const byPrint = new Map<string, number[]>();
  run.steps.forEach((s, i) => {
    byId.set(s.id, i);
    const f = stepFingerprint(s);
    const list = byPrint.get(f);
    if (list) list.push(i);
    else byPrint.set(f, [i]);
  });
  return { run, byId, byPrint };
}

/** Resolves annotations against the runs of a file; every annotation comes back, none dropped. */
export class AnchorResolver {
  private readonly runs = new Map<string, RunIndex>();
  constructor(runs: readonly RunLike[]) {
    for (const r of runs) this.runs.set(r.id, indexRun(r));
  }

  resolve(a: Annotation): ResolvedAnnotation {
    const orphan = (reason: string): ResolvedAnnotation => ({ annotation: a, status: 'orphaned', runId: null, stepIndex: null, stepId: null, reason });
    if (!a.runId || !a.stepId) return orphan('the annotation has no anchor (its create record is missing)');
    const home = this.runs.get(a.runId);
    if (!home) {
      // The run's id may have changed (a reader that derives it); a unique step id still finds it.
      const hits = [...this.runs.values()].filter((r) => r.byId.has(a.stepId));
      if (hits.length === 1) return this.found(a, hits[0], hits[0].byId.get(a.stepId)!, `run ${a.runId} is now ${hits[0].run.id}`);
      return orphan(`run ${a.runId} is not in this file`);
    }
    const i = home.byId.get(a.stepId);
    if (i !== undefined) return this.found(a, home, i, null);
    const candidates = a.stepFingerprint ? home.byPrint.get(a.stepFingerprint) : undefined;
    if (candidates?.length) {
      const nearest = candidates.reduce((best, c) => (Math.abs(c - a.stepIndex) < Math.abs(best - a.stepIndex) ? c : best));
      return this.found(a, home, nearest, `step ${a.stepId} re-found by content`);
    }
    return orphan(`step ${a.stepId} (was step ${a.stepIndex + 1}) is no longer in run ${a.runId}`);
  }

  private found(a: Annotation, r: RunIndex, index: number, why: string | null): ResolvedAnnotation {
    const step = r.run.steps[index];
    const moved = why !== null || index !== a.stepIndex;
    const out: ResolvedAnnotation = {
      annotation: a,
      status: moved ? 'moved' : 'attached',
      runId: r.run.id,
      stepIndex: index,
      stepId: step.id,
      // Human text counts steps from 1, as the editor and the timeline show them.
      reason: moved ? (why ?? `step moved from step ${a.stepIndex + 1} to step ${index + 1}`) : null,
    };
    if (a.commandIndex !== undefined && a.commandIndex >= step.commands.length) out.commandMissing = true;
    return out;
  }
}

export function resolveAnnotations(annotations: readonly Annotation[], runs: readonly RunLike[]): ResolvedAnnotation[] {
  const r = new AnchorResolver(runs);
  return annotations.map((a) => r.resolve(a));
}
