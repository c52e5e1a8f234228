// The one way to open a log, for the language server, the CLI and the corpus scan: runs are
// listed first (an `.eval`'s samples from its zip directory, nothing inflated), and each run is
// read and analysed on its first request, then kept. Multi-file runs (a Claude Code session's
// sub-agents, an OpenHands V1 conversation folder) come with their siblings (read-path.ts).
import { statSync } from 'node:fs';
import type { Analysis, AnalyzedTrajectory, FormatId, RawTrajectory, ReadIssue, ReadResult } from '../core/model';
import { analyzeRun } from '../core/analyze';
import { SessionRuns } from '../core/analysis/session';
import { detectReader, readerById, readFile, sourceFile, FormatError } from '../core/formats';
import type { FormatReader, SourceFile } from '../core/formats/types';
import { readPath, readPathBytes, readTrajectoryFile, releaseBytes } from './read-path';

/** One run of an opened log: listed, and once asked for, read and analysed (or failed). */
export interface LogRun {
  id: string;
  title: string;
  /** The reader's key for a lazily listed run; null when the run came from reading the whole file. */
  key: string | null;
  analysis: AnalyzedTrajectory | null;
  /** Why the run could not be read, once it was tried. */
  error: string | null;
}

export class OpenedLog {
  /** A Claude Code session's runs judged as one for the verdict (core/analysis/session.ts), when it has sub-agents. */
  private sessions: SessionRuns | null = null;

  private constructor(
    readonly name: string,
    readonly format: FormatId,
    readonly runs: LogRun[],
    /** Problems with the file as a whole (and runs that could not be read, once tried). */
    readonly issues: ReadIssue[],
    private readonly lazy: { reader: FormatReader; file: SourceFile } | null,
  ) {}

  /** Opens bytes already in memory: lazily when the format lists runs without reading them. */
  static fromBytes(name: string, bytes: Uint8Array, format?: FormatId): OpenedLog {
    const file = sourceFile(name, bytes);
    const reader = format ? readerById(format) : detectReader(file).reader;
    if (reader?.listRuns && reader.readRun) {
      const listed = reader.listRuns(file);
      const runs = listed.map((l) => ({ id: l.id, title: l.title, key: l.key, analysis: null, error: null }));
      return new OpenedLog(name, reader.id, runs, reader.fileIssues?.(file) ?? [], { reader, file });
    }
    return OpenedLog.fromRead(name, readFile(file, format));
  }

  /** Opens a path: a file (with its sibling files, where a run spans several) or a run's folder. */
  static fromPath(path: string, format?: FormatId, name = path): OpenedLog {
    if (statSync(path).isDirectory()) return OpenedLog.fromRead(name, readPath(path, format));
    const { bytes, issues } = readTrajectoryFile(path);
    const file = sourceFile(name, bytes);
    const reader = format ? readerById(format) : detectReader(file).reader;
    // A Claude Code session may have sub-agent files beside it: read-path gathers them.
    const log = reader?.id === 'claude-code' ? OpenedLog.fromRead(name, readPathBytes(path, bytes, issues, format)) : OpenedLog.fromBytes(name, bytes, reader?.id);
    if (!log.lazy) releaseBytes(bytes); // read whole: the runs hold no view of the bytes
    if (reader?.id !== 'claude-code') log.issues.unshift(...issues);
    return log;
  }

  /** A log read whole (one pass over the file); its runs are analysed as they are asked for. */
  static fromRead(name: string, read: ReadResult): OpenedLog {
    const raws = read.trajectories;
    const runs = raws.map((t) => ({ id: t.id, title: t.title, key: null, analysis: null, error: null, raw: t }));
    const log = new OpenedLog(name, read.format, runs, read.issues.slice(), null);
    const sessions = new SessionRuns(raws);
    if (sessions.any) log.sessions = sessions;
    return log;
  }

  isRead(i: number): boolean {
    return this.runs[i].analysis !== null || this.runs[i].error !== null;
  }

  /** The run read and analysed (on the first request), or null when it cannot be read. */
  run(i: number): AnalyzedTrajectory | null {
    const r = this.runs[i] as LogRun & { raw?: RawTrajectory };
    if (r.analysis || r.error) return r.analysis;
    let raw: RawTrajectory | undefined = r.raw;
    if (!raw && this.lazy && r.key !== null) {
      try {
        raw = this.lazy.reader.readRun!(this.lazy.file, r.key);
      } catch (e) {
        r.error = e instanceof Error ? e.message : String(e);
        this.issues.push({ severity: 'error', message: r.error, entry: e instanceof FormatError ? e.entry : r.key });
        return null;
      }
    }
    if (!raw) return null;
    r.analysis = this.sessions ? this.sessions.analyze(i) : analyzeRun(raw);
    delete r.raw; // the analysis holds what the raw run held
    return r.analysis;
  }

  /** Every run read and analysed: the analysis contract of the whole file. */
  all(): Analysis {
    const trajectories: AnalyzedTrajectory[] = [];
    for (let i = 0; i < this.runs.length; i++) {
      const t = this.run(i);
      if (t) trajectories.push(t);
    }
    return { schema: 'replication-lens/analysis@1', file: this.name, format: this.format, trajectories, issues: this.issues };
  }
}
