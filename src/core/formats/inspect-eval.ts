// Inspect AI `.eval` logs: a zip with `header.json` (the log without samples) and one member per
// sample (`samples/{id}_epoch_{n}.json`), or a "chunked" sample under `samples/{id}_epoch_{n}/`
// (`sample.json` + `messages/`, `events/`, `attachments/` chunks). Each sample is one run.
// listRuns reads only the central directory (and the small header for the task name);
// readRun inflates one sample. Zip offsets are no use to a reader of the text, so source is null.
import type { RawTrajectory, ReadIssue, ReadResult } from '../model';
import { FormatError, type FormatReader, type RunListing, type SourceFile } from './types';
import { isZip, ZipError, ZipReader, type ZipOptions } from './zip';
import { parseJsonLenient } from './json-positions';
import { compareSamples, expandRefs, isObject, runId, runTitle, sampleToTrajectory } from './inspect-sample';

const FORMAT = 'inspect-eval' as const;

/** Zip options for `.eval` reading; tests lower the cap. */
export const evalZipOptions: ZipOptions = {};

const MONOLITH = /^samples\/(.+)_epoch_(\d+)\.json$/;
const CHUNKED = /^samples\/(.+)_epoch_(\d+)\/sample\.json$/;

interface SampleMember {
  id: string;
  epoch: number;
  /** The monolith member, or the chunked sample's prefix ending in '/'. */
  key: string;
  chunked: boolean;
}

function open(file: SourceFile): ZipReader {
  try {
    return ZipReader.open(file.bytes, evalZipOptions);
  } catch (e) {
    throw wrap(file, e);
  }
}

function wrap(file: SourceFile, e: unknown, entry?: string): Error {
  if (e instanceof FormatError) return e;
  if (e instanceof ZipError) return new FormatError(FORMAT, `${file.name}: ${e.message}`, undefined, e.entry ?? entry);
  const msg = e instanceof Error ? e.message : String(e);
  return new FormatError(FORMAT, `${file.name}${entry ? ` (${entry})` : ''}: ${msg}`, undefined, entry);
}

function sampleMembers(zip: ZipReader): SampleMember[] {
  const out: SampleMember[] = [];
  for (const e of zip.entries) {
    let m = MONOLITH.exec(e.name);
    if (m) {
      out.push({ id: m[1], epoch: Number(m[2]), key: e.name, chunked: false });
      continue;
    }
    m = CHUNKED.exec(e.name);
    if (m) out.push({ id: m[1], epoch: Number(m[2]), key: e.name.slice(0, -'sample.json'.length), chunked: true });
  }
  // Runs come in Inspect's sample order, whatever order the zip holds its members in.
  return out.sort(compareSamples);
}

interface Header {
  task: string | null;
  model: string | null;
  status: string | null;
  error: string | null;
}

function readHeader(zip: ZipReader, file: SourceFile): Header {
  const name = zip.get('header.json') ? 'header.json' : zip.get('_journal/start.json') ? '_journal/start.json' : null;
  if (!name) return { task: null, model: null, status: null, error: null };
  let h: unknown;
  try {
    h = parseMember(zip, name);
  } catch (e) {
    throw wrap(file, e, name);
  }
  const ev = isObject(h) && isObject(h.eval) ? h.eval : {};
  const err = isObject(h) && isObject(h.error) ? h.error : null;
  return {
    task: typeof ev.task === 'string' ? ev.task : null,
    model: typeof ev.model === 'string' ? ev.model : null,
    status: isObject(h) && typeof h.status === 'string' ? h.status : null,
    error: err ? String(err.message ?? 'error') : null,
  };
}

function parseMember(zip: ZipReader, name: string): unknown {
  try {
    return parseJsonLenient(zip.readText(name));
  } catch (e) {
    if (e instanceof SyntaxError) throw new ZipError(`invalid JSON: ${e.message}`, name);
    throw e;
  }
}

/** A chunked sample: shell + sequences, assembled the way Inspect's own reader does. */
function readChunked(zip: ZipReader, prefix: string): unknown {
  const seq = (name: string): unknown[] => {
    const dir = `${prefix}${name}/`;
    const starts = zip.entries
      .filter((e) => e.name.startsWith(dir) && /^\d+\.json$/.test(e.name.slice(dir.length)))
      .map((e) => Number(e.name.slice(dir.length, -5)))
      .sort((a, b) => a - b);
    const items: unknown[] = [];
    for (const s of starts) {
      const chunk = parseMember(zip, `${dir}${s}.json`);
      if (!Array.isArray(chunk)) throw new ZipError(`chunk is not a JSON array`, `${dir}${s}.json`);
      for (const item of chunk) items.push(item); // a spread of a large chunk exceeds the call stack
    }
    return items;
  };
  const shell = parseMember(zip, `${prefix}sample.json`);
  if (!isObject(shell)) throw new ZipError('sample.json is not a JSON object', `${prefix}sample.json`);
  const pool = seq('messages');
  const sample: Record<string, unknown> = { ...shell };
  if (!Array.isArray(sample.messages)) sample.messages = expandRefs(shell.message_refs, pool);
  if (!Array.isArray(sample.events)) sample.events = seq('events');
  sample.events_data = { messages: pool, calls: [] };
  // Chunked attachments are a sequence of strings referred to as `attachment://<index>`.
  sample.attachments = seq('attachments');
  if (zip.get(`${prefix}metadata.json`)) sample.metadata = parseMember(zip, `${prefix}metadata.json`);
  return sample;
}

function readMember(zip: ZipReader, file: SourceFile, m: SampleMember, header: Header): RawTrajectory {
  const entry = m.chunked ? `${m.key}sample.json` : m.key;
  try {
    const sample = m.chunked ? readChunked(zip, m.key) : parseMember(zip, m.key);
    return sampleToTrajectory(sample, { task: header.task, model: header.model, entry });
  } catch (e) {
    throw wrap(file, e, entry);
  }
}

/** The header and what it says of the log as a whole; throws when the zip is no Inspect log. */
function fileLevel(zip: ZipReader, file: SourceFile): { members: SampleMember[]; header: Header; issues: ReadIssue[] } {
  const members = sampleMembers(zip);
  const issues: ReadIssue[] = [];
  let header: Header = { task: null, model: null, status: null, error: null };
  try {
    header = readHeader(zip, file);
  } catch (e) {
    if (!members.length) throw e;
    const fe = e as FormatError;
    issues.push({ severity: 'error', message: fe.message, entry: fe.entry });
  }
  if (!members.length && !zip.get('header.json')) {
    throw new FormatError(FORMAT, `${file.name}: the zip holds neither header.json nor samples/, so it is not an Inspect log`);
  }
  if (header.status && header.status !== 'success') {
    issues.push({ severity: 'warning', message: `the eval's status is "${header.status}"${header.error ? `: ${header.error}` : ''}`, entry: 'header.json' });
  }
  if (!members.length) issues.push({ severity: 'warning', message: 'the log holds no samples (run with log_samples off, or still running)' });
  return { members, header, issues };
}

export const inspectEvalReader: FormatReader = {
  id: FORMAT,

  sniff(file, head) {
    if (!isZip(file.bytes)) return 0;
    // Member names of the first local headers are in the head; the directory settles the rest.
    if (/header\.json|samples\/|_journal\/start\.json/.test(head)) return 0.95;
    try {
      const zip = ZipReader.open(file.bytes);
      return zip.get('header.json') || sampleMembers(zip).length ? 0.9 : 0.05;
    } catch {
      return 0.05;
    }
  },

  listRuns(file): RunListing[] {
    const zip = open(file);
    const members = sampleMembers(zip);
    let task: string | null = null;
    try {
      task = readHeader(zip, file).task;
    } catch {
      task = null; // the header is only needed for titles here
    }
    return members.map((m) => ({ id: runId(m.id, m.epoch), title: runTitle(m.id, m.epoch, task), key: m.key }));
  },

  readRun(file, key): RawTrajectory {
    const zip = open(file);
    const m = sampleMembers(zip).find((s) => s.key === key);
    if (!m) throw new FormatError(FORMAT, `${file.name}: no sample member ${JSON.stringify(key)}`, undefined, key);
    let header: Header;
    try {
      header = readHeader(zip, file);
    } catch {
      header = { task: null, model: null, status: null, error: null };
    }
    return readMember(zip, file, m, header);
  },

  fileIssues(file): ReadIssue[] {
    return fileLevel(open(file), file).issues;
  },

  read(file): ReadResult {
    const zip = open(file);
    const { members, header, issues } = fileLevel(zip, file);
    const trajectories: RawTrajectory[] = [];
    for (const m of members) {
      try {
        trajectories.push(readMember(zip, file, m, header));
      } catch (e) {
        const fe = e as FormatError;
        // The cap is per member: one sample over it leaves the others readable.
        issues.push({ severity: 'error', message: fe.message, entry: fe.entry });
      }
    }
    return { format: FORMAT, trajectories, issues };
  },
};
