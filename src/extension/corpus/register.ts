// "Open Folder as Corpus": a webview panel listing every run found under a folder, with the
// statistics per model. The folder is read by the bundled CLI (`stats --json --rows`) in a
// child process, so the extension host never parses the files itself (DESIGN.md data flow).
// A click on a run opens its timeline at its first critical step through
// `replicationLens.openTimeline` (registered by the timeline).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, appendFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXAMPLES_AS_SAVED, parseSavedQueries, SAVED_QUERIES_FILE, savedQueryBlock } from '../../core/study/saved-queries';
import { TABLES } from '../../core/study/schema';
import type { CorpusDocument, CorpusFromWebview, CorpusToWebview, QueryCatalog } from '../../protocol/corpus';
import { COMPARE_COMMAND } from '../compare/panel';
import { corpusHtml } from './html';
import { QueryService } from './query-service';

export const OPEN_CORPUS_COMMAND = 'replicationLens.openCorpus';
export const CORPUS_VIEW_TYPE = 'replicationLens.corpus';

const panels = new Map<string, CorpusPanel>();

export function registerCorpus(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_CORPUS_COMMAND, async (arg?: vscode.Uri) => {
      const folder = arg instanceof vscode.Uri ? arg : await pickFolder();
      if (!folder) return;
      const key = folder.toString();
      const open = panels.get(key);
      if (open) {
        open.panel.reveal();
        return;
      }
      panels.set(key, new CorpusPanel(context, folder, () => panels.delete(key)));
    }),
  );
}

/** A workspace folder (offered first), or any folder chosen in the open dialog. */
async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length) {
    const other = { label: '$(folder-opened) Choose another folder…', uri: undefined as vscode.Uri | undefined };
    const picked = await vscode.window.showQuickPick(
      [...folders.map((f) => ({ label: `$(root-folder) ${f.name}`, description: f.uri.fsPath, uri: f.uri as vscode.Uri | undefined })), other],
      { title: 'Open Folder as Corpus', placeHolder: 'Which folder holds the runs?' },
    );
    if (!picked) return undefined;
    if (picked.uri) return picked.uri;
  }
  const chosen = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: folders[0]?.uri,
    openLabel: 'Open as Corpus',
  });
  return chosen?.[0];
}

class CorpusPanel {
  readonly panel: vscode.WebviewPanel;
  private child: ChildProcess | undefined;
  private doc: CorpusDocument | undefined;
  private readonly queries: QueryService;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly folder: vscode.Uri,
    onDispose: () => void,
  ) {
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel(CORPUS_VIEW_TYPE, `Corpus: ${path.basename(folder.fsPath)}`, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [dist],
    });
    const w = this.panel.webview;
    w.html = corpusHtml({
      cspSource: w.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: w.asWebviewUri(vscode.Uri.joinPath(dist, 'corpus.js')).toString(),
      styleUri: w.asWebviewUri(vscode.Uri.joinPath(dist, 'corpus.css')).toString(),
      folder: folder.fsPath,
    });
    this.queries = new QueryService(context.extensionUri.fsPath, folder.fsPath);
    this.panel.onDidDispose(() => {
      this.child?.kill();
      this.queries.dispose();
      onDispose();
    });
    w.onDidReceiveMessage((m: CorpusFromWebview) => this.onMessage(m));
  }

  private post(m: CorpusToWebview): void {
    void this.panel.webview.postMessage(m);
  }

  private onMessage(m: CorpusFromWebview): void {
    if (m.type === 'ready') {
      if (this.doc) this.post({ type: 'data', folder: this.folder.fsPath, doc: this.doc });
      else this.scan();
      this.post({ type: 'catalog', catalog: this.catalog() });
      // Read the study for SQL beside the table's own scan, so the first query finds it ready.
      this.queries.start().catch(() => undefined);
    } else if (m.type === 'refresh') {
      this.queries.restart();
      this.scan();
      this.queries.start().catch(() => undefined);
    } else if (m.type === 'query' && typeof m.sql === 'string' && typeof m.id === 'number') {
      this.queries.query(m.sql).then(
        (result) => this.post({ type: 'queryResult', id: m.id, result }),
        (e: unknown) => this.post({ type: 'queryError', id: m.id, message: e instanceof Error ? e.message : String(e) }),
      );
    } else if (m.type === 'saveQuery' && typeof m.sql === 'string') {
      void this.saveQuery(m.sql);
    } else if (m.type === 'openResult' && typeof m.file === 'string' && typeof m.runId === 'string') {
      this.openResult(m.file, m.runId, typeof m.step === 'number' && m.step >= 1 ? m.step : null);
    } else if (m.type === 'compare' && Array.isArray(m.runs)) {
      const runs = m.runs
        .filter((r) => typeof r?.file === 'string' && typeof r.runId === 'string')
        .flatMap((r) => {
          const file = this.fileOfCorpus(r.file);
          return file ? [{ file, runId: r.runId }] : [];
        });
      if (runs.length >= 2) void vscode.commands.executeCommand(COMPARE_COMMAND, runs);
    } else if (m.type === 'open' && this.doc && typeof m.file === 'string' && typeof m.runId === 'string') {
      // Only files of this corpus: the path is rebuilt from the scan's base, not taken as is.
      const row = this.doc.rows.find((r) => r.file === m.file && r.runId === m.runId);
      if (!row) return;
      const uri = vscode.Uri.file(path.resolve(this.doc.scan.base, row.file));
      void vscode.commands.executeCommand('replicationLens.openTimeline', uri, { runId: row.runId, index: row.firstCritical ?? 0 });
    }
  }

  /** The absolute path of a corpus file named relative to the scan's base; null for a path outside the folder. */
  private fileOfCorpus(rel: string): string | null {
    const base = this.doc?.scan.base ?? this.folder.fsPath;
    const abs = path.resolve(base, rel);
    const inside = path.relative(base, abs);
    return inside && !inside.startsWith('..') && !path.isAbsolute(inside) ? abs : null;
  }

  /** A query result's run (and step, 1-based) in the timeline; only files of this corpus. */
  private openResult(file: string, runId: string, step: number | null): void {
    const abs = this.fileOfCorpus(file);
    if (!abs || !existsSync(abs)) return;
    const row = this.doc?.rows.find((r) => r.file === file && r.runId === runId);
    const index = step !== null ? step - 1 : (row?.firstCritical ?? 0);
    void vscode.commands.executeCommand('replicationLens.openTimeline', vscode.Uri.file(abs), { runId, index });
  }

  /** The workspace's saved-queries file (shared through git), or null without a workspace. */
  private savedFile(): string | null {
    const ws = vscode.workspace.getWorkspaceFolder(this.folder) ?? vscode.workspace.workspaceFolders?.[0];
    return ws && ws.uri.scheme === 'file' ? path.join(ws.uri.fsPath, SAVED_QUERIES_FILE) : null;
  }

  private catalog(): QueryCatalog {
    const file = this.savedFile();
    let saved: QueryCatalog['saved'] = [];
    if (file && existsSync(file)) {
      try {
        saved = parseSavedQueries(readFileSync(file, 'utf8'));
      } catch {
        saved = [];
      }
    }
    return { schema: TABLES.map((t) => ({ name: t.name, doc: t.doc, columns: t.columns })), saved, savedFile: file, examples: EXAMPLES_AS_SAVED };
  }

  private async saveQuery(sql: string): Promise<void> {
    const file = this.savedFile();
    if (!file) {
      void vscode.window.showWarningMessage('Open a workspace folder to save queries (they go to .vscode/replication-lens.queries.sql).');
      return;
    }
    const name = await vscode.window.showInputBox({ title: 'Save query', prompt: `Saved to ${SAVED_QUERIES_FILE}, shared through git`, placeHolder: 'A name for the query' });
    if (!name) return;
    mkdirSync(path.dirname(file), { recursive: true });
    // Appended, never rewritten: a teammate's queries in the file are left as they are.
    appendFileSync(file, savedQueryBlock(name, sql));
    this.post({ type: 'catalog', catalog: this.catalog() });
  }

  /** Runs `replication-lens stats FOLDER --json --rows` with the editor's own Node. */
  private scan(): void {
    this.child?.kill();
    this.post({ type: 'loading', folder: this.folder.fsPath });
    const cli = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'cli.js').fsPath;
    const child = spawn(process.execPath, [cli, 'stats', this.folder.fsPath, '--json', '--rows'], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const out: Buffer[] = [];
    let err = '';
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-4000)));
    child.on('error', (e) => this.post({ type: 'failed', folder: this.folder.fsPath, message: e.message }));
    child.on('close', (code) => {
      if (this.child !== child) return;
      this.child = undefined;
      // 0: every file read; 1: some could not be (listed in the document's errors).
      if (code === 0 || code === 1) {
        try {
          this.doc = JSON.parse(Buffer.concat(out).toString('utf8')) as CorpusDocument;
          this.post({ type: 'data', folder: this.folder.fsPath, doc: this.doc });
          return;
        } catch (e) {
          err = `${err}\n${e instanceof Error ? e.message : String(e)}`;
        }
      }
      this.post({ type: 'failed', folder: this.folder.fsPath, message: `The folder could not be read (exit ${code}). ${err.trim()}` });
    });
  }
}
