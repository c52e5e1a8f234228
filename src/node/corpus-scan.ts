// Walks folder trees, finds the files some reader claims (sniffing by content, FORMATS.md),
// reads and analyses each one. One plain synchronous loop: no worker pool to coordinate, and
// per-file failures are collected, never fatal.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initAnalysis } from '../node/init-analysis';
import type { CorpusError, CorpusRun } from '../core/corpus';
import { detectReader, sourceFile, FormatError } from '../core/formats';
import { V1_EVENT_FILE } from '../core/formats/openhands-v1';
import { OpenedLog } from './open-log';

export interface ScanOptions {
  /** Called after each file, for progress bars. */
  onFile?(done: number, total: number, file: string): void;
  /** Largest file read, in bytes (default 2 GiB: Node's own limit for one buffer). */
  maxBytes?: number;
}

export interface ScanResult {
  /** Folder the `file` of each run is relative to. */
  base: string;
  runs: CorpusRun[];
  errors: CorpusError[];
  /** Files looked at, files some reader claimed, files no reader claimed. */
  files: number;
  claimed: number;
  unclaimed: number;
  ms: number;
}

/** Folders never worth walking into. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '__pycache__', '.venv', 'venv', '.vscode-test', '.tox', '.mypy_cache']);
/** Sidecar files of this project that no reader should claim. */
const SIDECAR = /\.labels\.json$|\.annotations\.jsonl?$|\.rlens(\.json)?$/;
const HEAD = 64 * 1024;

/** Every regular file under `p` (or `p` itself), sorted, skipping hidden and tool folders. */
export function listFiles(p: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        // An OpenHands V1 conversation (events/event-*.json) is one run: list its folder once.
        if (e.name === 'events' && isV1EventsDir(full)) out.push(dir);
        else if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(full);
      } else if (e.isFile() && !SIDECAR.test(e.name)) {
        out.push(full);
      }
    }
  };
  const st = fs.statSync(p);
  if (st.isDirectory()) walk(p);
  else out.push(p);
  return out;
}

function isV1EventsDir(dir: string): boolean {
  try {
    return fs.readdirSync(dir).some((n) => V1_EVENT_FILE.test(n));
  } catch {
    return false;
  }
}

/** Files up to this size are read whole before sniffing (some sniffers look at the tail or a zip's directory). */
const WHOLE = 256 * 1024 * 1024;

/** The first bytes, to sniff; the whole file when the head alone is not claimed (a zip's directory is at its end). */
function readHead(file: string, size: number): Uint8Array {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD);
    const n = fs.readSync(fd, buf, 0, HEAD, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

function message(e: unknown): string {
  if (e instanceof FormatError) {
    const where = e.line ? ` (line ${e.line})` : e.entry ? ` (${e.entry})` : '';
    return `${e.format}: ${e.message}${where}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * Scans `paths` (folders or files; call `initAnalysis()` first). A file named explicitly
 * that no reader claims is an error; inside folders such files are only counted.
 */
export function scanCorpusSync(paths: string[], opts: ScanOptions = {}): ScanResult {
  const t0 = performance.now();
  const base = commonDir(paths.map((p) => (isDir(p) ? path.resolve(p) : path.dirname(path.resolve(p)))));
  const res: ScanResult = { base, runs: [], errors: [], files: 0, claimed: 0, unclaimed: 0, ms: 0 };
  const todo: { file: string; explicit: boolean }[] = [];
  for (const p of paths) {
    try {
      const dir = isDir(p);
      for (const f of listFiles(p)) todo.push({ file: f, explicit: !dir });
    } catch (e) {
      res.errors.push({ file: p, message: `cannot read: ${message(e)}` });
    }
  }
  const maxBytes = opts.maxBytes ?? 2 ** 31 - 1;
  for (let i = 0; i < todo.length; i++) {
    const { file, explicit } = todo[i];
    const rel = path.relative(base, path.resolve(file)) || path.basename(file);
    res.files++;
    try {
      if (isDir(file)) {
        // A conversation folder listed by listFiles: read its event files together.
        res.claimed++;
        const analysis = OpenedLog.fromPath(file, undefined, rel).all();
        for (const t of analysis.trajectories) res.runs.push({ file: rel, format: analysis.format, trajectory: t });
        opts.onFile?.(i + 1, todo.length, rel);
        continue;
      }
      const st = fs.statSync(file);
      if (!st.isFile()) throw new Error('not a regular file (a FIFO, socket or device): skipped');
      const size = st.size;
      let head = readHead(file, size);
      let { reader, tried } = detectReader(sourceFile(rel, head));
      if (!reader && head.length < size && size <= WHOLE) ({ reader, tried } = detectReader(sourceFile(rel, (head = fs.readFileSync(file)))));
      if (!reader) {
        res.unclaimed++;
        if (explicit) res.errors.push({ file: rel, message: `no reader recognised this file (tried: ${tried.join(', ')})` });
      } else if (size > maxBytes) {
        res.errors.push({ file: rel, message: `${reader.id}: file too large (${size} bytes)` });
      } else {
        res.claimed++;
        // Read through open-log: siblings of multi-file runs, the reading guards, one reader per format.
        const analysis = OpenedLog.fromPath(file, reader.id, rel).all();
        for (const t of analysis.trajectories) res.runs.push({ file: rel, format: analysis.format, trajectory: t });
        const fatal = analysis.issues.filter((x) => x.severity === 'error');
        if (fatal.length && !analysis.trajectories.length) {
          res.errors.push({ file: rel, message: `${analysis.format}: ${fatal.map((x) => x.message).join('; ')}` });
        }
      }
    } catch (e) {
      res.errors.push({ file: rel, message: message(e) });
    }
    opts.onFile?.(i + 1, todo.length, rel);
  }
  res.ms = performance.now() - t0;
  return res;
}

export async function scanCorpus(paths: string[], opts: ScanOptions = {}): Promise<ScanResult> {
  await initAnalysis();
  return scanCorpusSync(paths, opts);
}

/** The deepest folder that holds every one of `dirs` (absolute paths). */
export function commonDir(dirs: string[]): string {
  if (!dirs.length) return process.cwd();
  let parts = dirs[0].split(path.sep);
  for (const d of dirs.slice(1)) {
    const q = d.split(path.sep);
    let i = 0;
    while (i < parts.length && i < q.length && parts[i] === q[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join(path.sep) || path.sep;
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
