// Messages between the extension host and the corpus view's webview, declared once (STYLE.md).
// The host scans the folder in a child process (the CLI's `stats --json --rows`) and sends the
// result; the webview sorts, filters and asks the host to open a run's timeline.
import type { CorpusError, CorpusStats, LineageNode, RunRow } from '../core/corpus';
import type { QueryResult } from '../core/study/format';
import type { SavedQuery } from '../core/study/saved-queries';
import type { RunComparison } from '../core/study/compare';

/** `replication-lens stats --json --rows`: what the CLI prints and the view shows. */
export interface CorpusDocument extends CorpusStats {
  scan: { base: string; files: number; claimed: number; unclaimed: number; ms: number };
  lineage: LineageNode[];
  errors: CorpusError[];
  rows: RunRow[];
}

export interface CorpusViewState {
  sort: { column: string; descending: boolean };
  /** scoreDisagrees: only runs whose eval score and verdict disagree. */
  filter: { text: string; verdict: string; model: string; scoreDisagrees?: boolean };
  /** The query box's text. */
  sql?: string;
}

export type CorpusToWebview =
  CorpusQueryToWebview | { type: 'loading'; folder: string } | { type: 'data'; folder: string; doc: CorpusDocument } | { type: 'failed'; folder: string; message: string };

export type CorpusFromWebview = CorpusQueryFromWebview | { type: 'ready' } | { type: 'refresh' } | { type: 'open'; file: string; runId: string; step: number | null };

// ---- SQL over the corpus (issue 17) ------------------------------------------------------

/** What the query box offers: the schema, the saved queries of the workspace, the examples. */
export interface QueryCatalog {
  schema: { name: string; doc: string; columns: { name: string; type: string; doc: string }[] }[];
  saved: SavedQuery[];
  /** Where saved queries live (`.vscode/replication-lens.queries.sql`), or null without a workspace. */
  savedFile: string | null;
  examples: SavedQuery[];
}

export type CorpusQueryToWebview =
  { type: 'catalog'; catalog: QueryCatalog } | { type: 'queryResult'; id: number; result: QueryResult } | { type: 'queryError'; id: number; message: string };

export type CorpusQueryFromWebview =
  | { type: 'query'; id: number; sql: string }
  | { type: 'saveQuery'; sql: string }
  /** A result row naming a run (file, run_id) and perhaps a step (1-based). */
  | { type: 'openResult'; file: string; runId: string; step: number | null }
  | { type: 'compare'; runs: { file: string; runId: string }[] };

/**
 * `replication-lens query --serve PATH...`: the study is read once, then one JSON line per
 * request on standard input and one per answer on standard output.
 */
export type QueryServeRequest = { id: number; sql: string; limit?: number };
export type QueryServeAnswer =
  | { type: 'ready'; runs: number; ms: number; errors: { file: string; message: string }[] }
  | { type: 'result'; id: number; result: QueryResult }
  | { type: 'error'; id: number; message: string };

/** The compare view's messages. */
export type CompareToWebview = { type: 'comparison'; comparison: RunComparison } | { type: 'failed'; message: string };
export type CompareFromWebview = { type: 'ready' } | { type: 'open'; run: number; step: number };
