// JSONL reading shared by the line-oriented formats (Claude Code, Codex, OpenHands V1,
// OpenHands output.jsonl, chat JSONL). One record a line, 1-based line numbers kept for
// source ranges; a line that does not parse becomes an issue and the rest still reads.
import type { FormatId, ReadIssue } from '../model';
import { FormatError, type SourceFile } from './types';

export interface JsonlLine {
  /** 1-based line number. */
  line: number;
  /** The line's text without its line break. */
  text: string;
}

export interface JsonlRecord {
  line: number;
  value: unknown;
}

/**
 * The non-blank lines of a text, one at a time, with their 1-based numbers. A generator so a
 * caller can stop early (sniffing) and no array of all lines is built for a big file.
 */
export function* jsonlLines(text: string): Generator<JsonlLine> {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let stop = end;
    if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
    if (!isBlank(text, start, stop)) yield { line, text: text.slice(start, stop) };
    line++;
    start = end + 1;
  }
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

export interface ParsedJsonl {
  records: JsonlRecord[];
  issues: ReadIssue[];
}

/**
 * Parses every line. Bad lines become `error` issues naming the line; when no line at all
 * parses (and the file is not empty) the file is not JSONL: a FormatError says why.
 */
export function parseJsonl(text: string, format: FormatId): ParsedJsonl {
  const records: JsonlRecord[] = [];
  const issues: ReadIssue[] = [];
  let firstBad: { line: number; why: string } | null = null;
  for (const { line, text: t } of jsonlLines(text)) {
    try {
      records.push({ line, value: JSON.parse(t) });
    } catch (e) {
      const why = (e as Error).message;
      firstBad ??= { line, why };
      issues.push({ severity: 'error', line, message: `${format}: line ${line} is not valid JSON (${why}); skipped` });
    }
  }
  if (records.length === 0) {
    if (firstBad) throw new FormatError(format, `${format}: no line is valid JSON (line ${firstBad.line}: ${firstBad.why})`, firstBad.line);
    throw new FormatError(format, `${format}: the file is empty`);
  }
  return { records, issues };
}

/** Lines are decoded one at a time: a U+FEFF at a line's start is text (the file's own BOM is skipped). */
const lineDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * `parseJsonl(file.text())`, line by line from the bytes: no decoded copy of the whole file
 * (one character outside Latin-1 anywhere makes that copy two bytes a character, 2 x the file,
 * most of a reader's peak memory). A line break is the same byte in UTF-8 and in the text, so
 * the lines, their numbers and their decoding are the same.
 */
export function parseJsonlFile(file: SourceFile, format: FormatId): ParsedJsonl {
  const b = file.bytes;
  const records: JsonlRecord[] = [];
  const issues: ReadIssue[] = [];
  let firstBad: { line: number; why: string } | null = null;
  let start = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  let line = 1;
  while (start <= b.length) {
    let end = b.indexOf(10, start);
    if (end === -1) end = b.length;
    let stop = end;
    if (stop > start && b[stop - 1] === 13) stop--;
    if (!isBlankBytes(b, start, stop)) {
      let t = lineDecoder.decode(b.subarray(start, stop));
      // jsonlLines skips a U+FEFF that starts the decoded text (a second BOM, after the file's own).
      if (line === 1 && t.charCodeAt(0) === 0xfeff) t = t.slice(1);
      if (line !== 1 || !isBlank(t, 0, t.length)) {
        try {
          records.push({ line, value: JSON.parse(t) });
        } catch (e) {
          const why = (e as Error).message;
          firstBad ??= { line, why };
          issues.push({ severity: 'error', line, message: `${format}: line ${line} is not valid JSON (${why}); skipped` });
        }
      }
    }
    line++;
    start = end + 1;
  }
  if (records.length === 0) {
    if (firstBad) throw new FormatError(format, `${format}: no line is valid JSON (line ${firstBad.line}: ${firstBad.why})`, firstBad.line);
    throw new FormatError(format, `${format}: the file is empty`);
  }
  return { records, issues };
}

function isBlankBytes(b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/**
 * The first JSON record of a head of text (for sniffing), or null. A first line longer than
 * the head cannot be parsed; callers fall back to looking at its keys as text.
 */
export function firstJsonlRecord(head: string): Record<string, unknown> | null {
  for (const { text } of jsonlLines(head)) {
    try {
      const v = JSON.parse(text);
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** The first few parsed records of a head (a truncated last line is dropped). */
export function headRecords(head: string, max = 8): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const { text } of jsonlLines(head)) {
    if (out.length >= max) break;
    // Only a line that opens with `{` and closes with `}` can be a record; skipping the others
    // spares a thrown SyntaxError per line (the cost of sniffing plain-text logs, indented JSON).
    if (!/^[ \t\r\n]*\{/.test(text) || !/\}[ \t\r\n]*$/.test(text)) continue;
    try {
      const v = JSON.parse(text);
      if (v && typeof v === 'object' && !Array.isArray(v)) out.push(v as Record<string, unknown>);
    } catch {
      // a line cut by the head limit, or a bad line: sniffing looks at the others
    }
  }
  return out;
}
