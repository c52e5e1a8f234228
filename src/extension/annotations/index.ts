// Annotations in the editor (issue 6). `registerAnnotations(context, lens, output)` wires the
// store service, the comment threads and the commands; `getAnnotationsApi()` is what the
// timeline uses (step marks for its filters and minimap, change events, annotate a step).
import * as vscode from 'vscode';
import { createEvent, deleteEvent, isVerdict, updateEvent, type AnnotationEvent, type LabelDef, type ResolvedAnnotation } from '../../core/annotations';
import type { LensClient } from '../client';
import { LensAnalysis, type AnalysisSource } from './analysis';
import { AnnotationComments } from './comments';
import { COMMANDS, registerCommands } from './commands';
import { AnnotationService } from './service';
import { annotationMarks, type StepMark } from './threads';
import type { AnnotationDraft, AnnotationItem, HostToWebview } from '../../protocol/webview';

export type { StepMark } from './threads';
export { COMMANDS as ANNOTATION_COMMANDS } from './commands';

export interface AnnotationsApi {
  /** Marks of a run's annotated steps: labels, authors, each author's labels, disagreement. */
  marks(log: vscode.Uri, runId: string): Promise<StepMark[]>;
  /** The marks of every run of a log (runs without annotations get an empty list). */
  marksByRun(log: vscode.Uri): Promise<Map<string, StepMark[]>>;
  /** Fires with a log's URI when its annotations (or its analysis) changed. */
  readonly onDidChange: vscode.Event<vscode.Uri>;
  /** The current annotator's name (for "annotated by me"). */
  author(log?: vscode.Uri): Promise<string>;
  /** Starts annotating a step (labels, verdict, note), as the `a` key should. */
  annotate(log: vscode.Uri, runId: string, index: number, commandIndex?: number): Thenable<unknown>;
  /** Whether a log can have annotations (a file on disk). */
  supports(log: vscode.Uri): boolean;
  /** The label set offered to annotators. */
  labels(): Promise<LabelDef[]>;
  /** Every live annotation of a log, resolved against its current steps (orphans: runId null). */
  resolved(log: vscode.Uri): Promise<ResolvedAnnotation[]>;
  /** Saves the timeline form: creates or updates; each verdict past the first is an annotation of its own. */
  save(log: vscode.Uri, draft: AnnotationDraft): Promise<void>;
  /** Deletes an annotation (a delete event). */
  remove(log: vscode.Uri, id: string): Promise<void>;
}

let api: AnnotationsApi | undefined;

/** The annotations API, once `registerAnnotations` ran. */
export function getAnnotationsApi(): AnnotationsApi | undefined {
  return api;
}

export function registerAnnotations(
  context: vscode.ExtensionContext,
  lens: LensClient,
  output: vscode.LogOutputChannel,
  analysis: AnalysisSource & Partial<vscode.Disposable> = new LensAnalysis(lens),
): AnnotationsApi {
  const service = new AnnotationService(output);
  const comments = new AnnotationComments(service, analysis, output);
  const changed = new vscode.EventEmitter<vscode.Uri>();
  context.subscriptions.push(
    service,
    comments,
    changed,
    ...(analysis.dispose ? [{ dispose: () => analysis.dispose!() }] : []),
    service.onDidChange((u) => changed.fire(u)),
    analysis.onDidChange((u) => changed.fire(u)),
    ...registerCommands(service, analysis, comments),
  );
  const marksByRun = async (log: vscode.Uri): Promise<Map<string, StepMark[]>> => {
    const out = new Map<string, StepMark[]>();
    if (!service.supports(log)) return out;
    const store = await service.store(log);
    const all = store.annotations();
    // No annotation to place: the run ids are enough, and a large `.eval`'s samples stay unread.
    if (!all.some((a) => !a.deleted)) {
      for (const id of await analysis.runIds(log)) out.set(id, []);
      return out;
    }
    // The server places them, reading only the runs they are on.
    const resolved = await analysis.place(log, all);
    for (const id of await analysis.runIds(log)) out.set(id, annotationMarks(id, resolved));
    return out;
  };
  const resolved = async (log: vscode.Uri): Promise<ResolvedAnnotation[]> => {
    if (!service.supports(log)) return [];
    const live = (await service.store(log)).annotations().filter((a) => !a.deleted);
    if (!live.length) return [];
    return analysis.place(log, live);
  };
  const save = async (log: vscode.Uri, d: AnnotationDraft): Promise<void> => {
    // The server anchors it; the step id is authoritative (a live log may have shifted the index).
    const commandIndex = typeof d.commandIndex === 'number' ? d.commandIndex : undefined;
    const at = await analysis.anchor(log, { runId: d.runId, index: d.index, stepId: d.stepId, commandIndex });
    if (!at) throw new Error(`step ${d.index + 1} of run ${d.runId} is not in the log (any more)`);
    const anchor = at.anchor;
    const ctx = { author: await service.author(log) };
    const labels = [...new Set(d.labels.map(String))];
    const verdicts = d.verdicts.filter((v) => isVerdict(v.verdict)).map((v) => ({ verdict: v.verdict, finding: v.finding ?? null }));
    const first = verdicts[0] ?? { verdict: null, finding: null };
    const events: AnnotationEvent[] = [
      d.id
        ? updateEvent(ctx, d.id, { labels, note: String(d.note), verdict: first.verdict, finding: first.finding })
        : createEvent(ctx, { ...anchor, labels, note: String(d.note), verdict: first.verdict, finding: first.finding }),
      ...verdicts.slice(1).map((v) => createEvent(ctx, { ...anchor, verdict: v.verdict, finding: v.finding })),
    ];
    await service.append(log, events);
  };
  api = {
    onDidChange: changed.event,
    supports: (log) => service.supports(log),
    labels: async () => (await service.labels()).labels,
    resolved,
    save,
    remove: async (log, id) => service.append(log, [deleteEvent({ author: await service.author(log) }, id)]),
    author: (log) => service.author(log),
    annotate: (log, runId, index, commandIndex) => vscode.commands.executeCommand(COMMANDS.annotateStep, log, runId, index, commandIndex),
    marksByRun,
    marks: async (log, runId) => (await marksByRun(log)).get(runId) ?? [],
  };
  return api;
}

/** An annotation as the timeline webview shows it. */
export function timelineItem(r: ResolvedAnnotation): AnnotationItem {
  const a = r.annotation;
  return {
    id: a.id,
    index: r.stepIndex,
    status: r.status,
    reason: r.reason,
    anchorRunId: a.runId,
    anchorIndex: a.stepIndex,
    ...(a.commandIndex !== undefined ? { commandIndex: a.commandIndex } : {}),
    author: a.author,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    labels: a.labels,
    note: a.note,
    verdict: a.verdict,
    finding: a.finding,
  };
}

type TimelineAnnotationMessage = Extract<HostToWebview, { type: 'annotationMarks' | 'annotations' }>;

/**
 * For the timeline panel: posts `annotationMarks` and `annotations` for every run of `log` now,
 * and again whenever its annotations or its analysis change. Call `refresh()` when the webview
 * reloads. The API is looked up on each refresh (a panel may open before annotations register).
 */
export function syncTimelineMarks(log: vscode.Uri, post: (m: TimelineAnnotationMessage) => unknown): vscode.Disposable & { refresh(): Promise<void> } {
  let sub: vscode.Disposable | undefined;
  let disposed = false;
  const refresh = async () => {
    const a = getAnnotationsApi();
    if (!a || disposed) return;
    sub ??= a.onDidChange((u) => {
      if (u.toString() === log.toString()) void refresh();
    });
    if (!a.supports(log)) return;
    let got;
    try {
      got = await Promise.all([a.marksByRun(log), a.resolved(log), a.labels(), a.author(log)]);
    } catch {
      return; // a store that cannot be used: the service has told the user why
    }
    const [byRun, resolved, labels, author] = got;
    const orphans = resolved.filter((r) => r.runId === null || r.stepIndex === null).map(timelineItem);
    for (const [runId, marks] of byRun) {
      post({ type: 'annotationMarks', runId, marks });
      const items = resolved.filter((r) => r.runId === runId && r.stepIndex !== null).map(timelineItem);
      post({ type: 'annotations', runId, author, labels: labels.map((l) => ({ ...l })), items, orphans });
    }
  };
  void refresh();
  return {
    refresh,
    dispose: () => {
      disposed = true;
      sub?.dispose();
    },
  };
}
