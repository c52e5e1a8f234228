// Reads a study from disk: scans the paths (folders or logs) like the corpus view, reads each
// log's annotation store, and builds the rows of every study table (core/study/rows.ts).
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { resolveAnnotations, type ResolvedAnnotation } from '../../core/annotations';
import type { CorpusError, CorpusRun } from '../../core/corpus';
import { programsOfCommand } from '../../core/corpus/rows';
import { addRunRows } from '../../core/study/rows';
import { emptyTables, type StudyTables } from '../../core/study/schema';
import { AnnotationFile, sidecarPath, type SidecarOptions } from '../annotation-file';
import { corpusAnnotations } from '../corpus-annotations';
import { scanCorpus, type ScanResult } from '../corpus-scan';

export interface LoadedStudy {
  tables: StudyTables;
  scan: Omit<ScanResult, 'runs'>;
  runs: CorpusRun[];
  errors: CorpusError[];
  /** Milliseconds: reading and analysing, then building the rows. */
  ms: { scan: number; rows: number };
}

/** The live annotations of each run of `runs`, by `file#runId` (files without a store cost one existsSync). */
async function annotationsByRun(base: string, runs: CorpusRun[], opts: SidecarOptions, errors: CorpusError[]): Promise<Map<string, ResolvedAnnotation[]>> {
  const out = new Map<string, ResolvedAnnotation[]>();
  const byFile = new Map<string, CorpusRun[]>();
  for (const r of runs) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  for (const [file, fileRuns] of byFile) {
    const store = sidecarPath(path.resolve(base, file), opts);
    if (!existsSync(store)) continue;
    const af = new AnnotationFile(store);
    try {
      await af.reload();
    } catch (e) {
      errors.push({ file: store, message: `annotations not read: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    const live = af.annotations().filter((a) => !a.deleted);
    for (const res of resolveAnnotations(
      live,
      fileRuns.map((r) => r.trajectory),
    )) {
      // Orphaned annotations keep the run id of their anchor, so they still land in the export.
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
  const hook = await corpusAnnotations(scan.base, scan.runs, opts);
  const notes = await annotationsByRun(scan.base, scan.runs, opts, errors);
  const tables = emptyTables();
  const programs = programsOfCommand();
  for (const r of scan.runs) {
    addRunRows(tables, { ...r, annotations: notes.get(`${r.file}#${r.trajectory.id}`), verdictOverride: hook.verdict?.(r.file, r.trajectory.id) ?? null }, { programs });
  }
  const { runs, ...rest } = scan;
  return { tables, scan: rest, runs, errors, ms: { scan: scanMs, rows: performance.now() - t } };
}
