// OpenAI-style chat transcripts (FORMATS.md §7): a JSON array of messages, `{messages: [...]}`,
// a JSONL of messages, or a JSONL of conversations (`{messages}` a line, one run each).
// An assistant message's `tool_calls[]` are commands when the tool is a shell, whatever it is
// called (`bash`, `shell`, `terminal`, `execute_command`, `run_shell_command`...) and whatever
// its argument is called (`command`, `cmd`: shell-tools.ts); `{role: "tool", tool_call_id}` holds the output.
// Anthropic-style messages (`tool_use` / `tool_result` content parts) read the same way.
import type { RawCommand, RawStep, RawTrajectory, ReadIssue, ReadResult, SourceRange } from '../model';
import { contentStepId } from '../ids';
import { FormatError, type FormatReader, type SourceFile } from './types';
import { headRecords, parseJsonl } from './jsonl';
import { readJsonArray, scanArray } from './json-elements';
import { readTopLevelArray } from './json-bytes';
import { ToolCalls, type ToolCall } from './tool-calls';
import { isShellTool, shellCommandIn } from './shell-tools';
import {
  asNum,
  asObj,
  asStr,
  contentText,
  exitCodeFromText,
  exitStatus,
  firstLine,
  isoTime,
  parseArgs,
  stripHarnessTrailer,
  summarizeArgs,
  widerHead,
  type Obj,
} from './tool-output';

const FORMAT = 'openai-chat';

const ROLES = /"role"\s*:\s*"(?:system|user|assistant|developer|tool)"/;
/** Signs of tool use in a chat: OpenAI `tool_calls`/`tool` role/`function_call`, Anthropic `tool_use` parts. */
const TOOL_SIGNS = /"tool_calls"\s*:\s*\[\s*\{|"role"\s*:\s*"tool"|"function_call"\s*:\s*\{|"type"\s*:\s*"tool_use"/;
/** Markers of other formats that also hold chat messages (Inspect, SWE-agent, mini-swe-agent, OpenHands). */
const OTHER_FORMATS =
  /"trajectory_format"|"trajectory"\s*:\s*\[|"eval"\s*:\s*\{|"samples"\s*:\s*\[|"history"\s*:\s*\[|"instance_id"|mswea_bash_command|"kind"\s*:\s*"\w+Event"|"observation"\s*:\s*"\w+"\s*,|"attachment:\/\/|"epoch"\s*:\s*\d/;

export const openaiChatReader: FormatReader = {
  id: FORMAT,
  sniff(file: SourceFile, head: string): number {
    let t = head.replace(/^\uFEFF?\s*/, '');
    // A first message longer than the head (a long system prompt) hides its role.
    if (!ROLES.test(t) && /^[[{]\s*(?:\{\s*)?"(?:content|messages)"/.test(t)) t = widerHead(file, head).replace(/^\uFEFF?\s*/, '');
    if (!ROLES.test(t) || OTHER_FORMATS.test(t)) return 0;
    const tools = TOOL_SIGNS.test(t);
    if (t.startsWith('[')) return firstIsMessage(t) ? (tools ? 0.75 : 0.55) : 0;
    const recs = headRecords(t, 3);
    if (recs.length && recs.every((r) => typeof r.role === 'string')) return tools ? 0.7 : 0.5;
    if (recs.length && recs.every((r) => Array.isArray(r.messages))) return 0.6;
    if (t.startsWith('{') && /"messages"\s*:\s*\[/.test(t)) return tools ? 0.65 : 0.45;
    return 0;
  },
  read(file: SourceFile): ReadResult {
    const list = readTopLevelArray(file);
    if (list)
      return { format: FORMAT, trajectories: [messagesToTrajectory(list.items, list.ranges, { id: file.name, model: null, fallbackTitle: file.name })], issues: list.issues };
    const text = file.text();
    const t = text.replace(/^\uFEFF?\s*/, '');
    if (!t) throw new FormatError(FORMAT, `${FORMAT}: the file is empty`);
    if (t.startsWith('{') && isJsonl(text)) {
      const { records, issues } = parseJsonl(text, FORMAT);
      const convs = records.filter((r) => Array.isArray(asObj(r.value)?.messages));
      if (convs.length) {
        const trajectories = convs.map((r, i) => {
          const o = asObj(r.value)!;
          const msgs = o.messages as unknown[];
          return messagesToTrajectory(
            msgs,
            msgs.map(() => ({ startLine: r.line, endLine: r.line })),
            {
              id: asStr(o.id) ?? `${file.name}#${i + 1}`,
              model: asStr(o.model) ?? null,
              fallbackTitle: `conversation ${i + 1}`,
            },
          );
        });
        return { format: FORMAT, trajectories, issues };
      }
      const msgs = records.map((r) => r.value);
      const ranges = records.map((r) => ({ startLine: r.line, endLine: r.line }));
      return { format: FORMAT, trajectories: [messagesToTrajectory(msgs, ranges, { id: file.name, model: null, fallbackTitle: file.name })], issues };
    }
    const one = oneMessage(t);
    if (one)
      return {
        format: FORMAT,
        trajectories: [messagesToTrajectory([one], [{ startLine: 1, endLine: text.split('\n').length }], { id: file.name, model: null, fallbackTitle: file.name })],
        issues: [],
      };
    const arr = readJsonArray(text, FORMAT, ['messages']);
    const root = asObj(arr.root);
    const traj = messagesToTrajectory(arr.items, arr.ranges, {
      id: asStr(root?.id) ?? file.name,
      model: asStr(root?.model) ?? null,
      fallbackTitle: file.name,
    });
    return { format: FORMAT, trajectories: [traj], issues: arr.issues };
  },
};

/**
 * Whether an array's first element is a chat message (an object with a string `role`), by its
 * content rather than by which key comes first. An element longer than the head counts when
 * the head shows a role (checked by the caller).
 */
function firstIsMessage(t: string): boolean {
  const scan = scanArray(t);
  const first = scan.elements[0];
  if (!first) return scan.found && !scan.complete && /^\[\s*\{/.test(t);
  try {
    const o = asObj(JSON.parse(t.slice(first.start, first.end)));
    return typeof o?.role === 'string';
  } catch {
    return false;
  }
}

/**
 * A file that is one message (`{"role": ..., "tool_calls": [...]}`): a JSONL of one line, or
 * that message pretty-printed. Parsed only when its top level is an object without `messages`.
 */
function oneMessage(t: string): Obj | null {
  if (!t.startsWith('{') || /"messages"\s*:\s*\[/.test(t)) return null;
  try {
    const o = asObj(JSON.parse(t));
    return o && typeof o.role === 'string' ? o : null;
  } catch {
    return null;
  }
}

function isJsonl(text: string): boolean {
  const nl = text.indexOf('\n');
  if (nl === -1 || !text.slice(nl + 1).trim()) return false;
  const first = text.slice(0, nl).trim();
  if (!first.endsWith('}')) return false;
  try {
    JSON.parse(first);
    return true;
  } catch {
    return false;
  }
}

interface Options {
  id: string;
  model: string | null;
  fallbackTitle: string;
}

interface Pending extends ToolCall {
  name: string;
}

export function messagesToTrajectory(msgs: unknown[], ranges: SourceRange[], opts: Options): RawTrajectory {
  const issues: ReadIssue[] = [];
  const steps: RawStep[] = [];
  const seen = new Map<string, number>();
  // Results without an id (legacy `function` role) answer the oldest open call.
  const calls = new ToolCalls<Pending>();
  let task: string | null = null;

  msgs.forEach((raw, i) => {
    const m = asObj(raw);
    const r = ranges[i] ?? null;
    if (!m) {
      issues.push({ severity: 'warning', line: r?.startLine, message: `${FORMAT}: message ${i + 1} is not an object; skipped` });
      return;
    }
    const role = asStr(m.role) ?? '';
    const answer = (id: string | undefined, name: string | undefined, text: string, mark: { code?: number; failed?: boolean } = {}): void => {
      const pending = id ? calls.find(id) : calls.oldestOpen(name);
      if (!pending) {
        issues.push({ severity: 'warning', line: r?.startLine, message: `${FORMAT}: tool result ${id ?? name ?? ''} answers no call; skipped` });
        return;
      }
      calls.answer(pending, r);
      if (pending.cmd) {
        pending.cmd.exitCode = exitStatus(mark.code ?? exitCodeFromText(text), { failed: mark.failed });
        pending.cmd.output = stripHarnessTrailer(text);
      } else if (text) (pending.step.notes ??= []).push(text);
    };
    if (role === 'tool' || role === 'function') {
      const error = asStr(asObj(m.error)?.message) ?? asStr(m.error);
      const body = contentText(m.content);
      // Error flags harnesses put on a result: an `error` (Inspect-style), `is_error`, a status.
      const failed = asObj(m.error) !== null || !!error || m.is_error === true || m.status === 'error';
      const code = asNum(m.exit_code) ?? asNum(asObj(m.metadata)?.exit_code);
      answer(asStr(m.tool_call_id), asStr(m.name) ?? asStr(m.function), error ? (body ? `${body}\n${error}` : error) : body, { code, failed });
      return;
    }
    // Anthropic-style content parts: `tool_result` parts answer calls, `tool_use` parts are calls.
    const parts = Array.isArray(m.content) ? m.content.map(asObj) : [];
    const results = parts.filter((p): p is Obj => p?.type === 'tool_result');
    for (const p of results) answer(asStr(p.tool_use_id), undefined, contentText(p.content), { failed: p.is_error === true });
    const uses = parts.filter((p): p is Obj => p?.type === 'tool_use');
    if (results.length && parts.length === results.length) return;
    const text = (results.length ? contentText(parts.filter((p) => p?.type !== 'tool_result')) : contentText(m.content)) || '';
    const stepRole: RawStep['role'] = role === 'assistant' ? 'assistant' : role === 'system' || role === 'developer' ? 'system' : 'user';
    const toolCalls = [...(Array.isArray(m.tool_calls) ? m.tool_calls : []), ...uses.map((u) => ({ id: u.id, function: { name: u.name, input: u.input } }))];
    const firstCallId = asStr(asObj(toolCalls[0])?.id);
    const own = asStr(m.id) ?? firstCallId;
    const reasoning = asStr(m.reasoning_content) ?? asStr(m.reasoning) ?? '';
    const thought = [reasoning, text].filter((x) => x.trim()).join('\n\n');
    const step: RawStep = {
      id: own && !seen.has(own) ? own : contentStepId([stepRole, thought, firstCallId ?? ''], seen),
      role: stepRole,
      time: isoTime(m.timestamp ?? m.created_at ?? m.created),
      thought,
      source: r,
      commands: [],
    };
    if (own) seen.set(own, 1);
    steps.push(step);
    if (stepRole === 'user' && task === null && text) task = text;

    const legacy = asObj(m.function_call);
    const all = legacy ? [...toolCalls, { id: undefined, function: legacy }] : toolCalls;
    for (const rawCall of all) {
      const call = asObj(rawCall);
      // OpenAI: {function: {name, arguments: "json"}}; Inspect: {function: "name", arguments: {...}}.
      const fn = asObj(call?.function) ?? call;
      const name = asStr(call?.function) ?? asStr(fn?.name) ?? 'tool';
      const args = parseArgs(fn?.arguments ?? fn?.input);
      if (fn?.arguments !== undefined && args === null && typeof fn.arguments === 'string' && fn.arguments.trim()) {
        issues.push({ severity: 'warning', line: r?.startLine, message: `${FORMAT}: arguments of ${name} call are not valid JSON` });
      }
      const pending: Pending = { step, name };
      const shell = isShellTool(name) ? shellCommandIn(args) : null;
      if (shell) {
        const cmd: RawCommand = { text: shell.text, output: '', exitCode: null, longRunning: false, tool: name, source: r };
        if (shell.argv) cmd.argv = shell.argv;
        if (args?.run_in_background === true || args?.background === true || args?.command_type === 'long_running') cmd.longRunning = true;
        step.commands.push(cmd);
        pending.cmd = cmd;
      } else {
        (step.otherTools ??= []).push({ name, summary: summarizeArgs(args) });
      }
      calls.add(pending, asStr(call?.id));
    }
  });

  return { id: opts.id, title: task ? firstLine(task) : opts.fallbackTitle, model: opts.model, task, steps, issues };
}
