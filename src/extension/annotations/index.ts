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

export type { StepMark } from './threads';
export { COMMANDS as ANNOTATION_COMMANDS } from './commands';

export interface AnnotationsApi {
  /** Marks of a run's annotated steps: labels, authors, each author's labels, disagreement. */
  marks(log: vscode.Uri, runId: string): Promise<StepMark[]>;
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
  api = {
    onDidChange: changed.event,
    author: (log) => service.author(log),
    annotate: (log, runId, index, commandIndex) => vscode.commands.executeCommand(COMMANDS.annotateStep, log, runId, index, commandIndex),
    async marks(log, runId) {
      if (!service.supports(log)) return [];
      const store = await service.store(log);
      const all = store.annotations();
      if (!all.some((a) => !a.deleted)) return [];
      const runs = (await analysis.runs(log)) ?? [];
      return annotationMarks(runId, resolveAnnotations(all, runs.map((r) => ({ id: r.summary.id, steps: r.steps }))));
    },
  };
  return api;
}
