// Inspect AI legacy `.json` logs: the whole EvalLog as one object with `samples` inline (Python's
// json, so NaN/Infinity may appear). Each sample is one run; steps carry their line ranges.
import type { RawTrajectory, ReadIssue, ReadResult } from '../model';
import { LineIndex } from '../ids';
import { FormatError, type FormatReader, type SourceFile } from './types';
import { topLevelMembers, topLevelValue } from './json-elements';
import { ANY, findArrays, parseJsonLenient, parseLenientOrNull, spanRange, type Span } from './json-positions';
import { compareSamples, isObject, sampleToTrajectory, type SampleContext } from './inspect-sample';
import { piece, readJsonObject } from './json-bytes';

const FORMAT = 'inspect-json' as const;

/** Keys and events only an Inspect log holds (a sample's events, its attachments, the log's samples). */
const INSPECT_HINT = /"samples"\s*:\s*\[|"eval"\s*:\s*\{|"event"\s*:\s*"(?:sample_init|span_begin|sandbox|model|tool|state|store|score)"|"attachment:\/\//;

export const inspectJsonReader: FormatReader = {
  id: FORMAT,

  sniff(file, head) {
    const start = head.trimStart();
    if (!start.startsWith('{')) return 0;
    // An EvalLog starts {"version": 2, "status": ..., "eval": {...}} (pydantic field order).
    if (/^\{\s*"version"\s*:\s*\d+\s*,\s*"status"\s*:/.test(start)) return 0.95;
    if (/"eval"\s*:\s*\{/.test(head) && /"task"\s*:/.test(head) && /"(plan|samples|results)"\s*:/.test(head)) return 0.7;
    // Written in another key order (samples first, `eval` after them): look the keys up where
    // they are, when the head shows Inspect's marks at all.
    if (INSPECT_HINT.test(head)) {
      const ev = topLevelValue(file, 'eval');
      const top = topLevelMembers(file);
      if (isObject(ev) && typeof ev.task === 'string' && ['version', 'status', 'samples', 'plan', 'results'].some((k) => top.has(k))) return 0.9;
    }
    return 0;
  },

  read(file): ReadResult {
    return readFromBytes(file) ?? readFromText(file);
  },
};

/**
 * The log from its bytes, one sample at a time: each sample's text is decoded, parsed, read
 * into a run and dropped, so neither the decoded log nor all parsed samples are ever held.
 * Null when the log is not plain JSON (NaN..., a broken sample): the text path reads it.
 */
function readFromBytes(file: SourceFile): ReadResult | null {
  const fast = readJsonObject(file, [], ['samples']);
  if (!fast) return null;
  const at = fast.arrays.get('samples');
  let head: ReturnType<typeof logHead>;
  try {
    head = logHead(file, fast.doc, at?.spans.length ?? 0);
  } catch {
    return null; // the text path says why, after checking the whole log is JSON, as it always did
  }
  const trajectories: RawTrajectory[] = [];
  for (let i = 0; i < (at?.spans.length ?? 0); i++) {
    const text = piece(file, at!.spans[i]);
    let sample: unknown;
    try {
      sample = JSON.parse(text);
    } catch {
      return null;
    }
    const place = { lines: new LinesFrom(text, at!.ranges[i].startLine), text, messageSpans: findArrays(text, ['messages']).at(-1)?.elements };
    try {
      trajectories.push(sampleToTrajectory(sample, { task: head.task, model: head.model, ...place, entry: `samples[${i}]` }));
    } catch (e) {
      head.issues.push({ severity: 'error', message: `sample ${i}: ${(e as Error).message}`, line: at!.ranges[i].startLine, entry: `samples[${i}]` });
    }
  }
  return finish(trajectories, head.issues);
}

function readFromText(file: SourceFile): ReadResult {
  const text = file.text();
  let log: unknown;
  let cutOff: ReadIssue | null = null;
  try {
    log = parseJsonLenient(text);
  } catch (e) {
    const err = e as SyntaxError & { line?: number };
    // A log cut off (a copy that stopped, a disk that filled): the samples written out whole are read.
    const salvaged = salvageSamples(file, text);
    if (!salvaged) throw new FormatError(FORMAT, `${file.name}: not valid JSON: ${err.message}`, err.line);
    log = salvaged.log;
    const whole = salvaged.samples.filter((x) => x !== null).length - (salvaged.partial === null ? 0 : 1);
    const read = [
      ...(whole ? [`the ${whole} complete sample${whole === 1 ? '' : 's'} before that point`] : []),
      ...(salvaged.partial === null ? [] : [`the complete messages of sample ${salvaged.partial + 1}, where it stops`]),
    ].join(' and ');
    cutOff = { severity: 'error', message: `the log is cut off or broken (${err.message}); read ${read}`, line: err.line };
  }
  const samples = isObject(log) && Array.isArray(log.samples) ? log.samples : [];
  const head = logHead(file, log, samples.length);
  if (cutOff) head.issues.unshift(cutOff);
  const place = samplesFromText(text);
  const trajectories: RawTrajectory[] = [];
  samples.forEach((s, i) => {
    if (s === null) return; // a salvaged sample that does not parse on its own
    try {
      trajectories.push(sampleToTrajectory(s, { task: head.task, model: head.model, ...place.context(i), entry: `samples[${i}]` }));
    } catch (e) {
      head.issues.push({ severity: 'error', message: `sample ${i}: ${(e as Error).message}`, line: place.line(i), entry: `samples[${i}]` });
    }
  });
  return finish(trajectories, head.issues);
}

/**
 * The log's head (its `eval`, `status`) and what was written of `samples`, from a text that does
 * not parse as a whole: the samples written out whole, then the complete messages of the sample
 * the text stops in. Null unless the head is there and some sample or message is whole.
 */
function salvageSamples(file: SourceFile, text: string): { log: Record<string, unknown>; samples: unknown[]; partial: number | null } | null {
  const ev = topLevelValue(file, 'eval');
  if (!isObject(ev)) return null;
  const list = findArrays(text, ['samples'])[0];
  if (!list) return null;
  // A whole sample that still does not parse is kept as a hole, so indexes match the text's.
  const samples: unknown[] = list.elements.map((e) => parseLenientOrNull(text.slice(e.start, e.end)));
  // The sample the text stops in: its messages written so far, its id and epoch from its head.
  let partial: number | null = null;
  const cut = findArrays(text, ['samples', ANY, 'messages']).find((a) => a.path[1] === samples.length);
  if (cut?.elements.length) {
    const messages = cut.elements.map((e) => parseLenientOrNull(text.slice(e.start, e.end))).filter((m) => m !== null);
    const head = text.slice(list.elements.at(-1)?.end ?? list.span.start, cut.span.start);
    const id = /"id"\s*:\s*("(?:[^"\\]|\\.){0,200}"|-?\d+)/.exec(head)?.[1];
    const epoch = /"epoch"\s*:\s*(\d+)/.exec(head)?.[1];
    partial = samples.length;
    samples.push({ id: (id && parseLenientOrNull(id)) ?? `sample ${partial + 1}`, epoch: epoch ? Number(epoch) : 1, messages });
  }
  if (!samples.some((x) => x !== null)) return null;
  return { log: { eval: ev, status: topLevelValue(file, 'status'), samples }, samples, partial };
}

/** In Inspect's sample order, as the same log's `.eval` lists them. */
function finish(trajectories: RawTrajectory[], issues: ReadIssue[]): ReadResult {
  trajectories.sort((a, b) => compareSamples({ id: a.meta?.sampleId, epoch: a.meta?.epoch }, { id: b.meta?.sampleId, epoch: b.meta?.epoch }));
  return { format: FORMAT, trajectories, issues };
}

/** The log's task and model, and the issues of the log as a whole. */
function logHead(file: SourceFile, log: unknown, samples: number): { task: string | null; model: string | null; issues: ReadIssue[] } {
  if (!isObject(log) || !isObject(log.eval)) {
    throw new FormatError(FORMAT, `${file.name}: not an Inspect log (no "eval" object at the top level)`, 1);
  }
  const ev = log.eval;
  const task = typeof ev.task === 'string' ? ev.task : null;
  const model = typeof ev.model === 'string' ? ev.model : null;
  const issues: ReadIssue[] = [];
  if (typeof log.status === 'string' && log.status !== 'success') {
    const err = isObject(log.error) ? `: ${String(log.error.message ?? '')}` : '';
    issues.push({ severity: 'warning', message: `the eval's status is "${log.status}"${err}`, line: 1 });
  }
  if (!samples) issues.push({ severity: 'warning', message: 'the log holds no samples', line: 1 });
  return { task, model, issues };
}

/** Where each sample and its messages sit, for their steps' lines. */
interface SamplePlaces {
  context(i: number): Pick<SampleContext, 'lines' | 'text' | 'messageSpans'>;
  /** The first line of sample i, for an error about it. */
  line(i: number): number | undefined;
}

/** From the whole text: one structural scan for the positions of every sample's messages. */
function samplesFromText(text: string): SamplePlaces {
  const lines = new LineIndex(text);
  const messageSpans = new Map<number, Span[]>();
  for (const a of findArrays(text, ['samples', ANY, 'messages'])) messageSpans.set(a.path[1] as number, a.elements);
  return {
    context: (i) => ({ lines, text, messageSpans: messageSpans.get(i) }),
    line(i) {
      // Rare: only then scan for where the samples are.
      const at = findArrays(text, ['samples'])[0]?.elements[i];
      return at ? spanRange(lines, at).startLine : undefined;
    },
  };
}

/** Lines of a piece of a file whose first line is the file's line `first`. */
class LinesFrom extends LineIndex {
  constructor(
    text: string,
    private readonly first: number,
  ) {
    super(text);
  }
  override lineAt(offset: number): number {
    return super.lineAt(offset) + this.first - 1;
  }
}
