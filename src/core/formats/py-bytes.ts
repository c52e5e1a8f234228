// Python dict literals of plain strings (`{'status': '...', 'stdout': '...'}`) read straight
// from UTF-8 bytes: what the chatbot log's tool calls and results are made of. Each value is
// decoded from its own bytes (a flat string, no slice keeping a record alive), escapes are
// undone only in strings that have a backslash, and values nobody asked for are skipped.
//
// Anything outside that subset (numbers, nested values, triple quotes, prefixes, adjacent
// literals, a line break inside a string, whitespace that is not ASCII, a text cut off) gives
// null: the caller then reads the decoded text with parsePyLiteral. Whenever this reader
// returns a value, it is the one parsePyLiteral gives (test/unit/py-bytes.test.ts).
import { PY_ESCAPES } from './py-literal';

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

const QUOTE = 0x27;
const DQUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Bytes that end an escape of two characters: the keys of PY_ESCAPES, less the line break. */
const SIMPLE_ESCAPE = new Uint8Array(128);
for (const k of Object.keys(PY_ESCAPES)) if (k !== '\n') SIMPLE_ESCAPE[k.charCodeAt(0)] = 1;

/**
 * Short ASCII strings seen before, by content: tool names, keys, `one_time`, the status
 * sentences and `_end_of_command_execution_` repeat in every round, and a lookup is cheaper
 * than a decode. One pool per file read.
 */
export class StringPool {
  private readonly map = new Map<number, string>();

  get(bytes: Uint8Array, from: number, to: number): string {
    const n = to - from;
    if (n === 0) return '';
    if (n > 64) return utf8.decode(bytes.subarray(from, to));
    // Keyed by length and three bytes, and checked byte by byte: no hash over the string.
    const key = ((n << 21) | (bytes[from] << 14) | (bytes[from + (n >> 1)] << 7) | bytes[to - 1]) >>> 0;
    const seen = this.map.get(key);
    if (seen !== undefined && seen.length === n && sameAscii(seen, bytes, from)) return seen;
    const s = utf8.decode(bytes.subarray(from, to));
    if (s.length === n) this.map.set(key, s); // ASCII (as many characters as bytes): the check above holds
    return s;
  }
}

function sameAscii(s: string, bytes: Uint8Array, from: number): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== bytes[from + i]) return false;
  return true;
}

/** Past ASCII whitespace (what parsePyLiteral skips); -1 at a non-ASCII byte, which may be more. */
export function skipSpace(bytes: Uint8Array, i: number, end: number): number {
  for (; i < end; i++) {
    const b = bytes[i];
    if (b === 32 || (b >= 9 && b <= 13)) continue;
    return b >= 0x80 ? -1 : i;
  }
  return i;
}

/** The next position of one byte value at or after a point, remembered: reading moves forward, so each byte is searched once. */
class Next {
  private from = 0;
  private at = -1;

  constructor(private readonly value: number) {}

  of(bytes: Uint8Array, i: number): number {
    if (i < this.from || (i > this.at && this.at !== Infinity)) {
      this.from = i;
      const at = bytes.indexOf(this.value, i);
      this.at = at < 0 ? Infinity : at;
    }
    return this.at;
  }
}

/** A string literal's extent: its body runs from `at + 1` to `end - 1`. */
interface Extent {
  /** After the closing quote; -1 when outside the subset. */
  end: number;
  escaped: boolean;
  /** Every escape is `\n`. */
  newlinesOnly: boolean;
}

/**
 * Reads Python literals from one buffer (see readStringDict), with native searches for the
 * quotes, backslashes and line breaks that end or interrupt a string.
 */
export class PyBytes {
  readonly pool = new StringPool();
  private readonly quote = new Next(QUOTE);
  private readonly dquote = new Next(DQUOTE);
  private readonly backslash = new Next(BACKSLASH);
  private readonly lf = new Next(10);
  private readonly cr = new Next(13);
  private readonly extent: Extent = { end: -1, escaped: false, newlinesOnly: true };

  constructor(readonly bytes: Uint8Array) {}

  /**
   * The string literal opening at `at` (a quote), bounded by `limit`, with the extent of each
   * escape as parsePyLiteral takes it (`\xHH` four characters whatever they are, `\uHHHH` six,
   * `\UHHHHHHHH` ten, an unknown escape only its backslash).
   */
  scanString(at: number, limit: number): Extent {
    const bytes = this.bytes;
    const x = this.extent;
    const q = bytes[at];
    x.end = -1;
    x.escaped = false;
    x.newlinesOnly = true;
    if (at + 2 < limit && bytes[at + 1] === q && bytes[at + 2] === q) return x; // triple quotes
    // Short strings (keys, small values) by a loop; the rest of a long one by native searches.
    let i = at + 1;
    for (const stop = Math.min(limit, at + 48); i < stop;) {
      const b = bytes[i];
      if (b === q) {
        x.end = i + 1;
        return x;
      }
      if (b === 10 || b === 13) return x; // a wrapped line: parsePyLiteral joins it
      if (b !== BACKSLASH) i++;
      else if ((i = this.escape(i, limit)) < 0) return x;
    }
    if (i >= limit) return x;
    const quote = q === QUOTE ? this.quote : this.dquote;
    const broken = Math.min(this.lf.of(bytes, i), this.cr.of(bytes, i));
    for (;;) {
      const close = quote.of(bytes, i);
      const slash = this.backslash.of(bytes, i);
      if (close < slash) {
        if (close < limit && close < broken) x.end = close + 1;
        return x;
      }
      if (slash >= limit || slash >= broken || (i = this.escape(slash, limit)) < 0) return x;
    }
  }

  /** Past the escape at `at` (noted in the extent), or -1 outside the subset. */
  private escape(at: number, limit: number): number {
    const bytes = this.bytes;
    const x = this.extent;
    x.escaped = true;
    const n = bytes[at + 1];
    if (n !== 0x6e) x.newlinesOnly = false;
    const span = n === 0x78 ? 4 : n === 0x75 ? 6 : n === 0x55 ? 10 : n < 0x80 && SIMPLE_ESCAPE[n] ? 2 : n === 10 || n === 13 ? -1 : 1;
    if (span < 0 || at + span > limit) return -1;
    // The hex digits are counted in characters: keep to ASCII, where characters are bytes.
    for (let k = at + 2; k < at + span; k++) if (bytes[k] >= 0x80 || bytes[k] === 10 || bytes[k] === 13) return -1;
    return at + span;
  }

  /** The value of the string literal whose extent was just scanned at `at`. */
  stringValue(at: number, x: Extent): string {
    if (!x.escaped) return this.pool.get(this.bytes, at + 1, x.end - 1);
    const raw = utf8.decode(this.bytes.subarray(at + 1, x.end - 1));
    // Most escaped outputs escape only line breaks: native split and join. Not replaceAll, which
    // in V8 concatenates piece by piece: a cons string of a node per line, kept until the
    // analysis's first search flattens it into a copy (and the nodes outlive the read as garbage).
    return x.newlinesOnly ? raw.split('\\n').join('\n') : unescapePy(raw);
  }
}

/** A string's value from its body's text, escapes undone as parsePyLiteral does. */
export function unescapePy(s: string): string {
  let i = s.indexOf('\\');
  if (i < 0) return s;
  const parts: string[] = [];
  let from = 0;
  for (; i >= 0; i = s.indexOf('\\', from)) {
    parts.push(s.slice(from, i));
    const n = s[i + 1];
    if (n === 'x') {
      parts.push(String.fromCharCode(parseInt(s.slice(i + 2, i + 4), 16)));
      from = i + 4;
    } else if (n === 'u' || n === 'U') {
      const len = n === 'u' ? 4 : 8;
      const cp = parseInt(s.slice(i + 2, i + 2 + len), 16);
      parts.push(Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd');
      from = i + 2 + len;
    } else if (n !== undefined && n !== '\n' && n in PY_ESCAPES) {
      parts.push(PY_ESCAPES[n]);
      from = i + 2;
    } else {
      parts.push('\\');
      from = i + 1;
    }
  }
  parts.push(s.slice(from));
  return parts.join('');
}

/**
 * The dict of strings at `at` (its `{`) in `py`'s buffer, bounded by `limit`: its entries in
 * order, as parsePyLiteral would set them (a later key overrides), or null outside the subset.
 * Only the values of keys `want` accepts are decoded (the others are checked and skipped);
 * keys with whitespace (which parsePyLiteral folds) are outside the subset.
 */
export function readStringDict(py: PyBytes, at: number, limit: number, want?: (key: string) => boolean): Record<string, string> | null {
  const bytes = py.bytes;
  if (bytes[at] !== 0x7b) return null;
  const out: Record<string, string> = {};
  let i = at + 1;
  for (;;) {
    i = skipSpace(bytes, i, limit);
    if (i < 0 || i >= limit) return null;
    if (bytes[i] === 0x7d) return out;
    // The key.
    if (bytes[i] !== QUOTE && bytes[i] !== DQUOTE) return null;
    const k = py.scanString(i, limit);
    if (k.end < 0 || k.escaped || hasBlank(bytes, i + 1, k.end - 1)) return null;
    const key = py.pool.get(bytes, i + 1, k.end - 1);
    i = afterString(bytes, k.end, limit);
    if (i < 0 || bytes[i] !== 0x3a) return null;
    // The value.
    i = skipSpace(bytes, i + 1, limit);
    if (i < 0 || i >= limit || (bytes[i] !== QUOTE && bytes[i] !== DQUOTE)) return null;
    const v = py.scanString(i, limit);
    if (v.end < 0) return null;
    const end = v.end;
    if (!want || want(key)) out[key] = py.stringValue(i, v);
    i = afterString(bytes, end, limit);
    if (i < 0) return null;
    if (bytes[i] === 0x2c) i++;
    else if (bytes[i] !== 0x7d) return null;
  }
}

/** Past the whitespace after a string; -1 when another literal follows (Python joins them) or the text ends. */
function afterString(bytes: Uint8Array, at: number, limit: number): number {
  const i = skipSpace(bytes, at, limit);
  return i < 0 || i >= limit || bytes[i] === QUOTE || bytes[i] === DQUOTE ? -1 : i;
}

function hasBlank(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i] <= 32 || bytes[i] >= 127) return true;
  return false;
}
