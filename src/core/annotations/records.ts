// Lines <-> events. Parsing never throws: a line that is corrupt, truncated or from a future
// version is reported (line number, why) and kept verbatim, and every other line still reads.
import { RECORD_TYPE, type AnnotationEvent, type AnnotationFields, type EventOp, type FindingVerdict, type ParsedStore, type StoreIssue, type TextSpan } from './types';

const OPS: readonly EventOp[] = ['create', 'update', 'delete', 'review'];
const HEADER_KEYS = ['type', 'op', 'event', 'id', 'at', 'author'] as const;
/** Known fields, in the order they are written. */
export const FIELD_KEYS = ['runId', 'stepId', 'stepFingerprint', 'stepIndex', 'commandIndex', 'span', 'labels', 'note', 'verdict', 'finding', 'deleted'] as const;
const KNOWN = new Set<string>([...HEADER_KEYS, ...FIELD_KEYS]);

export function isVerdict(v: unknown): v is FindingVerdict {
  return v === 'confirm' || v === 'reject' || (typeof v === 'string' && /^missed:\S+$/.test(v));
}

class LineError extends Error {
  constructor(
    message: string,
    readonly severity: 'error' | 'warning' = 'error',
  ) {
    super(message);
  }
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function checkFields(o: Record<string, unknown>): AnnotationFields {
  const f: AnnotationFields = {};
  const str = (k: 'runId' | 'stepId' | 'stepFingerprint') => {
    if (k in o) {
      if (typeof o[k] !== 'string' || o[k] === '') throw new LineError(`'${k}' must be a non-empty string`);
      f[k] = o[k] as string;
    }
  };
  str('runId');
  str('stepId');
  str('stepFingerprint');
  for (const k of ['stepIndex', 'commandIndex'] as const) {
    if (k in o) {
      if (!isInt(o[k])) throw new LineError(`'${k}' must be a whole number >= 0`);
      f[k] = o[k] as number;
    }
  }
  if ('span' in o) {
    const s = o.span as Partial<TextSpan> | null;
    if (!s || typeof s !== 'object' || !['command', 'output', 'thought'].includes(s.in as string) || !isInt(s.from) || !isInt(s.to) || s.to < s.from) {
      throw new LineError(`'span' must be {"in": "command"|"output"|"thought", "from": N, "to": M >= N}`);
    }
    f.span = { in: s.in as TextSpan['in'], from: s.from, to: s.to };
  }
  if ('labels' in o) {
    if (!Array.isArray(o.labels) || !o.labels.every((l) => typeof l === 'string' && l !== '')) {
      throw new LineError(`'labels' must be a list of non-empty strings`);
    }
    f.labels = [...(o.labels as string[])];
  }
  if ('note' in o) {
    if (typeof o.note !== 'string') throw new LineError(`'note' must be a string`);
    f.note = o.note;
  }
  if ('verdict' in o) {
    if (o.verdict !== null && !isVerdict(o.verdict)) {
      throw new LineError(`'verdict' must be "confirm", "reject", "missed:CATEGORY" or null`);
    }
    f.verdict = o.verdict as FindingVerdict | null;
  }
  if ('finding' in o) {
    if (o.finding !== null && typeof o.finding !== 'string') throw new LineError(`'finding' must be a string or null`);
    f.finding = o.finding as string | null;
  }
  if ('deleted' in o) {
    if (typeof o.deleted !== 'boolean') throw new LineError(`'deleted' must be true or false`);
    f.deleted = o.deleted;
  }
  return f;
}

/** One record, validated. Throws LineError with the reason. */
function parseRecord(o: unknown): AnnotationEvent {
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw new LineError('not a JSON object');
  const r = o as Record<string, unknown>;
  if (typeof r.type !== 'string' || !r.type.startsWith('replication-lens/annotation@')) {
    throw new LineError(`not an annotation record ('type' is ${JSON.stringify(r.type ?? null)}); kept as is`, 'warning');
  }
  if (!OPS.includes(r.op as EventOp)) {
    throw new LineError(`unknown operation ${JSON.stringify(r.op ?? null)} (a newer version?); kept as is`, 'warning');
  }
  for (const k of ['event', 'id', 'author'] as const) {
    if (typeof r[k] !== 'string' || (k !== 'author' && r[k] === '')) throw new LineError(`'${k}' must be a non-empty string`);
  }
  if (typeof r.at !== 'string' || Number.isNaN(Date.parse(r.at))) throw new LineError(`'at' must be an ISO 8601 time`);
  const fields = checkFields(r);
  const op = r.op as EventOp;
  if ((op === 'create' || op === 'review') && !fields.runId) throw new LineError(`a ${op} needs 'runId'`);
  if (op === 'create' && !fields.stepId) throw new LineError(`a create needs 'stepId'`);
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (!KNOWN.has(k)) setOwn(extra, k, v);
  return {
    type: r.type,
    op,
    event: r.event as string,
    id: r.id as string,
    at: r.at,
    author: r.author as string,
    fields: op === 'delete' ? { ...fields, deleted: true } : fields,
    extra,
  };
}

/** Parses a whole store. Blank lines are skipped; any other line that fails is reported and kept. */
export function parseStore(text: string): ParsedStore {
  const out: ParsedStore = { events: [], foreign: [], issues: [] };
  const lines = text.split('\n');
  const endsClean = text === '' || text.endsWith('\n');
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const n = i + 1;
    const last = i === lines.length - 1 && !endsClean;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      const issue: StoreIssue = {
        line: n,
        severity: 'error',
        message: last ? `truncated record (the last line has no end; an interrupted write?): ${why}` : `not valid JSON: ${why}`,
      };
      out.issues.push(issue);
      out.foreign.push({ line: n, text: line });
      return;
    }
    try {
      out.events.push(parseRecord(value));
    } catch (e) {
      const le = e instanceof LineError ? e : new LineError(String(e));
      out.issues.push({ line: n, severity: le.severity, message: le.message });
      out.foreign.push({ line: n, text: line });
    }
  });
  return out;
}

/** One event as one line (no newline). Known keys in a fixed order, unknown keys after them. */
export function serializeEvent(e: AnnotationEvent): string {
  const o: Record<string, unknown> = {
    type: e.type,
    op: e.op,
    event: e.event,
    id: e.id,
    at: e.at,
    author: e.author,
  };
  const f = e.fields as Record<string, unknown>;
  for (const k of FIELD_KEYS) {
    if (f[k] === undefined) continue;
    if (k === 'deleted' && e.op === 'delete') continue; // implied by the op
    o[k] = f[k];
  }
  for (const [k, v] of Object.entries(e.extra)) if (!KNOWN.has(k)) setOwn(o, k, v);
  return JSON.stringify(o);
}

/**
 * Sets an own, enumerable property, whatever its name. Plain assignment (`o[k] = v`) and
 * Object.assign treat `__proto__` as the prototype, so an unknown `__proto__` field would vanish
 * from a rewrite; JSON.parse keeps it as an own property, and so does this.
 */
export function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
}

/** A random id with a prefix; uses the platform's crypto (Node 20 and browsers both have it). */
export function newId(prefix: string): string {
  const b = new Uint8Array(9);
  globalThis.crypto.getRandomValues(b);
  return prefix + Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export interface EventContext {
  author: string;
  /** Defaults to now. */
  at?: string;
}

function event(op: EventOp, id: string, ctx: EventContext, fields: AnnotationFields, extra = {}): AnnotationEvent {
  return { type: RECORD_TYPE, op, event: newId('e'), id, at: ctx.at ?? new Date().toISOString(), author: ctx.author, fields, extra };
}

export function createEvent(
  ctx: EventContext,
  fields: AnnotationFields & { runId: string; stepId: string; stepFingerprint: string; stepIndex: number },
  id = newId('a'),
): AnnotationEvent {
  return event('create', id, ctx, { labels: [], note: '', verdict: null, ...fields });
}

export function updateEvent(ctx: EventContext, id: string, fields: AnnotationFields): AnnotationEvent {
  return event('update', id, ctx, fields);
}

export function deleteEvent(ctx: EventContext, id: string): AnnotationEvent {
  return event('delete', id, ctx, { deleted: true });
}

/** Records that AUTHOR reviewed the whole run (every step counts as seen for agreement). */
export function reviewEvent(ctx: EventContext, runId: string): AnnotationEvent {
  return event('review', newId('r'), ctx, { runId });
}
