// Messages between the extension host and the timeline webview, declared once (STYLE.md).
// The webview asks for data with requests (`requestId` paired with a `response`); the host
// pushes notifications. Shapes reuse the language server's answers (./lsp) unchanged, so the
// host only relays: it never re-parses a file.
import type { AnalyzedStep } from '../core/model';
import type { RunSummary, RunsResult, StepsResult } from './lsp';

/** What the webview remembers across reloads (getState/setState), and what the host may seed. */
export interface TimelineState {
  runId: string | null;
  /** Selected step index (the model's `index`), or null. */
  selected: number | null;
  /** Expanded step index, or null (one step is expanded at a time). */
  expanded: number | null;
  scrollTop: number;
  filters: TimelineFilters;
  /** Follow the end of a growing log (set while the view is scrolled to the bottom). */
  follow: boolean;
  /** The "world at this step" panel folded away by the user (absent: shown). */
  worldHidden?: boolean;
}

export interface TimelineFilters {
  /** Categories and obstacle labels (`obstacle:port-in-use`) a step must carry one of; empty = all. */
  labels: string[];
  /** Roles to keep; empty = all. */
  roles: string[];
  /** Only steps with annotations, anyone's (issue 6 feeds `annotationMarks`). */
  annotated: boolean;
  /** Only steps the current annotator annotated. */
  annotatedByMe: boolean;
  /** Only steps whose annotators disagree (different labels or verdicts). */
  disagreements: boolean;
  /** Only steps with a critical category. */
  criticalOnly: boolean;
  /** Only steps whose thought claims an effect the outputs contradict or never show. */
  claims?: boolean;
  search: string;
  regex: boolean;
}

/** Seed written into the page by the host (escaped into a data attribute, never as script). */
export interface TimelineBoot {
  /** The document the timeline shows, as a URI string. */
  uri: string;
  /** Its file name, for titles. */
  fileName: string;
  /** Whether "Go to source" can open the file as text (false for `.eval` archives). */
  textSource: boolean;
  /** A step to select on open (the `openTimeline` command's argument). */
  reveal: { runId?: string; index: number } | null;
}

// ---- webview -> host ------------------------------------------------------------------------

/**
 * Each request the webview makes: its parameters (the host adds the document's uri) and what it
 * answers. `Bridge.request` and the host's relay are typed from this one map, so a call cannot
 * expect the wrong result.
 */
export interface WebviewRequests {
  getRuns: { params: Record<never, never>; result: RunsResult };
  /** A run only listed so far, read now. */
  getRun: { params: { runId: string }; result: RunSummary | null };
  getSteps: { params: { runId: string; start: number; count: number; maxOutput?: number }; result: StepsResult };
  getStep: { params: { runId: string; index: number }; result: AnalyzedStep | null };
}
export type RequestKind = keyof WebviewRequests;
export type RequestParams<K extends RequestKind> = WebviewRequests[K]['params'];
export type RequestResult<K extends RequestKind> = WebviewRequests[K]['result'];

/** A request as sent: its kind, the id its answer carries, its parameters. */
export type WebviewRequest<K extends RequestKind = RequestKind> = K extends RequestKind ? { type: K; requestId: number } & RequestParams<K> : never;

export type WebviewToHost =
  | WebviewRequest
  /** The page is loaded and listening. */
  | { type: 'ready' }
  /** Reveal a step's lines in a text editor beside the timeline. */
  | { type: 'goToSource'; runId: string; index: number; startLine: number; endLine: number }
  /** The user asked to annotate this step in VS Code's own prompts (used when the page has no form). */
  | { type: 'annotateStep'; runId: string; index: number; stepId: string }
  /** The annotation form was saved: create (no `id`) or update an annotation. The host answers `annotationSaved` or `annotationError` with the same `saveId`. */
  | ({ type: 'saveAnnotation'; saveId?: number } & AnnotationDraft)
  /** Delete an annotation (an event in the store; its history stays). */
  | { type: 'deleteAnnotation'; id: string }
  /** Something the user should see in VS Code (e.g. a failed request). */
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string };

// ---- host -> webview ------------------------------------------------------------------------

/** A request's answer: `kind` is the request's type, `result` its result. */
export type ResponsePayload<K extends RequestKind = RequestKind> = K extends RequestKind ? { kind: K; result: RequestResult<K> } : never;

/** Step marks for the minimap, the row chips and the annotation filters (from the store). */
export interface AnnotationMark {
  index: number;
  /** Every label and verdict on the step, anyone's. */
  labels: string[];
  authors?: string[];
  /** Each author's labels and verdicts there. */
  byAuthor?: Record<string, string[]>;
  /** Whether the step's annotators gave it different labels or verdicts. */
  disagreement?: boolean;
}

/** confirm / reject an automatic finding, or `missed:CATEGORY` the analysis did not flag. */
export type VerdictText = 'confirm' | 'reject' | `missed:${string}`;

/** One verdict of the form: about one finding category, or (finding null) every finding there. */
export interface VerdictChoice {
  verdict: VerdictText;
  finding: string | null;
}

/** What the annotation form sends. Several verdicts become several annotations (one each). */
export interface AnnotationDraft {
  /** Set when editing an existing annotation. */
  id?: string;
  runId: string;
  index: number;
  stepId: string;
  commandIndex?: number;
  labels: string[];
  /** Markdown. */
  note: string;
  verdicts: VerdictChoice[];
}

/** A label the form offers (taxonomy categories, obstacles, the workspace's own labels). */
export interface AnnotationLabel {
  id: string;
  title: string;
  description: string;
  key?: string;
  kind: 'critical' | 'context' | 'obstacle' | 'custom';
}

/** One annotation as the timeline shows it. */
export interface AnnotationItem {
  id: string;
  /** The step it attaches to now; null when orphaned. */
  index: number | null;
  status: 'attached' | 'moved' | 'orphaned';
  /** Why it moved or is orphaned. */
  reason: string | null;
  /** Where it was made (the anchor), for orphans. */
  anchorRunId: string;
  anchorIndex: number;
  commandIndex?: number;
  author: string;
  createdAt: string;
  updatedAt: string;
  labels: string[];
  note: string;
  verdict: VerdictText | null;
  finding: string | null;
}

/** Steps in one page of the list (pages are aligned on multiples of it). */
export const STEPS_PAGE = 100;
/**
 * Outputs in list pages are cut to this many characters: rows never show them, and the expanded
 * step shows its page copy only until it has the step in full. (At 4,000 the first page of an
 * `.eval` of long outputs was 507 KB; at 1,000, 207 KB: the first screen crosses the workbench
 * that much sooner.)
 */
export const PAGE_OUTPUT = 1000;

/**
 * What the host sends unasked once the page is ready (and again after every reload): the file's
 * runs and, when the run to show first is read, the page of its steps to show first. The first
 * rows need no request of their own.
 */
export interface FirstScreen {
  type: 'runs';
  result: RunsResult;
  page: StepsResult | null;
}

export type HostToWebview =
  | { type: 'response'; requestId: number; payload: ResponsePayload }
  | FirstScreen
  | { type: 'responseError'; requestId: number; message: string }
  /** The document's analysis changed (an edit, or a live log that grew): fetch runs again. */
  | { type: 'changed'; version: number | null; runIds: string[] }
  /** Select (and scroll to) the step that holds this 1-based line of the text document. */
  | { type: 'selectLine'; line: number }
  /** Select a step by index (the `openTimeline` command on an already open timeline). */
  | { type: 'selectStep'; runId?: string; index: number }
  | { type: 'annotationMarks'; runId: string; marks: AnnotationMark[] }
  /**
   * A run's annotations (sent with its marks): the items on its steps, the log's orphaned ones,
   * the label set and who "me" is. Its arrival turns on the in-page annotation form.
   */
  | { type: 'annotations'; runId: string; author: string; labels: AnnotationLabel[]; items: AnnotationItem[]; orphans: AnnotationItem[] }
  /** A save is on disk (the form may close). */
  | { type: 'annotationSaved'; saveId: number }
  /** A save or delete failed on the host (`saveId`: the form's save that failed). */
  | { type: 'annotationError'; message: string; saveId?: number };

export type HostMessageType = HostToWebview['type'];
export type WebviewMessageType = WebviewToHost['type'];

// ---- the one validator for messages crossing the boundary -----------------------------------

/** A check of one field's value. */
type Check = (v: unknown) => boolean;
/** A check for every field of a message but its `type` (a field left out is a compile error). */
type Shape<M> = { [F in Exclude<keyof M, 'type'>]-?: Check };
/** A shape for every kind of message (a kind left out is a compile error). */
export type MessageShapes<U extends { type: string }> = { [T in U['type']]: Shape<Extract<U, { type: T }>> };

const str: Check = (v) => typeof v === 'string';
const count: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0;
const bool: Check = (v) => typeof v === 'boolean';
const obj: Check = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function opt(c: Check): Check {
  return (v) => v === undefined || c(v);
}
function nullable(c: Check): Check {
  return (v) => v === null || c(v);
}
function oneOf(...xs: readonly string[]): Check {
  return (v) => typeof v === 'string' && xs.includes(v);
}
function list(c: Check): Check {
  return (v) => Array.isArray(v) && v.every(c);
}
const verdict: Check = (v) => obj(v) && str((v as VerdictChoice).verdict) && nullable(str)((v as VerdictChoice).finding);

const REQUEST_KINDS: { [K in RequestKind]: true } = { getRuns: true, getRun: true, getSteps: true, getStep: true };

const WEBVIEW_SHAPES: MessageShapes<WebviewToHost> = {
  getRuns: { requestId: count },
  getRun: { requestId: count, runId: str },
  getSteps: { requestId: count, runId: str, start: count, count, maxOutput: opt(count) },
  getStep: { requestId: count, runId: str, index: count },
  ready: {},
  goToSource: { runId: str, index: count, startLine: count, endLine: count },
  annotateStep: { runId: str, index: count, stepId: str },
  saveAnnotation: {
    saveId: opt(count),
    id: opt(str),
    runId: str,
    index: count,
    stepId: str,
    commandIndex: opt(count),
    labels: list(str),
    note: str,
    verdicts: list(verdict),
  },
  deleteAnnotation: { id: str },
  log: { level: oneOf('info', 'warn', 'error'), message: str },
};

// The host is trusted (it is the extension): its results are checked for shape, not field by field.
const HOST_SHAPES: MessageShapes<HostToWebview> = {
  response: { requestId: count, payload: (v) => obj(v) && Object.hasOwn(REQUEST_KINDS, (v as { kind: string }).kind) && 'result' in (v as object) },
  responseError: { requestId: count, message: str },
  runs: { result: (v) => obj(v) && Array.isArray((v as RunsResult).runs), page: nullable((v) => obj(v) && Array.isArray((v as StepsResult).steps)) },
  changed: { version: nullable(Number.isFinite), runIds: list(str) },
  selectLine: { line: count },
  selectStep: { runId: opt(str), index: count },
  annotationMarks: { runId: str, marks: list(obj) },
  annotations: { runId: str, author: str, labels: list(obj), items: list(obj), orphans: list(obj) },
  annotationSaved: { saveId: count },
  annotationError: { message: str, saveId: opt(count) },
};

function parse<U extends { type: string }>(shapes: MessageShapes<U>, data: unknown): U | null {
  if (!obj(data)) return null;
  const m = data as Record<string, unknown>;
  if (typeof m.type !== 'string' || !Object.hasOwn(shapes, m.type)) return null;
  const shape = shapes[m.type as U['type']] as Record<string, Check>;
  for (const field of Object.keys(shape)) if (!shape[field](m[field])) return null;
  return data as U;
}

/** A message from the webview, or null when its kind is unknown or a field has the wrong type. */
export function parseWebviewMessage(data: unknown): WebviewToHost | null {
  return parse(WEBVIEW_SHAPES, data);
}

/** A message from the host, or null when its kind is unknown or a field has the wrong type. */
export function parseHostMessage(data: unknown): HostToWebview | null {
  return parse(HOST_SHAPES, data);
}

export const HOST_MESSAGE_TYPES = Object.keys(HOST_SHAPES) as readonly HostMessageType[];

export function isHostMessage(data: unknown): data is HostToWebview {
  return parseHostMessage(data) !== null;
}

export const TIMELINE_VIEW_TYPE = 'replicationLens.timeline';
export const TIMELINE_EVAL_VIEW_TYPE = 'replicationLens.timeline.eval';
/** A text log's timeline opened from its file (explorer) without opening it as text: the server reads it from disk. */
export const TIMELINE_FILE_VIEW_TYPE = 'replicationLens.timeline.file';

export function defaultFilters(): TimelineFilters {
  return { labels: [], roles: [], annotated: false, annotatedByMe: false, disagreements: false, criticalOnly: false, claims: false, search: '', regex: false };
}

export function defaultState(): TimelineState {
  return { runId: null, selected: null, expanded: null, scrollTop: 0, filters: defaultFilters(), follow: false };
}
