// Activation: cheap and lazy. Registers commands and starts the language server only when a
// document it serves is open (or when the timeline asks for it). The server does all parsing.
import * as vscode from 'vscode';
import { DOCUMENT_SELECTOR, LensClient } from './client';
import { registerTimeline } from './timeline';
import { registerCorpus } from './corpus/register';

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
    // ------------------------------------------------------------------------------------------
    registerCorpus(context); // corpus view (issue 7): "Open Folder as Corpus"

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

/** Starts the server with the first served document, not at activation. */
function startWhenNeeded(context: vscode.ExtensionContext, l: LensClient): void {
  const served = (d: vscode.TextDocument) => vscode.languages.match(DOCUMENT_SELECTOR, d) > 0;
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
