// Small helpers the agent-log readers share: reading loosely typed JSON, the text of message
// contents, exit codes that tools only report inside their output text, and step ranges.
import type { SourceRange } from '../model';
import type { SourceFile } from './types';

export type Obj = Record<string, unknown>;

export function asObj(v: unknown): Obj | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null;
}

export function asStr(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function asNum(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** A JSON string argument (OpenAI `arguments`), or the object itself; null when unreadable. */
export function parseArgs(v: unknown): Obj | null {
  if (typeof v === 'string') {
    try {
      return asObj(JSON.parse(v));
    } catch {
      return null;
    }
  }
  return asObj(v);
}

/**
 * The text of a message content: a string, or a list of parts (`{type: "text", text}`,
 * `output_text`, `input_text`, Inspect-style `reasoning`...). Images and other media are
 * named, not inlined.
 */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) {
    const o = asObj(content);
    return o ? partText(o) : '';
  }
  const out: string[] = [];
  for (const p of content) {
    if (typeof p === 'string') out.push(p);
    else {
      const o = asObj(p);
      const t = o ? partText(o) : '';
      if (t) out.push(t);
    }
  }
  return out.join('\n');
}

function partText(o: Obj): string {
  const t = asStr(o.text) ?? asStr(o.content) ?? asStr(o.thinking) ?? asStr(o.reasoning);
  if (t !== undefined) return t;
  if (Array.isArray(o.content)) return contentText(o.content);
  const type = asStr(o.type);
  return type && /image|audio|file/.test(type) ? `[${type}]` : '';
}

const EXIT_PATTERNS: RegExp[] = [
  /\[The command completed with exit code (-?\d+)\.\]/,
  /^Process exited with code (-?\d+)\s*$/m,
  /^Exit code:? (-?\d+)\s*$/m,
  /<returncode>(-?\d+)<\/returncode>/,
];

/** Harness markers sit at the start or the end of an output: only those windows are searched. */
const EDGE = 400;

function edges(text: string): string {
  return text.length <= 2 * EDGE ? text : `${text.slice(0, EDGE)}\n${text.slice(text.length - EDGE)}`;
}

/**
 * A command's exit status, the same way in every reader: the code when the transcript gives
 * one; else 1 when it only marks the call as failed (Claude Code's `is_error`, an Inspect
 * `error`, an OpenHands error observation, a harness's "cancelled"/"not executed" message);
 * else 0 when the format marks success explicitly (`is_error: false` where that means exit 0),
 * else null: the transcript does not say.
 */
export function exitStatus(code: number | null | undefined, mark: { failed?: boolean; succeeded?: boolean } = {}): number | null {
  if (typeof code === 'number' && Number.isFinite(code)) return code;
  if (mark.failed) return 1;
  return mark.succeeded ? 0 : null;
}

/** An exit code the tool wrote into the output text (at its start or end), or null. */
export function exitCodeFromText(text: string): number | null {
  const t = edges(text);
  for (const re of EXIT_PATTERNS) {
    const m = re.exec(t);
    if (m) return Number(m[1]);
  }
  return null;
}

const TRAILER =
  /(?:(?:^|\n)(?:Exit code:? -?\d+|Process exited with code -?\d+)|(?:\n?\[(?:The command completed with exit code -?\d+\.|Current working directory: [^\]\n]*|Python interpreter: [^\]\n]*|Command finished with exit code -?\d+)\])+)\s*$/;

/**
 * Removes what a tool harness appends to a command's output (OpenHands'
 * `[The command completed with exit code N.]`, `[Current working directory: ...]`,
 * `[Python interpreter: ...]`, a last `Exit code: N` line) and mini-swe-agent's
 * `<returncode>` wrapper: they are not what the command printed. Only the output's end is
 * searched, so long outputs cost nothing.
 */
export function stripHarnessTrailer(text: string): string {
  if (text.startsWith('<returncode>') || text.trimStart().startsWith('<returncode>')) {
    const wrapped = /^\s*<returncode>-?\d+<\/returncode>\s*<output>([\s\S]*)<\/output>\s*$/.exec(text);
    if (wrapped) return wrapped[1];
  }
  const from = Math.max(0, text.length - EDGE);
  const m = TRAILER.exec(from ? text.slice(from) : text);
  if (!m) return text;
  let cut = from + m.index;
  // Both kinds can follow each other: strip again what is left at the end.
  let out = text.slice(0, cut);
  const again = TRAILER.exec(out.length > EDGE ? out.slice(out.length - EDGE) : out);
  if (again) {
    cut = Math.max(0, out.length - EDGE) + again.index;
    out = out.slice(0, cut);
  }
  return out;
}

/** Widens a range to cover another line range. */
export function extend(range: SourceRange | null, startLine: number, endLine = startLine): SourceRange {
  if (!range) return { startLine, endLine };
  return {
    startLine: Math.min(range.startLine, startLine),
    endLine: Math.max(range.endLine, endLine),
  };
}

/** An ISO timestamp from the usual shapes (ISO string, epoch seconds or ms), or null. */
export function isoTime(v: unknown): string | null {
  if (typeof v === 'string' && v) {
    // OpenHands writes local ISO times without a zone; keep them as written.
    return v;
  }
  if (typeof v === 'number' && Number.isFinite(v)) {
    const ms = v > 1e12 ? v : v * 1000;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  return null;
}

/** First line of a text, cut to `max` characters (titles, summaries). */
export function firstLine(text: string, max = 80): string {
  const line = text.trim().split('\n', 1)[0] ?? '';
  return line.length > max ? line.slice(0, max - 1) + '…' : line;
}

/** A one-line summary of another tool call's arguments. */
export function summarizeArgs(args: Obj | null, max = 120): string {
  if (!args) return '';
  const preferred = ['path', 'file_path', 'command', 'pattern', 'query', 'url', 'description', 'message', 'content'];
  const parts: string[] = [];
  for (const k of preferred) {
    const v = args[k];
    if (typeof v === 'string' && v) parts.push(`${k}: ${firstLine(v, 60)}`);
    if (parts.length >= 2) break;
  }
  if (!parts.length) {
    const s = JSON.stringify(args);
    return s.length > max ? s.slice(0, max - 1) + '…' : s;
  }
  const s = parts.join(', ');
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/**
 * A longer head than sniffing's 64 KiB, for formats whose first record can be larger (a
 * system prompt with tool definitions): the first `max` bytes decoded, or `head` itself when
 * the file is no longer.
 */
export function widerHead(file: SourceFile, head: string, max = 1 << 20): string {
  if (file.bytes.length <= head.length) return head;
  return new TextDecoder('utf-8', { fatal: false }).decode(file.bytes.subarray(0, max));
}
