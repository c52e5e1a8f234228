// The annotation model. An annotation store is an append-only log of events, one JSON record
// a line (`LOG.annotations.jsonl`), so that two people's copies merge with git's union merge
// and no write ever rewrites someone else's edit in place. Pure data: no VS Code, no fs.

/** `type` of every record this version writes; readers accept any `replication-lens/annotation@N`. */
export const RECORD_TYPE = 'replication-lens/annotation@1';

/**
 * What an annotator says about the analysis' automatic findings on the step or command:
 * `confirm` (it is right), `reject` (a false positive), `missed:CATEGORY` (the analysis missed
 * that category here).
 */
export type FindingVerdict = 'confirm' | 'reject' | `missed:${string}`;

/** A span of text inside a command (or its output), as character offsets [from, to). */
export interface TextSpan {
  in: 'command' | 'output' | 'thought';
  from: number;
  to: number;
}

/** Where an annotation points. The step id is authoritative; the rest helps re-attach it. */
export interface Anchor {
  runId: string;
  /** The step's stable id (`RawStep.id`, content-anchored). */
  stepId: string;
  /** Hash of the step's first command and thought prefix (see anchor.ts `stepFingerprint`). */
  stepFingerprint: string;
  /** Index of the step when the annotation was made: a hint only. */
  stepIndex: number;
  commandIndex?: number;
  span?: TextSpan;
}

/** The fields an event may set; every one of them is merged last-writer-wins on its own. */
export interface AnnotationFields extends Partial<Anchor> {
  labels?: string[];
  /** Markdown, written by the annotator. */
  note?: string;
  verdict?: FindingVerdict | null;
  /** The finding category a confirm/reject is about; absent means every finding there. */
  finding?: string | null;
  /** A delete is `deleted: true`; an update with `deleted: false` undoes it. */
  deleted?: boolean;
}

export type EventOp = 'create' | 'update' | 'delete' | 'review';

/** One line of the store. `extra` holds the fields this version does not know, verbatim. */
export interface AnnotationEvent {
  type: string;
  op: EventOp;
  /** Unique per event: duplicated lines (git union merge) fold once. */
  event: string;
  /** The annotation it is about (for `review`, an id of the review itself). */
  id: string;
  /** ISO 8601 time of the event: the last writer (by this clock) wins, field by field. */
  at: string;
  author: string;
  fields: AnnotationFields;
  extra: Record<string, unknown>;
}

/** The current state of one annotation, folded from its events. */
export interface Annotation extends Anchor {
  id: string;
  labels: string[];
  note: string;
  verdict: FindingVerdict | null;
  finding: string | null;
  /** Who created it. */
  author: string;
  /** Who wrote its latest event. */
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
  deleted: boolean;
  /** Unknown fields, newest value of each, preserved verbatim. */
  extra: Record<string, unknown>;
}

/** "AUTHOR reviewed run RUNID": every step of the run counts as seen by them (agreement). */
export interface Review {
  author: string;
  runId: string;
  at: string;
}

/** A line of the store that could not be used: where and why. The rest of the store still reads. */
export interface StoreIssue {
  /** 1-based line number. */
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

/** A line kept verbatim because it is not a record this version can fold. */
export interface ForeignLine {
  line: number;
  text: string;
}

export interface ParsedStore {
  events: AnnotationEvent[];
  /** Lines that did not parse or were not understood, kept so a rewrite never drops them. */
  foreign: ForeignLine[];
  issues: StoreIssue[];
}

/** How an annotation relates to the current analysis of its log. */
export type AttachStatus = 'attached' | 'moved' | 'orphaned';

export interface ResolvedAnnotation {
  annotation: Annotation;
  status: AttachStatus;
  /** The run it attaches to now (null when orphaned). */
  runId: string | null;
  /** Index of the step it attaches to now (null when orphaned). */
  stepIndex: number | null;
  /** Why it moved or is orphaned, in words. */
  reason: string | null;
  /** The step id it attaches to now (differs from the anchor when re-found by content). */
  stepId: string | null;
  /** Set when the step is there but its command index is out of range. */
  commandMissing?: boolean;
}
