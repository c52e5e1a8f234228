// "Compare Runs": two or more runs side by side in a webview (webview/compare/main.ts). The
// comparison is made by the bundled CLI (`compare --json`) in a child process, so the host
// parses no transcript itself; a click on a step opens that run's timeline there.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunComparison } from '../../core/study/compare';
import type { CompareFromWebview, CompareToWebview } from '../../protocol/corpus';
import { compareHtml } from './html';

export const COMPARE_COMMAND = 'replicationLens.compareRuns';
export const COMPARE_VIEW_TYPE = 'replicationLens.compare';

export interface RunRef {
  /** Absolute path of the log. */
  file: string;
  /** Null: the log's only run. */
  runId: string | null;
}

export function registerCompare(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMPARE_COMMAND, async (runs?: RunRef[]) => {
      const picked = Array.isArray(runs) && runs.length >= 2 ? runs : await pickRuns();
      if (picked) new ComparePanel(context, picked);
    }),
  );
}

/** From the palette: two or more logs, each its only run (LOG#RUN_ID is for the CLI and the corpus view). */
async function pickRuns(): Promise<RunRef[] | undefined> {
  const active = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const current = active && typeof active === 'object' && 'uri' in active && active.uri instanceof vscode.Uri ? active.uri : undefined;
  const chosen = await vscode.window.showOpenDialog({
    canSelectMany: true,
    canSelectFiles: true,
    canSelectFolders: false,
    defaultUri: current,
    openLabel: 'Compare',
    title: current ? 'Runs to compare with this one' : 'Two or more runs to compare',
  });
  if (!chosen?.length) return undefined;
  const files = [...(current && !chosen.some((u) => u.fsPath === current.fsPath) ? [current] : []), ...chosen];
  if (files.length < 2) {
    void vscode.window.showWarningMessage('Pick at least two runs to compare.');
    return undefined;
  }
  return files.map((u) => ({ file: u.fsPath, runId: null }));
}

class ComparePanel {
  private readonly panel: vscode.WebviewPanel;
  private comparison: RunComparison | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly runs: RunRef[],
  ) {
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
    const title = runs.map((r) => path.basename(r.file)).join(' · ');
    this.panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, `Compare: ${title}`, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [dist],
    });
    const w = this.panel.webview;
    w.html = compareHtml({
      cspSource: w.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: w.asWebviewUri(vscode.Uri.joinPath(dist, 'compare.js')).toString(),
      styleUri: w.asWebviewUri(vscode.Uri.joinPath(dist, 'compare.css')).toString(),
    });
    w.onDidReceiveMessage((m: CompareFromWebview) => this.onMessage(m));
  }

  private post(m: CompareToWebview): void {
    void this.panel.webview.postMessage(m);
  }

  private onMessage(m: CompareFromWebview): void {
    if (m.type === 'ready') {
      if (this.comparison) this.post({ type: 'comparison', comparison: this.comparison });
      else this.compare();
    } else if (m.type === 'open' && Number.isInteger(m.run) && Number.isInteger(m.step) && this.comparison) {
      const ref = this.runs[m.run];
      const run = this.comparison.runs[m.run];
      if (!ref || !run || m.step < 1 || m.step > run.steps) return;
      void vscode.commands.executeCommand('replicationLens.openTimeline', vscode.Uri.file(ref.file), { runId: run.runId, index: m.step - 1 });
    }
  }

  private compare(): void {
    const cli = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'cli.js').fsPath;
    const refs = this.runs.map((r) => (r.runId === null ? r.file : `${r.file}#${r.runId}`));
    const child = spawn(process.execPath, [cli, 'compare', '--json', '--', ...refs], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-4000)));
    child.on('error', (e) => this.post({ type: 'failed', message: e.message }));
    child.on('close', (code) => {
      if (code === 0) {
        try {
          this.comparison = JSON.parse(Buffer.concat(out).toString('utf8')) as RunComparison;
          this.post({ type: 'comparison', comparison: this.comparison });
          return;
        } catch (e) {
          err += e instanceof Error ? e.message : String(e);
        }
      }
      this.post({ type: 'failed', message: `The runs could not be compared (exit ${code}). ${err.trim()}` });
    });
  }
}
