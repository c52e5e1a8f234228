// Where array elements sit inside JSON text, without building the values a second time.
//
// Readers parse a file once with JSON.parse (fast, native) and then need each step's line range
// for the editor. JSON.parse gives no offsets, so this module runs a light structural scan: it
// jumps from one structural character to the next with a native regex and skips string bodies
// with indexOf, so long strings (tool outputs, attachments) cost next to nothing. It decodes
// only the object keys that lie on the requested path. It never throws: on truncated or broken
// text it returns the elements it saw complete, which also lets readers salvage a cut-off file.
//
// API (small on purpose; other readers reuse it):
//   findArrays(text, pattern)  → every array whose path matches `pattern`, with element spans
//   spanRange(lines, span)     → a 1-based inclusive SourceRange for a span
//   mergeRanges(a, b)          → the smallest range covering both
//   parseJsonLenient(text)     → JSON.parse that also takes Python's NaN/Infinity (as strings)
//   parseLenientOrNull(text)   → the same, or null when the text does not parse
//   salvageArray(text, pattern)→ the complete elements of an array in text that is cut off
import type { SourceRange } from '../model';
import type { LineIndex } from '../ids';
import { jsonSyntaxError, stringEnd } from './json-syntax';

/** Half-open character offsets `[start, end)` of one JSON value in the text. */
export interface Span {
  start: number;
  end: number;
}

/** Any array index, in a path pattern. */
export const ANY = null;
/** A path pattern: object keys (strings), array indexes (numbers) or ANY index. */
export type PathPattern = readonly (string | number | null)[];

export interface ArraySpans {
  /** The concrete path of the array (`['samples', 0, 'messages']`); `[]` is the root. */
  path: (string | number)[];
  /** The array's own span (end is -1 when the text stops inside it). */
  span: Span;
  /** Each complete element, in order. */
  elements: Span[];
}

interface Frame {
  isArray: boolean;
  depth: number;
  /** The path down to this container matches the pattern's prefix. */
  onPath: boolean;
  /** The slot this container occupies in its parent. */
  slot: string | number | null;
  /** For objects: the last key read; for arrays: the index of the current element. */
  key: string | null;
  index: number;
  expectKey: boolean;
  /** Set on target arrays. */
  out: ArraySpans | null;
  elemStart: number;
}

const STRUCTURAL = /[{}[\],:"]/g;

/** Arrays whose path matches `pattern`, in document order. Never throws. */
export function findArrays(text: string, pattern: PathPattern): ArraySpans[] {
  const found: ArraySpans[] = [];
  const stack: Frame[] = [];
  const re = new RegExp(STRUCTURAL.source, 'g');
  const want = pattern.length;
  let m: RegExpExecArray | null;

  const open = (pos: number, isArray: boolean) => {
    const parent = stack.length ? stack[stack.length - 1] : null;
    const depth = parent ? parent.depth + 1 : 0;
    let slot: string | number | null = null;
    let onPath: boolean;
    if (!parent) onPath = true;
    else {
      if (parent.isArray) slot = parent.index;
      else slot = parent.key;
      const step = pattern[depth - 1];
      onPath = parent.onPath && depth <= want && slot !== null && (step === ANY ? typeof slot === 'number' : step === slot);
    }
    const frame: Frame = {
      isArray,
      depth,
      onPath,
      slot,
      key: null,
      index: 0,
      expectKey: !isArray,
      out: null,
      elemStart: -1,
    };
    if (isArray && onPath && depth === want) {
      const path = stack.slice(1).map((f) => f.slot as string | number);
      if (depth > 0) path.push(slot as string | number);
      frame.out = { path, span: { start: pos, end: -1 }, elements: [] };
      frame.elemStart = skipWs(text, pos + 1);
      found.push(frame.out);
    }
    stack.push(frame);
  };

  const closeElement = (f: Frame, pos: number) => {
    if (f.out && f.elemStart >= 0 && f.elemStart < pos) {
      f.out.elements.push({ start: f.elemStart, end: trimWsBack(text, pos) });
    }
  };

  while ((m = re.exec(text)) !== null) {
    const pos = m.index;
    const c = text.charCodeAt(pos);
    const top = stack.length ? stack[stack.length - 1] : null;
    switch (c) {
      case 0x22 /* " */: {
        const end = stringEnd(text, pos);
        if (end < 0) return found; // unterminated string: the text stops here
        if (top && !top.isArray && top.expectKey) {
          // Decode the key only where the path could still match.
          top.key = top.onPath && top.depth < want ? decodeKey(text, pos, end) : '';
          top.expectKey = false;
        }
        re.lastIndex = end + 1;
        break;
      }
      case 0x7b /* { */:
        open(pos, false);
        break;
      case 0x5b /* [ */:
        open(pos, true);
        break;
      case 0x7d /* } */:
      case 0x5d /* ] */: {
        if (!top) break;
        if (top.isArray && c === 0x5d) {
          closeElement(top, pos);
          if (top.out) top.out.span.end = pos + 1;
        }
        stack.pop();
        break;
      }
      case 0x2c /* , */:
        if (!top) break;
        if (top.isArray) {
          closeElement(top, pos);
          top.index++;
          if (top.out) top.elemStart = skipWs(text, pos + 1);
        } else {
          top.expectKey = true;
        }
        break;
      default: // ':' needs nothing
        break;
    }
  }
  return found;
}

function decodeKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end);
  if (raw.indexOf('\\') < 0) return raw;
  try {
    return JSON.parse(text.slice(start, end + 1)) as string;
  } catch {
    return raw;
  }
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function skipWs(text: string, i: number): number {
  while (i < text.length && isWs(text.charCodeAt(i))) i++;
  return i;
}

function trimWsBack(text: string, end: number): number {
  while (end > 0 && isWs(text.charCodeAt(end - 1))) end--;
  return end;
}

/** The 1-based inclusive line range of a span. */
export function spanRange(lines: LineIndex, span: Span): SourceRange {
  return { startLine: lines.lineAt(span.start), endLine: lines.lineAt(Math.max(span.start, span.end - 1)) };
}

/** The smallest range covering both (either may be null). */
export function mergeRanges(a: SourceRange | null, b: SourceRange | null): SourceRange | null {
  if (!a) return b;
  if (!b) return a;
  return { startLine: Math.min(a.startLine, b.startLine), endLine: Math.max(a.endLine, b.endLine) };
}

/**
 * JSON.parse, but Python's `NaN`, `Infinity` and `-Infinity` (which Inspect and SWE-agent may
 * write) become the strings "NaN", "Infinity", "-Infinity" instead of a syntax error, so no value
 * is lost. The fast path is a plain JSON.parse; the rewrite runs only when that fails.
 * Throws a SyntaxError whose message names the line, when the text is not JSON even so.
 */
export function parseJsonLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (first) {
    const fixed = /NaN|Infinity/.test(text) ? replaceNonFinite(text) : null;
    if (fixed === null) throw syntaxErrorWithLine(text, first as Error);
    try {
      return JSON.parse(fixed);
    } catch (second) {
      // The rewrite adds no line breaks, so lines found in it are the file's lines.
      throw syntaxErrorWithLine(fixed, second as Error);
    }
  }
}

function replaceNonFinite(text: string): string | null {
  const re = /["NI]/g;
  const out: string[] = [];
  let last = 0;
  let changed = false;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const i = m.index;
    if (text.charCodeAt(i) === 0x22) {
      const end = stringEnd(text, i);
      if (end < 0) break;
      re.lastIndex = end + 1;
      continue;
    }
    const word = text.startsWith('NaN', i) ? 'NaN' : text.startsWith('Infinity', i) ? 'Infinity' : null;
    if (!word) continue;
    const start = i > 0 && text.charCodeAt(i - 1) === 0x2d ? i - 1 : i;
    out.push(text.slice(last, start), `"${text.slice(start, i)}${word}"`);
    last = i + word.length;
    re.lastIndex = last;
    changed = true;
  }
  if (!changed) return null;
  out.push(text.slice(last));
  return out.join('');
}

/**
 * A SyntaxError that names the line of the first error and why (V8's messages do not always
 * give a position): on this failure-only path the JSON syntax scanner finds it.
 */
export function syntaxErrorWithLine(text: string, e: Error): SyntaxError & { line?: number } {
  const err = new SyntaxError(e.message) as SyntaxError & { line?: number };
  const bad = jsonSyntaxError(text);
  if (bad) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < bad.offset; i = text.indexOf('\n', i + 1)) line++;
    err.line = line;
    // The scanner's reason says "(truncated?)" when the text ends inside a value.
    err.message = `at line ${line}: ${bad.reason} (${e.message.length > 120 ? e.message.slice(0, 120) + '…' : e.message})`;
  }
  return err;
}

/**
 * The complete elements of the first array at `pattern`, from text that does not parse as a
 * whole (a log cut off while it was being written). An element that does not parse on its own
 * is kept as `null` so indexes still line up with `findArrays`. Null when nothing is complete.
 */
export function salvageArray(text: string, pattern: PathPattern): unknown[] | null {
  const arr = findArrays(text, pattern)[0];
  if (!arr || !arr.elements.length) return null;
  return arr.elements.map((e) => parseLenientOrNull(text.slice(e.start, e.end)));
}

/** A piece of JSON parsed as parseJsonLenient does, or null when it does not parse. */
export function parseLenientOrNull(text: string): unknown {
  try {
    return parseJsonLenient(text);
  } catch {
    return null;
  }
}
