// Annotations placed by the server, where the runs are: anchors in, their steps now out (the
// extension host never pulls every step of every run to place a mark). Only the runs the
// anchors name are read, so a large `.eval`'s other samples stay unread; an anchor whose run
// id is not in the file falls back to every run (its step id may have moved run).
import { AnchorResolver, anchorFor } from '../../core/annotations/anchor';
import type { Anchor, Annotation } from '../../core/annotations/types';
import type { AnalyzedStep, AnalyzedTrajectory } from '../../core/model';
import type { AnchorParams, AnchorResult, Placement } from '../../protocol/lsp';
import type { ServedDocument } from '../document';

/** The runs with these ids, or every run when one of the ids is not in the file. */
function runsFor(d: ServedDocument, ids: Set<string>): AnalyzedTrajectory[] {
  const log = d.log;
  if (!log) {
    const named = d.runs.filter((t) => ids.has(t.id));
    return named.length === ids.size ? named : d.runs;
  }
  const at = log.runs.flatMap((r, i) => (ids.has(r.id) ? [i] : []));
  const which = at.length === ids.size ? at : log.runs.map((_, i) => i);
  return which.flatMap((i) => log.run(i) ?? []);
}

/** Categories and obstacles found on one command of a step, or on all of them. */
function foundIn(step: AnalyzedStep, commandIndex?: number): string[] {
  const cmds = commandIndex !== undefined ? step.commands.slice(commandIndex, commandIndex + 1) : step.commands;
  return [...new Set(cmds.flatMap((c) => [...c.categories, ...c.obstacles]))];
}

export function placeAnnotations(d: ServedDocument, anchors: readonly Anchor[]): Placement[] {
  const ids = new Set(anchors.filter((a) => a.runId).map((a) => a.runId));
  const runs = runsFor(d, ids);
  const byId = new Map(runs.map((t) => [t.id, t]));
  const resolver = new AnchorResolver(runs);
  return anchors.map((a) => {
    // The resolver reads only the anchor's fields of an annotation.
    const r = resolver.resolve(a as Annotation);
    const step = r.runId !== null && r.stepIndex !== null ? byId.get(r.runId)?.steps[r.stepIndex] : undefined;
    return {
      status: r.status,
      runId: r.runId,
      stepIndex: r.stepIndex,
      stepId: r.stepId,
      reason: r.reason,
      ...(r.commandMissing ? { commandMissing: true } : {}),
      source: step?.source ?? null,
      found: step ? foundIn(step, a.commandIndex) : [],
    };
  });
}

/** The anchor of a new annotation (see AnchorParams), or null when the step is not there. */
export function anchorAt(d: ServedDocument, p: AnchorParams): AnchorResult | null {
  let run: AnalyzedTrajectory | undefined;
  let index = -1;
  let commandIndex = p.commandIndex;
  if (typeof p.line === 'number' && !p.runId) {
    // A line of a text document (the gutter's "+"): the step there, and the command if the line is one of its.
    const ref = d.doc ? d.stepAtLine(p.line - 1) : null;
    if (!ref) return null;
    run = d.runs[ref.run];
    index = ref.step;
    const c = run.steps[index].commands.findIndex((cmd) => cmd.source && cmd.source.startLine <= p.line! && p.line! <= cmd.source.endLine);
    commandIndex = c >= 0 ? c : undefined;
  } else if (p.runId) {
    run = runsFor(d, new Set([p.runId])).find((t) => t.id === p.runId);
    if (!run) return null;
    index = typeof p.index === 'number' ? p.index : -1;
    // The step id is authoritative: a live log may have shifted the index meanwhile.
    if (p.stepId !== undefined && run.steps[index]?.id !== p.stepId) index = run.steps.findIndex((s) => s.id === p.stepId);
  }
  const step = run?.steps[index];
  if (!run || !step) return null;
  if (commandIndex !== undefined && !step.commands[commandIndex]) commandIndex = undefined;
  return { anchor: anchorFor(run, index, commandIndex), found: foundIn(step, commandIndex) };
}
