// Reader for the chatbot log (FORMATS.md section 1): the Python `logging` file of the Fudan
// self-replication experiments. One round is one step; its command comes from the
// "Invoking tool" record (what really ran), else from the response's fenced JSON action.
import type { RawCommand, RawStep, RawTrajectory, ReadIssue, ReadResult } from '../model';
import { contentStepId } from '../ids';
import { FormatError, type FormatReader, type SourceFile } from './types';
import { parsePyLiteral, type PyValue } from './py-literal';
import { PyBytes, readStringDict, skipSpace } from './py-bytes';
import { ByteRecords, RECORD, TextRecords, utf8, type LogRecords } from './chatbot-log-records';
import { ACTION_RESULT_LINE, attachResult, attachResultBytes, linesIn, type ResultTarget } from './chatbot-log-result';

const BANNER = /^\*+\s*R\s*o\s*u\s*n\s*d\s*(\d+)\s*:?\s*\*+\s*$/;
const RESPONSE = /response\s*:\s*/y;
const INVOKING = /^Invoking\s+tool\s+'([^']+)'\s+with\s+args\s*:\s*([\s\S]*)$/;
const ACTION_FROM_LAST = /^[ \t]*Action\s*from\s*the\s*last\s*round\s*:/m;

export const chatbotLogReader: FormatReader = {
  id: 'chatbot-log',
  sniff(_file, head) {
    const first = head.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
    const m = RECORD.exec(first);
    if (!m) return 0;
    return m[2] === 'Chatbot' ? 1 : /\*{5,}\s*Round/.test(head) ? 0.6 : 0;
  },
  read(file) {
    return readChatbotLog(file);
  },
};

export function readChatbotLog(file: SourceFile): ReadResult {
  // Text with carriage returns takes the line-by-line path, which strips them.
  // A plain view: a Node Buffer's subarray and indexOf cost more per call.
  const view = new Uint8Array(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length);
  // The one search for a carriage return on the caller's array, not the view: a Node Buffer's
  // includes is a native byte search, about ten times a typed array's over a 48 MB log.
  const recs: LogRecords = file.bytes.includes(13) ? new TextRecords(file.text()) : new ByteRecords(view);
  const bytes = recs.bytes;
  const py = bytes && new PyBytes(bytes);
  const issues: ReadIssue[] = [];

  const steps: RawStep[] = [];
  const seen = new Map<string, number>();
  let task: string | null = null;
  let model: string | null = null;
  let current: (RawStep & { round: number }) | null = null;
  let pre: RawStep | null = null;
  /** The last long-running command per terminal, to which later background reads belong. */
  const longRunning = new Map<string, RawCommand>();
  let pendingAction: { command: RawCommand; terminal: string } | null = null;
  const target: ResultTarget = { step: null!, longRunning, issues, statusNotes: new Map() };

  const close = () => {
    if (!current) return;
    if (pendingAction && !current.commands.includes(pendingAction.command)) current.commands.push(pendingAction.command);
    pendingAction = null;
    const first = current.commands[0]?.text ?? current.otherTools?.[0]?.summary ?? '';
    current.id = contentStepId([`round ${current.round}`, first], seen);
    const { id, role, time, thought, source, commands, otherTools, notes } = current;
    steps.push({ id, role, time, thought, source, commands, otherTools, notes }); // without `round` (a rest pattern costs far more)
    current = null;
  };

  let any = false;
  let lastRound = 0;
  while (recs.next()) {
    any = true;
    // Each kind of record is told by its first character; only a banner may start blank.
    const c = recs.firstCode();
    if (c === 0x2a || (c >= 0 && c <= 0x20) || c >= 0x80) {
      const round = bannerRound(recs);
      if (round >= 0) {
        close();
        lastRound = round;
        current = {
          id: '',
          round,
          role: 'assistant',
          time: recs.time(),
          thought: '',
          source: { startLine: recs.startLine, endLine: recs.endLine },
          commands: [],
          otherTools: [],
          notes: [],
        };
        continue;
      }
    }
    const step =
      current ?? (pre ??= { id: 'preamble', role: 'user', time: recs.time(), thought: '', source: { startLine: recs.startLine, endLine: recs.endLine }, commands: [], notes: [] });
    if (step.source) step.source.endLine = Math.max(step.source.endLine, recs.endLine);

    if (!current) {
      const body = recs.body();
      const t = /^Processing user input:\s*([\s\S]*)$/.exec(body);
      if (t) task = t[1].trim();
      const m = /"model(?:_name)?"\s*:\s*"([^"]+)"/.exec(body);
      if (m) model = m[1];
      pre!.notes!.push(body.trim());
      continue;
    }
    if (c === 0x72 /* r */) {
      const body = recs.body();
      RESPONSE.lastIndex = 0;
      const head = RESPONSE.exec(body);
      if (head) {
        const { thought, action } = splitResponse(body.slice(head[0].length));
        current.thought = thought;
        if (action) {
          const a = parseAction(action.text);
          if (a.error) {
            issues.push({ severity: 'error', message: `round ${current.round}: the action block does not parse: ${a.error}`, line: recs.startLine + action.line });
          } else if (a.tool === 'execute_command_in_terminal' && a.command !== null) {
            pendingAction = { command: makeCommand(a.command, a.longRunning, a.tool, recs.startLine + action.line), terminal: a.terminal };
          }
        }
        continue;
      }
    } else if (c === 0x49 /* I */) {
      const inv = (py && invokingFromBytes(py, recs.from, recs.to)) || invokingFromText(recs.body(), current.round, recs.startLine, issues);
      if (inv) {
        const { tool, args } = inv;
        if (tool === 'execute_command_in_terminal') {
          const text = typeof args.command === 'string' ? args.command : pendingAction?.command.text;
          if (text !== undefined) {
            const lr = typeof args.command_type === 'string' ? /long/.test(args.command_type) : (pendingAction?.command.longRunning ?? false);
            const cmd = makeCommand(text, lr, tool, recs.startLine);
            pendingAction = null;
            current.commands.push(cmd);
            if (lr) longRunning.set(String(args.terminal_id ?? '1'), cmd);
          }
        } else {
          pendingAction = null;
          current.otherTools!.push({ name: tool, summary: summarise(args) });
        }
        continue;
      }
    } else if (c === 0x55 /* U */) {
      target.step = current;
      if (py && attachResultBytes(py, recs.from, recs.to, recs.startLine, target)) continue;
      const body = recs.body();
      if (/^User input\s*:/.test(body)) {
        attachResult(body, recs.startLine, target);
        continue;
      }
    }
    current.notes!.push(recs.body().trim());
  }
  if (!any) {
    throw new FormatError('chatbot-log', `${file.name}: no log record found (expected lines like "2024-11-27 15:30:02 - Chatbot - INFO - ...")`, 1);
  }
  if (recs.preamble) issues.unshift({ severity: 'warning', message: `${recs.preamble} line(s) before the first log record were skipped`, line: 1 });
  close();
  if (pre) steps.unshift({ ...pre, thought: task ?? '' });

  const lastBody = recs.body();
  if (!/All rounds finished|Task finished/.test(lastBody) && steps.length) {
    issues.push({ severity: 'warning', message: cutOffMessage(lastBody, lastRound, steps), line: recs.endLine });
  }
  const trajectory: RawTrajectory = {
    id: 'run',
    title: task ? task.slice(0, 80) : file.name,
    model,
    task,
    steps,
    issues: [],
  };
  return { format: 'chatbot-log', trajectories: [trajectory], issues };
}

/** The round a banner record opens (`*****Round 3:*****`), or -1 when the record is none. */
function bannerRound(recs: LogRecords): number {
  const bytes = recs.bytes;
  if (bytes) {
    // As logging writes it: stars, `Round N` (at most 9 digits), an optional colon, stars, nothing after.
    const to = recs.to;
    let i = recs.from;
    while (i < to && bytes[i] === 0x2a) i++;
    if (i > recs.from && bytes[i] === 0x52 && bytes[i + 1] === 0x6f && bytes[i + 2] === 0x75 && bytes[i + 3] === 0x6e && bytes[i + 4] === 0x64) {
      i += 5;
      if (bytes[i] === 0x20) i++;
      const digits = i;
      let n = 0;
      while (i < to && bytes[i] >= 0x30 && bytes[i] <= 0x39) n = n * 10 + bytes[i++] - 0x30;
      const count = i - digits;
      if (bytes[i] === 0x3a) i++;
      const stars = i;
      while (i < to && bytes[i] === 0x2a) i++;
      if (count > 0 && count <= 9 && i > stars && i === to) return n;
    }
  }
  const m = BANNER.exec(recs.body().trim());
  return m ? Number(m[1]) : -1;
}

/** An `Invoking tool 'NAME' with args: {...}` record from its bytes, for a dict of plain strings; null otherwise. */
function invokingFromBytes(py: PyBytes, from: number, to: number): { tool: string; args: Record<string, PyValue> } | null {
  const bytes = py.bytes;
  let i = word(bytes, from, to, INVOKING_WORD, true);
  if (i < 0) return null;
  i = word(bytes, i, to, TOOL_WORD, true);
  if (i < 0 || bytes[i] !== 0x27) return null;
  const close = bytes.indexOf(0x27, i + 1);
  if (close < 0 || close >= to || close === i + 1) return null;
  let plain = true;
  for (let k = i + 1; k < close; k++) if (bytes[k] <= 0x20 || bytes[k] >= 0x7f) plain = false;
  const tool = plain ? py.pool.get(bytes, i + 1, close) : utf8Tool(bytes, i + 1, close);
  const afterName = skipSpace(bytes, close + 1, to);
  if (afterName <= close + 1) return null; // `\s+` (or a blank that is not ASCII)
  i = word(bytes, afterName, to, WITH_WORD, true);
  if (i < 0) return null;
  i = word(bytes, i, to, ARGS_WORD, false);
  if (i < 0 || bytes[i] !== 0x3a) return null;
  i = skipSpace(bytes, i + 1, to);
  if (i < 0) return null;
  const args = readStringDict(py, i, to);
  return args ? { tool, args } : null;
}

const INVOKING_WORD = [...'Invoking'].map((ch) => ch.charCodeAt(0));
const TOOL_WORD = [...'tool'].map((ch) => ch.charCodeAt(0));
const WITH_WORD = [...'with'].map((ch) => ch.charCodeAt(0));
const ARGS_WORD = [...'args'].map((ch) => ch.charCodeAt(0));

/** After `word` at `at` and the ASCII blanks that follow it (at least one when `spaced`); -1 otherwise. */
function word(bytes: Uint8Array, at: number, to: number, w: number[], spaced: boolean): number {
  if (at + w.length > to) return -1;
  for (let k = 0; k < w.length; k++) if (bytes[at + k] !== w[k]) return -1;
  const i = skipSpace(bytes, at + w.length, to);
  return i < 0 || (spaced && i === at + w.length) ? -1 : i;
}

function utf8Tool(bytes: Uint8Array, from: number, to: number): string {
  return utf8.decode(bytes.subarray(from, to)).replace(/\s+/g, '');
}

/** The same record from its text: INVOKING, then the arguments by parsePyLiteral (an issue when they do not parse). */
function invokingFromText(body: string, round: number, line: number, issues: ReadIssue[]): { tool: string; args: Record<string, PyValue> } | null {
  const inv = INVOKING.exec(body);
  if (!inv) return null;
  const tool = inv[1].replace(/\s+/g, '');
  let args: Record<string, PyValue> = {};
  try {
    const v = parsePyLiteral(inv[2]).value;
    if (v && typeof v === 'object' && !Array.isArray(v)) args = v;
  } catch (e) {
    issues.push({ severity: 'error', message: `round ${round}: the arguments of '${tool}' do not parse: ${(e as Error).message}`, line });
  }
  return { tool, args };
}

/**
 * Why the log ends where it does. The published Fudan log stops inside its last round's
 * `User input:` record, after `Action from the last round:` and before any `Action result:`:
 * the command was sent and its result was never logged, which is worth saying as such.
 */
function cutOffMessage(body: string, round: number, steps: RawStep[]): string {
  if (/^User input\s*:/.test(body) && ACTION_FROM_LAST.test(body) && !ACTION_RESULT_LINE.test(body)) {
    const cmd = steps[steps.length - 1]?.commands.at(-1);
    const what = cmd ? `the result of \`${cmd.text.length > 80 ? cmd.text.slice(0, 79) + '…' : cmd.text}\`` : 'the result of its action';
    return `the log ends inside round ${round}: ${what} is not in the log (cut off before the action result)`;
  }
  return 'the log ends without a closing record: the run may have been cut off';
}

function makeCommand(text: string, longRunning: boolean, tool: string, line: number): RawCommand {
  return { text, output: '', exitCode: null, longRunning, tool, source: { startLine: line, endLine: line } };
}

/** The thinking sections before `Action:`, and the fenced JSON action block after it. */
function splitResponse(body: string): { thought: string; action: { text: string; line: number } | null } {
  const idx = body.search(/^\s*Action\s*:/m);
  const thought = (idx >= 0 ? body.slice(0, idx) : body).trim();
  const rest = idx >= 0 ? body.slice(idx) : '';
  const fence = /```\s*(?:json)?\s*\n([\s\S]*?)(?:```|$)/.exec(rest);
  const raw = fence ? fence[1] : rest.replace(/^\s*Action\s*:/, '');
  if (!raw.trim()) return { thought, action: null };
  const line = linesIn(body, idx >= 0 ? idx : 0) + (fence ? 1 : 0);
  return { thought, action: { text: raw.trim(), line } };
}

function parseAction(text: string): { tool: string; command: string | null; longRunning: boolean; terminal: string; error: string | null } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    try {
      v = parsePyLiteral(text).value;
    } catch (e) {
      return { tool: '', command: null, longRunning: false, terminal: '', error: (e as Error).message };
    }
  }
  const o = normaliseKeys(v) as { action?: string; action_input?: Record<string, unknown> };
  const input = o.action_input ?? {};
  return {
    tool: String(o.action ?? '').replace(/\s+/g, ''),
    command: typeof input.command === 'string' ? input.command : null,
    longRunning: /long/.test(String(input.command_type ?? '')),
    terminal: String(input.terminal_id ?? '1'),
    error: null,
  };
}

/** Folds stray spaces out of keys. In place (the value is fresh from a parser) unless a key has some. */
function normaliseKeys(v: unknown): unknown {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = normaliseKeys(v[i]);
  } else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.some((k) => /\s/.test(k))) return Object.fromEntries(keys.map((k) => [k.replace(/\s+/g, ''), normaliseKeys(o[k])]));
    for (const k of keys) o[k] = normaliseKeys(o[k]);
  }
  return v;
}

function summarise(args: Record<string, PyValue>): string {
  const s = Object.entries(args)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
  return s.length > 200 ? s.slice(0, 199) + '…' : s;
}
