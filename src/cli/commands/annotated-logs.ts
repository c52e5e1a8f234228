// Shared by `agreement` and `export`: reads logs, analyses them, reads each log's annotation
// store and resolves the annotations against the runs (attached / moved / orphaned).
import { analyzeBytes } from '../../core/analyze';
import { initAnalysis } from '../../node/init-analysis';
import { FormatError } from '../../core/formats';
import type { AnalyzedTrajectory } from '../../core/model';
import { resolveAnnotations, type ResolvedAnnotation, type StoreIssue } from '../../core/annotations';
import { AnnotationFile, sidecarPath } from '../../node/annotation-file';
import { readTrajectoryFile } from '../../node/read-path';

export interface AnnotatedRun {
  file: string;
  runId: string;
  /** Null for the runs of orphaned annotations whose run is not in the file. */
  run: AnalyzedTrajectory | null;
  annotations: ResolvedAnnotation[];
  reviewers: string[];
}

export interface AnnotatedLog {
  file: string;
  store: string;
  runs: AnnotatedRun[];
  /** Problems in the annotation store (corrupt lines...): reported, the rest still counts. */
  storeIssues: StoreIssue[];
  annotations: number;
  orphaned: number;
}

export interface LoadResult {
  logs: AnnotatedLog[];
  /** Logs that could not be read at all. */
  errors: { file: string; message: string }[];
}

function message(e: unknown): string {
  if (e instanceof FormatError) return `${e.format}: ${e.message}${e.line ? ` (line ${e.line})` : e.entry ? ` (${e.entry})` : ''}`;
  return e instanceof Error ? e.message : String(e);
}

export async function loadAnnotatedLogs(files: string[], opts: { annotationsDir?: string } = {}): Promise<LoadResult> {
  await initAnalysis();
  const out: LoadResult = { logs: [], errors: [] };
  for (const file of files) {
    let analysis;
    try {
      // Guarded like `analyze`: regular files only, size-capped, UTF-16 and lone CRs decoded.
      analysis = analyzeBytes(file, readTrajectoryFile(file).bytes);
    } catch (e) {
      out.errors.push({ file, message: message(e) });
      continue;
    }
    const store = new AnnotationFile(sidecarPath(file, { directory: opts.annotationsDir, root: process.cwd() }));
    try {
      await store.reload();
    } catch (e) {
      out.errors.push({ file: store.file, message: message(e) });
      continue;
    }
    const all = store.annotations();
    const resolved = resolveAnnotations(all, analysis.trajectories);
    const runs: AnnotatedRun[] = analysis.trajectories.map((t) => ({ file, runId: t.id, run: t, annotations: [], reviewers: [] }));
    const byId = new Map(runs.map((r) => [r.runId, r]));
    for (const r of resolved) {
      const home = r.runId ?? r.annotation.runId;
      let unit = byId.get(home);
      if (!unit) {
        unit = { file, runId: home, run: null, annotations: [], reviewers: [] };
        byId.set(home, unit);
        runs.push(unit);
      }
      unit.annotations.push(r);
    }
    for (const rev of store.reviews()) {
      const unit = byId.get(rev.runId);
      if (unit && !unit.reviewers.includes(rev.author)) unit.reviewers.push(rev.author);
    }
    out.logs.push({
      file,
      store: store.file,
      runs,
      storeIssues: store.issues,
      annotations: all.filter((a) => !a.deleted).length,
      orphaned: resolved.filter((r) => r.status === 'orphaned' && !r.annotation.deleted).length,
    });
  }
  return out;
}

/** Store problems as `FILE:LINE: message`, for stderr. */
export function storeIssueLines(logs: AnnotatedLog[]): string[] {
  return logs.flatMap((l) => l.storeIssues.map((i) => `${l.store}:${i.line}: ${i.severity}: ${i.message}`));
}
