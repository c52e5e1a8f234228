// Starts the built language server (dist/server.js) as a child process and speaks LSP to it
// over stdio with vscode-languageserver-protocol's JSON-RPC connection: no mocks.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver-protocol/node';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { didChangeAnalysisNotification, type DidChangeAnalysisParams } from '../../src/protocol/lsp';

export const ROOT = path.resolve(__dirname, '../..');
/** The built server; RL_SERVER names another build (a bench's before/after). */
export const SERVER = process.env.RL_SERVER ?? path.join(ROOT, 'dist/server.js');
export const LABELLED = path.resolve(ROOT, '../shared/corpus/labelled');
export const FIXTURES = path.join(ROOT, 'test/fixtures/server');

export function uriOf(file: string): string {
  return pathToFileURL(file).toString();
}

export interface Server {
  conn: MessageConnection;
  proc: ChildProcess;
  stderr: () => string;
  /** The next diagnostics for a uri (or the ones already received, if `fresh` is false). */
  diagnostics(uri: string, fresh?: boolean): Promise<Diagnostic[]>;
  analysisChanges: DidChangeAnalysisParams[];
  /** Every publishDiagnostics per uri, with the time it arrived (performance.now()). */
  history: Map<string, { at: number; diagnostics: Diagnostic[] }[]>;
  /** Resolves when `f()` holds, polling (for benches that wait on several messages). */
  until(f: () => boolean, timeoutMs?: number): Promise<void>;
  /** The server's window/logMessage lines (timings of each analysis). */
  logs: string[];
  /** CPU time (user + system) the server process has used so far, in ms (Linux /proc). */
  cpuMs(): number;
  open(file: string, languageId?: string, text?: string): Promise<{ uri: string; text: string; diagnostics: Diagnostic[] }>;
  /** Appends `text` after the last line of an open document, as `version`; resolves with the diagnostics that follow. */
  append(doc: { uri: string; text: string }, text: string, version: number): Promise<Diagnostic[]>;
  stop(): Promise<void>;
}

export async function startServer(opts: { rootPath?: string; settings?: unknown } = {}): Promise<Server> {
  // LSP_NODE_ARGS (e.g. `--cpu-prof`) goes to the server's node, for profiling.
  const nodeArgs = (process.env.LSP_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const got = new Map<string, PublishDiagnosticsParams>();
  const waiters = new Map<string, ((p: PublishDiagnosticsParams) => void)[]>();
  const analysisChanges: DidChangeAnalysisParams[] = [];
  const history = new Map<string, { at: number; diagnostics: Diagnostic[] }[]>();
  /** The waiters get the diagnostics when the set is complete (the server publishes a large one in pieces). */
  const complete = (uri: string) => {
    const p = got.get(uri);
    const ws = waiters.get(uri) ?? [];
    waiters.delete(uri);
    if (p) for (const w of ws) w(p);
  };
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    got.set(p.uri, p);
    history.set(p.uri, [...(history.get(p.uri) ?? []), { at: performance.now(), diagnostics: p.diagnostics }]);
  });
  conn.onNotification(didChangeAnalysisNotification, (p: DidChangeAnalysisParams) => {
    analysisChanges.push(p);
  });
  const logs: string[] = [];
  conn.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
    // The server logs each set it has finished publishing (server.ts, publish), after its last piece.
    const m = / diagnostics published in /.test(p.message) ? /^(\S+) /.exec(p.message) : null;
    if (m) complete(m[1]);
  });
  conn.onRequest('workspace/codeLens/refresh', () => null);
  conn.onRequest('workspace/semanticTokens/refresh', () => null);
  conn.listen();
  const rootUri = opts.rootPath ? uriOf(opts.rootPath) : null;
  await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: path.basename(opts.rootPath!) }] : null,
    capabilities: {
      textDocument: {
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        publishDiagnostics: { versionSupport: true },
        semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
      },
      workspace: { workspaceFolders: true },
    },
    initializationOptions: opts.settings ? { settings: opts.settings } : undefined,
  });
  await conn.sendNotification(InitializedNotification.type, {});
  const diagnostics = (uri: string, fresh = true) =>
    new Promise<Diagnostic[]>((resolve, reject) => {
      const have = got.get(uri);
      if (have && !fresh) return resolve(have.diagnostics);
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}; stderr: ${err}`)), 20000);
      waiters.set(uri, [...(waiters.get(uri) ?? []), (p) => (clearTimeout(timer), resolve(p.diagnostics))]);
    });
  return {
    conn,
    proc,
    stderr: () => err,
    diagnostics,
    analysisChanges,
    history,
    until(f, timeoutMs = 60000) {
      const t0 = performance.now();
      return new Promise((resolve, reject) => {
        const poll = () => {
          if (f()) resolve();
          else if (performance.now() - t0 > timeoutMs) reject(new Error(`timed out; stderr: ${err}`));
          else setTimeout(poll, 2);
        };
        poll();
      });
    },
    logs,
    cpuMs() {
      const stat = readFileSync(`/proc/${proc.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime are fields 14 and 15 of the full line (11 and 12 after the name).
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    },
    async open(file, languageId = 'plaintext', text) {
      const uri = uriOf(file);
      const body = text ?? readFileSync(file, 'utf8');
      const d = diagnostics(uri);
      await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text: body } });
      return { uri, text: body, diagnostics: await d };
    },
    async append(doc, text, version) {
      const line = doc.text.split('\n').length - 1;
      const d = diagnostics(doc.uri);
      await conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: doc.uri, version },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text }],
      });
      return d;
    },
    async stop() {
      try {
        await conn.sendRequest(ShutdownRequest.type);
        await conn.sendNotification(ExitNotification.type);
      } catch {
        /* already gone */
      }
      conn.dispose();
      if (proc.exitCode === null) {
        await new Promise<void>((r) => {
          const t = setTimeout(() => (proc.kill(), r()), 2000);
          proc.once('exit', () => (clearTimeout(t), r()));
        });
      }
    },
  };
}

/** 0-based position of the n-th (0-based) occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { line, character: at - (before.lastIndexOf('\n') + 1) };
}
