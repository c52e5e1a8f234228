// Messages between the extension host and the corpus view's webview, declared once (STYLE.md).
// The host scans the folder in a child process (the CLI's `stats --json --rows`) and sends the
// result; the webview sorts, filters and asks the host to open a run's timeline.
import type { CorpusError, CorpusStats, LineageNode, RunRow } from '../core/corpus';

/** `replication-lens stats --json --rows`: what the CLI prints and the view shows. */
export interface CorpusDocument extends CorpusStats {
  scan: { base: string; files: number; claimed: number; unclaimed: number; ms: number };
  lineage: LineageNode[];
  errors: CorpusError[];
  rows: RunRow[];
}

export interface CorpusViewState {
  sort: { column: string; descending: boolean };
  filter: { text: string; verdict: string; model: string };
}

export type CorpusToWebview =
  | { type: 'loading'; folder: string }
  | { type: 'data'; folder: string; doc: CorpusDocument }
  | { type: 'failed'; folder: string; message: string };

export type CorpusFromWebview =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'open'; file: string; runId: string; step: number | null };
