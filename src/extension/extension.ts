// Activation: cheap and lazy. Registers commands and starts the language server only when a
// document it serves is open (or when the timeline asks for it). The server does all parsing.
import * as vscode from 'vscode';
import { DOCUMENT_SELECTOR, LensClient } from './client';
import { isServedByName } from '../core/file-names';
import { registerTimeline } from './timeline';
import { registerCorpus } from './corpus/register';
import { registerCompare } from './compare/panel';
import { registerAnnotations } from './annotations';

let lens: LensClient | undefined;

/** The language client wrapper (for the timeline and other parts of the extension). */
export function getLensClient(): LensClient | undefined {
  return lens;
}

/** What activate() returns: lets tests and other extensions reach the running server. */
export interface ReplicationLensApi {
  lens: LensClient;
}

export function activate(context: vscode.ExtensionContext): ReplicationLensApi | undefined {
  const t0 = performance.now();
  const output = vscode.window.createOutputChannel('Replication Lens', { log: true });
  context.subscriptions.push(output);
  try {
    lens = new LensClient(context, output);
    const l = lens;
    context.subscriptions.push(
      l,
      vscode.commands.registerCommand('replicationLens.restartServer', async () => {
        await l.restart();
        void vscode.window.setStatusBarMessage('Replication Lens: language server restarted', 3000);
      }),
      vscode.commands.registerCommand('replicationLens.showOutput', () => output.show(true)),
    );
    detectChatbotLogs(context);
    startWhenNeeded(context, l);

    // ---- Timeline (issue 5) registers here, with the client wrapper: ----------------------
    registerTimeline(context, l);
    registerAnnotations(context, l, output); // annotations (issue 6): comment threads, annotate command
    // ------------------------------------------------------------------------------------------
    registerCorpus(context); // corpus view (issue 7): "Open Folder as Corpus"
    registerCompare(context); // runs side by side (issue 17)

    output.info(`Replication Lens activated in ${(performance.now() - t0).toFixed(1)} ms`);
    return { lens: l };
  } catch (e) {
    output.error(`Activation failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    void vscode.window.showErrorMessage('Replication Lens failed to activate; see the "Replication Lens" output.');
    return undefined;
  }
}

/** The record prefix of a chatbot log (the same as the language's `firstLine`). */
const CHATBOT_FIRST_LINE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d - Chatbot - INFO - /;

/**
 * VS Code's `log` language claims `.log` by extension, which beats a `firstLine` match: give
 * chatbot logs their language here, from the first line only.
 */
function detectChatbotLogs(context: vscode.ExtensionContext): void {
  const check = (d: vscode.TextDocument) => {
    if (d.languageId !== 'log' || d.lineCount === 0) return;
    if (!vscode.workspace.getConfiguration('replicationLens', d.uri).get<boolean>('detectChatbotLogs', true)) return;
    if (CHATBOT_FIRST_LINE.test(d.lineAt(0).text)) void vscode.languages.setTextDocumentLanguage(d, 'chatbot-log');
  };
  vscode.workspace.textDocuments.forEach(check);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(check));
}

/** Keys that trajectory formats put near the start of a JSON file (FORMATS.md). */
const TRAJECTORY_KEYS = /"(trajectory|messages|history|samples|tool_calls|observation|payload|sessionId|parentUuid|kind|events)"\s*:/;

/**
 * Whether a document warrants starting the server: a chatbot log, a trajectory by name, or a
 * JSON file whose first 4 KB carry a trajectory key. Only a start gate: the server sniffs
 * for real and ignores what no reader claims.
 */
function worthServing(d: vscode.TextDocument): boolean {
  if (vscode.languages.match(DOCUMENT_SELECTOR, d) === 0) return false;
  if (d.languageId === 'chatbot-log' || isServedByName(d.uri.path)) return true;
  const head = d.getText(new vscode.Range(0, 0, Math.min(d.lineCount, 200), 0)).slice(0, 4096);
  return TRAJECTORY_KEYS.test(head);
}

/** Starts the server with the first served document, not at activation. */
function startWhenNeeded(context: vscode.ExtensionContext, l: LensClient): void {
  const served = worthServing;
  if (vscode.workspace.textDocuments.some(served)) {
    void l.ready().catch(() => undefined);
    return;
  }
  const sub = vscode.workspace.onDidOpenTextDocument((d) => {
    if (!served(d)) return;
    sub.dispose();
    void l.ready().catch(() => undefined);
  });
  context.subscriptions.push(sub);
}

export function deactivate(): Promise<void> | undefined {
  return lens?.dispose();
}
