// The one entry point from bytes to the analysis contract (DESIGN.md): read, then analyse.
import type { Analysis, FormatId, RawTrajectory, ReadResult, AnalyzedTrajectory } from './model';
import { readFile, sourceFile } from './formats';
import { initShellParser, type ShellGrammars } from './shell/parser';
import { analyzeTrajectory } from './analysis/trajectory';

/**
 * Loads the WASM parsers once; every analysis function below needs it to have resolved. In
 * Node, call src/node/init-analysis.ts's initAnalysis(), which passes the grammars in.
 */
export function initAnalysis(grammars: ShellGrammars): Promise<void> {
  return initShellParser(grammars);
}

export function analyzeRead(file: string, res: ReadResult): Analysis {
  return {
    schema: 'replication-lens/analysis@1',
    file,
    format: res.format,
    trajectories: res.trajectories.map((t) => analyzeTrajectory(t)),
    issues: res.issues,
  };
}

export function analyzeRun(raw: RawTrajectory): AnalyzedTrajectory {
  return analyzeTrajectory(raw);
}

/** Reads and analyses a file's bytes (call `initAnalysis` first). Throws FormatError. */
export function analyzeBytes(name: string, bytes: Uint8Array, opts: { format?: FormatId } = {}): Analysis {
  return analyzeRead(name, readFile(sourceFile(name, bytes), opts.format));
}
