// The language client: starts the server (dist/server.js) on first need, restarts it on
// request (also after a failed start), and hands the running client to whoever needs it
// (the timeline asks through `ready()`).
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type DocumentSelector, type LanguageClientOptions, type Middleware, type ServerOptions } from 'vscode-languageclient/node';
import { extensionNames, servedPatterns } from '../core/file-names';
import { diskDocumentNotification, type DiskDocumentParams } from '../protocol/lsp';

/** Documents the server serves. JSON files are sent too; the server answers only for the ones
 * whose content a trajectory reader claims. */
export const DOCUMENT_SELECTOR: { language?: string; scheme?: string; pattern?: string }[] = [
  { language: 'chatbot-log' },
  ...servedPatterns().map((pattern) => ({ scheme: 'file', pattern })),
];

export const CLIENT_ID = 'replicationLens';

/** VS Code's own large-file bound (`editor.largeFileOptimizations`): 20 MB or 300,000 lines. */
const LARGE_FILE_CHARS = 20 * 1024 * 1024;
const LARGE_FILE_LINES = 300_000;

/**
 * Whether a document is served from its file instead of synced: a saved `file:` document over
 * VS Code's large-file bound, while that optimisation is on. Sending it would cost a copy of the
 * whole text per open (a 48 MB JSON message through the extension host) and a message per edit,
 * for a log that is read, not edited; its length is read from the line index, never by getText().
 */
export function servedFromDisk(d: vscode.TextDocument): boolean {
  if (d.uri.scheme !== 'file' || d.isDirty || d.isUntitled) return false;
  if (!vscode.workspace.getConfiguration('editor', d).get<boolean>('largeFileOptimizations', true)) return false;
  return d.lineCount >= LARGE_FILE_LINES || d.offsetAt(d.lineAt(d.lineCount - 1).range.end) >= LARGE_FILE_CHARS;
}

/**
 * Keeps large documents out of the text sync (servedFromDisk): their open, change, save and
 * close are told to the server as `diskDocument` notifications, and every feature request for
 * them is answered by the server from the file, as for a log the timeline opens without an editor.
 */
class DiskDocuments implements vscode.Disposable {
  private readonly onDisk = new Set<string>();
  private readonly saves: vscode.Disposable;

  constructor(private readonly notify: (p: DiskDocumentParams) => void) {
    this.saves = vscode.workspace.onDidSaveTextDocument((d) => {
      if (this.onDisk.has(d.uri.toString())) notify({ uri: d.uri.toString(), state: 'changed' });
    });
  }

  readonly middleware: Middleware = {
    didOpen: (d, next) => {
      if (!servedFromDisk(d)) return next(d);
      this.onDisk.add(d.uri.toString());
      this.notify({ uri: d.uri.toString(), state: 'open' });
      return Promise.resolve();
    },
    didChange: (e, next) => {
      const uri = e.document.uri.toString();
      if (!this.onDisk.has(uri)) return next(e);
      // Unsaved edits are not analysed (the file is); a reload from disk or a save is.
      if (!e.document.isDirty) this.notify({ uri, state: 'changed' });
      return Promise.resolve();
    },
    didClose: (d, next) => {
      if (!this.onDisk.delete(d.uri.toString())) return next(d);
      this.notify({ uri: d.uri.toString(), state: 'closed' });
      return Promise.resolve();
    },
  };

  dispose(): void {
    this.saves.dispose();
  }
}

function settingsSnapshot(): unknown {
  // A plain copy of the `replicationLens` section (the configuration object carries methods).
  return JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(CLIENT_ID)));
}

export class LensClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private disk: DiskDocuments | undefined;
  private readonly restarted = new vscode.EventEmitter<LanguageClient>();
  /** Fires with the new client after a restart (requests must go to the new one). */
  readonly onDidRestart = this.restarted.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    /** The "Replication Lens" output channel, shared with the server's log. */
    readonly output: vscode.LogOutputChannel,
  ) {}

  /** The running client, if it has started. */
  get current(): LanguageClient | undefined {
    return this.client;
  }

  /** The running client, starting the server if needed. */
  ready(): Promise<LanguageClient> {
    this.starting ??= this.start().catch((e: unknown) => {
      this.starting = undefined;
      this.output.error(`The language server did not start: ${e instanceof Error ? e.message : String(e)}`);
      void vscode.window.showErrorMessage('Replication Lens: the language server did not start. Run "Replication Lens: Restart Language Server" to retry.');
      throw e;
    });
    return this.starting;
  }

  private async start(): Promise<LanguageClient> {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    let client: LanguageClient | undefined;
    this.disk?.dispose();
    this.disk = new DiskDocuments((p) => void client?.sendNotification(diskDocumentNotification, p));
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR as DocumentSelector,
      middleware: this.disk.middleware,
      outputChannel: this.output,
      initializationOptions: { settings: settingsSnapshot() },
      synchronize: {
        configurationSection: CLIENT_ID,
        fileEvents: vscode.workspace.createFileSystemWatcher(`**/*.{${extensionNames().join(',')}}`),
      },
    };
    // The id makes `replicationLens.trace.server` the trace setting.
    client = new LanguageClient(CLIENT_ID, 'Replication Lens', serverOptions, clientOptions);
    const t0 = performance.now();
    await client.start();
    this.output.info(`Language server started in ${(performance.now() - t0).toFixed(0)} ms`);
    this.client = client;
    return client;
  }

  async restart(): Promise<void> {
    const old = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (old) {
      try {
        await old.dispose(2000);
      } catch (e) {
        this.output.warn(`Stopping the old server: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const client = await this.ready();
    this.restarted.fire(client);
  }

  dispose(): Promise<void> | undefined {
    this.restarted.dispose();
    this.disk?.dispose();
    return this.client?.dispose(2000);
  }
}
