// Annotations in the editor (issue 6). `registerAnnotations(context, lens, output)` wires the
// store service, the comment threads and the commands; `getAnnotationsApi()` is what the
// timeline uses (step marks for its filters and minimap, change events, annotate a step).
import * as vscode from 'vscode';
import { resolveAnnotations } from '../../core/annotations';
import type { LensClient } from '../client';
import { LensAnalysis, type AnalysisSource } from './analysis';
import { AnnotationComments } from './comments';
import { COMMANDS, registerCommands } from './commands';
import { AnnotationService } from './service';
import { annotationMarks, type StepMark } from './threads';
import type { HostToWebview } from '../../protocol/webview';

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
    const runs = (await analysis.runs(log)) ?? [];
    const resolved = all.some((a) => !a.deleted) ? resolveAnnotations(all, runs.map((r) => ({ id: r.summary.id, steps: r.steps }))) : [];
    for (const r of runs) out.set(r.summary.id, annotationMarks(r.summary.id, resolved));
    return out;
  };
  api = {
    onDidChange: changed.event,
    author: (log) => service.author(log),
    annotate: (log, runId, index, commandIndex) => vscode.commands.executeCommand(COMMANDS.annotateStep, log, runId, index, commandIndex),
    marksByRun,
    marks: async (log, runId) => (await marksByRun(log)).get(runId) ?? [],
  };
  return api;
}

/**
 * For the timeline panel: posts `annotationMarks` for every run of `log` now, and again
 * whenever its annotations or its analysis change. Call `refresh()` when the webview reloads.
 */
export function syncTimelineMarks(log: vscode.Uri, post: (m: Extract<HostToWebview, { type: 'annotationMarks' }>) => unknown): vscode.Disposable & { refresh(): Promise<void> } {
  const refresh = async () => {
    const a = getAnnotationsApi();
    if (!a) return;
    for (const [runId, marks] of await a.marksByRun(log)) post({ type: 'annotationMarks', runId, marks });
  };
  void refresh();
  const sub = getAnnotationsApi()?.onDidChange((u) => {
    if (u.toString() === log.toString()) void refresh();
  });
  return { refresh, dispose: () => sub?.dispose() };
}
