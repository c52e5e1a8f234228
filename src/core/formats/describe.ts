// Why no reader recognised a file: what its first bytes look like (empty, UTF-16, binary,
// lone-CR line ends, JSON that does not parse and where), for the message that names the
// formats tried. Pure and linear in the file's size; only called on that error path.
import type { SourceFile } from './types';
import { jsonSyntaxError, lineColumn } from './json-syntax';

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

/**
 * What a file no reader claims looks like, as sentences for the error message, and the line
 * the message points to when there is one.
 */
export function describeUnrecognised(file: SourceFile): { text: string; line?: number } {
  const bytes = file.bytes;
  if (bytes.length === 0) return { text: 'The file is empty.' };
  const u16 = detectUtf16(bytes);
  if (u16) {
    const head = decodeUtf16(bytes.subarray(0, 2 + 160), u16)
      .split(/\r\n|\r|\n/, 1)[0]
      .slice(0, 80);
    return {
      text:
        `UTF-16 text: the file is UTF-16${u16.endian} (${u16.bom ? 'with a byte-order mark' : 'no byte-order mark'}), ` +
        `and the readers take UTF-8; save it as UTF-8 (the command-line tool decodes UTF-16 itself). It starts with: ${JSON.stringify(head)}`,
    };
  }
  const text = file.text();
  const first = (
    text
      .slice(0, 64 * 1024)
      .split(/\r\n|\r|\n/)
      .find((l) => l.trim()) ?? ''
  ).slice(0, 80);
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
