// JSON files read from their bytes, piece by piece: no decoded copy of the whole file. That copy
// is one string, two bytes a character as soon as one character outside Latin-1 appears
// anywhere (a progress bar, an emoji), so it alone was 2 x the file and most of a reader's peak
// memory. Structural bytes (quotes, brackets, commas) are ASCII and never part of a multi-byte
// UTF-8 sequence, so scanning bytes finds the same pieces as scanning the text, and each piece
// decodes as the whole would. Anything out of the ordinary returns null: the text path then
// reads the file and says what is wrong.
import type { SourceRange } from '../model';
import type { SourceFile } from './types';
import type { ArrayRead } from './json-elements';

const isWsByte = (b: number) => b === 32 || b === 10 || b === 13 || b === 9;

/** Bytes: `i` at an opening quote; the offset after the closing quote, or -1. */
function skipStringBytes(b: Uint8Array, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = b.indexOf(34, j);
    if (q === -1) return -1;
    let k = q - 1;
    while (b[k] === 92) k--;
    if ((q - 1 - k) % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/** Bytes: `i` at the first byte of a value; the offset after it, or -1 (skipValue on bytes). */
function skipValueBytes(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c === 34) return skipStringBytes(b, i);
  if (c === 123 || c === 91) {
    let depth = 0;
    for (let j = i; j < b.length; j++) {
      const d = b[j];
      if (d === 34) {
        const e = skipStringBytes(b, j);
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
  while (j < b.length && !(b[j] === 44 || b[j] === 93 || b[j] === 125 || isWsByte(b[j]))) j++;
  return j > i ? j : -1;
}

/** Pieces keep a U+FEFF at their start (it is not JSON whitespace: such a piece fails). */
const pieceDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** JSON.parse of the bytes `[start, end)`, or undefined when they are not one JSON value. */
function parsePiece(b: Uint8Array, start: number, end: number): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(pieceDecoder.decode(b.subarray(start, end))) };
  } catch {
    return undefined;
  }
}

/** 1-based lines of byte offsets asked in increasing order: the newlines are counted once. */
class ForwardLines {
  private line = 1;
  private counted = 0;
  constructor(private readonly b: Uint8Array) {}
  lineAt(pos: number): number {
    const b = this.b;
    for (let k = b.indexOf(10, this.counted); k !== -1 && k < pos; k = b.indexOf(10, k + 1)) this.line++;
    this.counted = Math.max(this.counted, pos);
    return this.line;
  }
}

/** The elements of an array read one by one, each with its byte span and lines. */
export interface ElementsRead {
  items: unknown[];
  ranges: SourceRange[];
  /** Byte offsets `[start, end)` of each element in the file. */
  spans: { start: number; end: number }[];
}

/** The array opening at `i`: its elements and the offset after it, or null. */
function arrayAt(b: Uint8Array, i: number, lines: ForwardLines): (ElementsRead & { end: number }) | null {
  const out: ElementsRead & { end: number } = { items: [], ranges: [], spans: [], end: -1 };
  i++;
  while (isWsByte(b[i])) i++;
  if (b[i] === 93) {
    out.end = i + 1;
    return out;
  }
  for (;;) {
    const end = skipValueBytes(b, i);
    if (end === -1) return null;
    const piece = parsePiece(b, i, end);
    if (!piece) return null;
    out.items.push(piece.value);
    out.ranges.push({ startLine: lines.lineAt(i), endLine: lines.lineAt(end - 1) });
    out.spans.push({ start: i, end });
    i = end;
    while (isWsByte(b[i])) i++;
    if (b[i] === 93) {
      out.end = i + 1;
      return out;
    }
    if (b[i] !== 44) return null;
    i++;
    while (isWsByte(b[i])) i++;
  }
}

/** Where the root value starts (after a byte-order mark and blank space). */
function rootStart(b: Uint8Array): number {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (isWsByte(b[i])) i++;
  return i;
}

/** Only blank space from `i` to the end. */
function restIsBlank(b: Uint8Array, i: number): boolean {
  for (; i < b.length; i++) if (!isWsByte(b[i])) return false;
  return true;
}

/**
 * A file that is one top-level JSON array, read element by element: what
 * `readJsonArray(file.text())` returns for it, without the decoded copy and its line table.
 * Null when the root is not an array or anything is out of the ordinary.
 */
export function readTopLevelArray(file: SourceFile): ArrayRead | null {
  const b = file.bytes;
  const i = rootStart(b);
  if (b[i] !== 91) return null;
  const arr = arrayAt(b, i, new ForwardLines(b));
  if (!arr || !restIsBlank(b, arr.end)) return null;
  return { root: arr.items, items: arr.items, ranges: arr.ranges, issues: [] };
}

/**
 * A file that is one JSON object, as `JSON.parse(file.text())` gives it, each member parsed on
 * its own and the arrays under `arrayKeys` element by element (with their lines and spans).
 * Null when the root is not an object or anything is out of the ordinary (a key given twice,
 * a `__proto__` key, a piece that does not parse).
 */
export function readJsonObject(file: SourceFile, arrayKeys: readonly string[]): { doc: Record<string, unknown>; arrays: Map<string, ElementsRead> } | null {
  const b = file.bytes;
  let i = rootStart(b);
  if (b[i] !== 123) return null;
  const doc: Record<string, unknown> = {};
  const arrays = new Map<string, ElementsRead>();
  const lines = new ForwardLines(b);
  i++;
  while (isWsByte(b[i])) i++;
  if (b[i] === 125) return restIsBlank(b, i + 1) ? { doc, arrays } : null;
  for (;;) {
    if (b[i] !== 34) return null;
    const keyEnd = skipStringBytes(b, i);
    const key = keyEnd === -1 ? undefined : parsePiece(b, i, keyEnd)?.value;
    if (typeof key !== 'string' || key === '__proto__' || Object.prototype.hasOwnProperty.call(doc, key)) return null;
    i = keyEnd;
    while (isWsByte(b[i])) i++;
    if (b[i] !== 58) return null;
    i++;
    while (isWsByte(b[i])) i++;
    if (b[i] === 91 && arrayKeys.includes(key)) {
      const arr = arrayAt(b, i, lines);
      if (!arr) return null;
      doc[key] = arr.items;
      arrays.set(key, arr);
      i = arr.end;
    } else {
      const end = skipValueBytes(b, i);
      const piece = end === -1 ? undefined : parsePiece(b, i, end);
      if (!piece) return null;
      doc[key] = piece.value;
      i = end;
    }
    while (isWsByte(b[i])) i++;
    if (b[i] === 125) return restIsBlank(b, i + 1) ? { doc, arrays } : null;
    if (b[i] !== 44) return null;
    i++;
    while (isWsByte(b[i])) i++;
  }
}

/** The text of the bytes `[start, end)` of a file (one element, say). */
export function piece(file: SourceFile, span: { start: number; end: number }): string {
  return pieceDecoder.decode(file.bytes.subarray(span.start, span.end));
}
