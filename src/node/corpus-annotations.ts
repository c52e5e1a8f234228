// The corpus' annotation hook: each log's sidecar store (`LOG.annotations.jsonl`, see
// annotation-file.ts), resolved against the log's runs. Progress is the share of a run's
// steps that carry at least one live annotation. A researcher overrides a run's verdict with
// a label on any of its steps: `verdict:replicated`, `verdict:failed`, `verdict:not-attempted`
// (the newest such annotation wins).
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { resolveAnnotations, type ResolvedAnnotation } from '../core/annotations';
import type { AnnotationHook, CorpusRun } from '../core/corpus';
import type { Verdict } from '../core/model';
import { AnnotationFile, sidecarPath, type SidecarOptions } from './annotation-file';

const VERDICT_LABEL = /^verdict:(replicated|failed|not-attempted|unknown)$/;

interface RunNotes {
  steps: Set<number>;
  verdict: Verdict | null;
  at: string;
}

/** One file's live annotations, resolved against its runs. */
export interface FileAnnotations {
  file: string;
  resolved: ResolvedAnnotation[];
}

/**
 * Reads the sidecar store of each of the corpus' files once and resolves its live annotations
 * against the file's runs; files without one cost one `existsSync`. A store that cannot be read
 * is left out (its runs unannotated) and told to `onError`.
 */
export async function readCorpusAnnotations(base: string, runs: CorpusRun[], opts: SidecarOptions = {}, onError?: (store: string, e: unknown) => void): Promise<FileAnnotations[]> {
  const out: FileAnnotations[] = [];
  const byFile = new Map<string, CorpusRun[]>();
  for (const r of runs) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  for (const [file, fileRuns] of byFile) {
    const store = sidecarPath(path.resolve(base, file), opts);
    if (!existsSync(store)) continue;
    const af = new AnnotationFile(store);
    try {
      await af.reload();
    } catch (e) {
      onError?.(store, e);
      continue;
    }
    const live = af.annotations().filter((a) => !a.deleted);
    out.push({
      file,
      resolved: resolveAnnotations(
        live,
        fileRuns.map((r) => r.trajectory),
      ),
    });
  }
  return out;
}

/** The corpus' annotation hook (progress and verdict overrides) from the files' resolved annotations. */
export function annotationHook(files: FileAnnotations[]): AnnotationHook {
  const notes = new Map<string, RunNotes>();
  for (const { file, resolved } of files) {
    for (const res of resolved) {
      if (res.runId === null || res.stepIndex === null) continue;
      const key = `${file}#${res.runId}`;
      const n = notes.get(key) ?? { steps: new Set<number>(), verdict: null, at: '' };
      n.steps.add(res.stepIndex);
      for (const l of res.annotation.labels) {
        const m = VERDICT_LABEL.exec(l);
        if (m && res.annotation.updatedAt >= n.at) {
          n.verdict = m[1] as Verdict;
          n.at = res.annotation.updatedAt;
        }
      }
      notes.set(key, n);
    }
  }
  return {
    progress: (file, runId, steps) => {
      const n = notes.get(`${file}#${runId}`);
      return n ? { annotated: n.steps.size, total: steps } : null;
    },
    verdict: (file, runId) => notes.get(`${file}#${runId}`)?.verdict ?? null,
  };
}

/** Reads the sidecar stores of the corpus' files; an unreadable store leaves its runs unannotated (the timeline reports why). */
export async function corpusAnnotations(base: string, runs: CorpusRun[], opts: SidecarOptions = {}): Promise<AnnotationHook> {
  return annotationHook(await readCorpusAnnotations(base, runs, opts));
}
