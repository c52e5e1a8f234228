// Messages between the extension host and the timeline webview, declared once (STYLE.md).
// The webview asks for data with requests (`requestId` paired with a `response`); the host
// pushes notifications. Shapes reuse the language server's answers (./lsp) unchanged, so the
// host only relays: it never re-parses a file.
import type { AnalyzedStep } from '../core/model';
import type { RunsResult, StepsResult } from './lsp';

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
  /** Only steps with annotations (issue 6 feeds `annotationMarks`). */
  annotated: boolean;
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
  | { type: 'getSteps'; requestId: number; runId: string; start: number; count: number; maxOutput?: number }
  | { type: 'getStep'; requestId: number; runId: string; index: number };

export type WebviewToHost =
  | WebviewRequest
  /** The page is loaded and listening. */
  | { type: 'ready' }
  /** Reveal a step's lines in a text editor beside the timeline. */
  | { type: 'goToSource'; runId: string; index: number; startLine: number; endLine: number }
  /** Hook for issue 6 (annotations): the user asked to annotate this step (key `a`). */
  | { type: 'annotateStep'; runId: string; index: number; stepId: string }
  /** Something the user should see in VS Code (e.g. a failed request). */
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string };

// ---- host -> webview ------------------------------------------------------------------------

export type ResponsePayload =
  | { kind: 'runs'; result: RunsResult }
  | { kind: 'steps'; result: StepsResult }
  | { kind: 'step'; result: AnalyzedStep | null };

/** Step marks for the minimap and the "annotated" filter; issue 6 sends them from its store. */
export interface AnnotationMark {
  index: number;
  labels: string[];
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
  | { type: 'annotationMarks'; runId: string; marks: AnnotationMark[] };

export type HostMessageType = HostToWebview['type'];
export const HOST_MESSAGE_TYPES: readonly HostMessageType[] = [
  'response',
  'responseError',
  'changed',
  'selectLine',
  'selectStep',
  'annotationMarks',
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
  return { labels: [], roles: [], annotated: false, criticalOnly: false, search: '', regex: false };
}

export function defaultState(): TimelineState {
  return { runId: null, selected: null, expanded: null, scrollTop: 0, filters: defaultFilters(), follow: false };
}
