// Codex CLI rollouts (FORMATS.md §6): `{timestamp, type, payload}` lines (older rollouts: bare
// response items). Commands are `function_call`s named `shell` (argv list), `shell_command`,
// `exec_command` (`cmd`), or `local_shell_call` items (`action.exec.command`). Exit codes
// come from the output: JSON `{output, metadata: {exit_code}}` or text `Exit code: N` /
// `Process exited with code N`. Also reads `codex exec --json` streams (`item.completed`).
import type { RawCommand, RawStep, RawTrajectory, ReadIssue, ReadResult } from '../model';
import { contentStepId, shellJoin } from '../ids';
import { FormatError, type FormatReader, type SourceFile } from './types';
import { headRecords, parseJsonlFile } from './jsonl';
import { ToolCalls, appendOutput, type ToolCall } from './tool-calls';
import { isShellTool, shellCommandIn } from './shell-tools';
import { asNum, asObj, asStr, contentText, exitCodeFromText, exitStatus, extend, firstLine, isoTime, parseArgs, summarizeArgs, type Obj } from './tool-output';

const FORMAT = 'codex';

const ROLLOUT_TYPES = new Set(['session_meta', 'response_item', 'event_msg', 'turn_context', 'compacted']);
const ITEM_TYPES = new Set([
  'message',
  'reasoning',
  'function_call',
  'function_call_output',
  'local_shell_call',
  'local_shell_call_output',
  'custom_tool_call',
  'custom_tool_call_output',
  'web_search_call',
]);
const CALL_TYPES = new Set(['function_call', 'local_shell_call', 'custom_tool_call', 'web_search_call']);
const OUTPUT_TYPES = new Set(['function_call_output', 'local_shell_call_output', 'custom_tool_call_output']);
const EXEC_STREAM = /^(?:thread\.started|turn\.started|turn\.completed|turn\.failed|item\.started|item\.updated|item\.completed|error)$/;

export const codexReader: FormatReader = {
  id: FORMAT,
  sniff(_file: SourceFile, head: string): number {
    const recs = headRecords(head, 5);
    if (!recs.length) return /^\uFEFF?\{"timestamp":"[^"]*","type":"(?:session_meta|response_item)","payload":/.test(head) ? 0.8 : 0;
    const first = recs[0];
    if (first.type === 'session_meta' && asObj(first.payload)) return 0.95;
    if (recs.every((r) => typeof r.type === 'string' && ROLLOUT_TYPES.has(r.type) && asObj(r.payload))) return 0.85;
    const stream = recs.every((r) => typeof r.type === 'string' && EXEC_STREAM.test(r.type));
    if (stream && recs.some((r) => r.type === 'thread.started' || r.type === 'item.completed')) return 0.8;
    // Older rollouts: a header {id, timestamp, instructions} then bare response items.
    if (typeof first.id === 'string' && 'instructions' in first && typeof first.timestamp === 'string') return 0.75;
    return 0;
  },
  read(file: SourceFile): ReadResult {
    const { records, issues } = parseJsonlFile(file, FORMAT);
    const reader = new RolloutReader(file.name);
    for (const { line, value } of records) {
      const o = asObj(value);
      if (!o) {
        issues.push({ severity: 'warning', line, message: `${FORMAT}: line ${line} is not a JSON object; skipped` });
        continue;
      }
      reader.record(o, line);
    }
    if (!reader.recognised) {
      throw new FormatError(FORMAT, `${FORMAT}: no line is a Codex rollout record (session_meta/response_item/...)`, records[0]?.line);
    }
    return { format: FORMAT, trajectories: [reader.finish()], issues };
  },
};

interface Pending extends ToolCall {
  /** `write_stdin`: the session it wrote to. */
  session?: string;
}

class RolloutReader {
  recognised = false;
  private steps: RawStep[] = [];
  private issues: ReadIssue[] = [];
  private seen = new Map<string, number>();
  private calls = new ToolCalls<Pending>();
  private sessions = new Map<string, RawCommand>();
  /** The open assistant step: assistant items join it until a tool output or user message. */
  private open: RawStep | null = null;
  private sessionId: string | null = null;
  private model: string | null = null;
  private task: string | null = null;
  private meta: Record<string, string | number | boolean | null> = {};

  constructor(private readonly fileName: string) {}

  record(o: Obj, line: number): void {
    const type = asStr(o.type) ?? '';
    const time = isoTime(o.timestamp);
    if (ROLLOUT_TYPES.has(type)) {
      this.recognised = true;
      const p = asObj(o.payload) ?? {};
      if (type === 'session_meta') {
        this.sessionId ??= asStr(p.id) ?? null;
        for (const k of ['cwd', 'cli_version', 'originator', 'model_provider']) if (typeof p[k] === 'string') this.meta[k] = p[k] as string;
      } else if (type === 'turn_context') this.model ??= asStr(p.model) ?? null;
      else if (type === 'response_item') this.item(p, line, time);
      // event_msg lines repeat what response items say (agent_message, agent_reasoning...).
      return;
    }
    if (EXEC_STREAM.test(type)) {
      this.recognised = true;
      this.execEvent(o, type, line);
      return;
    }
    if (ITEM_TYPES.has(type)) {
      this.recognised = true;
      this.item(o, line, time);
      return;
    }
    if (typeof o.id === 'string' && 'instructions' in o) {
      this.recognised = true;
      this.sessionId ??= o.id;
    }
  }

  /** Steps whose id was derived from content: the first call id that joins them replaces it. */
  private derived = new WeakSet<RawStep>();

  private newStep(role: RawStep['role'], id: string | undefined, line: number, time: string | null, thought: string): RawStep {
    const own = id !== undefined && !this.seen.has(id);
    const step: RawStep = {
      id: own ? id : contentStepId([role, thought, time ?? '', String(line)], this.seen),
      role,
      time,
      thought,
      source: { startLine: line, endLine: line },
      commands: [],
    };
    if (id) this.seen.set(id, 1);
    if (!own) this.derived.add(step);
    this.steps.push(step);
    return step;
  }

  private assistantStep(line: number, time: string | null, id?: string): RawStep {
    if (this.open) {
      this.open.source = extend(this.open.source, line);
      if (id && this.derived.has(this.open) && !this.seen.has(id)) {
        this.open.id = id;
        this.seen.set(id, 1);
        this.derived.delete(this.open);
      }
      return this.open;
    }
    this.open = this.newStep('assistant', id, line, time, '');
    return this.open;
  }

  private item(p: Obj, line: number, time: string | null): void {
    const type = asStr(p.type) ?? '';
    if (type === 'message') {
      const role = asStr(p.role) ?? 'user';
      const text = contentText(p.content);
      if (role === 'assistant') {
        addThought(this.assistantStep(line, time, asStr(p.id)), text);
        return;
      }
      this.open = null;
      const isContext = /^\s*<(?:environment_context|user_instructions|permissions|INSTRUCTIONS)/.test(text) || text.startsWith('# AGENTS.md');
      const stepRole: RawStep['role'] = role === 'user' && !isContext ? 'user' : 'system';
      this.newStep(stepRole, asStr(p.id), line, time, text);
      if (stepRole === 'user' && this.task === null && text) this.task = text;
      return;
    }
    if (type === 'reasoning') {
      const summary = Array.isArray(p.summary) ? contentText(p.summary) : '';
      addThought(this.assistantStep(line, time, asStr(p.id)), summary || contentText(p.content));
      return;
    }
    if (CALL_TYPES.has(type)) {
      this.call(p, type, line, time);
      return;
    }
    if (OUTPUT_TYPES.has(type)) {
      this.open = null;
      this.output(p, line);
    }
  }

  private call(p: Obj, type: string, line: number, time: string | null): void {
    const callId = asStr(p.call_id) ?? asStr(p.id);
    const step = this.assistantStep(line, time, callId);
    const name = type === 'local_shell_call' ? 'local_shell' : (asStr(p.name) ?? type);
    const pending: Pending = { step };
    const shell = type === 'local_shell_call' ? (asObj(asObj(p.action)?.exec) ?? asObj(p.action)) : shellArgs(name, parseArgs(p.arguments));
    if (shell) {
      const command = shell.command ?? shell.cmd;
      const cmd: RawCommand = { text: '', output: '', exitCode: null, longRunning: false, tool: name, source: { startLine: line, endLine: line } };
      if (Array.isArray(command)) {
        cmd.argv = command.map(String);
        cmd.text = shellJoin(cmd.argv);
      } else cmd.text = String(command ?? '');
      step.commands.push(cmd);
      pending.cmd = cmd;
    } else if (name === 'write_stdin') {
      const args = parseArgs(p.arguments) ?? {};
      const session = String(args.session_id ?? '');
      const chars = asStr(args.chars) ?? '';
      pending.session = session;
      (step.otherTools ??= []).push({ name, summary: chars ? `types ${JSON.stringify(firstLine(chars, 40))} into session ${session}` : `reads session ${session}` });
    } else {
      const args = parseArgs(p.arguments) ?? (typeof p.input === 'string' ? { input: p.input } : null);
      (step.otherTools ??= []).push({ name, summary: summarizeArgs(args) });
    }
    this.calls.add(pending, callId);
  }

  private output(p: Obj, line: number): void {
    const callId = asStr(p.call_id) ?? '';
    const pending = this.calls.find(callId);
    if (!pending) {
      this.issues.push({ severity: 'warning', line, message: `${FORMAT}: output for call ${callId || '(no id)'} has no matching call; skipped` });
      return;
    }
    this.calls.answer(pending, { startLine: line, endLine: line });
    const { text, exitCode, session } = parseOutput(p.output);
    if (pending.cmd) {
      pending.cmd.output = text;
      pending.cmd.exitCode = exitCode;
      if (session) this.sessions.set(session, pending.cmd);
    } else if (pending.session !== undefined) {
      if (text) (pending.step.notes ??= []).push(text);
      const launcher = this.sessions.get(pending.session);
      if (launcher) {
        appendOutput(launcher, text);
        if (exitCode !== null) launcher.exitCode = exitCode;
      }
    }
  }

  /** `codex exec --json`: items arrive completed; commands are `command_execution` items. */
  private execEvent(o: Obj, type: string, line: number): void {
    if (type === 'thread.started') this.sessionId ??= asStr(o.thread_id) ?? null;
    if (type === 'turn.started') this.open = null;
    if (type !== 'item.completed') return;
    const item = asObj(o.item) ?? {};
    const itype = asStr(item.type) ?? asStr(item.item_type) ?? '';
    const id = asStr(item.id);
    if (itype === 'reasoning' || itype === 'agent_message' || itype === 'assistant_message') {
      addThought(this.assistantStep(line, null, id), asStr(item.text) ?? '');
      return;
    }
    const step = this.assistantStep(line, null, id);
    if (itype === 'command_execution') {
      step.commands.push({
        text: asStr(item.command) ?? '',
        output: asStr(item.aggregated_output) ?? '',
        exitCode: exitStatus(asNum(item.exit_code), { failed: item.status === 'failed' }),
        longRunning: false,
        tool: 'command_execution',
        source: { startLine: line, endLine: line },
      });
    } else (step.otherTools ??= []).push({ name: itype || 'item', summary: summarizeArgs(item) });
    // Each tool item is followed by the model's next response.
    this.open = null;
  }

  finish(): RawTrajectory {
    const title = this.task ? firstLine(this.task) : (this.sessionId ?? this.fileName);
    return {
      id: this.sessionId ?? this.fileName,
      title,
      model: this.model,
      task: this.task,
      steps: this.steps,
      issues: this.issues,
      meta: Object.keys(this.meta).length ? this.meta : undefined,
    };
  }
}

function addThought(step: RawStep, raw: string): void {
  const text = raw.trim();
  if (text) step.thought = step.thought ? `${step.thought}\n\n${text}` : text;
}

/** The arguments of a shell function call, or null when the call is not a shell command. */
function shellArgs(name: string, args: Obj | null): Obj | null {
  // `shell`, `shell_command`, `exec_command`, `container.exec`, or any shell tool a harness adds (shell-tools.ts).
  const shell = isShellTool(name) ? shellCommandIn(args) : null;
  return shell ? { command: shell.argv ?? shell.text } : null;
}

/** A call output: JSON `{output, metadata}` or text with an exit-code header. */
function parseOutput(raw: unknown): { text: string; exitCode: number | null; session: string | null } {
  const value: unknown = raw;
  const o0 = asObj(raw);
  if (o0) {
    // `{content, success}`: a call the harness marks as failed.
    const parsed = parseOutput(o0.content ?? o0.output ?? '');
    return { ...parsed, exitCode: exitStatus(parsed.exitCode, { failed: o0.success === false }) };
  }
  if (typeof value === 'string' && value.startsWith('{')) {
    try {
      const o = asObj(JSON.parse(value));
      if (o && (typeof o.output === 'string' || asObj(o.metadata))) {
        const code = asNum(asObj(o.metadata)?.exit_code);
        return { text: asStr(o.output) ?? '', exitCode: code ?? null, session: null };
      }
    } catch {
      // plain text that happens to start with a brace
    }
  }
  const text = typeof value === 'string' ? value : contentText(value);
  const session = /Process running with session ID (\S+)/.exec(text)?.[1] ?? null;
  // Header lines (`Chunk ID:`, `Wall time:`, `Exit code:`...) then `Output:` and the text.
  const header = /^(?:(?:[A-Z][A-Za-z ]*: ?[^\n]*|Process exited with code -?\d+|Process running with session ID \S+)\n)+Output:\n/.exec(text);
  const exitCode = exitCodeFromText(header ? header[0] : text.slice(0, 200));
  return { text: header ? text.slice(header[0].length) : text, exitCode, session };
}
