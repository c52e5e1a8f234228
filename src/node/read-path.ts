// Reading a trajectory from a path on disk, where a run can span several files: an OpenHands
// V1 conversation folder (events/event-*.json), or a Claude Code session with its
// SESSION/subagents/*.jsonl. Everything else is one file, sniffed by content.
//
// Files come from the agents under study, so reading is guarded: only regular files are
// opened (a FIFO or a device such as /dev/zero would block or never end), at most
// MAX_FILE_BYTES of them, and text in UTF-16 or with lone-CR line ends is turned into the
// UTF-8, LF-ended text the readers take (line numbers unchanged), with a warning saying so.
import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FormatId, ReadIssue, ReadResult } from '../core/model';
import { readFile, sourceFile, FormatError } from '../core/formats';
import { crLineEnded, decodeUtf16, detectUtf16 } from '../core/formats/describe';
import { readOpenHandsV1Folder, V1_EVENT_FILE } from '../core/formats/openhands-v1';
import { readClaudeCodeSession } from '../core/formats/claude-code';

/** The largest file read: 2 GiB - 1 byte (also the most Node reads into one buffer). */
export const MAX_FILE_BYTES = 2 ** 31 - 1;
/** The largest text file read (not a zip): what V8 can hold as one string, 512 MiB less a little. */
export const MAX_TEXT_BYTES = 0x1fffffe8;

export interface ReadPathOptions {
  /** Refuse files larger than this (default MAX_FILE_BYTES). */
  maxBytes?: number;
}

export function readPath(path: string, format?: FormatId, opts: ReadPathOptions = {}): ReadResult {
  if (statSync(path).isDirectory()) {
    const dir = existsSync(join(path, 'events')) && statSync(join(path, 'events')).isDirectory() ? join(path, 'events') : path;
    const names = readdirSync(dir).filter((n) => V1_EVENT_FILE.test(n));
    if (!names.length) {
      throw new FormatError('unknown', `a folder without OpenHands event files (events/event-NNNNN-UUID.json); give the trajectory files inside it`);
    }
    const files = names.map((n) => ({ name: join(dir, n), bytes: readTrajectoryFile(join(dir, n), opts).bytes }));
    const state = join(dirname(dir) === path ? path : dir, 'base_state.json');
    if (existsSync(state)) files.push({ name: state, bytes: readTrajectoryFile(state, opts).bytes });
    return readOpenHandsV1Folder(files);
  }
  const { bytes, issues } = readTrajectoryFile(path, opts);
  return readPathBytes(path, bytes, issues, format, opts);
}

/**
 * readPath of a file whose bytes are already read (`issues`: what reading them said), for a
 * caller that sniffed them first: reading the file again held a second copy of it (a 100 MB
 * Claude Code session opened from its path: 448 MB peak with the analysis, of a 450 MB budget).
 */
export function readPathBytes(path: string, bytes: Uint8Array, issues: ReadIssue[], format?: FormatId, opts: ReadPathOptions = {}): ReadResult {
  let result = readFile(sourceFile(path, bytes), format);
  if (result.format === 'claude-code') {
    const subs = claudeSubagentFiles(path, opts);
    if (subs.length) result = readClaudeCodeSession([{ name: path, bytes }, ...subs]);
  }
  return issues.length ? { ...result, issues: [...issues, ...result.issues] } : result;
}

/** Buffers smaller than this are left to the collector (and may be slices of Node's shared pool). */
const RELEASE_MIN_BYTES = 1 << 20;

/**
 * Frees a file's bytes once nothing will read them, without waiting for a full collection: the
 * memory moves (a transfer, no copy) to a new ArrayBuffer that nothing holds, which the next
 * minor collection frees. The file's own buffer, promoted while the reader ran, would wait for
 * a major collection, and on a large log none comes before the analysis peaks (a 115 MB chat
 * transcript held its bytes through the whole analysis: 627 MB peak against a 494 MB budget).
 * Views of the buffer read as empty afterwards.
 */
export function releaseBytes(bytes: Uint8Array): void {
  const buffer = bytes.buffer;
  if (buffer instanceof ArrayBuffer && buffer.byteLength >= RELEASE_MIN_BYTES) structuredClone(buffer, { transfer: [buffer] });
}

/** A Claude Code session's sub-agent files (SESSION/subagents/*.jsonl beside SESSION.jsonl), read. */
export function claudeSubagentFiles(path: string, opts: ReadPathOptions = {}): { name: string; bytes: Uint8Array }[] {
  const subDir = join(dirname(path), basename(path, '.jsonl'), 'subagents');
  if (!existsSync(subDir) || !statSync(subDir).isDirectory()) return [];
  const subs = readdirSync(subDir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort();
  return subs.map((n) => ({ name: join(subDir, n), bytes: readTrajectoryFile(join(subDir, n), opts).bytes }));
}

/**
 * A trajectory file's bytes, as the readers take them: a regular file only, within the size
 * limit, UTF-16 decoded and lone-CR line ends made LF (each with a warning in `issues`).
 */
export function readTrajectoryFile(path: string, opts: ReadPathOptions = {}): { bytes: Uint8Array; issues: ReadIssue[] } {
  const raw = readRegularFile(path, opts.maxBytes ?? MAX_FILE_BYTES);
  return normaliseText(raw);
}

/** UTF-16 to UTF-8 and lone CR to LF, for text (never for a zip or other binary data). */
export function normaliseText(raw: Uint8Array): { bytes: Uint8Array; issues: ReadIssue[] } {
  const issues: ReadIssue[] = [];
  if (isZip(raw)) return { bytes: raw, issues };
  let bytes = raw;
  const u16 = detectUtf16(raw);
  if (u16) {
    bytes = Buffer.from(decodeUtf16(raw, u16), 'utf8');
    issues.push({ severity: 'warning', message: `the file is UTF-16${u16.endian} text (${u16.bom ? 'with a byte-order mark' : 'no byte-order mark'}); read after decoding it` });
  } else if (raw.subarray(0, 4096).includes(0)) {
    return { bytes: raw, issues }; // binary: leave it to the readers (and their message)
  }
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new FormatError('unknown', `the file is ${bytes.length} bytes of text, over the limit of ${MAX_TEXT_BYTES} bytes (512 MiB) for a text trajectory (one string in memory)`);
  }
  if (crLineEnded(bytes)) {
    const out = Buffer.from(bytes);
    for (let i = 0; i < out.length; i++) if (out[i] === 0x0d && out[i + 1] !== 0x0a) out[i] = 0x0a;
    bytes = out;
    issues.push({ severity: 'warning', message: 'the lines end with a lone CR (old Mac style); read with each CR as a line end' });
  }
  return { bytes, issues };
}

function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7) && b[3] === b[2] + 1;
}

function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a folder';
  return 'a special file';
}

function notRegular(st: Stats): FormatError {
  return new FormatError('unknown', `${kindOf(st)}, not a regular file: only trajectory files and conversation folders are read`);
}

function tooLarge(size: number | string, max: number): FormatError {
  return new FormatError('unknown', `the file is ${size} bytes, over the limit of ${max} bytes (${mib(max)}) for one trajectory file`);
}

const mib = (n: number) => (n >= 2 ** 30 - 1 ? `${Math.round(n / 2 ** 30)} GiB` : `${Math.round(n / 2 ** 20)} MiB`);

const CHUNK = 64 * 1024 * 1024;

/**
 * Reads a regular file, never more than `max` bytes: checked with stat before opening (a FIFO
 * would block the open), opened non-blocking and checked again (the path may have changed),
 * then read until the end or past `max` (a file that grows, or says size 0 as /proc does).
 */
export function readRegularFile(path: string, max: number = MAX_FILE_BYTES): Uint8Array {
  const before = statSync(path);
  if (!before.isFile()) throw notRegular(before);
  if (before.size > max) throw tooLarge(before.size, max);
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw notRegular(st);
    if (st.size > max) throw tooLarge(st.size, max);
    let buf = Buffer.allocUnsafe(Math.min(max + 1, Math.max(st.size + 1, 65536)));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > max) throw tooLarge(`more than ${max}`, max);
        const bigger = Buffer.allocUnsafe(Math.min(max + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      const got = readSync(fd, buf, n, Math.min(buf.length - n, CHUNK), null);
      if (got === 0) break;
      n += got;
    }
    if (n > max) throw tooLarge(`more than ${max}`, max);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
