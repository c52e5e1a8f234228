// The `User input:` record of a chatbot log: its `Action result: {...}` is the output of the
// round's command (or, for a background read, of the launch it reads). Read from the bytes in
// the common case; anything unusual takes the text path, which reads every layout.
import type { RawCommand, RawStep, ReadIssue } from '../model';
import { parsePyLiteral, type PyValue } from './py-literal';
import { readStringDict, skipSpace, type PyBytes } from './py-bytes';
import { utf8 } from './chatbot-log-records';

const END_MARK = /\s*_end_of_command_execution_\s*$/;
/** The labels inside a `User input:` record, at any indentation (the published log indents them by 8). */
export const ACTION_RESULT_LINE = /^[ \t]*Action\s*result\s*:/m;
const ACTION_RESULT = /[ \t]*Action\s*result\s*:\s*/y;
/** What follows a result in the block: the critique, and the published log's closing `.` line. */
const RESULT_TAIL = /\n[ \t]*(?:Critique\s*:[\s\S]*|\.[ \t]*)$/;
const BACKGROUND_READ = 'receive_data_of_long_term_command_from_terminal';

/** Where a result goes: the round's step, the launches that background reads belong to, the file's issues. */
export interface ResultTarget {
  step: RawStep;
  longRunning: Map<string, RawCommand>;
  issues: ReadIssue[];
  statusNotes: Map<string, string>;
}

/** Lines in `text` up to `end` (`text.slice(0, end).split('\n').length`, without the copies). */
export function linesIn(text: string, end: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** `Action result: {...}` belongs to this round's command, or, for a background read, to the launch. */
export function attachResult(body: string, startLine: number, to: ResultTarget): void {
  const at = body.search(ACTION_RESULT_LINE);
  if (at < 0) return;
  const { step, issues } = to;
  // The result is read where it sits in the body: it is most of a large log, so no copies.
  ACTION_RESULT.lastIndex = at;
  const from = at + ACTION_RESULT.exec(body)![0].length;
  const lineOf = startLine + linesIn(body, at) - 1;
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
    output = joinOutput(String(result.stdout ?? ''), String(result.stderr ?? ''));
    if (result.status) step.notes!.push(`status: ${String(result.status)}`);
  }
  deliver(to, output, body.slice(0, at), lineOf);
}

/**
 * The output to the launch a background read names in the text before the result (`before`),
 * else to the round's last command (or, when it says something, to its notes).
 */
function deliver(to: ResultTarget, output: string, before: string, line: number): void {
  // Line breaks out (a wrapped log can split the tool's name over two lines).
  before = before.replace(/\r?\n[ \t]*/g, '');
  if (before.includes(BACKGROUND_READ)) {
    const m = /'terminal_id'\s*:\s*'?(\w+)/.exec(before);
    const launch = to.longRunning.get(m ? m[1] : '1') ?? [...to.longRunning.values()].pop();
    if (launch) {
      launch.output += (launch.output ? '\n' : '') + output;
      to.step.notes!.push(`read the output of the background command \`${launch.text}\``);
      return;
    }
  }
  give(to.step, output, line);
}

function joinOutput(stdout: string, stderr: string): string {
  stderr = stderr.replace(END_MARK, '');
  // Joined flat (a `+` gives a cons string, which the analysis's first search copies again).
  return !stderr ? stdout : !stdout ? stderr : [stdout, stderr].join(stdout.endsWith('\n') ? '' : '\n');
}

/** The round's output to its last command, else (when it says something) to its notes. */
function give(step: RawStep, output: string, line: number): void {
  const cmd = step.commands[step.commands.length - 1];
  if (cmd) {
    cmd.output = output;
    if (cmd.source) cmd.source.endLine = Math.max(cmd.source.endLine, line);
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

const wanted = (key: string) => key === 'stdout' || key === 'stderr' || key === 'status';

/**
 * attachResult, read from the body's bytes (`from` to `to`), for the
 * common case: the label found by ASCII alone, a dict of plain strings, no background read.
 * Returns false, having changed nothing, for anything else: the caller then takes the text
 * path, which gives the same result wherever this one gives one.
 */
export function attachResultBytes(py: PyBytes, from: number, to: number, startLine: number, target: ResultTarget): boolean {
  const bytes = py.bytes;
  // `User input\s*:` opens the record.
  if (!startsWith(bytes, from, USER_INPUT)) return false;
  const colon = skipSpace(bytes, from + USER_INPUT.length, to);
  if (colon < 0 || bytes[colon] !== 0x3a) return false;
  // The label: at a line start, after spaces and tabs (ACTION_RESULT_LINE). JavaScript also
  // starts lines after U+2028/9, and `\s` takes other blanks: any non-ASCII byte before the
  // label sends the record to the text path.
  let line = from;
  let lines = 1;
  let dict = -1;
  for (;;) {
    let i = line;
    while (i < to && (bytes[i] === 32 || bytes[i] === 9)) i++;
    dict = labelEnd(bytes, i, to);
    if (dict !== -1) break;
    const nl = bytes.indexOf(10, line);
    if (nl < 0 || nl >= to) return false;
    lines++;
    line = nl + 1;
  }
  const named = dict < 0 ? -1 : backgroundRead(bytes, from, line);
  if (named < 0) return false;
  const result = readStringDict(py, dict, to, wanted);
  if (!result) return false;
  const output = joinOutput(result.stdout ?? '', result.stderr ?? '');
  if (result.status) target.step.notes!.push(statusNote(target, result.status));
  // The text before the label is decoded only when it may name a background read.
  if (named) deliver(target, output, utf8.decode(bytes.subarray(from, line)), startLine + lines - 1);
  else give(target.step, output, startLine + lines - 1);
  return true;
}

/** The `status: ...` note, one string per status sentence of the file (they repeat in every round). */
function statusNote(to: ResultTarget, status: string): string {
  let note = to.statusNotes.get(status);
  if (note === undefined) to.statusNotes.set(status, (note = `status: ${status}`));
  return note;
}

const USER_INPUT = [...'User input'].map((ch) => ch.charCodeAt(0));
const ACTION = [0x41, 0x63, 0x74, 0x69, 0x6f, 0x6e];
const RESULT = [0x72, 0x65, 0x73, 0x75, 0x6c, 0x74];

function startsWith(bytes: Uint8Array, at: number, word: number[]): boolean {
  for (let k = 0; k < word.length; k++) if (bytes[at + k] !== word[k]) return false;
  return true;
}

/**
 * Where the dict begins when `Action\s*result\s*:\s*` starts at `at`; -1 when it does not
 * start there; -2 when a non-ASCII byte stands where `\s` might take it.
 */
function labelEnd(bytes: Uint8Array, at: number, to: number): number {
  if (!startsWith(bytes, at, ACTION)) return -1;
  let i = skipSpace(bytes, at + 6, to);
  if (i < 0) return -2;
  if (!startsWith(bytes, i, RESULT)) return -1;
  i = skipSpace(bytes, i + 6, to);
  if (i < 0) return -2;
  if (bytes[i] !== 0x3a) return -1;
  i = skipSpace(bytes, i + 1, to);
  return i < 0 ? -2 : i;
}

/**
 * Whether the text before the label may name a background read (1; 0: it does not), with its
 * line breaks and the indentation after them taken out as attachResult takes them; -1 at a
 * U+2028/9, where ACTION_RESULT_LINE starts a line that the scan for the label did not see.
 */
function backgroundRead(bytes: Uint8Array, from: number, to: number): number {
  const first = BACKGROUND_READ.charCodeAt(0);
  let named = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b === 0xe2 && bytes[i + 1] === 0x80 && (bytes[i + 2] === 0xa8 || bytes[i + 2] === 0xa9)) return -1;
    if (b === first && !named && backgroundReadAt(bytes, i, to)) named = 1;
  }
  return named;
}

function backgroundReadAt(bytes: Uint8Array, at: number, to: number): boolean {
  let i = at;
  for (let k = 0; k < BACKGROUND_READ.length; k++) {
    while (bytes[i] === 10 && i < to) {
      i++;
      while (bytes[i] === 32 || bytes[i] === 9) i++;
    }
    if (i >= to || bytes[i] !== BACKGROUND_READ.charCodeAt(k)) return false;
    i++;
  }
  return true;
}
