// Parsing and analysis live here and nowhere else: one ServedDocument per document version
// (open documents) or per file modification time (files the timeline or the workspace index
// read from disk). Open documents win over the disk.
import { promises as fs, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeRead } from '../core/analyze';
import { detectReader, readFile, sourceFile, sourceText, FormatError } from '../core/formats';
import type { AnalyzedTrajectory, RawTrajectory } from '../core/model';
import { hash32 } from '../core/ids';
import { ServedDocument } from './document';
import { useLaterTierUp } from '../node/v8-tuning';
import { OpenedLog } from '../node/open-log';
import { claudeSubagentFiles } from '../node/read-path';
import { readClaudeCodeSession } from '../core/formats/claude-code';
import type { SourceFile } from '../core/formats/types';
import type { ReadResult } from '../core/model';
import { isAbsolute } from 'node:path';

const HEAD_BYTES = 64 * 1024;

async function readHead(path: string, n: number): Promise<Uint8Array> {
  const fh = await fs.open(path, 'r');
  try {
    const buf = new Uint8Array(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Formats that are binary containers: never decoded as text. */
const BINARY = /\.eval$/i;

export function fileName(uri: string): string {
  return filePath(uri) ?? uri;
}

/** The local path of a `file:` URI, else null. */
export function filePath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** Where the time of one analysis went (logged, and read by the bench). */
export interface Timings {
  readMs: number;
  analyzeMs: number;
  reusedRuns: number;
  runs: number;
}

/** A run's raw content, hashed: equal prints mean equal analyses (analysis is deterministic). */
function rawPrint(t: RawTrajectory): string {
  return hash32(JSON.stringify(t)) + ':' + t.steps.length;
}

/** Bytes read after which the reader is warm and V8 may optimise later (v8-tuning.ts). */
const LATER_TIER_UP_AFTER = 1 << 20;

/**
 * Reads and analyses text or bytes into a ServedDocument; never throws. Runs whose raw content
 * is unchanged since `prev` keep their analysis (a multi-run file where one run grew).
 */
export function serve(
  uri: string,
  version: number | null,
  input: { text: string } | { bytes: Uint8Array },
  languageId?: string,
  timings?: Timings,
  prev?: ServedDocument,
): ServedDocument {
  const name = fileName(uri);
  const file = 'text' in input ? sourceText(name, input.text) : sourceFile(name, input.bytes);
  const text = 'text' in input ? input.text : BINARY.test(name) ? null : file.text();
  const { reader } = detectReader(file);
  // A chatbot-log document is ours by language even when its content is broken: say why.
  if (!reader && languageId !== 'chatbot-log') return new ServedDocument(uri, version, text, null, null, false);
  try {
    const t0 = performance.now();
    const read = withSiblings(name, file, readFile(file));
    if (file.bytes.length >= LATER_TIER_UP_AFTER) useLaterTierUp();
    const t1 = performance.now();
    // A session with sub-agents is judged as one run (core/analysis/session.ts): all of it, or none.
    const session = read.trajectories.some((t) => t.meta?.sidechain === true);
    const before = !session && prev?.analysis?.format === read.format ? prev.rawPrints : null;
    // One run (a chatbot log): an edit changes it, so hashing it would only cost time.
    const prints = read.trajectories.length > 1 ? read.trajectories.map(rawPrint) : read.trajectories.map(() => '');
    const fresh = read.trajectories.filter((_, i) => !prints[i] || !before?.has(prints[i]));
    const analysed = analyzeRead(name, { ...read, trajectories: fresh });
    let k = 0;
    const trajectories = read.trajectories.map((_, i) => (prints[i] && before?.get(prints[i])) || analysed.trajectories[k++]);
    const analysis = { ...analysed, trajectories };
    if (timings) {
      timings.readMs = t1 - t0;
      timings.analyzeMs = performance.now() - t1;
      timings.runs = trajectories.length;
      timings.reusedRuns = trajectories.length - fresh.length;
    }
    const doc = new ServedDocument(uri, version, text, analysis, null, true);
    prints.forEach((p, i) => p && doc.rawPrints.set(p, trajectories[i]));
    return doc;
  } catch (e) {
    const msg = e instanceof FormatError || e instanceof Error ? e.message : String(e);
    return new ServedDocument(uri, version, text, null, msg, true);
  }
}

/**
 * A Claude Code session read with its sub-agent files from disk, as the CLI reads it (an open
 * document is read from its text, the siblings from disk). Their steps have no lines in this
 * document, so their places are dropped: the editor's features stay on the document's own runs.
 */
function withSiblings(path: string, file: SourceFile, read: ReadResult): ReadResult {
  if (read.format !== 'claude-code' || !isAbsolute(path)) return read;
  let subs: { name: string; bytes: Uint8Array }[];
  try {
    subs = claudeSubagentFiles(path);
  } catch (e) {
    return {
      ...read,
      issues: [...read.issues, { severity: 'warning', message: `the sub-agent files beside the session could not be read: ${e instanceof Error ? e.message : String(e)}` }],
    };
  }
  if (!subs.length) return read;
  const session = readClaudeCodeSession([{ name: path, bytes: file.bytes }, ...subs]);
  const own = read.trajectories.length;
  const trajectories = session.trajectories.map((t, i) =>
    i < own ? t : { ...t, steps: t.steps.map((s) => ({ ...s, source: null, commands: s.commands.map((c) => ({ ...c, source: null })) })) },
  );
  return { ...session, trajectories };
}

/** Files this large get their first diagnostics from a prefix, before the whole is analysed. */
export const PREFIX_FROM_BYTES = 1_000_000;
const PREFIX_TARGET = 100_000;

/**
 * A prefix of a large chatbot log that ends just before a round banner, so that it reads as a
 * complete (shorter) log: the top of the file, to report while the rest is analysed. Null when
 * the text is small or not a chatbot log.
 */
export function quickPrefix(text: string, languageId: string): string | null {
  if (languageId !== 'chatbot-log' || text.length < PREFIX_FROM_BYTES) return null;
  return topOfLog(text);
}

/** Bytes read from the head of a large log on disk for its top (PREFIX_TARGET and the round after it). */
const TOP_BYTES = 512 * 1024;

/** The top of a chatbot log's text: up to the first round banner after PREFIX_TARGET, else null. */
function topOfLog(text: string): string | null {
  const banner = text.indexOf('*Round ', PREFIX_TARGET);
  if (banner < 0) return null;
  const lineStart = text.lastIndexOf('\n', banner) + 1;
  return lineStart > 0 ? text.slice(0, lineStart) : null;
}

/** A fingerprint of a run: changes when any of its steps (content-derived ids) changes. */
export function runFingerprint(t: AnalyzedTrajectory): string {
  let ids = '';
  for (const s of t.steps) ids += s.id + '|' + s.commands.length + ';';
  return hash32(ids + t.outcome.verdict + t.issues.length);
}

/**
 * How long a prefix served first waits, at most, for the timeline's first page before the whole
 * file is analysed (the server is single-threaded: the whole would hold that page back, and a
 * change told before the timeline has its rows makes it fetch twice). On a loaded machine the
 * webview alone takes seconds to load.
 */
const WHOLE_AFTER_MS = 5000;

export class DocumentStore {
  private open = new Map<string, ServedDocument>();
  private disk = new Map<string, { mtimeMs: number; size: number; doc: ServedDocument }>();
  /** Reads of files on their way: requests that come meanwhile (the timeline's and the annotations') share one. */
  private reading = new Map<string, Promise<ServedDocument | null>>();

  /** `analysed` is told when a file served from its prefix has been analysed whole. */
  constructor(private readonly analysed: (doc: ServedDocument) => void = () => undefined) {}

  getOpen(uri: string): ServedDocument | undefined {
    return this.open.get(uri);
  }

  /** Analyses an open document's new version (or reuses the cached one for that version). */
  update(uri: string, version: number, text: string, languageId: string, timings?: Timings): { doc: ServedDocument; changedRuns: string[] } {
    const prev = this.open.get(uri);
    if (prev && prev.version === version) return { doc: prev, changedRuns: [] };
    // Same text under a new version (e.g. an undo): keep the analysis, bump the version.
    let doc: ServedDocument;
    if (prev && prev.text === text) {
      doc = new ServedDocument(uri, version, text, prev.analysis, prev.error, prev.claimed);
      prev.rawPrints.forEach((t, p) => doc.rawPrints.set(p, t));
    } else doc = serve(uri, version, { text }, languageId, timings, prev);
    this.open.set(uri, doc);
    // A first analysis is no change: whoever wants it asks for the runs.
    return { doc, changedRuns: prev ? changedRuns(prev, doc) : [] };
  }

  close(uri: string): void {
    this.open.delete(uri);
  }

  /**
   * The document as open in the editor, else read from disk (cached by mtime and size). A large
   * chatbot log is served from its top first unless `top` is false (a file read again after it
   * changed: its readers have had the top already).
   */
  async get(uri: string, opts: { top?: boolean } = {}): Promise<ServedDocument | null> {
    const o = this.open.get(uri);
    if (o) return o;
    const key = `${opts.top === false ? 'whole' : 'top'} ${uri}`;
    const running = this.reading.get(key);
    if (running) return running;
    const read = this.read(uri, opts).finally(() => this.reading.delete(key));
    this.reading.set(key, read);
    return read;
  }

  private async read(uri: string, opts: { top?: boolean }): Promise<ServedDocument | null> {
    const path = filePath(uri);
    if (!path) return null;
    try {
      const st = await fs.stat(path);
      const hit = this.disk.get(uri);
      if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.doc;
      // Sniff the head first: a big file no reader claims is never read whole.
      const head = await readHead(path, HEAD_BYTES);
      const reader = detectReader(sourceFile(path, head)).reader;
      if (!reader) return this.keep(uri, st, new ServedDocument(uri, null, null, null, null, false));
      if (reader.listRuns) return this.keep(uri, st, served(uri, path));
      // A large log from disk: its top is served at once (only its head read), the whole just after.
      const top = opts.top !== false && st.size >= PREFIX_FROM_BYTES && reader.id === 'chatbot-log';
      const prefix = top ? topOfLog(Buffer.from(await readHead(path, TOP_BYTES)).toString('utf8')) : null;
      if (!prefix) return this.keep(uri, st, serve(uri, null, { bytes: new Uint8Array(await fs.readFile(path)) }));
      const partial = serve(uri, null, { text: prefix }, 'chatbot-log');
      partial.analyseWhole = () => this.analyseWhole(uri, st, path, partial);
      setTimeout(() => partial.analyseWhole?.(), WHOLE_AFTER_MS);
      return this.keep(uri, st, partial);
    } catch {
      return null;
    }
  }

  private keep(uri: string, st: { mtimeMs: number; size: number }, doc: ServedDocument): ServedDocument {
    this.disk.set(uri, { mtimeMs: st.mtimeMs, size: st.size, doc });
    return doc;
  }

  /**
   * The whole of a file first served from its prefix (once; a newer read of the file wins). Read
   * here, synchronously: callers want the whole when this returns; a file changed since the top
   * was read is read as it is now, and the next get() sees the change by its size and time.
   */
  private analyseWhole(uri: string, st: { mtimeMs: number; size: number }, path: string, partial: ServedDocument): void {
    if (!partial.analyseWhole) return;
    partial.analyseWhole = null;
    if (this.disk.get(uri)?.doc !== partial) return;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(path));
    } catch (e) {
      this.analysed(this.keep(uri, st, new ServedDocument(uri, null, null, null, `the file could not be read again: ${e instanceof Error ? e.message : String(e)}`, true)));
      return;
    }
    this.analysed(this.keep(uri, st, serve(uri, null, { bytes })));
  }

  openDocuments(): ServedDocument[] {
    return [...this.open.values()];
  }
}

/**
 * A file of many runs that its format lists without reading (an `.eval`): the runs are read
 * one by one as the timeline asks for them (open-log.ts).
 */
function served(uri: string, path: string): ServedDocument {
  const doc = new ServedDocument(uri, null, null, null, null, true);
  try {
    doc.log = OpenedLog.fromPath(path);
    return doc;
  } catch (e) {
    return new ServedDocument(uri, null, null, null, e instanceof Error ? e.message : String(e), true);
  }
}

/** Ids of the runs whose content differs between two versions. */
function changedRuns(prev: ServedDocument, next: ServedDocument): string[] {
  const before = new Map(prev.runs.map((t) => [t.id, runFingerprint(t)]));
  const out: string[] = [];
  for (const t of next.runs) if (before.get(t.id) !== runFingerprint(t)) out.push(t.id);
  for (const id of before.keys()) if (!next.runs.some((t) => t.id === id)) out.push(id);
  return out;
}
