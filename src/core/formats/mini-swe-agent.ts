// mini-swe-agent trajectories: `{info, messages, trajectory_format: "mini-swe-agent-1.x"}` (the
// `.traj.json` it saves) or a bare list of messages. Text mode: the assistant's command is the
// one fenced ```mswea_bash_command block (older: ```bash); mini runs it only when there is
// exactly one, else it answers with a format error. Tool-call mode (v2): `tool_calls` of the
// `bash` tool with `{command}`. v2 also records the parsed actions in `extra.actions` and the
// raw output and return code in the observation's `extra`. Text observations look like
// `<returncode>N</returncode><output>...</output>` (older: `Observation: ...`).
import type { RawCommand, RawStep, RawTrajectory, ReadIssue, ReadResult } from '../model';
import { contentStepId, LineIndex } from '../ids';
import { FormatError, type FormatReader } from './types';
import { findArrays, mergeRanges, parseJsonLenient, salvageArray, spanRange } from './json-positions';
import { contentText, isObject } from './inspect-sample';
import { stem } from './swe-agent';
import { scanArray } from './json-elements';
import { exitStatus } from './tool-output';
import { isShellTool, shellCommandIn } from './shell-tools';

const FORMAT = 'mini-swe-agent' as const;

type Json = Record<string, unknown>;

const FENCE = /```(?:mswea_bash_command|bash)[ \t]*\r?\n([\s\S]*?)\r?\n```/g;

export const miniSweAgentReader: FormatReader = {
  id: FORMAT,

  sniff(file, head) {
    const start = head.trimStart();
    if (/"trajectory_format"\s*:\s*"mini-swe-agent/.test(head)) return 0.98;
    if (start.startsWith('{')) {
      if (/"mini_version"\s*:/.test(head) && /"messages"\s*:\s*\[/.test(head)) return 0.95;
      // trajectory_format is written last: look at the tail too (cheap, no decoding of the middle).
      const tail = new TextDecoder().decode(file.bytes.subarray(Math.max(0, file.bytes.length - 256)));
      if (/"trajectory_format"\s*:\s*"mini-swe-agent/.test(tail)) return 0.98;
      return 0;
    }
    if (start.startsWith('[') && /"role"\s*:/.test(head)) {
      // Judge the messages' decoded text, not the JSON's: a writer may escape `<` as \u003c.
      const said = messagesText(head);
      if (/```mswea_bash_command/.test(said)) return 0.9;
      if (/<returncode>-?\d+<\/returncode>/.test(said) && /```bash/.test(said)) return 0.8;
    }
    return 0;
  },

  read(file): ReadResult {
    const text = file.text();
    let doc: unknown;
    const fileIssues: ReadIssue[] = [];
    try {
      doc = parseJsonLenient(text);
    } catch (e) {
      const err = e as SyntaxError & { line?: number };
      // A run cut off mid-write: keep the messages that were written out completely.
      const bareList = text.trimStart().startsWith('[');
      const items = salvageArray(text, bareList ? [] : ['messages']);
      if (!items) throw new FormatError(FORMAT, `${file.name}: not valid JSON: ${err.message}`, err.line);
      fileIssues.push({
        severity: 'error',
        message: `the file is cut off or broken (${err.message}); read the ${items.length} complete messages before that point`,
        line: err.line,
      });
      doc = bareList ? items : { messages: items };
    }
    const bare = Array.isArray(doc);
    const messages = bare ? (doc as unknown[]) : isObject(doc) && Array.isArray(doc.messages) ? doc.messages : null;
    if (!messages) throw new FormatError(FORMAT, `${file.name}: no "messages" list (nor a bare list of messages)`, 1);
    const lines = new LineIndex(text);
    const spans = findArrays(text, bare ? [] : ['messages'])[0]?.elements ?? [];
    const range = (i: number) => (spans[i] ? spanRange(lines, spans[i]) : null);

    const issues: ReadIssue[] = [];
    const seen = new Map<string, number>();
    const steps: RawStep[] = [];
    let current: { step: RawStep; waiting: RawCommand[]; byCallId: Map<string, RawCommand> } | null = null;

    messages.forEach((m, i) => {
      if (!isObject(m) || typeof m.role !== 'string') {
        issues.push({ severity: 'error', message: `message ${i} is not a chat message; skipped`, line: range(i)?.startLine, entry: `messages[${i}]` });
        return;
      }
      const content = contentText(m.content);
      const extra = isObject(m.extra) ? m.extra : {};
      if (m.role === 'assistant') {
        const { commands, byCallId, note } = assistantCommands(m, content, extra, range(i));
        const step: RawStep = {
          id: contentStepId(['mini', content], seen),
          role: 'assistant',
          time: timeOf(extra),
          thought: thoughtOf(content),
          source: range(i),
          commands,
        };
        if (note) step.notes = [note];
        steps.push(step);
        current = { step, waiting: [...commands], byCallId };
        return;
      }
      if ((m.role === 'user' || m.role === 'tool') && current) {
        const cur: NonNullable<typeof current> = current;
        const callId = typeof m.tool_call_id === 'string' ? m.tool_call_id : null;
        const cmd = (callId && cur.byCallId.get(callId)) || cur.waiting[0];
        cur.step.source = mergeRanges(cur.step.source, range(i));
        if (cmd) {
          cur.waiting.splice(cur.waiting.indexOf(cmd), 1);
          const obs = observation(content, extra);
          cmd.output = obs.output;
          cmd.exitCode = obs.exitCode;
          if (!cur.waiting.length) current = null;
        } else {
          (cur.step.notes ??= []).push(content);
          current = null;
        }
        return;
      }
      if (m.role === 'system') return;
      // The task, and any message that answers no command (exit, interrupts).
      steps.push({
        id: contentStepId([m.role, content], seen),
        role: m.role === 'user' ? 'user' : 'environment',
        time: timeOf(extra),
        thought: content,
        source: range(i),
        commands: [],
      });
    });

    const info = isObject(doc) && isObject((doc as Json).info) ? ((doc as Json).info as Json) : {};
    const config = isObject(info.config) ? info.config : {};
    const model = isObject(config.model) && typeof config.model.model_name === 'string' ? config.model.model_name : null;
    const meta: Record<string, string | number | boolean | null> = {};
    if (typeof info.exit_status === 'string') meta.exitStatus = info.exit_status;
    if (typeof info.mini_version === 'string') meta.version = info.mini_version;
    const trajectory: RawTrajectory = { id: stem(file.name), title: stem(file.name), model, task: null, steps, issues, meta };
    return { format: FORMAT, trajectories: [trajectory], issues: fileIssues };
  },
};

/** The contents of the complete messages a head of a bare message list holds, or the head itself. */
function messagesText(head: string): string {
  const parts: string[] = [];
  const { elements } = scanArray(head);
  for (const el of elements.slice(0, 16)) {
    try {
      const m = JSON.parse(head.slice(el.start, el.end)) as unknown;
      if (isObject(m)) parts.push(contentText(m.content));
    } catch {
      // a broken message: the others still tell
    }
  }
  return parts.length ? parts.join('\n') : head;
}

function assistantCommands(m: Json, content: string, extra: Json, source: RawCommand['source']): { commands: RawCommand[]; byCallId: Map<string, RawCommand>; note?: string } {
  const byCallId = new Map<string, RawCommand>();
  const make = (text: string): RawCommand => ({ text, output: '', exitCode: null, longRunning: false, tool: 'bash', source });
  // v2 records what it parsed and ran.
  if (Array.isArray(extra.actions)) {
    const commands: RawCommand[] = [];
    for (const a of extra.actions) {
      const text = typeof a === 'string' ? a : isObject(a) && typeof a.command === 'string' ? a.command : null;
      if (text === null) continue;
      const cmd = make(text);
      commands.push(cmd);
      if (isObject(a) && typeof a.tool_call_id === 'string') byCallId.set(a.tool_call_id, cmd);
    }
    return { commands, byCallId };
  }
  if (Array.isArray(m.tool_calls) && m.tool_calls.length) {
    const commands: RawCommand[] = [];
    for (const c of m.tool_calls) {
      if (!isObject(c) || !isObject(c.function) || typeof c.function.name !== 'string' || !isShellTool(c.function.name)) continue;
      let args: unknown = c.function.arguments;
      if (typeof args === 'string') {
        try {
          args = JSON.parse(args);
        } catch {
          continue;
        }
      }
      const shell = isObject(args) ? shellCommandIn(args) : null;
      if (!shell) continue;
      const cmd = make(shell.text);
      commands.push(cmd);
      if (typeof c.id === 'string') byCallId.set(c.id, cmd);
    }
    return { commands, byCallId };
  }
  const blocks = [...content.matchAll(FENCE)].map((x) => x[1].trim());
  if (blocks.length === 1) return { commands: [make(blocks[0])], byCallId };
  return {
    commands: [],
    byCallId,
    note: blocks.length ? `${blocks.length} command blocks: mini-swe-agent runs only a reply with exactly one` : undefined,
  };
}

/** The reasoning before the command block (mini's THOUGHT section). */
function thoughtOf(content: string): string {
  const at = content.search(/```(?:mswea_bash_command|bash)/);
  const before = (at >= 0 ? content.slice(0, at) : content).trim();
  return before.replace(/^THOUGHT:\s*/, '');
}

function observation(content: string, extra: Json): { output: string; exitCode: number | null } {
  if (typeof extra.raw_output === 'string') {
    return { output: extra.raw_output, exitCode: typeof extra.returncode === 'number' ? extra.returncode : null };
  }
  // mini's timeout message wraps the partial output; keep all of it (it says what happened).
  // mini killed it: no code, but a failure.
  if (/^The last command <command>[\s\S]*timed out/.test(content)) return { output: content, exitCode: exitStatus(null, { failed: true }) };
  const rc = /<returncode>\s*(-?\d+)\s*<\/returncode>/.exec(content);
  const out = /<output>\r?\n?([\s\S]*?)<\/output>/.exec(content);
  if (out) return { output: out[1], exitCode: rc ? Number(rc[1]) : null };
  // Long outputs come as <warning>/<output_head>/<elided_chars>/<output_tail>: keep all but the code.
  if (rc) return { output: content.replace(rc[0], '').replace(/^\r?\n/, ''), exitCode: Number(rc[1]) };
  const obs = /^Observation:\s?([\s\S]*)$/.exec(content);
  return { output: obs ? obs[1] : content, exitCode: null };
}

function timeOf(extra: Json): string | null {
  const t = extra.timestamp;
  if (typeof t !== 'number' || !Number.isFinite(t)) return null;
  const d = new Date(t * 1000);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
