// SWE-agent `.traj`: one JSON object whose `trajectory[]` holds one entry per agent turn
// `{action, observation, response, thought, execution_time, state, query, extra_info}`, plus
// `history` (the chat messages), `info`, `replay_config` (a JSON string in 1.x) and `environment`.
// Older files (0.x) have `state` as a JSON string and steps carrying `messages`. A file with no
// `trajectory` falls back to `history` (assistant messages with `action`, then observations).
//
// Every action runs in SWE-agent's bash session (its tools such as `open`, `edit`, `submit` and
// `str_replace_editor` are executables installed there), so every action is a command, as the
// labelled corpus counts them; only SWE-agent's own exit markers (`exit_cost`...) are not.
import type { RawCommand, RawStep, RawTrajectory, ReadIssue, ReadResult, SourceRange } from '../model';
import { contentStepId, LineIndex } from '../ids';
import { FormatError, type FormatReader, type SourceFile } from './types';
import { findArrays, parseJsonLenient, salvageArray, spanRange } from './json-positions';
import { piece, readJsonObject } from './json-bytes';
import { contentText, isObject } from './inspect-sample';
import { exitStatus } from './tool-output';

const FORMAT = 'swe-agent' as const;

/** Steps SWE-agent adds itself when a run ends on a limit or error; nothing ran in the shell. */
const EXIT_MARKER = /^exit_[a-z_]+$/;

type Json = Record<string, unknown>;

export const sweAgentReader: FormatReader = {
  id: FORMAT,

  sniff(file, head) {
    if (!head.trimStart().startsWith('{')) return 0;
    if (/"trajectory_format"\s*:/.test(head)) return 0;
    const hasTraj = /"trajectory"\s*:\s*\[/.test(head);
    if (hasTraj && /"action"\s*:/.test(head) && /"observation"\s*:/.test(head)) return 0.9;
    if (/"history"\s*:\s*\[/.test(head) && /"message_type"\s*:|"agent"\s*:\s*"main"/.test(head)) return 0.75;
    if (hasTraj && /\.traj$/i.test(file.name)) return 0.5;
    return 0;
  },

  read(file): ReadResult {
    // Read from the bytes piece by piece; a file that is not plain JSON goes the text path.
    const fast = readJsonObject(file, ['trajectory', 'history']);
    const text = fast ? '' : file.text();
    const fileIssues: ReadIssue[] = [];
    const doc = fast ? (fast.doc as Json) : parse(file, text, fileIssues);
    let lines: LineIndex | null = null;
    /** Each entry's lines and text, from the pieces read or from a scan of the text. */
    const entries = (key: string): Entries => {
      if (fast) {
        const a = fast.arrays.get(key);
        return { ranges: a?.ranges ?? [], text: (i) => (a?.spans[i] ? piece(file, a.spans[i]) : null) };
      }
      const spans = findArrays(text, [key])[0]?.elements ?? [];
      const at = (lines ??= new LineIndex(text));
      return { ranges: spans.map((sp) => spanRange(at, sp)), text: (i) => (spans[i] ? text.slice(spans[i].start, spans[i].end) : null) };
    };
    const issues: ReadIssue[] = [];
    const seen = new Map<string, number>();
    let steps: RawStep[];
    const traj = Array.isArray(doc.trajectory) ? doc.trajectory : null;
    const history = Array.isArray(doc.history) ? doc.history : null;
    if (traj && traj.length) {
      const placed = entries('trajectory');
      const tools = historyTools(history);
      steps = [];
      traj.forEach((entry, i) => {
        const range = placed.ranges[i] ?? null;
        const step = trajectoryStep(entry, i, range, tools[i], seen, issues, () => placed.text(i));
        if (step) steps.push(step);
      });
    } else if (history) {
      steps = historySteps(history, entries('history').ranges, seen, issues);
    } else {
      throw new FormatError(FORMAT, `${file.name}: no "trajectory" or "history" array at the top level`, 1);
    }
    const cfg = replayConfig(doc);
    const info = isObject(doc.info) ? doc.info : {};
    const ps = isObject(cfg?.problem_statement) ? cfg.problem_statement : null;
    const task = typeof ps?.id === 'string' ? ps.id : typeof doc.instance_id === 'string' ? doc.instance_id : null;
    const meta: Record<string, string | number | boolean | null> = {};
    if (typeof info.exit_status === 'string') meta.exitStatus = info.exit_status;
    if (typeof info.swe_agent_version === 'string') meta.version = info.swe_agent_version;
    if (typeof info.submission === 'string') meta.submitted = info.submission.length > 0;
    const trajectory: RawTrajectory = {
      id: task ?? stem(file.name),
      title: task ?? stem(file.name),
      model: modelName(cfg, info),
      task,
      steps,
      issues,
      meta,
    };
    return { format: FORMAT, trajectories: [trajectory], issues: fileIssues };
  },
};

function parse(file: SourceFile, text: string, issues: ReadIssue[]): Json {
  let doc: unknown;
  try {
    doc = parseJsonLenient(text);
  } catch (e) {
    const err = e as SyntaxError & { line?: number };
    // A run cut off mid-write: keep the steps that were written out completely.
    for (const key of ['trajectory', 'history']) {
      const items = salvageArray(text, [key]);
      if (items) {
        issues.push({
          severity: 'error',
          message: `the file is cut off or broken (${err.message}); read the ${items.length} complete ${key} entries before that point`,
          line: err.line,
        });
        return { [key]: items };
      }
    }
    throw new FormatError(FORMAT, `${file.name}: not valid JSON: ${err.message}`, err.line);
  }
  if (!isObject(doc)) throw new FormatError(FORMAT, `${file.name}: the top level is not a JSON object`, 1);
  return doc;
}

export function stem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.traj(\.json)?$|\.json$/i, '') || base;
}

function trajectoryStep(
  entry: unknown,
  i: number,
  range: SourceRange | null,
  tool: string | undefined,
  seen: Map<string, number>,
  issues: ReadIssue[],
  entryText: () => string | null,
): RawStep | null {
  if (!isObject(entry)) {
    issues.push({ severity: 'error', message: `trajectory[${i}] is not an object; skipped`, line: range?.startLine, entry: `trajectory[${i}]` });
    return null;
  }
  const action = entry.action;
  if (action !== undefined && action !== null && typeof action !== 'string') {
    issues.push({ severity: 'error', message: `trajectory[${i}].action is not a string; skipped`, line: range?.startLine, entry: `trajectory[${i}]` });
    return null;
  }
  const thought = typeof entry.thought === 'string' && entry.thought ? entry.thought : typeof entry.response === 'string' ? entry.response : '';
  const output = typeof entry.observation === 'string' ? entry.observation : contentText(entry.observation);
  const commands: RawCommand[] = [];
  const notes: string[] = [];
  const act = action ?? '';
  if (act.trim() && !EXIT_MARKER.test(act.trim())) {
    commands.push({
      text: act,
      output,
      exitCode: harnessExitStatus(output),
      longRunning: false,
      tool: tool ?? 'bash',
      source: (range && actionSource(entryText(), range.startLine, act)) ?? range,
    });
  } else if (act.trim()) {
    notes.push(`SWE-agent ended the run: ${act.trim()}${output ? ` (${output.trim()})` : ''}`);
  } else if (output) {
    notes.push(output);
  }
  const step: RawStep = {
    id: contentStepId(['swe', act, thought], seen),
    role: 'assistant',
    time: null,
    thought,
    source: range,
    commands,
  };
  if (notes.length) step.notes = notes;
  return step;
}

/**
 * SWE-agent reports no exit codes, but its own messages (its default templates) say when a
 * command failed without running to its end, or ran and printed nothing.
 */
const HARNESS_FAILED = [
  /^The command [\s\S]{0,2000}? was cancelled because it took more than \d+ seconds/,
  /^Your bash command contained syntax errors and was NOT executed/,
  /^(?:Interactive )?[Oo]peration '[\s\S]{0,2000}?' is not supported by this environment/,
];
const HARNESS_NO_OUTPUT = /^Your command ran successfully and did not produce any output/;

function harnessExitStatus(observation: string): number | null {
  const t = observation.trimStart();
  return exitStatus(null, { failed: HARNESS_FAILED.some((re) => re.test(t)), succeeded: HARNESS_NO_OUTPUT.test(t) });
}

/** The line(s) of the `"action": "..."` string inside the entry's text, whose first line is `firstLine`. */
function actionSource(within: string | null, firstLine: number, action: string): SourceRange | null {
  if (within === null) return null;
  const needle = JSON.stringify(action);
  let rel = within.indexOf(`"action": ${needle}`);
  let len = needle.length + 10;
  if (rel < 0) {
    rel = within.indexOf(needle);
    len = needle.length;
  }
  if (rel < 0) return null;
  const startLine = firstLine + newlines(within, 0, rel);
  return { startLine, endLine: startLine + newlines(within, rel, rel + len - 1) };
}

function newlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Where the entries of a top-level array sit: their lines, and the text of one on demand. */
interface Entries {
  ranges: SourceRange[];
  text: (i: number) => string | null;
}

/** The tool name of each action, from the function-calling history, in order. */
function historyTools(history: unknown[] | null): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  if (!history) return out;
  for (const m of history) {
    if (!isObject(m) || m.role !== 'assistant' || typeof m.action !== 'string') continue;
    const call = Array.isArray(m.tool_calls) ? m.tool_calls[0] : null;
    const fn = isObject(call) && isObject(call.function) ? call.function.name : undefined;
    out.push(typeof fn === 'string' ? fn : undefined);
  }
  return out;
}

/** Steps from `history` alone: each assistant message with an action, and the observation after it. */
function historySteps(history: unknown[], ranges: SourceRange[], seen: Map<string, number>, issues: ReadIssue[]): RawStep[] {
  const steps: RawStep[] = [];
  let current: RawStep | null = null;
  history.forEach((m, i) => {
    const range = ranges[i] ?? null;
    if (!isObject(m) || typeof m.role !== 'string') {
      issues.push({ severity: 'error', message: `history[${i}] is not a message; skipped`, line: range?.startLine, entry: `history[${i}]` });
      return;
    }
    if (m.role === 'assistant') {
      const thought = typeof m.thought === 'string' ? m.thought : contentText(m.content);
      const action = typeof m.action === 'string' ? m.action : bashFromToolCalls(m);
      const call = Array.isArray(m.tool_calls) && isObject(m.tool_calls[0]) ? (m.tool_calls[0] as Json) : null;
      const fn = call && isObject(call.function) && typeof call.function.name === 'string' ? call.function.name : 'bash';
      const commands: RawCommand[] =
        action && action.trim() && !EXIT_MARKER.test(action.trim()) ? [{ text: action, output: '', exitCode: null, longRunning: false, tool: fn, source: range }] : [];
      current = { id: contentStepId(['swe', action ?? '', thought], seen), role: 'assistant', time: null, thought, source: range, commands };
      steps.push(current);
      return;
    }
    const isObservation = m.role === 'tool' || m.message_type === 'observation';
    if (isObservation && current && (m.role === 'tool' || current.commands.length)) {
      const cmd = current.commands[0];
      const out = contentText(m.content);
      if (cmd && !cmd.output) {
        cmd.output = out;
        cmd.exitCode = harnessExitStatus(out);
      } else (current.notes ??= []).push(out);
      if (range && current.source) current.source = { startLine: current.source.startLine, endLine: range.endLine };
      current = null;
      return;
    }
    if (m.role === 'user') {
      const thought = contentText(m.content);
      steps.push({ id: contentStepId(['user', thought], seen), role: 'user', time: null, thought, source: range, commands: [] });
    }
  });
  return steps;
}

function bashFromToolCalls(m: Json): string | null {
  const call = Array.isArray(m.tool_calls) ? m.tool_calls[0] : null;
  if (!isObject(call) || !isObject(call.function)) return null;
  let args: unknown = call.function.arguments;
  if (typeof args === 'string') {
    try {
      args = JSON.parse(args);
    } catch {
      return null;
    }
  }
  return isObject(args) && typeof args.command === 'string' ? args.command : null;
}

function replayConfig(doc: Json): Json | null {
  let cfg: unknown = doc.replay_config;
  if (typeof cfg === 'string') {
    try {
      cfg = JSON.parse(cfg);
    } catch {
      return null;
    }
  }
  return isObject(cfg) ? cfg : null;
}

function modelName(cfg: Json | null, info: Json): string | null {
  const agent = cfg && isObject(cfg.agent) ? cfg.agent : null;
  const model = agent && isObject(agent.model) ? agent.model : null;
  if (model && typeof model.name === 'string') return model.name;
  if (typeof info.model_name === 'string') return info.model_name;
  return null;
}
