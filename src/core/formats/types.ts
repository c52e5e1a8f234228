// The contract every format reader fulfils (FORMATS.md). Readers are pure: they get bytes,
// never a path to open, so the server, the CLI and tests feed them the same way.
import type { FormatId, RawTrajectory, ReadIssue, ReadResult } from '../model';

export interface SourceFile {
  /** File name (used only as a hint: sniffing goes by content). */
  name: string;
  bytes: Uint8Array;
  /** The bytes decoded as UTF-8 (invalid sequences become U+FFFD); computed once. */
  text(): string;
}

/** One run listed without reading it, for formats that hold many (an `.eval` zip). */
export interface RunListing {
  id: string;
  title: string;
  /** Reader-specific key to read the run later (a zip member...). */
  key: string;
}

export interface FormatReader {
  id: FormatId;
  /**
   * How sure the reader is that the content is its format, 0 (no) to 1 (certain), judged
   * from the first bytes (`head` is at most the first 64 KiB decoded) and cheap checks only.
   */
  sniff(file: SourceFile, head: string): number;
  /** Reads every run. Throws FormatError when the file is not readable at all. */
  read(file: SourceFile): ReadResult;
  /** Lists runs without reading them (large multi-run files). */
  listRuns?(file: SourceFile): RunListing[];
  /** Reads one listed run. */
  readRun?(file: SourceFile, key: string): RawTrajectory;
  /** With listRuns: the problems of the file as a whole that `read` would report (cheap). */
  fileIssues?(file: SourceFile): ReadIssue[];
}

/** A file (or an entry of it) that cannot be read: says which format, where and why. */
export class FormatError extends Error {
  constructor(
    readonly format: FormatId | 'unknown',
    message: string,
    readonly line?: number,
    readonly entry?: string,
  ) {
    super(message);
    this.name = 'FormatError';
  }
}

export function sourceFile(name: string, bytes: Uint8Array): SourceFile {
  let cached: string | undefined;
  return {
    name,
    bytes,
    text() {
      if (cached === undefined) cached = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
      return cached;
    },
  };
}

export function sourceText(name: string, text: string): SourceFile {
  const bytes = new TextEncoder().encode(text);
  return { name, bytes, text: () => text };
}
