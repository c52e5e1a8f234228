// Reads a study from disk: scans the paths (folders or logs) like the corpus view, reads each
// log's annotation store, and builds the rows of every study table (core/study/rows.ts).
import type { ResolvedAnnotation } from '../../core/annotations';
import type { CorpusError, CorpusRun } from '../../core/corpus';
import { programsOfCommand } from '../../core/corpus/rows';
import { addRunRows } from '../../core/study/rows';
import { emptyTables, type StudyTables } from '../../core/study/schema';
import type { SidecarOptions } from '../annotation-file';
import { annotationHook, readCorpusAnnotations, type FileAnnotations } from '../corpus-annotations';
import { scanCorpus, type ScanResult } from '../corpus-scan';

export interface LoadedStudy {
  tables: StudyTables;
  scan: Omit<ScanResult, 'runs'>;
  runs: CorpusRun[];
  errors: CorpusError[];
  /** Milliseconds: reading and analysing, then building the rows. */
  ms: { scan: number; rows: number };
}

/** The live annotations of each run, by `file#runId`; orphaned ones keep their anchor's run id, so they still land in the export. */
function annotationsByRun(files: FileAnnotations[]): Map<string, ResolvedAnnotation[]> {
  const out = new Map<string, ResolvedAnnotation[]>();
  for (const { file, resolved } of files) {
    for (const res of resolved) {
      const key = `${file}#${res.runId ?? res.annotation.runId}`;
      out.set(key, [...(out.get(key) ?? []), res]);
    }
  }
  return out;
}

export async function loadStudy(paths: string[], opts: SidecarOptions = {}): Promise<LoadedStudy> {
  let t = performance.now();
  const scan = await scanCorpus(paths);
  const scanMs = performance.now() - t;
  t = performance.now();
  const errors = [...scan.errors];
  // Each store read once: the verdict overrides and the annotations table come from the same reading.
  const files = await readCorpusAnnotations(scan.base, scan.runs, opts, (store, e) =>
    errors.push({ file: store, message: `annotations not read: ${e instanceof Error ? e.message : String(e)}` }),
  );
  const hook = annotationHook(files);
  const notes = annotationsByRun(files);
  const tables = emptyTables();
  const programs = programsOfCommand();
  for (const r of scan.runs) {
    addRunRows(tables, { ...r, annotations: notes.get(`${r.file}#${r.trajectory.id}`), verdictOverride: hook.verdict?.(r.file, r.trajectory.id) ?? null }, { programs });
  }
  const { runs, ...rest } = scan;
  return { tables, scan: rest, runs, errors, ms: { scan: scanMs, rows: performance.now() - t } };
}
