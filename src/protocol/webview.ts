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

export type WebviewRequest =
  | { type: 'getRuns'; requestId: number }
  | { type: 'getRun'; requestId: number; runId: string }
  | { type: 'getSteps'; requestId: number; runId: string; start: number; count: number; maxOutput?: number }
  | { type: 'getStep'; requestId: number; runId: string; index: number };

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

export type ResponsePayload =
  | { kind: 'runs'; result: RunsResult }
  | { kind: 'run'; result: RunSummary | null }
  | { kind: 'steps'; result: StepsResult }
  | { kind: 'step'; result: AnalyzedStep | null };

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

export type HostToWebview =
  | { type: 'response'; requestId: number; payload: ResponsePayload }
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
export const HOST_MESSAGE_TYPES: readonly HostMessageType[] = [
  'response',
  'responseError',
  'changed',
  'selectLine',
  'selectStep',
  'annotationMarks',
  'annotations',
  'annotationSaved',
  'annotationError',
];

export function isHostMessage(data: unknown): data is HostToWebview {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { type?: unknown }).type === 'string' &&
    (HOST_MESSAGE_TYPES as readonly string[]).includes((data as { type: string }).type)
  );
}

export const TIMELINE_VIEW_TYPE = 'replicationLens.timeline';
export const TIMELINE_EVAL_VIEW_TYPE = 'replicationLens.timeline.eval';

export function defaultFilters(): TimelineFilters {
  return { labels: [], roles: [], annotated: false, annotatedByMe: false, disagreements: false, criticalOnly: false, search: '', regex: false };
}

export function defaultState(): TimelineState {
  return { runId: null, selected: null, expanded: null, scrollTop: 0, filters: defaultFilters(), follow: false };
}
