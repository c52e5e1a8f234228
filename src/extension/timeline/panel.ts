// One open timeline: a webview bound to a document URI. Relays the webview's requests to the
// language server (src/protocol/lsp.ts) and its answers back; it never reads the file itself.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ANNOTATE_STEP_COMMAND, type StepCommandArgs } from '../../protocol/lsp';
import { parseWebviewMessage, type HostToWebview, type TimelineBoot, type WebviewRequest, type WebviewToHost } from '../../protocol/webview';
import { ask, relay } from './relay';
import { firstScreen } from './first-screen';
import { FirstScreenGate } from './first-screen-gate';
import { timelineHtml } from './html';
import { getAnnotationsApi, syncTimelineMarks } from '../annotations';
import { trace } from '../../node/trace';

export interface LensLike {
  ready(): Promise<LanguageClient>;
}

export class TimelinePanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDisposeEmitter.event;
  /** What the page is sent as it opens, in order (first-screen-gate.ts). */
  private readonly gate: FirstScreenGate;
  /** Annotation marks and items for this log, posted now and on every change of its store. */
  private readonly marks: ReturnType<typeof syncTimelineMarks>;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    private readonly lens: LensLike,
    extensionUri: vscode.Uri,
    options: { textSource: boolean; reveal: TimelineBoot['reveal'] },
  ) {
    trace('host', `panel ${uri.path.split('/').pop()}`);
    const root = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: [root] };
    const asUri = (f: string) => webview.asWebviewUri(vscode.Uri.joinPath(root, f)).toString();
    webview.html = timelineHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: asUri('webview.js'),
      styleUri: asUri('timeline.css'),
      codiconUri: asUri('codicon.css'),
      boot: {
        uri: uri.toString(),
        fileName: uri.path.split('/').pop() ?? uri.toString(),
        textSource: options.textSource,
        reveal: options.reveal,
      },
    });
    this.disposables.push(
      webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
    );
    const key = uri.toString();
    this.gate = new FirstScreenGate(
      () => firstScreen(async (kind, params) => ask(await this.lens.ready(), key, kind, params), key, options.reveal),
      (m) => {
        if (m.type === 'runs') trace('host', 'first screen sent');
        void this.panel.webview.postMessage(m);
      },
    );
    this.marks = syncTimelineMarks(uri, (m) => this.post(m));
    this.disposables.push(this.marks);
  }

  /** Sends to the webview: before its first screen, in the order first-screen-gate.ts keeps. */
  post(m: HostToWebview): void {
    this.gate.post(m);
  }

  private async receive(raw: unknown): Promise<void> {
    // The protocol's one validator: an unknown kind or a mistyped field is dropped here.
    const m = parseWebviewMessage(raw);
    if (!m) return;
    switch (m.type) {
      case 'ready': {
        trace('host', 'webview ready');
        // A reloaded page has lost what it was sent: send the annotations and its first screen again.
        if (this.gate.wasReady) void this.marks.refresh();
        return this.gate.pageReady();
      }
      case 'getRuns':
      case 'getRun':
      case 'getSteps':
      case 'getStep':
        return this.answer(m);
      case 'goToSource':
        return this.goToSource(m.startLine, m.endLine);
      case 'annotateStep': {
        const args: StepCommandArgs = { uri: this.uri.toString(), runId: String(m.runId), step: num(m.index), stepId: String(m.stepId) };
        const known = await vscode.commands.getCommands(true);
        if (known.includes(ANNOTATE_STEP_COMMAND)) await vscode.commands.executeCommand(ANNOTATE_STEP_COMMAND, args);
        return;
      }
      case 'saveAnnotation':
      case 'deleteAnnotation':
        return this.writeAnnotation(m);
      case 'log':
        if (m.level === 'error') void vscode.window.showErrorMessage(`Replication Timeline: ${String(m.message)}`);
        else console.log(`[timeline] ${String(m.message)}`);
        return;
      default:
        // Every kind the protocol declares is handled above (a new one is a compile error here).
        return m satisfies never;
    }
  }

  /** Writes the form's annotation (or a delete) through the annotations API; the store's change event re-sends the marks. */
  private async writeAnnotation(m: Extract<WebviewToHost, { type: 'saveAnnotation' | 'deleteAnnotation' }>): Promise<void> {
    const api = getAnnotationsApi();
    try {
      if (!api) throw new Error('annotations are not available');
      if (m.type === 'deleteAnnotation') await api.remove(this.uri, String(m.id));
      else {
        const verdicts = Array.isArray(m.verdicts) ? m.verdicts : [];
        await api.save(this.uri, {
          id: typeof m.id === 'string' ? m.id : undefined,
          runId: String(m.runId),
          index: num(m.index),
          stepId: String(m.stepId),
          commandIndex: m.commandIndex === undefined ? undefined : num(m.commandIndex),
          labels: Array.isArray(m.labels) ? m.labels.map(String) : [],
          note: String(m.note ?? ''),
          verdicts: verdicts.map((v) => ({ verdict: String(v?.verdict) as typeof v.verdict, finding: typeof v?.finding === 'string' ? v.finding : null })),
        });
        if (typeof m.saveId === 'number') this.post({ type: 'annotationSaved', saveId: m.saveId });
      }
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.post({ type: 'annotationError', message, ...(m.type === 'saveAnnotation' && typeof m.saveId === 'number' ? { saveId: m.saveId } : {}) });
      void vscode.window.showErrorMessage(`Replication Lens: the annotation was not saved: ${message}`);
    }
  }

  private async answer(m: WebviewRequest): Promise<void> {
    trace('host', `${m.type} ${m.requestId} received`);
    let reply: HostToWebview;
    try {
      reply = await relay(await this.lens.ready(), this.uri.toString(), m);
    } catch (e) {
      reply = { type: 'responseError', requestId: m.requestId, message: e instanceof Error ? e.message : String(e) };
    }
    void this.panel.webview.postMessage(reply);
    trace('host', `${m.type} ${m.requestId} answered`);
  }

  /** Reveals lines in a text editor beside the timeline (the one already showing the file, if any). */
  private async goToSource(startLine: number, endLine: number): Promise<void> {
    const range = new vscode.Range(Math.max(0, startLine - 1), 0, Math.max(0, endLine - 1), 0);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    const doc = visible?.document ?? (await vscode.workspace.openTextDocument(this.uri));
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside,
      selection: new vscode.Range(range.start, range.start),
      preserveFocus: false,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.gate.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.onDisposeEmitter.fire();
    this.onDisposeEmitter.dispose();
  }
}

/** Numbers from the webview are checked, not trusted. */
function num(v: unknown): number {
  const n = Number(v);
  return Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
}
