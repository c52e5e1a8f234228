// Why no reader recognised a file: what its first bytes look like (empty, UTF-16, binary,
// lone-CR line ends, JSON that does not parse and where), for the message that names the
// formats tried. Pure and linear in the file's size; only called on that error path.
import type { SourceFile } from './types';

export type Utf16 = { endian: 'LE' | 'BE'; bom: boolean };

const SAMPLE = 4096;

/**
 * UTF-16 text: a byte-order mark (FF FE little-endian, FE FF big-endian, and not the FF FE 00 00
 * of UTF-32), or, without one, the NUL pattern of mostly-ASCII text in UTF-16 (a NUL in nearly
 * every other byte, on the odd bytes for little-endian, the even ones for big-endian).
 */
export function detectUtf16(bytes: Uint8Array): Utf16 | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0)) return { endian: 'LE', bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { endian: 'BE', bom: true };
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.4 && evenNul <= pairs * 0.05) return { endian: 'LE', bom: false };
  if (evenNul >= pairs * 0.4 && oddNul <= pairs * 0.05) return { endian: 'BE', bom: false };
  return null;
}

/** UTF-16 bytes as a string (the byte-order mark dropped; an odd last byte becomes U+FFFD). */
export function decodeUtf16(bytes: Uint8Array, enc: Utf16): string {
  let b = enc.bom ? bytes.subarray(2) : bytes;
  if (enc.endian === 'BE') {
    const swapped = new Uint8Array(b.length);
    for (let i = 0; i + 1 < b.length; i += 2) {
      swapped[i] = b[i + 1];
      swapped[i + 1] = b[i];
    }
    if (b.length & 1) swapped[b.length - 1] = b[b.length - 1];
    b = swapped;
  }
  return new TextDecoder('utf-16le', { fatal: false, ignoreBOM: true }).decode(b);
}

/** Counts of line ends: CR not followed by LF, and LF (CRLF counts as one LF). */
export function lineEnds(bytes: Uint8Array): { loneCr: number; lf: number } {
  let loneCr = 0;
  let lf = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x0a) lf++;
    else if (c === 0x0d && bytes[i + 1] !== 0x0a) loneCr++;
  }
  return { loneCr, lf };
}

/** Lines end with a lone CR (old Mac style) rather than LF or CRLF. */
export function crLineEnded(bytes: Uint8Array): boolean {
  // Most files hold no CR at all: a native search says so without the byte loop (every file read).
  if (bytes.indexOf(13) < 0) return false;
  const { loneCr, lf } = lineEnds(bytes);
  return loneCr > 0 && loneCr >= lf;
}

export interface JsonSyntaxError {
  /** Offset (UTF-16 units) into the text. */
  offset: number;
  reason: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WS = /[ \t\n\r]*/y;

/**
 * Where and why `s` is not one JSON value (RFC 8259), or null when it is one: a linear scan
 * with an explicit stack, so any depth and size are safe.
 */
export function jsonSyntaxError(s: string): JsonSyntaxError | null {
  const stack: ('{' | '[')[] = [];
  let i = 0;
  let exp: 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after' = 'value';
  const open = () => (stack.length === 1 ? 'an open ' + (stack[0] === '{' ? 'object' : 'array') : `${stack.length} open objects/arrays`);
  for (;;) {
    WS.lastIndex = i;
    WS.test(s);
    i = WS.lastIndex;
    if (i >= s.length) {
      if (exp === 'after' && !stack.length) return null;
      if (!stack.length) return { offset: i, reason: 'no JSON value (the text is only blank space)' };
      return { offset: i, reason: `the text ends inside ${open()} (truncated?)` };
    }
    const c = s[i];
    switch (exp) {
      case 'value':
      case 'value-or-close':
        if (exp === 'value-or-close' && c === ']') {
          stack.pop();
          exp = 'after';
          i++;
        } else if (c === '{' || c === '[') {
          stack.push(c);
          exp = c === '{' ? 'key-or-close' : 'value-or-close';
          i++;
        } else if (c === '"') {
          const e = scanString(s, i);
          if (typeof e !== 'number') return e;
          i = e;
          exp = 'after';
        } else if (c === '-' || (c >= '0' && c <= '9')) {
          NUMBER.lastIndex = i;
          if (!NUMBER.test(s)) return { offset: i, reason: 'a malformed number' };
          i = NUMBER.lastIndex;
          exp = 'after';
        } else {
          const lit = ['true', 'false', 'null'].find((w) => s.startsWith(w, i));
          if (lit) {
            i += lit.length;
            exp = 'after';
          } else if (['true', 'false', 'null'].some((w) => s.length - i < w.length && w.startsWith(s.slice(i)))) {
            return { offset: s.length, reason: `the text ends inside ${stack.length ? open() : 'a value'} (truncated?)` };
          } else {
            return { offset: i, reason: `unexpected ${show(c)} where a value was expected` };
          }
        }
        break;
      case 'key':
      case 'key-or-close':
        if (exp === 'key-or-close' && c === '}') {
          stack.pop();
          exp = 'after';
          i++;
        } else if (c === '"') {
          const e = scanString(s, i);
          if (typeof e !== 'number') return e;
          i = e;
          exp = 'colon';
        } else {
          return { offset: i, reason: `unexpected ${show(c)} where a property name in double quotes was expected` };
        }
        break;
      case 'colon':
        if (c !== ':') return { offset: i, reason: `unexpected ${show(c)} where ':' after a property name was expected` };
        exp = 'value';
        i++;
        break;
      case 'after': {
        if (!stack.length) return { offset: i, reason: `unexpected ${show(c)} after the end of the JSON value` };
        const top = stack[stack.length - 1];
        const close = top === '{' ? '}' : ']';
        if (c === ',') {
          exp = top === '{' ? 'key' : 'value';
          i++;
        } else if (c === close) {
          stack.pop();
          i++;
        } else {
          return { offset: i, reason: `unexpected ${show(c)} where ',' or '${close}' was expected` };
        }
        break;
      }
    }
  }
}

/** The offset just after the string starting at `i` (a `"`), or why it is not one. */
function scanString(s: string, i: number): number | JsonSyntaxError {
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return { offset: j, reason: `a raw control character (${show(s[j])}) inside a string` };
    if (c === 0x5c) {
      const e = s[j + 1];
      if (e === undefined) break;
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(s.slice(j + 2, j + 6))) {
          if (j + 6 > s.length) break;
          return { offset: j, reason: 'a malformed \\u escape inside a string' };
        }
        j += 5;
      } else if ('"\\/bfnrt'.includes(e)) {
        j++;
      } else {
        return { offset: j, reason: `an invalid escape \\${e} inside a string` };
      }
    }
  }
  return { offset: s.length, reason: 'the text ends inside a string (truncated?)' };
}

function show(c: string): string {
  const code = c.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${c}'`;
}

/** 1-based line and column of an offset (lines end at LF, CRLF or a lone CR). */
export function lineColumn(s: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x0a || (c === 0x0d && s.charCodeAt(k + 1) !== 0x0a)) {
      line++;
      start = k + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * What a file no reader claims looks like, as sentences for the error message, and the line
 * the message points to when there is one.
 */
export function describeUnrecognised(file: SourceFile): { text: string; line?: number } {
  const bytes = file.bytes;
  if (bytes.length === 0) return { text: 'The file is empty.' };
  const u16 = detectUtf16(bytes);
  if (u16) {
    const head = decodeUtf16(bytes.subarray(0, 2 + 160), u16).split(/\r\n|\r|\n/, 1)[0].slice(0, 80);
    return {
      text: `UTF-16 text: the file is UTF-16${u16.endian} (${u16.bom ? 'with a byte-order mark' : 'no byte-order mark'}), ` +
        `and the readers take UTF-8; save it as UTF-8 (the command-line tool decodes UTF-16 itself). It starts with: ${JSON.stringify(head)}`,
    };
  }
  const text = file.text();
  const first = (text.slice(0, 64 * 1024).split(/\r\n|\r|\n/).find((l) => l.trim()) ?? '').slice(0, 80);
  const starts = `It starts with: ${JSON.stringify(first)}`;
  const nul = bytes.subarray(0, SAMPLE).indexOf(0);
  if (nul >= 0) return { text: `It holds NUL bytes (the first at byte ${nul + 1}): binary data, not a text trajectory. ${starts}` };
  const cr = crLineEnded(bytes) ? ' Its lines end with a lone CR (old Mac style), not LF or CRLF.' : '';
  const lead = /^\uFEFF?[ \t\r\n]*([[{])/.exec(text);
  if (lead) {
    const json = describeJson(text);
    if (json) return { text: `${json.text}${cr} ${starts}`, line: json.line };
  }
  return { text: `${cr.trim()}${cr ? ' ' : ''}${starts}` };
}

/** A JSON-looking text: where it stops being JSON (whole, or line by line as JSONL). */
function describeJson(text: string): { text: string; line?: number } | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = text.length - body.length;
  const whole = jsonSyntaxError(body);
  if (!whole) return { text: 'It is valid JSON, but not in the shape of any of those formats.' };
  const afterValue = whole.reason.startsWith('unexpected') && whole.reason.endsWith('after the end of the JSON value');
  if (afterValue && /[\r\n]/.test(body.slice(0, whole.offset + 1))) {
    // One JSON value per line (JSONL): the first line that is not one.
    let lineNo = 0;
    for (const m of body.matchAll(/[^\r\n]*(?:\r\n|\r|\n|$)/g)) {
      if (m[0] === '') break;
      lineNo++;
      const line = m[0].replace(/[\r\n]+$/, '');
      if (!line.trim()) continue;
      const e = jsonSyntaxError(line);
      if (e) {
        return { text: `It looks like JSON lines, but line ${lineNo} is not JSON: at column ${e.offset + 1}, ${e.reason}.`, line: lineNo };
      }
    }
    return { text: 'It is valid JSON lines, but not in the shape of any of those formats.' };
  }
  const at = lineColumn(text, whole.offset + shift);
  return { text: `It looks like JSON but does not parse: at line ${at.line}, column ${at.column}, ${whole.reason}.`, line: at.line };
}
