// Reader for the chatbot log (FORMATS.md section 1): the Python `logging` file of the Fudan
// self-replication experiments. One round is one step; its command comes from the
// "Invoking tool" record (what really ran), else from the response's fenced JSON action.
import type { RawCommand, RawStep, RawTrajectory, ReadIssue, ReadResult } from '../model';
import { contentStepId } from '../ids';
import { FormatError, type FormatReader, type SourceFile } from './types';
import { parsePyLiteral, type PyValue } from './py-literal';

/** `2024-11-27 15:30:02 - Chatbot - INFO - message`, tolerant of stray spaces and millis. */
const RECORD = /^(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d)(?:[,.]\d+)?\s*-\s*([\w.]+)\s*-\s*([A-Z]+)\s*-\s?(.*)$/;
const BANNER = /^\*+\s*R\s*o\s*u\s*n\s*d\s*(\d+)\s*:?\s*\*+\s*$/;
const INVOKING = /^Invoking\s+tool\s+'([^']+)'\s+with\s+args\s*:\s*([\s\S]*)$/;
const END_MARK = /\s*_end_of_command_execution_\s*$/;
/** The labels inside a `User input:` record, at any indentation (the published log indents them by 8). */
const ACTION_RESULT_LINE = /^[ \t]*Action\s*result\s*:/m;
const ACTION_RESULT = /[ \t]*Action\s*result\s*:\s*/y;
const ACTION_FROM_LAST = /^[ \t]*Action\s*from\s*the\s*last\s*round\s*:/m;
/** What follows a result in the block: the critique, and the published log's closing `.` line. */
const RESULT_TAIL = /\n[ \t]*(?:Critique\s*:[\s\S]*|\.[ \t]*)$/;

interface LogRecord {
  time: string;
  body: string;
  startLine: number;
  endLine: number;
}

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

/** The start of a record line, up to where its message begins (RECORD without `(.*)$`). */
const RECORD_HEAD = new RegExp(RECORD.source.replace(/\(\.\*\)\$$/, ''), 'y');
/** Bytes decoded to find a record's head (about 40 in the real logs); longer heads decode the line. */
const HEAD_WINDOW = 96;
/** Decodes pieces of the file: a U+FEFF at a piece's start is text, not a BOM (the file's own is skipped). */
const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * The log's records, straight from the bytes, each yielded once complete. A record's body
 * (its first line's message and the lines that continue it) is decoded on its own, so the
 * whole log is never one string: that string would be kept alive by every slice of it, one
 * non-Latin-1 character anywhere (a progress bar) would make all of it two bytes a
 * character, and a body is garbage as soon as the reader is done with it.
 */
function* recordsOf(bytes: Uint8Array, count: { preamble: number }): Generator<LogRecord> {
  let open: LogRecord | null = null;
  let bodyStart = 0;
  let line = 0;
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // a BOM, as TextDecoder drops it
  for (let at = start; at <= bytes.length;) {
    line++;
    let nl = bytes.indexOf(10, at);
    if (nl < 0) nl = bytes.length;
    const head = looksLikeDate(bytes, at) ? recordHead(bytes, at, nl) : null;
    if (head) {
      if (open) {
        open.body = utf8.decode(bytes.subarray(bodyStart, at - 1));
        yield open;
      }
      bodyStart = at + head.length;
      open = { time: head.time, body: '', startLine: line, endLine: line };
    } else if (!isBlankBytes(bytes, at, nl)) {
      if (open) open.endLine = line;
      else count.preamble++;
    }
    at = nl + 1;
  }
  if (open) {
    open.body = utf8.decode(bytes.subarray(bodyStart));
    yield open;
  }
}

const isDigit = (b: number) => b >= 0x30 && b <= 0x39;

/** `dddd-dd-dd` at `at`: every record starts so, and a thought line rarely does. */
function looksLikeDate(bytes: Uint8Array, at: number): boolean {
  return isDigit(bytes[at]) && isDigit(bytes[at + 3]) && bytes[at + 4] === 0x2d && isDigit(bytes[at + 6]) && bytes[at + 7] === 0x2d && isDigit(bytes[at + 9]);
}

interface RecordHead {
  time: string;
  /** Bytes from the line start to the message. */
  length: number;
}

/** A record line's head, or null when the line is no record. */
function recordHead(bytes: Uint8Array, at: number, nl: number): RecordHead | null {
  const head = plainHead(bytes, at, nl) ?? matchHead(bytes, at, nl);
  if (!head) return null;
  // RECORD's `(.*)$` fails on a line separator in the message: such a line is no record.
  // The search stays inside the line: unbounded, a log with no 0xE2 byte at all (plain ASCII)
  // was scanned to its end once per record, quadratic in the number of records.
  const line = bytes.subarray(at + head.length, nl);
  for (let i = line.indexOf(0xe2); i >= 0 && i + 2 < line.length; i = line.indexOf(0xe2, i + 1)) {
    if (line[i + 1] === 0x80 && (line[i + 2] === 0xa8 || line[i + 2] === 0xa9)) return null;
  }
  return head;
}

const isWordByte = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f || b === 0x2e;
const isUpperByte = (b: number) => b >= 0x41 && b <= 0x5a;

/**
 * The head as Python's logging writes it, read from the bytes: `2024-11-27 15:30:02,123 -
 * Chatbot - INFO - `, one space around each dash. Null (not "no record") for anything else,
 * which RECORD_HEAD then judges (stray spaces, tabs, a copy out of a PDF).
 */
function plainHead(bytes: Uint8Array, at: number, nl: number): RecordHead | null {
  // dddd-dd-dd[ T]dd:dd:dd (the first ten bytes' shape is checked by looksLikeDate)
  const sep = bytes[at + 10];
  if (!(sep === 0x20 || sep === 0x54) || !isDigit(bytes[at + 11]) || !isDigit(bytes[at + 12]) || bytes[at + 13] !== 0x3a) return null;
  if (!isDigit(bytes[at + 14]) || !isDigit(bytes[at + 15]) || bytes[at + 16] !== 0x3a || !isDigit(bytes[at + 17]) || !isDigit(bytes[at + 18])) return null;
  if (!isDigit(bytes[at + 1]) || !isDigit(bytes[at + 2]) || !isDigit(bytes[at + 5]) || !isDigit(bytes[at + 8])) return null;
  let i = at + 19;
  if ((bytes[i] === 0x2c || bytes[i] === 0x2e) && isDigit(bytes[i + 1])) {
    i++;
    while (isDigit(bytes[i])) i++;
  }
  const dash = (j: number) => bytes[j] === 0x20 && bytes[j + 1] === 0x2d && bytes[j + 2] === 0x20;
  if (!dash(i)) return null;
  i += 3;
  const logger = i;
  while (i < nl && isWordByte(bytes[i])) i++;
  if (i === logger || !dash(i)) return null;
  i += 3;
  const level = i;
  while (i < nl && isUpperByte(bytes[i])) i++;
  if (i === level || bytes[i] !== 0x20 || bytes[i + 1] !== 0x2d) return null;
  i += 2;
  // `\s?`: one space is part of the head; any other blank after the dash is RECORD_HEAD's call.
  const next = i < nl ? bytes[i] : -1;
  if (next === 0x20) i++;
  else if (next !== -1 && (next < 0x21 || next > 0x7e)) return null;
  const b = (k: number) => bytes[at + k];
  // `YYYY-MM-DDTHH:MM:SS`, spelled out: no view of the bytes, no intermediate strings.
  const time = String.fromCharCode(b(0), b(1), b(2), b(3), 0x2d, b(5), b(6), 0x2d, b(8), b(9), 0x54, b(11), b(12), 0x3a, b(14), b(15), 0x3a, b(17), b(18));
  return { time, length: i - at };
}

/** The head by RECORD_HEAD, on the decoded start of the line. */
function matchHead(bytes: Uint8Array, at: number, nl: number): RecordHead | null {
  let text = utf8.decode(bytes.subarray(at, Math.min(nl, at + HEAD_WINDOW)));
  RECORD_HEAD.lastIndex = 0;
  let m = RECORD_HEAD.exec(text);
  if (!m && nl - at > HEAD_WINDOW) {
    text = utf8.decode(bytes.subarray(at, nl));
    RECORD_HEAD.lastIndex = 0;
    m = RECORD_HEAD.exec(text);
  }
  if (!m) return null;
  return { time: m[1].replace(' ', 'T'), length: utf8Length(m[0]) };
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function isBlankBytes(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b === 32 || (b >= 9 && b <= 13)) continue;
    // Other whitespace (no-break space...) is not ASCII: judge the line as text.
    return b >= 0x80 && /^\s*$/.test(utf8.decode(bytes.subarray(from, to)));
  }
  return true;
}

function splitRecordLines(text: string, count: { preamble: number }): LogRecord[] {
  // CRLF, or lone CRs (old Mac line ends) when the text has no LF at all.
  const lines = text.includes('\n') ? text.split('\n') : text.split('\r');
  const records: LogRecord[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const m = RECORD.exec(line);
    if (m) {
      records.push({ time: m[1].replace(' ', 'T'), body: m[4], startLine: i + 1, endLine: i + 1 });
    } else if (records.length) {
      const r = records[records.length - 1];
      r.body += '\n' + line;
      if (line.trim() !== '') r.endLine = i + 1;
    } else if (line.trim() !== '') {
      count.preamble++;
    }
  }
  return records;
}

export function readChatbotLog(file: SourceFile): ReadResult {
  // Text with carriage returns takes the line-by-line path, which strips them.
  const count = { preamble: 0 };
  const records: Iterable<LogRecord> = file.bytes.includes(13) ? splitRecordLines(file.text(), count) : recordsOf(file.bytes, count);
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

  let last: LogRecord | null = null;
  let lastRound = 0;
  for (const rec of records) {
    last = rec;
    const body = rec.body;
    const banner = BANNER.exec(body.trim());
    if (banner) {
      close();
      lastRound = Number(banner[1]);
      current = {
        id: '',
        round: lastRound,
        role: 'assistant',
        time: rec.time,
        thought: '',
        source: { startLine: rec.startLine, endLine: rec.endLine },
        commands: [],
        otherTools: [],
        notes: [],
      };
      continue;
    }
    const target =
      current ?? (pre ??= { id: 'preamble', role: 'user', time: rec.time, thought: '', source: { startLine: rec.startLine, endLine: rec.endLine }, commands: [], notes: [] });
    if (target.source) target.source.endLine = Math.max(target.source.endLine, rec.endLine);

    if (!current) {
      const t = /^Processing user input:\s*([\s\S]*)$/.exec(body);
      if (t) task = t[1].trim();
      const m = /"model(?:_name)?"\s*:\s*"([^"]+)"/.exec(body);
      if (m) model = m[1];
      pre!.notes!.push(body.trim());
      continue;
    }
    if (/^response\s*:/.test(body)) {
      const { thought, action } = splitResponse(body.replace(/^response\s*:\s*/, ''));
      current.thought = thought;
      if (action) {
        const a = parseAction(action.text);
        if (a.error) {
          issues.push({ severity: 'error', message: `round ${current.round}: the action block does not parse: ${a.error}`, line: rec.startLine + action.line });
        } else if (a.tool === 'execute_command_in_terminal' && a.command !== null) {
          pendingAction = { command: makeCommand(a.command, a.longRunning, a.tool, rec.startLine + action.line), terminal: a.terminal };
        }
      }
      continue;
    }
    const inv = INVOKING.exec(body);
    if (inv) {
      const tool = inv[1].replace(/\s+/g, '');
      let args: Record<string, PyValue> = {};
      try {
        const v = parsePyLiteral(inv[2]).value;
        if (v && typeof v === 'object' && !Array.isArray(v)) args = v;
      } catch (e) {
        issues.push({ severity: 'error', message: `round ${current.round}: the arguments of '${tool}' do not parse: ${(e as Error).message}`, line: rec.startLine });
      }
      if (tool === 'execute_command_in_terminal') {
        const text = typeof args.command === 'string' ? args.command : pendingAction?.command.text;
        if (text !== undefined) {
          const lr = typeof args.command_type === 'string' ? /long/.test(args.command_type) : (pendingAction?.command.longRunning ?? false);
          const cmd = makeCommand(text, lr, tool, rec.startLine);
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
    if (/^User input\s*:/.test(body)) {
      attachResult(body, rec, current, longRunning, issues);
      continue;
    }
    current.notes!.push(body.trim());
  }
  if (!last) {
    throw new FormatError('chatbot-log', `${file.name}: no log record found (expected lines like "2024-11-27 15:30:02 - Chatbot - INFO - ...")`, 1);
  }
  if (count.preamble) issues.unshift({ severity: 'warning', message: `${count.preamble} line(s) before the first log record were skipped`, line: 1 });
  close();
  if (pre) steps.unshift({ ...pre, thought: task ?? '' });

  if (!/All rounds finished|Task finished/.test(last.body) && steps.length) {
    issues.push({ severity: 'warning', message: cutOffMessage(last, lastRound, steps), line: last.endLine });
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

/**
 * Why the log ends where it does. The published Fudan log stops inside its last round's
 * `User input:` record, after `Action from the last round:` and before any `Action result:`:
 * the command was sent and its result was never logged, which is worth saying as such.
 */
function cutOffMessage(last: LogRecord, round: number, steps: RawStep[]): string {
  const body = last.body;
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

/** Lines in `text` up to `end` (`text.slice(0, end).split('\n').length`, without the copies). */
function linesIn(text: string, end: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
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

/** `Action result: {...}` belongs to this round's command, or, for a background read, to the launch. */
function attachResult(body: string, rec: LogRecord, step: RawStep, longRunning: Map<string, RawCommand>, issues: ReadIssue[]): void {
  const at = body.search(ACTION_RESULT_LINE);
  if (at < 0) return;
  // The result is read where it sits in the body: it is most of a large log, so no copies.
  ACTION_RESULT.lastIndex = at;
  const from = at + ACTION_RESULT.exec(body)![0].length;
  const lineOf = rec.startLine + linesIn(body, at) - 1;
  let result: Record<string, PyValue> | null = null;
  let failure: Error | null = null;
  try {
    const v = parsePyLiteral(body, from, /^[ \t]*/.exec(body.slice(at))![0].length).value;
    if (v && typeof v === 'object' && !Array.isArray(v)) result = v;
  } catch (e) {
    failure = e as Error;
  }
  // Copied out of the body only when the result is not a dict: it is most of a large log.
  const rawOutput = result ? '' : body.slice(from).replace(RESULT_TAIL, '');
  if (failure) {
    issues.push({ severity: 'warning', message: `the action result does not parse (${failure.message}); its raw text is kept in the step's notes`, line: lineOf });
    step.notes!.push(`unparsed action result: ${rawOutput}`);
  }
  // An unreadable result tells nothing about what the command printed: keep it out of the
  // output (so no verdict rests on it) but never drop it (it is in the notes).
  let output = result ? '' : salvageOutput(rawOutput);
  if (result) {
    const stdout = String(result.stdout ?? '');
    const stderr = String(result.stderr ?? '').replace(END_MARK, '');
    output = !stderr ? stdout : !stdout ? stderr : stdout + (stdout.endsWith('\n') ? '' : '\n') + stderr;
    if (result.status) step.notes!.push(`status: ${String(result.status)}`);
  }
  // Line breaks out (a wrapped log can split the tool's name over two lines).
  const before = body.slice(0, at).replace(/\r?\n[ \t]*/g, '');
  if (/receive_data_of_long_term_command_from_terminal/.test(before)) {
    const m = /'terminal_id'\s*:\s*'?(\w+)/.exec(before);
    const launch = longRunning.get(m ? m[1] : '1') ?? [...longRunning.values()].pop();
    if (launch) {
      launch.output += (launch.output ? '\n' : '') + output;
      step.notes!.push(`read the output of the background command \`${launch.text}\``);
      return;
    }
  }
  const cmd = step.commands[step.commands.length - 1];
  if (cmd) {
    cmd.output = output;
    if (cmd.source) cmd.source.endLine = Math.max(cmd.source.endLine, lineOf);
  } else if (output.trim()) step.notes!.push(output);
}

/** The stdout/stderr strings that are complete in a result cut off mid-way. */
function salvageOutput(raw: string): string {
  const parts: string[] = [];
  for (const key of ['stdout', 'stderr']) {
    const m = new RegExp(`'${key}'\\s*:\\s*('(?:[^'\\\\]|\\\\.)*'|"(?:[^"\\\\]|\\\\.)*")`).exec(raw);
    if (!m) continue;
    try {
      const v = parsePyLiteral(m[1]).value;
      if (typeof v === 'string' && v.replace(END_MARK, '')) parts.push(v.replace(END_MARK, ''));
    } catch {
      /* incomplete string: nothing to salvage */
    }
  }
  return parts.join('\n');
}

function summarise(args: Record<string, PyValue>): string {
  const s = Object.entries(args)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
  return s.length > 200 ? s.slice(0, 199) + '…' : s;
}
