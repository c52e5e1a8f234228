// The language client: starts the server (dist/server.js) on first need, restarts it on
// request (also after a failed start), and hands the running client to whoever needs it
// (the timeline asks through `ready()`).
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { extensionNames, servedPatterns } from '../core/file-names';

/** Documents the server serves. JSON files are sent too; the server answers only for the ones
 * whose content a trajectory reader claims. */
export const DOCUMENT_SELECTOR: { language?: string; scheme?: string; pattern?: string }[] = [
  { language: 'chatbot-log' },
  ...servedPatterns().map((pattern) => ({ scheme: 'file', pattern })),
];

export const CLIENT_ID = 'replicationLens';

function settingsSnapshot(): unknown {
  // A plain copy of the `replicationLens` section (the configuration object carries methods).
  return JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(CLIENT_ID)));
}

export class LensClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
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
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR as DocumentSelector,
      outputChannel: this.output,
      initializationOptions: { settings: settingsSnapshot() },
      synchronize: {
        configurationSection: CLIENT_ID,
        fileEvents: vscode.workspace.createFileSystemWatcher(`**/*.{${extensionNames().join(',')}}`),
      },
    };
    // The id makes `replicationLens.trace.server` the trace setting.
    const client = new LanguageClient(CLIENT_ID, 'Replication Lens', serverOptions, clientOptions);
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
    return this.client?.dispose(2000);
  }
}
