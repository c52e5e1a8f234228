// Where the annotations get a document's runs and steps: the language server, through the
// custom requests of src/protocol/lsp.ts. The extension host never parses a log itself.
import * as vscode from 'vscode';
import type { AnalyzedStep, SourceRange } from '../../core/model';
import type { Annotation, ResolvedAnnotation } from '../../core/annotations';
import { anchorRequest, placeAnnotationsRequest, runRequest, runsRequest, stepsRequest, type AnchorParams, type AnchorResult, type RunSummary } from '../../protocol/lsp';
import { DOCUMENT_SELECTOR, type LensClient } from '../client';

export interface DocAnalysisRun {
  summary: RunSummary;
  /** Every step, outputs cut to nothing (anchoring needs ids, thoughts, command texts and lines). */
  steps: AnalyzedStep[];
}

/** An annotation placed by the server: where it attaches, its step's lines and what was found there. */
export type PlacedAnnotation = ResolvedAnnotation & { source: SourceRange | null; found: string[] };

export interface AnalysisSource {
  /** Where the server places these annotations now, in the same order; every one comes back. */
  place(uri: vscode.Uri, annotations: readonly Annotation[]): Promise<PlacedAnnotation[]>;
  /** The anchor for a new annotation (AnchorParams), or null when that step is not in the log. */
  anchor(uri: vscode.Uri, at: Omit<AnchorParams, 'uri'>): Promise<AnchorResult | null>;
  /** The runs of a document, or null when the server does not read it. */
  runs(uri: vscode.Uri): Promise<DocAnalysisRun[] | null>;
  /** Whether the server found runs with steps in the document (cheap: no steps fetched). */
  hasRuns(uri: vscode.Uri): Promise<boolean>;
  /** The ids of the document's runs (cheap: no steps fetched, listed runs are not read). */
  runIds(uri: vscode.Uri): Promise<string[]>;
  /** Fires when a document's analysis may have changed. */
  readonly onDidChange: vscode.Event<vscode.Uri>;
  /** Whether the server serves this document at all. */
  serves(doc: vscode.TextDocument): boolean;
}

const PAGE = 2000;

/** An AnalysisSource over the extension's language client. */
export class LensAnalysis implements AnalysisSource, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly cache = new Map<string, { version: number; runs: Promise<DocAnalysisRun[] | null> }>();
  private readonly subs: vscode.Disposable[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly lens: LensClient) {
    // Edits and a live log that grew on disk both arrive as document changes; the server
    // re-analyses on the same events, so ask again once the typing settles.
    this.subs.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!this.serves(e.document) || !e.contentChanges.length) return;
        const key = e.document.uri.toString();
        clearTimeout(this.timers.get(key));
        this.timers.set(
          key,
          setTimeout(() => {
            this.timers.delete(key);
            this.cache.delete(key);
            this.changed.fire(e.document.uri);
          }, 400),
        );
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())),
      lens.onDidRestart(() => {
        const uris = [...this.cache.keys()];
        this.cache.clear();
        for (const u of uris) this.changed.fire(vscode.Uri.parse(u));
      }),
    );
  }

  serves(doc: vscode.TextDocument): boolean {
    return vscode.languages.match(DOCUMENT_SELECTOR as vscode.DocumentSelector, doc) > 0;
  }

  async hasRuns(uri: vscode.Uri): Promise<boolean> {
    const cached = this.cache.get(uri.toString());
    if (cached) return ((await cached.runs) ?? []).length > 0;
    try {
      const client = await this.lens.ready();
      const res = await client.sendRequest(runsRequest, { uri: uri.toString() });
      return !res.error && res.runs.some((r) => r.stepCount > 0 || !r.read);
    } catch {
      return false;
    }
  }

  async runIds(uri: vscode.Uri): Promise<string[]> {
    const cached = this.cache.get(uri.toString());
    if (cached) return ((await cached.runs) ?? []).map((r) => r.summary.id);
    const client = await this.lens.ready();
    const res = await client.sendRequest(runsRequest, { uri: uri.toString() });
    return res.error ? [] : res.runs.map((r) => r.id);
  }

  async place(uri: vscode.Uri, annotations: readonly Annotation[]): Promise<PlacedAnnotation[]> {
    if (!annotations.length) return [];
    const client = await this.lens.ready();
    const anchors = annotations.map((a) => ({
      runId: a.runId,
      stepId: a.stepId,
      stepFingerprint: a.stepFingerprint,
      stepIndex: a.stepIndex,
      ...(a.commandIndex !== undefined ? { commandIndex: a.commandIndex } : {}),
    }));
    const placed = await client.sendRequest(placeAnnotationsRequest, { uri: uri.toString(), anchors });
    return annotations.map((annotation, i) => {
      const p = placed?.[i];
      if (!p) {
        const reason = placed ? 'the server gave no place for it' : 'the log could not be read';
        return { annotation, status: 'orphaned', runId: null, stepIndex: null, stepId: null, reason, source: null, found: [] };
      }
      return { annotation, ...p };
    });
  }

  async anchor(uri: vscode.Uri, at: Omit<AnchorParams, 'uri'>): Promise<AnchorResult | null> {
    const client = await this.lens.ready();
    return client.sendRequest(anchorRequest, { uri: uri.toString(), ...at });
  }

  runs(uri: vscode.Uri): Promise<DocAnalysisRun[] | null> {
    const key = uri.toString();
    const version = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key)?.version ?? -1;
    const hit = this.cache.get(key);
    if (hit && hit.version === version) return hit.runs;
    const runs: Promise<DocAnalysisRun[] | null> = this.fetch(key).catch((e: unknown) => {
      // A request that failed (the server starting or restarting) is no answer about the
      // document: forget it, so the next ask goes to the server again instead of reusing it.
      if (this.cache.get(key)?.runs === runs) this.cache.delete(key);
      this.lens.output.warn(`Runs of ${key} not fetched: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    });
    this.cache.set(key, { version, runs });
    return runs;
  }

  private async fetch(uri: string): Promise<DocAnalysisRun[] | null> {
    const client = await this.lens.ready();
    const res = await client.sendRequest(runsRequest, { uri });
    if (res.error) return null;
    const out: DocAnalysisRun[] = [];
    for (const listed of res.runs) {
      // A run only listed (a sample of a large `.eval`) is read now: annotations may be on it.
      const summary = listed.read ? listed : await client.sendRequest(runRequest, { uri, runId: listed.id });
      if (!summary) continue;
      const steps: AnalyzedStep[] = [];
      for (let start = 0; start < summary.stepCount; start += PAGE) {
        const page = await client.sendRequest(stepsRequest, { uri, runId: summary.id, start, count: PAGE, maxOutput: 0 });
        steps.push(...page.steps);
        if (!page.steps.length) break;
      }
      out.push({ summary, steps });
    }
    return out;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.changed.dispose();
    for (const s of this.subs) s.dispose();
  }
}
