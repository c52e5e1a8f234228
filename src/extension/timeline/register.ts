// Registers the "Replication Timeline" custom editors (text formats as an option, `.eval` by
// default), the `replicationLens.openTimeline` command (editor title, explorer, code lens), and
// the links between a timeline and its text editor: cursor moves select steps; the server's
// didChangeAnalysis (an edit, or a live log that grew) refreshes the timeline.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { didChangeAnalysisNotification, OPEN_TIMELINE_COMMAND, type StepCommandArgs } from '../../protocol/lsp';
import { TIMELINE_EVAL_VIEW_TYPE, TIMELINE_FILE_VIEW_TYPE, TIMELINE_VIEW_TYPE, type TimelineBoot } from '../../protocol/webview';
import { TimelinePanel, type LensLike } from './panel';
import { trace } from '../../node/trace';

export interface TimelineLens extends LensLike {
  readonly onDidRestart: vscode.Event<LanguageClient>;
}

const panels = new Map<string, Set<TimelinePanel>>();
/** Steps to select in timelines about to open (the command's argument). */
const pendingReveal = new Map<string, TimelineBoot['reveal']>();

function track(p: TimelinePanel): void {
  const key = p.uri.toString();
  let set = panels.get(key);
  if (!set) panels.set(key, (set = new Set()));
  set.add(p);
  p.onDidDispose(() => {
    set.delete(p);
    if (!set.size) panels.delete(key);
  });
}

function isEval(uri: vscode.Uri): boolean {
  return uri.path.toLowerCase().endsWith('.eval');
}

export function registerTimeline(context: vscode.ExtensionContext, lens: TimelineLens): void {
  const open = (uri: vscode.Uri, panel: vscode.WebviewPanel, textSource: boolean) => {
    const key = uri.toString();
    ensureListening();
    const reveal = pendingReveal.get(key) ?? null;
    pendingReveal.delete(key);
    track(new TimelinePanel(panel, uri, lens, context.extensionUri, { textSource, reveal }));
  };

  const textProvider: vscode.CustomTextEditorProvider = {
    resolveCustomTextEditor(document, panel) {
      trace('host', 'resolve text editor');
      open(document.uri, panel, true);
    },
  };
  // A file the server reads from disk (an `.eval`, or a text log not open as text): VS Code
  // never loads it, so a 50 MB log does not pass through the editor and the extension host.
  const fileProvider: vscode.CustomReadonlyEditorProvider = {
    openCustomDocument(uri) {
      trace('host', 'open custom document');
      return { uri, dispose() {} };
    },
    resolveCustomEditor(document, panel) {
      open(document.uri, panel, !isEval(document.uri));
      // An archive still being written: refresh the timeline when it changes on disk.
      const dir = vscode.Uri.joinPath(document.uri, '..');
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, document.uri.path.split('/').pop() ?? '*'));
      const changed = () => panels.get(document.uri.toString())?.forEach((p) => p.post({ type: 'changed', version: null, runIds: [] }));
      panel.onDidDispose(() => watcher.dispose());
      watcher.onDidChange(changed);
    },
  };
  const webviewOptions = { retainContextWhenHidden: false, enableFindWidget: false };
  context.subscriptions.push(
    vscode.window.registerCustomEditorProvider(TIMELINE_VIEW_TYPE, textProvider, { webviewOptions, supportsMultipleEditorsPerDocument: true }),
    vscode.window.registerCustomEditorProvider(TIMELINE_EVAL_VIEW_TYPE, fileProvider, { webviewOptions, supportsMultipleEditorsPerDocument: true }),
    vscode.window.registerCustomEditorProvider(TIMELINE_FILE_VIEW_TYPE, fileProvider, { webviewOptions, supportsMultipleEditorsPerDocument: true }),
    vscode.commands.registerCommand(OPEN_TIMELINE_COMMAND, openTimeline),
  );

  // Cursor in the text editor -> step in the timeline, however it moved: keys, mouse, and the
  // moves VS Code reports as commands or with no kind (Go to Line, Find, the Outline). The echo of
  // our own "go to source" lands inside the selected step, which the webview leaves selected.
  let timer: ReturnType<typeof setTimeout> | undefined;
  context.subscriptions.push(
    vscode.window.onDidChangeTextEditorSelection((e) => {
      const set = panels.get(e.textEditor.document.uri.toString());
      if (!set) return;
      const line = e.selections[0].active.line + 1;
      clearTimeout(timer);
      timer = setTimeout(() => set.forEach((p) => p.post({ type: 'selectLine', line })), 120);
    }),
    { dispose: () => clearTimeout(timer) },
  );

  // The server says a document's analysis changed: timelines of it fetch again.
  const listen = (client: LanguageClient) =>
    context.subscriptions.push(
      client.onNotification(didChangeAnalysisNotification, (p) => {
        panels.get(p.uri)?.forEach((panel) => panel.post({ type: 'changed', version: p.version, runIds: p.runIds }));
      }),
    );
  context.subscriptions.push(lens.onDidRestart(listen));
  // Listen once a timeline opens (its first request starts the server anyway).
  let listening = false;
  ensureListening = () => {
    if (listening) return;
    listening = true;
    void lens.ready().then(listen, () => (listening = false));
  };
}

let ensureListening: () => void = () => undefined;

type OpenArg = vscode.Uri | string | StepCommandArgs | undefined;

/**
 * `replicationLens.openTimeline`: from the editor title or explorer (a Uri), a code lens
 * (StepCommandArgs), or the palette (the active editor's file). An optional step is selected.
 */
export async function openTimeline(arg?: OpenArg, step?: number | { runId?: string; index: number }): Promise<void> {
  trace('host', 'command openTimeline');
  let uri: vscode.Uri | undefined;
  let reveal: TimelineBoot['reveal'] = null;
  if (arg instanceof vscode.Uri) uri = arg;
  else if (typeof arg === 'string') uri = vscode.Uri.parse(arg);
  else if (arg && typeof arg === 'object' && typeof (arg as StepCommandArgs).uri === 'string') {
    const a = arg as StepCommandArgs;
    uri = vscode.Uri.parse(a.uri);
    reveal = { runId: a.runId, index: Number(a.step) };
  }
  uri ??= vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Open a trajectory file first, then open its Replication Timeline.');
    return;
  }
  if (typeof step === 'number') reveal = { index: step };
  else if (step && typeof step === 'object') reveal = { runId: step.runId, index: Number(step.index) };

  const open = panels.get(uri.toString());
  if (open?.size) {
    const p = [...open][0];
    p.panel.reveal(p.panel.viewColumn, false);
    if (reveal) p.post({ type: 'selectStep', runId: reveal.runId, index: reveal.index });
    return;
  }
  if (reveal) pendingReveal.set(uri.toString(), reveal);
  const besideText = vscode.window.activeTextEditor?.document.uri.toString() === uri.toString();
  // A log open as text gets the timeline that follows its edits; one that is not (the explorer's
  // menu) is read by the server from disk, without loading it into an editor first.
  const isOpen = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  const viewType = isEval(uri) ? TIMELINE_EVAL_VIEW_TYPE : isOpen || uri.scheme !== 'file' ? TIMELINE_VIEW_TYPE : TIMELINE_FILE_VIEW_TYPE;
  await vscode.commands.executeCommand('vscode.openWith', uri, viewType, {
    viewColumn: besideText ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active,
    preview: false,
  });
}
