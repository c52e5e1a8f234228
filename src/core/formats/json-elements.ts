// Where the elements of a JSON array sit in the text (for step source lines), and a lenient
// reading of such an array: when the whole file does not parse (a truncated export), the
// complete elements still read and the broken tail becomes an issue.
// One linear pass that only tracks nesting and strings (strings skipped with indexOf), so it
// costs a fraction of JSON.parse on the same bytes. (json-positions' general path scan stops
// at every key, colon and comma; on key-dense event lists it measured 2-3x JSON.parse, this
// one about half, which keeps these readers inside the 3x budget.)
import type { FormatId, ReadIssue, SourceRange } from '../model';
import { LineIndex } from '../ids';
import { FormatError, type SourceFile } from './types';
import { stringEnd } from './json-syntax';

export interface ElementSpan {
  /** Offset of the element's first character. */
  start: number;
  /** Offset just past its last character. */
  end: number;
}

export interface ArrayScan {
  elements: ElementSpan[];
  /** False when the text ended (or broke) before the array closed. */
  complete: boolean;
  /** Offset where the scan stopped on broken input. */
  stoppedAt: number;
  /** False when no array was found where it was looked for. */
  found: boolean;
}

function skipWs(t: string, i: number): number {
  for (;;) {
    const c = t.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) i++;
    else return i;
  }
}

/** `i` at an opening quote; returns the offset after the closing quote, or -1. */
function skipString(t: string, i: number): number {
  const end = stringEnd(t, i);
  return end === -1 ? -1 : end + 1;
}

/** `i` at the first character of a value; returns the offset after it, or -1 if cut. */
function skipValue(t: string, i: number): number {
  const c = t.charCodeAt(i);
  if (c === 34) return skipString(t, i);
  if (c === 123 || c === 91) {
    let depth = 0;
    for (let j = i; j < t.length; j++) {
      const d = t.charCodeAt(j);
      if (d === 34) {
        const e = skipString(t, j);
        if (e === -1) return -1;
        j = e - 1;
      } else if (d === 123 || d === 91) depth++;
      else if (d === 125 || d === 93) {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return -1;
  }
  let j = i;
  while (j < t.length) {
    const d = t.charCodeAt(j);
    if (d === 44 || d === 93 || d === 125 || d === 32 || d === 10 || d === 13 || d === 9) break;
    j++;
  }
  return j > i ? j : -1;
}

function scanElements(t: string, open: number): ArrayScan {
  const elements: ElementSpan[] = [];
  let i = skipWs(t, open + 1);
  if (t.charCodeAt(i) === 93) return { elements, complete: true, stoppedAt: i, found: true };
  for (;;) {
    i = skipWs(t, i);
    if (i >= t.length) return { elements, complete: false, stoppedAt: i, found: true };
    const end = skipValue(t, i);
    if (end === -1) return { elements, complete: false, stoppedAt: i, found: true };
    elements.push({ start: i, end });
    i = skipWs(t, end);
    const c = t.charCodeAt(i);
    if (c === 44) i++;
    else if (c === 93) return { elements, complete: true, stoppedAt: i, found: true };
    else return { elements, complete: false, stoppedAt: i, found: true };
  }
}

/** One member of the top-level object: its key and where its value sits. */
export interface TopEntry {
  key: string;
  /** The value's span (its end is -1 when the text stops inside it). */
  start: number;
  end: number;
}

/**
 * The members of the top-level object, in order, without parsing their values; stops at the
 * first value the text cuts off (yielded with end -1) or at broken text. Nothing when the
 * root is not an object. Lets a reader find a key wherever a writer put it.
 */
export function* topLevelEntries(text: string): Generator<TopEntry> {
  let i = skipWs(text, 0);
  if (text.charCodeAt(i) !== 123) return;
  i = skipWs(text, i + 1);
  while (i < text.length && text.charCodeAt(i) === 34) {
    const kEnd = skipString(text, i);
    if (kEnd === -1) return;
    let key: string;
    try {
      key = JSON.parse(text.slice(i, kEnd)) as string;
    } catch {
      return;
    }
    i = skipWs(text, kEnd);
    if (text.charCodeAt(i) !== 58) return;
    i = skipWs(text, i + 1);
    const vEnd = skipValue(text, i);
    yield { key, start: i, end: vEnd };
    if (vEnd === -1) return;
    i = skipWs(text, vEnd);
    if (text.charCodeAt(i) !== 44) return;
    i = skipWs(text, i + 1);
  }
}

/**
 * The elements of the top-level array (no key) or of the array under a top-level key
 * (`{"trajectory": [...]}`, `{"messages": [...]}`).
 */
export function scanArray(text: string, key?: string): ArrayScan {
  const none: ArrayScan = { elements: [], complete: false, stoppedAt: 0, found: false };
  const i = skipWs(text, 0);
  if (key === undefined) return text.charCodeAt(i) === 91 ? scanElements(text, i) : none;
  for (const e of topLevelEntries(text)) {
    if (e.key === key && text.charCodeAt(e.start) === 91) return scanElements(text, e.start);
  }
  return none;
}

const topKeysCache = new WeakMap<Uint8Array, Map<string, TopEntry>>();

/**
 * The top-level members of a file that is one JSON object, for sniffing a format whose telling
 * keys a writer may put anywhere (after megabytes of samples, say). Walks the whole text once
 * (strings skipped with indexOf) and remembers the answer for the file's bytes.
 */
export function topLevelMembers(file: SourceFile): Map<string, TopEntry> {
  let m = topKeysCache.get(file.bytes);
  if (!m) {
    m = new Map();
    for (const e of topLevelEntries(file.text())) if (!m.has(e.key)) m.set(e.key, e);
    topKeysCache.set(file.bytes, m);
  }
  return m;
}

/** A top-level member's value parsed, when it is complete and small enough to parse cheaply. */
export function topLevelValue(file: SourceFile, key: string, maxChars = 1 << 16): unknown {
  const e = topLevelMembers(file).get(key);
  if (!e || e.end === -1 || e.end - e.start > maxChars) return undefined;
  try {
    return JSON.parse(file.text().slice(e.start, e.end));
  } catch {
    return undefined;
  }
}

export interface ArrayRead {
  /** The parsed root value (null when the file had to be recovered element by element). */
  root: unknown;
  items: unknown[];
  /** Line range of each item, same order (empty when unknown). */
  ranges: SourceRange[];
  issues: ReadIssue[];
}

/** Line of a JSON.parse error, from V8's "at position N". */
export function errorLine(text: string, err: unknown, lines?: LineIndex): number | undefined {
  const m = /position (\d+)/.exec((err as Error)?.message ?? '');
  if (!m) return undefined;
  return (lines ?? new LineIndex(text)).lineAt(Number(m[1]));
}

/**
 * Reads an array of items from a JSON file: the top-level array, or `root[key]` for the first
 * key of `keys` that holds one. Returns items with their line ranges. A file that does not
 * parse is recovered element by element when possible; otherwise a FormatError.
 */
export function readJsonArray(text: string, format: FormatId, keys: string[] = []): ArrayRead {
  const lines = new LineIndex(text);
  const toRange = (s: ElementSpan): SourceRange => ({ startLine: lines.lineAt(s.start), endLine: lines.lineAt(s.end - 1) });
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (err) {
    return recover(text, format, keys, err, lines, toRange);
  }
  let items: unknown[] | null = null;
  let key: string | undefined;
  if (Array.isArray(root)) items = root;
  else if (root && typeof root === 'object') {
    for (const k of keys) {
      const v = (root as Record<string, unknown>)[k];
      if (Array.isArray(v)) {
        items = v;
        key = k;
        break;
      }
    }
  }
  if (!items) {
    throw new FormatError(format, `${format}: expected a JSON array${keys.length ? ` or an object with ${keys.map((k) => `"${k}"`).join('/')}` : ''}`);
  }
  const scan = scanArray(text, key);
  const ranges = scan.found && scan.elements.length === items.length ? scan.elements.map(toRange) : [];
  return { root, items, ranges, issues: [] };
}

function recover(text: string, format: FormatId, keys: string[], err: unknown, lines: LineIndex, toRange: (s: ElementSpan) => SourceRange): ArrayRead {
  const where = errorLine(text, err, lines);
  let scan = scanArray(text);
  for (const k of keys) {
    if (scan.found) break;
    scan = scanArray(text, k);
  }
  const items: unknown[] = [];
  const ranges: SourceRange[] = [];
  const issues: ReadIssue[] = [];
  for (const el of scan.elements) {
    try {
      items.push(JSON.parse(text.slice(el.start, el.end)));
      ranges.push(toRange(el));
    } catch (e) {
      const r = toRange(el);
      issues.push({ severity: 'error', line: r.startLine, message: `${format}: entry at line ${r.startLine} is not valid JSON (${(e as Error).message}); skipped` });
    }
  }
  if (!items.length) {
    throw new FormatError(format, `${format}: not valid JSON${where ? ` (line ${where})` : ''}: ${(err as Error).message}`, where);
  }
  const stop = lines.lineAt(scan.stoppedAt);
  issues.unshift({
    severity: 'error',
    line: where ?? stop,
    message: `${format}: the file is not valid JSON from line ${where ?? stop} (truncated or damaged); read the ${items.length} complete entries before it`,
  });
  return { root: null, items, ranges, issues };
}
