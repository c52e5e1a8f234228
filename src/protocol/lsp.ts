// Custom LSP messages between the extension (and its timeline) and the language server,
// declared once under one prefix (STYLE.md). The timeline gets its data only through these:
// it never re-parses a file.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { AnalyzedStep, Claim, Outcome, RawTrajectory, ReadIssue, Thread, FormatId, Category, ObstacleKind, ObstacleLabel } from '../core/model';
import type { World } from '../core/world-types';
import { CATEGORY_TABLE, tokenModifier } from '../core/taxonomy';
import type { SourceRange } from '../core/model';
import type { Anchor } from '../core/annotations/types';

export const PREFIX = 'replicationLens';

/**
 * One run of a document, without its steps. A run of a large multi-run file (an `.eval`'s
 * samples) may be listed before it is read: then `read` is false, its counts are empty and its
 * outcome is `unknown`, and `runRequest` reads it.
 */
export interface RunSummary {
  id: string;
  read: boolean;
  title: string;
  model: string | null;
  task: string | null;
  stepCount: number;
  commandCount: number;
  outcome: Outcome;
  /** Count of commands per category and obstacle label. */
  counts: Partial<Record<Category | ObstacleLabel, number>>;
  /** Per step: its index, time (ms since epoch or null) and critical categories, for the minimap. */
  ticks: { index: number; time: number | null; categories: Category[]; obstacles: ObstacleKind[]; /** Claims on the step (absent: none). */ claims?: number }[];
  threads: Thread[];
  issues: ReadIssue[];
  /** The world model (README "World model"), for the timeline's world panel and lifelines. */
  world?: World | null;
  /** Claims the outputs contradict or never show, in step order. */
  claims?: Claim[];
  /** The run's metadata (an Inspect sample's score, scorer and explanation...). */
  meta?: RawTrajectory['meta'];
}

export interface RunsParams {
  uri: string;
}
export interface RunsResult {
  uri: string;
  /** Document version the answer was computed from (null for files read from disk). */
  version: number | null;
  format: FormatId | null;
  runs: RunSummary[];
  /** Why the file could not be read at all, when it could not. */
  error: string | null;
  issues: ReadIssue[];
}
export const runsRequest = new RequestType<RunsParams, RunsResult, void>(`${PREFIX}/runs`);

/** One run, read (and analysed) now if it was only listed. */
export interface RunParams {
  uri: string;
  runId: string;
}
export const runRequest = new RequestType<RunParams, RunSummary | null, void>(`${PREFIX}/run`);

/** A page of steps; outputs are cut to `maxOutput` characters (the full text comes with `step`). */
export interface StepsParams {
  uri: string;
  runId: string;
  start: number;
  count: number;
  maxOutput?: number;
}
export interface StepsResult {
  uri: string;
  runId: string;
  start: number;
  total: number;
  steps: AnalyzedStep[];
  /** Outputs that were cut: step index, command index and the full length. */
  truncated?: { step: number; command: number; length: number }[];
}
export const stepsRequest = new RequestType<StepsParams, StepsResult, void>(`${PREFIX}/steps`);

/** One step in full. */
export interface StepParams {
  uri: string;
  runId: string;
  index: number;
}
export const stepRequest = new RequestType<StepParams, AnalyzedStep | null, void>(`${PREFIX}/step`);

/** Sent by the server when a document's analysis changed (edit, or a live log that grew). */
export interface DidChangeAnalysisParams {
  uri: string;
  version: number | null;
  runIds: string[];
}
export const didChangeAnalysisNotification = new NotificationType<DidChangeAnalysisParams>(`${PREFIX}/didChangeAnalysis`);

/**
 * A document over VS Code's large-file bound (`editor.largeFileOptimizations`: 20 MB or 300,000
 * lines) is not synced: the client sends no text for it, and the server analyses the saved file.
 * `open` and `changed` (saved, or reloaded from disk) ask for that analysis, `closed` ends it.
 */
export interface DiskDocumentParams {
  uri: string;
  state: 'open' | 'changed' | 'closed';
}
export const diskDocumentNotification = new NotificationType<DiskDocumentParams>(`${PREFIX}/diskDocument`);

// ---- Commands the server's code lenses invoke (implemented by the extension) -----------

/** Opens the timeline of a document at a step (code lens "Show in timeline"). */
export const OPEN_TIMELINE_COMMAND = `${PREFIX}.openTimeline`;
/** Starts an annotation on a step (code lens "Annotate"). */
export const ANNOTATE_STEP_COMMAND = `${PREFIX}.annotateStep`;
/** The single argument of both commands. `step` is the step's index in its run. */
export interface StepCommandArgs {
  uri: string;
  runId: string;
  step: number;
  stepId: string;
}

// ---- Semantic tokens: the critical part of each command ---------------------------------

/** Token types (contributed in package.json `semanticTokenTypes`). */
export const SEMANTIC_TOKEN_TYPES = ['replicationCritical', 'replicationContext'] as const;
/** One modifier per category, camel-cased (`process-kill` -> `processKill`), from the taxonomy table. */
export const SEMANTIC_TOKEN_MODIFIERS: readonly string[] = CATEGORY_TABLE.map((r) => tokenModifier(r.id));

// ---- Annotations: the server places them (the extension host holds no run's steps for that) --

/** Where an annotation's anchor lands now: core's ResolvedAnnotation without the annotation. */
export interface Placement {
  status: 'attached' | 'moved' | 'orphaned';
  runId: string | null;
  stepIndex: number | null;
  stepId: string | null;
  reason: string | null;
  commandMissing?: boolean;
  /** The step's lines in the file (text formats), for the editor's comment threads. */
  source: SourceRange | null;
  /** Categories and obstacles the analysis found on the anchored command (or the whole step). */
  found: string[];
}
/** Anchors in, placements out, in the same order; null when the file is not served. */
export interface PlaceAnnotationsParams {
  uri: string;
  anchors: Anchor[];
}
export const placeAnnotationsRequest = new RequestType<PlaceAnnotationsParams, Placement[] | null, void>(`${PREFIX}/placeAnnotations`);

/**
 * The anchor for a new annotation: on step `index` of a run (found again by `stepId` when a live
 * log shifted it), or on the step whose lines hold 1-based `line`. Null when there is no such step.
 */
export interface AnchorParams {
  uri: string;
  runId?: string;
  index?: number;
  stepId?: string;
  line?: number;
  commandIndex?: number;
}
export interface AnchorResult {
  anchor: Anchor;
  found: string[];
}
export const anchorRequest = new RequestType<AnchorParams, AnchorResult | null, void>(`${PREFIX}/anchor`);
