// Format sniffing and dispatch: a reader is chosen by content, not by file name alone.
import type { FormatId, ReadResult } from '../model';
import { FormatError, type FormatReader, type SourceFile } from './types';
import { chatbotLogReader } from './chatbot-log';
import { inspectEvalReader } from './inspect-eval';
import { inspectJsonReader } from './inspect-json';
import { sweAgentReader } from './swe-agent';
import { miniSweAgentReader } from './mini-swe-agent';
import { openhandsReader } from './openhands';
import { openhandsV1Reader } from './openhands-v1';
import { claudeCodeReader } from './claude-code';
import { codexReader } from './codex';
import { openaiChatReader } from './openai-chat';
import { asciicastReader } from './asciicast';
import { describeUnrecognised } from './describe';

/** Every reader, in the order ties are broken. Add a reader here and nowhere else. */
export const READERS: FormatReader[] = [
  chatbotLogReader,
  inspectEvalReader,
  inspectJsonReader,
  sweAgentReader,
  miniSweAgentReader,
  openhandsReader,
  openhandsV1Reader,
  claudeCodeReader,
  codexReader,
  openaiChatReader,
  asciicastReader,
];

const HEAD_BYTES = 64 * 1024;
/**
 * Wider heads, tried only when no reader claims a file from the first 64 KiB: a first record
 * can be longer than that (a long system prompt, a large field written first), which hides the
 * marks every reader looks for. Most files are decided by the first head and never pay this.
 */
const WIDER_HEADS = [1 << 20, 16 << 20];

export function headOf(file: SourceFile, bytes = HEAD_BYTES): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(file.bytes.subarray(0, bytes));
}

/** The reader that claims the file, or null, with each reader's confidence for messages. */
export function detectReader(file: SourceFile): { reader: FormatReader | null; tried: FormatId[] } {
  const tried = READERS.map((r) => r.id);
  let reader = bestReader(file, headOf(file));
  for (const size of WIDER_HEADS) {
    if (reader || file.bytes.length <= size / 16) break;
    reader = bestReader(file, headOf(file, size));
  }
  return { reader, tried };
}

function bestReader(file: SourceFile, head: string): FormatReader | null {
  let best: FormatReader | null = null;
  let bestScore = 0;
  for (const r of READERS) {
    let score = 0;
    try {
      score = r.sniff(file, head);
    } catch {
      score = 0;
    }
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return bestScore > 0 ? best : null;
}

export function readerById(id: FormatId): FormatReader | undefined {
  return READERS.find((r) => r.id === id);
}

/** Reads a file with the reader its content calls for; a file no reader claims is an error. */
export function readFile(file: SourceFile, forced?: FormatId): ReadResult {
  const { reader, tried } = forced ? { reader: readerById(forced) ?? null, tried: [forced] } : detectReader(file);
  if (!reader) {
    // The file's name is not in the message: whoever shows it names the file once.
    const why = describeUnrecognised(file);
    throw new FormatError('unknown', `no reader recognised this file (tried: ${tried.join(', ')}). ${why.text}`, why.line);
  }
  return compactRead(reader.read(file));
}

/**
 * The read's per-step lists at their length. Readers fill them by push, and V8 gives a list
 * grown from empty room for 17 entries: about 140 bytes per step kept for a one-command step,
 * which on a chat transcript of 100,000 steps is 15 MB held through the analysis.
 */
function compactRead(read: ReadResult): ReadResult {
  for (const t of read.trajectories) {
    for (const s of t.steps) {
      if (s.commands.length) s.commands = s.commands.slice();
      if (s.notes?.length) s.notes = s.notes.slice();
      if (s.otherTools?.length) s.otherTools = s.otherTools.slice();
    }
  }
  return read;
}

export { FormatError, sourceFile, sourceText } from './types';
export type { FormatReader, SourceFile, RunListing } from './types';
