// Document symbols (an outline of runs and steps, each step named by its command) and
// folding ranges (steps, and the long records inside them).
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver/node';
import type { ServedDocument } from '../document';
import { isCriticalStep, stepCategories, stepName, oneLine } from './naming';
import { inSlices } from '../slices';

export function documentSymbols(d: ServedDocument): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const steps = documentSymbolSteps(d, out);
  while (!steps.next().done);
  return out;
}

/** The outline of a large document, built a slice of steps at a time (slices.ts). */
export async function documentSymbolsInSlices(d: ServedDocument): Promise<DocumentSymbol[]> {
  const out: DocumentSymbol[] = [];
  await inSlices(documentSymbolSteps(d, out));
  return out;
}

/** Builds the outline into `out`, pausing after each step. */
function* documentSymbolSteps(d: ServedDocument, out: DocumentSymbol[]): Generator<void, void, void> {
  const runs: DocumentSymbol[] = [];
  for (let run = 0; run < d.runs.length; run++) {
    const t = d.runs[run];
    const children: DocumentSymbol[] = [];
    for (let step = 0; step < t.steps.length; step++) {
      children.push(stepSymbol(d, run, step));
      yield;
    }
    const first = children[0]?.range.start ?? { line: 0, character: 0 };
    const last = children[children.length - 1]?.range.end ?? first;
    const range = { start: first, end: last };
    runs.push({
      name: t.title || t.id,
      detail: [t.model, t.outcome.verdict].filter(Boolean).join(' · '),
      kind: SymbolKind.Module,
      range,
      selectionRange: { start: first, end: first },
      children,
    });
  }
  // A file with one run shows its steps at the top level.
  out.push(...(runs.length === 1 ? (runs[0].children ?? []) : runs));
}

/** One step: named by its command, its commands as children when it has several. */
function stepSymbol(d: ServedDocument, run: number, step: number): DocumentSymbol {
  const s = d.runs[run].steps[step];
  const ref = { run, step };
  const range = d.stepRange(ref);
  const anchor = d.stepAnchor(ref);
  const commands =
    s.commands.length > 1
      ? s.commands.map((c, ci): DocumentSymbol => {
          const r = d.commandRange(ref, ci) ?? anchor;
          return { name: oneLine(c.text) || '(empty)', detail: c.categories.join(', '), kind: SymbolKind.Function, range: r, selectionRange: r };
        })
      : undefined;
  return {
    name: stepName(s),
    detail: stepCategories(s).join(', '),
    kind: isCriticalStep(s) ? SymbolKind.Event : s.commands.length ? SymbolKind.Function : SymbolKind.String,
    range: cover(range, anchor, commands),
    selectionRange: anchor,
    children: commands,
  };
}

type R = DocumentSymbol['range'];
function before(a: R['start'], b: R['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
/** A symbol's range must contain its selection range and its children's. */
function cover(range: R, anchor: R, children?: DocumentSymbol[]): R {
  let { start, end } = range;
  for (const r of [anchor, ...(children ?? []).map((c) => c.range)]) {
    if (before(r.start, start)) start = r.start;
    if (before(end, r.end)) end = r.end;
  }
  return { start, end };
}

const RECORD = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:,\d+)? - /;
const LONG_RECORD = 4;

export function foldingRanges(d: ServedDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  d.runs.forEach((t) => {
    for (const s of t.steps) {
      if (s.source && s.source.endLine > s.source.startLine) {
        out.push({ startLine: s.source.startLine - 1, endLine: s.source.endLine - 1, kind: FoldingRangeKind.Region });
      }
      for (const c of s.commands) {
        const src = c.source;
        if (src && src.endLine > src.startLine && (!s.source || src.startLine !== s.source.startLine || src.endLine !== s.source.endLine)) {
          out.push({ startLine: src.startLine - 1, endLine: src.endLine - 1 });
        }
      }
    }
  });
  if (d.analysis?.format === 'chatbot-log') out.push(...recordFolds(d.text));
  return out;
}

/** Chatbot logs: each multi-line record (a response, an observation, the prepared input). */
function recordFolds(text: string): FoldingRange[] {
  const out: FoldingRange[] = [];
  let line = 0;
  let recordStart = -1;
  let pos = 0;
  const close = (endLine: number) => {
    if (recordStart >= 0 && endLine - recordStart + 1 >= LONG_RECORD) out.push({ startLine: recordStart, endLine });
  };
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    // Cheap test first: a record starts with a digit.
    const c = text.charCodeAt(pos);
    if (c >= 48 && c <= 57 && RECORD.test(text.slice(pos, Math.min(end, pos + 32)))) {
      close(line - 1);
      recordStart = line;
    }
    if (nl < 0) break;
    pos = nl + 1;
    line++;
  }
  // A trailing newline leaves an empty last line that belongs to no record.
  close(text.endsWith('\n') ? line - 1 : line);
  return out;
}
