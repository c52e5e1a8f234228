// Claude Code session JSONL (FORMATS.md §5). One assistant message may be split over several
// lines sharing `message.id` (text, thinking, each tool_use on its own line): one step. A
// `Bash` tool_use is a command; its result comes in a later user line (`tool_result`), with the
// exit code only as text (`Exit code N`). `run_in_background: true` marks a launch, and a
// later `BashOutput` read belongs to the command that launched that background shell.
// Sidechain (sub-agent) records, inline or in `SESSION/subagents/*.jsonl`, form their own run.
import type { RawCommand, RawStep, RawTrajectory, ReadIssue, ReadResult } from '../model';
import { ownOrContentStepId } from '../ids';
import { FormatError, sourceFile, type FormatReader, type SourceFile } from './types';
import { headRecords, parseJsonlFile, type JsonlRecord } from './jsonl';
import { ToolCalls, appendOutput, type ToolCall } from './tool-calls';
import { isShellTool, shellCommandIn } from './shell-tools';
import { asObj, asStr, contentText, exitStatus, extend, firstLine, isoTime, summarizeArgs, type Obj } from './tool-output';

const FORMAT = 'claude-code';

/** Tools that read a background shell's output: not commands (TAXONOMY.md edge cases). */
const READ_TOOLS = new Set(['BashOutput', 'TaskOutput']);
const CLAUDE_TYPES = new Set(['user', 'assistant', 'system', 'summary', 'queue-operation', 'file-history-snapshot', 'progress']);

function looksClaude(o: Obj): boolean {
  const type = asStr(o.type);
  if (!type || !CLAUDE_TYPES.has(type)) return false;
  if (type === 'summary') return typeof o.leafUuid === 'string';
  if (type === 'queue-operation' || type === 'file-history-snapshot') return true;
  return typeof o.sessionId === 'string' || (typeof o.uuid === 'string' && 'parentUuid' in o);
}

export const claudeCodeReader: FormatReader = {
  id: FORMAT,
  sniff(_file: SourceFile, head: string): number {
    const recs = headRecords(head, 6);
    if (recs.length && recs.some(looksClaude) && recs.every((r) => typeof r.type === 'string')) return 0.9;
    // A first line longer than the head: judge by its opening keys.
    if (!recs.length && /^\uFEFF?\{"parentUuid":/.test(head) && /"sessionId":"/.test(head)) return 0.8;
    return 0;
  },
  read(file: SourceFile): ReadResult {
    const { records, issues } = parseJsonlFile(file, FORMAT);
    if (
      !records.some((r) => {
        const o = asObj(r.value);
        return o !== null && looksClaude(o);
      })
    ) {
      throw new FormatError(FORMAT, `${FORMAT}: no line is a Claude Code record (type user/assistant/summary with sessionId/uuid)`, records[0]?.line);
    }
    // Partition: the main conversation, then each sub-agent (sidechain) by agent id.
    const parts = new Map<string, JsonlRecord[]>();
    for (const r of records) {
      const o = asObj(r.value);
      if (!o) {
        issues.push({ severity: 'warning', line: r.line, message: `${FORMAT}: line ${r.line} is not a JSON object; skipped` });
        continue;
      }
      const key = o.isSidechain === true ? `sub:${asStr(o.agentId) ?? 'sidechain'}` : 'main';
      let list = parts.get(key);
      if (!list) parts.set(key, (list = []));
      list.push(r);
    }
    const summaries = records.map((r) => asObj(r.value)).filter((o): o is Obj => o?.type === 'summary');
    const trajectories: RawTrajectory[] = [];
    const keys = [...parts.keys()].sort((a, b) => (a === 'main' ? -1 : b === 'main' ? 1 : 0));
    for (const key of keys) {
      const recs = parts.get(key)!;
      if (key === 'main' && recs.every((r) => asObj(r.value)?.type === 'summary') && keys.length > 1) continue;
      trajectories.push(sessionToTrajectory(recs, key, summaries, file.name, keys.length > 1 || key !== 'main'));
    }
    return { format: FORMAT, trajectories, issues };
  },
};

interface Pending extends ToolCall {
  name: string;
  /** For a read of a background shell: which shell. */
  readsShell?: string;
}

const EXIT_LINE = /^Exit code (-?\d+)\s*\n?/;
const BACKGROUND_ID = /running in background with ID: (\S+)/;
/** What Claude Code writes as the result of a call the user stopped (sessions without `toolUseResult` say only this). */
const INTERRUPTED = /^\s*\[Request interrupted by user/;

function sessionToTrajectory(recs: JsonlRecord[], key: string, summaries: Obj[], fileName: string, isPart: boolean): RawTrajectory {
  const issues: ReadIssue[] = [];
  const steps: RawStep[] = [];
  const seen = new Map<string, number>();
  const byMessage = new Map<string, RawStep>();
  const pending = new ToolCalls<Pending>();
  const shells = new Map<string, RawCommand>();
  const uuids = new Set<string>();
  let sessionId: string | null = null;
  let model: string | null = null;
  let task: string | null = null;
  /** Sub-agents this conversation started (a Task result's `toolUseResult.agentId`): they act for it. */
  const started = new Set<string>();

  const newStep = (o: Obj, line: number, role: RawStep['role'], thought: string): RawStep => {
    const step: RawStep = {
      id: ownOrContentStepId(asStr(o.uuid) ?? null, [role, thought, asStr(o.timestamp) ?? ''], seen),
      role,
      time: isoTime(o.timestamp),
      thought,
      source: { startLine: line, endLine: line },
      commands: [],
    };
    steps.push(step);
    return step;
  };

  for (const { line, value } of recs) {
    const o = value as Obj;
    const type = asStr(o.type);
    const uuid = asStr(o.uuid);
    if (uuid) uuids.add(uuid);
    sessionId ??= asStr(o.sessionId) ?? null;
    const msg = asObj(o.message);
    if (type === 'assistant' && msg) {
      const msgId = asStr(msg.id) ?? uuid ?? `line-${line}`;
      let step = byMessage.get(msgId);
      if (step) step.source = extend(step.source, line);
      else {
        step = newStep(o, line, 'assistant', '');
        byMessage.set(msgId, step);
      }
      const m = asStr(msg.model);
      if (m && m !== '<synthetic>') model ??= m;
      const content = Array.isArray(msg.content) ? msg.content : [msg.content];
      for (const raw of content) {
        const p = asObj(raw);
        if (!p) {
          if (typeof raw === 'string' && raw) appendThought(step, raw);
          continue;
        }
        const ptype = asStr(p.type);
        if (ptype === 'text' || ptype === 'thinking') appendThought(step, asStr(p.text) ?? asStr(p.thinking) ?? '');
        else if (ptype === 'tool_use') addToolUse(step, p, line, pending);
      }
      continue;
    }
    if (type === 'user' && msg) {
      const content = msg.content;
      const texts: string[] = [];
      if (Array.isArray(content)) {
        for (const raw of content) {
          const p = asObj(raw);
          const startedAgent = p?.type === 'tool_result' ? asStr(asObj(o.toolUseResult)?.agentId) : undefined;
          if (startedAgent) started.add(startedAgent);
          if (p?.type === 'tool_result') attachResult(p, asObj(o.toolUseResult) ?? o.toolUseResult, line, pending, shells, issues);
          else if (p) {
            const t = contentText(p);
            if (t) texts.push(t);
          } else if (typeof raw === 'string') texts.push(raw);
        }
      } else if (typeof content === 'string') texts.push(content);
      if (texts.length) {
        const text = texts.join('\n');
        newStep(o, line, 'user', text);
        if (task === null && o.isMeta !== true && !/^\s*<(?:command-|local-command-|bash-)/.test(text) && !text.startsWith('Caveat:')) task = text;
      }
      continue;
    }
    // summary, system, progress, queue-operation, file-history-snapshot: not steps.
  }

  const ownSummary = summaries.find((s) => uuids.has(asStr(s.leafUuid) ?? ''));
  const agent = key.startsWith('sub:') ? key.slice(4) : null;
  const base = sessionId ?? fileName;
  const title = asStr(ownSummary?.summary) ?? (task ? firstLine(task) : base);
  return {
    id: agent ? `${base}:${agent}` : base,
    title: agent ? `Sub-agent ${agent}: ${title}` : title,
    model,
    task,
    steps,
    issues,
    meta: isPart || agent || started.size ? { sidechain: agent !== null, ...(started.size ? { subagents: [...started].join(',') } : {}) } : undefined,
  };
}

function appendThought(step: RawStep, raw: string): void {
  const text = raw.trim();
  if (!text) return;
  step.thought = step.thought ? `${step.thought}\n\n${text}` : text;
}

function addToolUse(step: RawStep, p: Obj, line: number, pending: ToolCalls<Pending>): void {
  const name = asStr(p.name) ?? 'tool';
  const input = asObj(p.input) ?? {};
  const id = asStr(p.id);
  const entry: Pending = { step, name };
  // `Bash`, or a shell tool of an MCP server or another harness (`mcp__ssh__run_command`: shell-tools.ts).
  const shell = READ_TOOLS.has(name) || !isShellTool(name) ? null : shellCommandIn(input);
  if (shell) {
    const cmd: RawCommand = {
      text: shell.text,
      output: '',
      exitCode: null,
      longRunning: input.run_in_background === true,
      tool: name,
      source: { startLine: line, endLine: line },
    };
    step.commands.push(cmd);
    entry.cmd = cmd;
  } else if (READ_TOOLS.has(name)) {
    const shell = asStr(input.bash_id) ?? asStr(input.shell_id) ?? asStr(input.task_id) ?? '';
    entry.readsShell = shell;
    (step.otherTools ??= []).push({ name, summary: shell ? `reads background shell ${shell}` : 'reads a background shell' });
  } else {
    (step.otherTools ??= []).push({ name, summary: summarizeArgs(input) });
  }
  pending.add(entry, id);
}

function attachResult(p: Obj, toolUseResult: unknown, line: number, pending: ToolCalls<Pending>, shells: Map<string, RawCommand>, issues: ReadIssue[]): void {
  const id = asStr(p.tool_use_id) ?? '';
  const entry = pending.find(id);
  if (!entry) {
    issues.push({ severity: 'warning', line, message: `${FORMAT}: tool result for ${id || '(no id)'} has no matching tool_use; skipped` });
    return;
  }
  pending.answer(entry, { startLine: line, endLine: line });
  let text = contentText(p.content);
  const tur = asObj(toolUseResult);
  if (entry.cmd) {
    const cmd = entry.cmd;
    const m = EXIT_LINE.exec(text);
    if (m) text = text.slice(m[0].length);
    cmd.output = text;
    const shell = asStr(tur?.backgroundTaskId) ?? BACKGROUND_ID.exec(text)?.[1];
    if (shell) {
      shells.set(shell, cmd);
      cmd.longRunning = true;
    }
    // `is_error: true` without an `Exit code N` line: blocked, denied or failed to start.
    // An interrupted call, or a background launch that started, says nothing of how it ended.
    const interrupted = tur?.interrupted === true || INTERRUPTED.test(text);
    const open = !m && (interrupted || (cmd.longRunning && p.is_error !== true));
    cmd.exitCode = open ? null : exitStatus(m ? Number(m[1]) : null, { failed: p.is_error === true, succeeded: p.is_error === false });
    return;
  }
  if (entry.readsShell !== undefined) {
    // A read of a background shell: its output belongs to the command that launched it.
    if (text) (entry.step.notes ??= []).push(text);
    const launcher = shells.get(entry.readsShell);
    if (launcher && text) {
      appendOutput(launcher, text);
      const code = /<exit_code>(-?\d+)<\/exit_code>/.exec(text);
      if (code) launcher.exitCode = Number(code[1]);
    }
  }
}

/**
 * A session with its sub-agents: the main `SESSION.jsonl` first, then each
 * `SESSION/subagents/*.jsonl` (any order; read in name order). Every file's runs are kept; a
 * file that cannot be read is an issue naming it, and the others still read.
 */
export function readClaudeCodeSession(files: { name: string; bytes: Uint8Array }[]): ReadResult {
  const sorted = files.slice().sort((a, b) => {
    const subA = /[\\/]subagents[\\/]/.test(a.name);
    const subB = /[\\/]subagents[\\/]/.test(b.name);
    return subA !== subB ? (subA ? 1 : -1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  const trajectories: RawTrajectory[] = [];
  const issues: ReadIssue[] = [];
  for (const f of sorted) {
    try {
      const res = claudeCodeReader.read(sourceFile(f.name, f.bytes));
      trajectories.push(...res.trajectories);
      issues.push(...res.issues.map((i) => ({ ...i, entry: f.name })));
    } catch (e) {
      if (!(e instanceof FormatError)) throw e;
      issues.push({ severity: 'error', entry: f.name, line: e.line, message: e.message });
    }
  }
  if (!trajectories.length) throw new FormatError(FORMAT, `${FORMAT}: none of ${files.length} file(s) is a readable session`);
  return { format: FORMAT, trajectories, issues };
}
