// A lenient reading of a JSON array of items with their line ranges (for step source lines):
// when the whole file does not parse (a truncated export), the complete elements still read
// and the broken tail becomes an issue. Element offsets come from json-positions' scan.
import type { FormatId, ReadIssue, SourceRange } from '../model';
import { LineIndex } from '../ids';
import { FormatError } from './types';
import { findArrays } from './json-positions';

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

/**
 * The elements of the top-level array (no key) or of the array under a top-level key
 * (`{"trajectory": [...]}`, `{"messages": [...]}`), via the shared structural scan.
 */
export function scanArray(text: string, key?: string): ArrayScan {
  const found = findArrays(text, key === undefined ? [] : [key])[0];
  if (!found) return { elements: [], complete: false, stoppedAt: 0, found: false };
  const last = found.elements[found.elements.length - 1];
  const complete = found.span.end !== -1;
  return { elements: found.elements, complete, stoppedAt: complete ? found.span.end : last ? last.end : found.span.start, found: true };
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

function recover(
  text: string,
  format: FormatId,
  keys: string[],
  err: unknown,
  lines: LineIndex,
  toRange: (s: ElementSpan) => SourceRange,
): ArrayRead {
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
