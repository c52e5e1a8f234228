// Folding events into current annotations: each field is last-writer-wins on its own, ordered
// by the event's time, ties broken by the event id (so every reader, in any line order, gets
// the same answer). Lines duplicated by git's union merge share an event id and fold once.
import { FIELD_KEYS, serializeEvent, setOwn } from './records';
import type { Annotation, AnnotationEvent, ForeignLine, ParsedStore, Review } from './types';

export interface FoldResult {
  /** Every annotation, deleted ones included (flagged), in creation order. */
  annotations: Annotation[];
  reviews: Review[];
}

function time(e: AnnotationEvent): number {
  return Date.parse(e.at);
}

/** Total order of events: time, then event id. */
export function compareEvents(a: AnnotationEvent, b: AnnotationEvent): number {
  return time(a) - time(b) || (a.event < b.event ? -1 : a.event > b.event ? 1 : 0);
}

/**
 * Merges lines that carry the same event id (exact duplicates from a union merge, or a
 * compacted copy of an event beside its original) into one event with the union of fields.
 */
export function uniqueEvents(events: AnnotationEvent[]): AnnotationEvent[] {
  const byId = new Map<string, AnnotationEvent>();
  for (const e of events) {
    const seen = byId.get(e.event);
    if (!seen) byId.set(e.event, { ...e, fields: { ...e.fields }, extra: { ...e.extra } });
    else {
      seen.fields = { ...e.fields, ...seen.fields };
      seen.extra = { ...e.extra, ...seen.extra };
    }
  }
  return sortEvents([...byId.values()]);
}

/** Sorts by compareEvents' order, parsing each time once (not once per comparison). */
function sortEvents(events: AnnotationEvent[]): AnnotationEvent[] {
  const keyed = events.map((e) => ({ e, t: time(e) }));
  keyed.sort((a, b) => a.t - b.t || (a.e.event < b.e.event ? -1 : a.e.event > b.e.event ? 1 : 0));
  return keyed.map((k) => k.e);
}

/** Field keys an event sets, known and unknown (unknown ones prefixed so they cannot clash). */
function keysOf(e: AnnotationEvent): string[] {
  const ks: string[] = [];
  for (const k of FIELD_KEYS) if ((e.fields as Record<string, unknown>)[k] !== undefined) ks.push(k);
  for (const k of Object.keys(e.extra)) ks.push('extra:' + k);
  return ks;
}

interface Draft {
  id: string;
  create: AnnotationEvent | null;
  first: AnnotationEvent;
  last: AnnotationEvent;
  /** field key -> event that set it last */
  owner: Map<string, AnnotationEvent>;
}

function drafts(events: AnnotationEvent[]): { drafts: Map<string, Draft>; reviews: AnnotationEvent[] } {
  const out = new Map<string, Draft>();
  const reviews: AnnotationEvent[] = [];
  for (const e of events) {
    if (e.op === 'review') {
      reviews.push(e);
      continue;
    }
    let d = out.get(e.id);
    if (!d) out.set(e.id, (d = { id: e.id, create: null, first: e, last: e, owner: new Map() }));
    if (e.op === 'create' && !d.create) d.create = e;
    d.last = e;
    for (const k of keysOf(e)) d.owner.set(k, e);
  }
  return { drafts: out, reviews };
}

function valueOf(d: Draft, key: string): unknown {
  const e = d.owner.get(key);
  if (!e) return undefined;
  return key.startsWith('extra:') ? e.extra[key.slice(6)] : (e.fields as Record<string, unknown>)[key];
}

function toAnnotation(d: Draft): Annotation {
  const v = <T>(k: string, dflt: T): T => (valueOf(d, k) as T | undefined) ?? dflt;
  const origin = d.create ?? d.first;
  const extra: Record<string, unknown> = {};
  for (const k of d.owner.keys()) if (k.startsWith('extra:')) setOwn(extra, k.slice(6), valueOf(d, k));
  const a: Annotation = {
    id: d.id,
    // An annotation whose create line was lost still folds; without an anchor it is orphaned.
    runId: v('runId', ''),
    stepId: v('stepId', ''),
    stepFingerprint: v('stepFingerprint', ''),
    stepIndex: v('stepIndex', 0),
    labels: v<string[]>('labels', []),
    note: v('note', ''),
    verdict: v('verdict', null),
    finding: v('finding', null),
    author: origin.author,
    updatedBy: d.last.author,
    createdAt: origin.at,
    updatedAt: d.last.at,
    deleted: v('deleted', false),
    extra,
  };
  const ci = valueOf(d, 'commandIndex');
  if (ci !== undefined) a.commandIndex = ci as number;
  const span = valueOf(d, 'span');
  if (span !== undefined) a.span = span as Annotation['span'];
  return a;
}

export function foldEvents(events: AnnotationEvent[]): FoldResult {
  const { drafts: ds, reviews } = drafts(uniqueEvents(events));
  const annotations = [...ds.values()].map(toAnnotation).sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    annotations,
    reviews: reviews.map((e) => ({ author: e.author, runId: e.fields.runId ?? '', at: e.at })),
  };
}

/** The annotations that are not deleted. */
export function liveAnnotations(events: AnnotationEvent[]): Annotation[] {
  return foldEvents(events).annotations.filter((a) => !a.deleted);
}

/**
 * The smallest set of events that folds to the same state: each surviving event keeps only the
 * fields it still owns; the create (author, creation time) and the latest event (update time)
 * always survive. Event ids are kept, so a compacted copy still union-merges with an old one.
 */
export function compactEvents(events: AnnotationEvent[]): AnnotationEvent[] {
  const { drafts: ds, reviews } = drafts(uniqueEvents(events));
  const kept = new Map<AnnotationEvent, AnnotationEvent>();
  const keep = (e: AnnotationEvent) => {
    if (!kept.has(e)) kept.set(e, { ...e, fields: e.op === 'delete' ? { deleted: true } : {}, extra: {} });
    return kept.get(e)!;
  };
  for (const d of ds.values()) {
    if (d.create) keep(d.create);
    keep(d.first);
    keep(d.last);
    for (const [k, e] of d.owner) {
      const c = keep(e);
      if (k.startsWith('extra:')) setOwn(c.extra, k.slice(6), e.extra[k.slice(6)]);
      else (c.fields as Record<string, unknown>)[k] = (e.fields as Record<string, unknown>)[k];
    }
  }
  return sortEvents([...reviews, ...kept.values()]);
}

/**
 * The text of a rewritten store: compacted events, then every line this version could not
 * read, verbatim (a corrupt or future line is never dropped by a rewrite).
 */
export function compactStoreText(store: ParsedStore): string {
  const lines = compactEvents(store.events).map(serializeEvent);
  lines.push(...store.foreign.map((f: ForeignLine) => f.text));
  return lines.length ? lines.join('\n') + '\n' : '';
}
