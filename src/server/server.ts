// The Replication Lens language server: owns parsing and analysis (the extension host never
// parses a trajectory), caches them per document version, and answers LSP requests and the
// timeline's custom requests from the same model.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeLensRefreshRequest,
  type ClientCapabilities,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { initAnalysis } from '../node/init-analysis';
import {
  anchorRequest,
  didChangeAnalysisNotification,
  diskDocumentNotification,
  placeAnnotationsRequest,
  runRequest,
  runsRequest,
  stepRequest,
  stepsRequest,
} from '../protocol/lsp';
import { anchorAt, placeAnnotations } from './features/annotations';
import type { ServedDocument } from './document';
import { diagnostics } from './features/diagnostics';
import { definition, references } from './features/entities';
import { hover } from './features/hover';
import { codeLenses, resolveLens, type LensData } from './features/lenses';
import { documentSymbolsInSlices, foldingRanges } from './features/symbols';
import { run, runs, step, steps } from './features/timeline';
import { LEGEND, semanticTokens } from './features/tokens';
import { WorkspaceIndex } from './features/workspace';
import { DEFAULT_SETTINGS, parseSettings, type ServerSettings } from './settings';
import { DocumentStore, PREFIX_FROM_BYTES, quickPrefix, serve, type Timings } from './store';
import { useBaselineWasmCompiler } from '../node/v8-tuning';
import { trace, tracing } from '../node/trace';
import { DiagnosticsPublisher } from './publish';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const publisher = new DiagnosticsPublisher((uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }));
/** Documents open in the editor but too large to sync (client.ts): served from their files. */
const onDisk = new Set<string>();
// A large log read from disk is served from its top first; the timeline refetches once the whole is in.
const store = new DocumentStore((d) => {
  trace('server', 'whole file analysed');
  void connection.sendNotification(didChangeAnalysisNotification, { uri: d.uri, version: null, runIds: d.runs.map((t) => t.id) });
  if (onDisk.has(d.uri)) void publish(d, 'whole file');
});
let settings: ServerSettings = DEFAULT_SETTINGS;
const index = new WorkspaceIndex(store, [], () => settings.workspaceSymbols);
useBaselineWasmCompiler();
const ready = initAnalysis();
/** Edits and appends (a live log) are analysed after a short pause; opening is immediate. */
const CHANGE_DELAY_MS = 150;
const pending = new Map<string, NodeJS.Timeout>();
let clientCaps: ClientCapabilities | undefined;

function folderPaths(folders: { uri: string }[] | null | undefined, root?: string | null): string[] {
  const uris = folders?.length ? folders.map((f) => f.uri) : root ? [root] : [];
  return uris.flatMap((u) => {
    try {
      return [fileURLToPath(u)];
    } catch {
      return [];
    }
  });
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  clientCaps = params.capabilities;
  const init = params.initializationOptions as { settings?: unknown } | undefined;
  if (init?.settings) settings = parseSettings(init.settings);
  index.setFolders(folderPaths(params.workspaceFolders, params.rootUri));
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'Replication Lens' },
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      codeLensProvider: { resolveProvider: true },
      semanticTokensProvider: { legend: LEGEND, full: true, range: true },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'replication-lens' },
  };
});

connection.onInitialized(() => {
  if (!clientCaps?.workspace?.workspaceFolders) return;
  connection.workspace.onDidChangeWorkspaceFolders(() => {
    void connection.workspace.getWorkspaceFolders().then((f) => index.setFolders(folderPaths(f)));
  });
});

/** Analyses in flight, per uri, so that concurrent requests share one analysis. */
const inFlight = new Map<string, { version: number; done: Promise<ServedDocument> }>();

/** The analysis of an open document at its current version (analysing now if stale). */
async function current(uri: string): Promise<ServedDocument | null> {
  await ready;
  const td = documents.get(uri);
  if (!td) return store.get(uri);
  const have = store.getOpen(uri);
  if (have && have.version === td.version) return have;
  const running = inFlight.get(uri);
  if (running && running.version === td.version) return running.done;
  return analyse(td);
}

function analyse(td: TextDocument): Promise<ServedDocument> {
  const t = pending.get(td.uri);
  if (t) clearTimeout(t);
  pending.delete(td.uri);
  const { uri, version, languageId } = td;
  // Take the text now: the TextDocument is updated in place by later edits.
  const text = td.getText();
  const done = (async () => {
    // A large file opened for the first time: report the top of it at once, then the whole.
    const prefix = !store.getOpen(uri) ? quickPrefix(text, languageId) : null;
    if (prefix) {
      const t0 = performance.now();
      const partial = serve(uri, version, { text: prefix }, languageId);
      const diags = diagnostics(partial, settings).filter((d) => d.code !== 'malformed');
      await connection.sendDiagnostics({ uri, version, diagnostics: diags });
      connection.console.log(`${uri} v${version}: first ${partial.runs[0]?.steps.length ?? 0} steps reported in ${(performance.now() - t0).toFixed(0)} ms, cpu ${cpuMs()} ms`);
    }
    const timings: Timings = { readMs: 0, analyzeMs: 0, reusedRuns: 0, runs: 0 };
    const t0 = performance.now();
    const { doc, changedRuns } = store.update(uri, version, text, languageId, timings);
    const t1 = performance.now();
    // Closed while it was being analysed: keep nothing, report nothing.
    if (!documents.get(uri)) {
      store.close(uri);
      return doc;
    }
    if (doc.claimed) {
      connection.console.log(
        `${uri} v${version}: read ${timings.readMs.toFixed(0)} ms, analysis ${timings.analyzeMs.toFixed(0)} ms ` +
          `(${timings.runs - timings.reusedRuns} of ${timings.runs} runs analysed, ${timings.reusedRuns} unchanged), ` +
          `total ${(t1 - t0).toFixed(0)} ms, cpu ${cpuMs()} ms`,
      );
    }
    void publish(doc, `v${version}`);
    // The outline is what the editor asks for next: build it while the client is busy.
    if (doc.claimed) {
      setImmediate(() => {
        if (store.getOpen(uri) !== doc) return;
        const t = performance.now();
        void doc
          .memo('symbols', () => documentSymbolsInSlices(doc))
          .then((s) => connection.console.log(`${uri} v${version}: outline of ${s.length} symbols built in ${(performance.now() - t).toFixed(0)} ms`));
      });
    }
    if (changedRuns.length) void connection.sendNotification(didChangeAnalysisNotification, { uri, version, runIds: changedRuns });
    return doc;
  })();
  inFlight.set(uri, { version, done });
  void done.finally(() => {
    if (inFlight.get(uri)?.done === done) inFlight.delete(uri);
  });
  return done;
}

/**
 * Publishes a document's diagnostics in pieces (publish.ts), and logs how it went. A document
 * served from the top of its file leaves out the read issues, which belong to the cut.
 */
async function publish(d: ServedDocument, what: string): Promise<void> {
  const partial = d.analyseWhole !== null;
  const r = await publisher.publish(d, settings, partial ? (x) => x.code !== 'malformed' : undefined);
  if (r) {
    connection.console.log(
      `${d.uri} ${what}: ${r.count} diagnostics published in ${r.pieces} piece(s) over ${r.ms.toFixed(0)} ms, longest slice ${r.longestSliceMs.toFixed(0)} ms, cpu ${cpuMs()} ms`,
    );
  }
}

/** CPU time this process has used, for the timing lines in the log. */
function cpuMs(): string {
  const u = process.cpuUsage();
  return ((u.user + u.system) / 1000).toFixed(0);
}

documents.onDidOpen(async (e) => {
  const size = e.document.getText().length;
  if (size >= PREFIX_FROM_BYTES) connection.console.log(`${e.document.uri} v${e.document.version}: opened (${size} chars), cpu ${cpuMs()} ms`);
  await ready;
  if (documents.get(e.document.uri)?.version === e.document.version) await current(e.document.uri);
});
documents.onDidChangeContent((e) => {
  // didOpen also fires this: the timer then finds the analysis done (or in flight) and returns.
  const old = pending.get(e.document.uri);
  if (old) clearTimeout(old);
  pending.set(
    e.document.uri,
    setTimeout(() => {
      pending.delete(e.document.uri);
      const td = documents.get(e.document.uri);
      if (td) void current(td.uri);
    }, CHANGE_DELAY_MS),
  );
});
documents.onDidClose((e) => {
  const t = pending.get(e.document.uri);
  if (t) clearTimeout(t);
  pending.delete(e.document.uri);
  store.close(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

// ---- Documents too large to sync (client.ts): their files are read and analysed here ---------

/** Re-reads of a changed file wait this long, or as long as the last analysis of it took. */
const diskTimers = new Map<string, NodeJS.Timeout>();
const diskCost = new Map<string, number>();

async function serveFromDisk(uri: string, top: boolean): Promise<void> {
  await ready;
  const t0 = performance.now();
  const d = await store.get(uri, { top });
  if (!d || !onDisk.has(uri)) return;
  connection.console.log(
    `${uri} from its file: ${d.runs.reduce((n, t) => n + t.steps.length, 0)} steps${d.analyseWhole ? ' (its top)' : ''} in ${(performance.now() - t0).toFixed(0)} ms, cpu ${cpuMs()} ms`,
  );
  await publish(d, d.analyseWhole ? 'top of the file' : 'file');
  // The top has gone out: the whole now (the store tells when it is in, and it is published then).
  if (d.analyseWhole) {
    setTimeout(() => {
      // A request for the whole (whole()) may have analysed it first.
      if (!d.analyseWhole) return;
      const w0 = performance.now();
      const c0 = process.cpuUsage();
      d.analyseWhole();
      diskCost.set(uri, performance.now() - w0);
      const c = process.cpuUsage(c0);
      connection.console.log(`${uri} whole file read and analysed in one block of ${(performance.now() - w0).toFixed(0)} ms (cpu ${((c.user + c.system) / 1000).toFixed(0)} ms)`);
    }, 0);
  } else diskCost.set(uri, performance.now() - t0);
}

connection.onNotification(diskDocumentNotification, (p) => {
  clearTimeout(diskTimers.get(p.uri));
  diskTimers.delete(p.uri);
  if (p.state === 'closed') {
    onDisk.delete(p.uri);
    publisher.cancel(p.uri);
    void connection.sendDiagnostics({ uri: p.uri, diagnostics: [] });
    return;
  }
  const first = !onDisk.has(p.uri);
  onDisk.add(p.uri);
  if (first) void serveFromDisk(p.uri, true);
  // A live log grows in bursts: read again after a pause that keeps the server mostly free.
  else
    diskTimers.set(
      p.uri,
      setTimeout(() => (diskTimers.delete(p.uri), void serveFromDisk(p.uri, false)), Math.max(CHANGE_DELAY_MS, diskCost.get(p.uri) ?? 0)),
    );
});

connection.onDidChangeConfiguration((p) => {
  const s = p.settings as { replicationLens?: unknown } | null;
  settings = parseSettings(s?.replicationLens ?? s);
  for (const d of store.openDocuments()) void publish(d, 'settings changed');
  for (const uri of onDisk) void store.get(uri).then((d) => d && publish(d, 'settings changed'));
  if (clientCaps?.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type);
  if (clientCaps?.workspace?.semanticTokens?.refreshSupport) connection.languages.semanticTokens.refresh();
});
connection.onDidChangeWatchedFiles(() => index.invalidate());

/** Runs a feature on the served document, or answers `empty` when the file is not ours. */
function on<P extends { textDocument: { uri: string } }, R>(f: (d: ServedDocument, p: P) => R | Promise<R>, empty: R) {
  return async (p: P): Promise<R> => {
    // An editor's features cover the whole file, not the top of it served first.
    const uri = p.textDocument.uri;
    const d = onDisk.has(uri) ? await whole(uri) : await current(uri);
    if (!d || !d.claimed) return empty;
    return f(d, p);
  };
}

connection.onDocumentSymbol(on((d) => d.memo('symbols', () => documentSymbolsInSlices(d)), []));
connection.onFoldingRanges(on((d) => d.memo('folding', () => foldingRanges(d)), []));
connection.onHover(on((d, p) => hover(d, p.position), null));
connection.onDefinition(on((d, p) => definition(d, p.position), null));
connection.onReferences(on((d, p) => references(d, p.position), []));
/** Small numbers for document uris, so that 30,000 unresolved lenses do not each carry one. */
const docKeys = new Map<string, number>();
const docUris: string[] = [];
function docKey(uri: string): number {
  let k = docKeys.get(uri);
  if (k === undefined) {
    k = docUris.push(uri) - 1;
    docKeys.set(uri, k);
  }
  return k;
}
connection.onCodeLens(on((d) => (settings.codeLens.enabled ? d.memo('lenses', () => codeLenses(d, docKey(d.uri))) : []), []));
connection.onCodeLensResolve(async (lens) => {
  const uri = docUris[(lens.data as LensData)[0]];
  const d = uri === undefined ? null : await current(uri);
  // A lens whose document changed since keeps no command; VS Code asks for fresh lenses.
  return (d && resolveLens(d, lens)) ?? { ...lens, command: { title: '', command: '' } };
});
connection.languages.semanticTokens.on(on((d) => (settings.semanticTokens.enabled ? d.memo('tokens', () => semanticTokens(d)) : { data: [] }), { data: [] }));
connection.languages.semanticTokens.onRange(on((d, p) => (settings.semanticTokens.enabled ? semanticTokens(d, p.range) : { data: [] }), { data: [] }));
connection.onWorkspaceSymbol(async (p, token) => {
  await ready;
  return index.symbols(p.query, () => token.isCancellationRequested);
});

/** A timeline request, traced (RL_TRACE) from its arrival to its answer. */
function traced<P, R>(name: string, f: (p: P) => Promise<R>): (p: P) => Promise<R> {
  if (!tracing) return f;
  return async (p) => {
    trace('server', `${name} received`);
    const r = await f(p);
    trace('server', `${name} answered`);
    return r;
  };
}
connection.onRequest(
  runsRequest,
  traced('runs', async (p) => {
    const d = await current(p.uri);
    // The list goes out at once; the first run, which the timeline shows next, is read meanwhile.
    const log = d?.log;
    if (log?.runs.length && !log.isRead(0)) setTimeout(() => log.run(0), 0);
    return runs(d, p.uri);
  }),
);
connection.onRequest(
  runRequest,
  traced('run', async (p) => run(await current(p.uri), p.runId)),
);
connection.onRequest(
  stepsRequest,
  traced('steps', async (p) => {
    const d = await current(p.uri);
    // The top of a large file has given the timeline its first page: analyse the whole now.
    if (d?.analyseWhole) setTimeout(() => d.analyseWhole?.(), 10);
    return steps(d, p);
  }),
);
connection.onRequest(stepRequest, async (p) => step(await current(p.uri), p.runId, p.index));
/** The whole document: annotations are placed on every step, not on the top served first. */
async function whole(uri: string): Promise<ServedDocument | null> {
  const d = await current(uri);
  if (!d?.analyseWhole) return d;
  d.analyseWhole();
  return current(uri);
}
connection.onRequest(placeAnnotationsRequest, async (p) => {
  const d = await whole(p.uri);
  return d?.claimed && !d.error ? placeAnnotations(d, p.anchors) : null;
});
connection.onRequest(anchorRequest, async (p) => {
  const d = await whole(p.uri);
  return d?.claimed && !d.error ? anchorAt(d, p) : null;
});

documents.listen(connection);
connection.listen();
