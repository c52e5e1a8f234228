// OpenHands V1 SDK (FORMATS.md §4): events discriminated by `kind`. `ActionEvent`s of one model
// response share `llm_response_id` (one step); an `ObservationEvent` answers its action by
// `action_id`. Stored as JSONL, as a folder `events/event-NNNNN-UUID.json`
// (`readOpenHandsV1Folder`), or inside evaluation `output.jsonl` lines (`history`).
import type { RawCommand, RawStep, RawTrajectory, ReadIssue, ReadResult, SourceRange } from '../model';
import { ownOrContentStepId } from '../ids';
import { FormatError, type FormatReader, type SourceFile } from './types';
import { headRecords, parseJsonl } from './jsonl';
import { readJsonArray } from './json-elements';
import { readTopLevelArray } from './json-bytes';
import { ToolCalls, appendOutput, type ToolCall } from './tool-calls';
import { isShellTool } from './shell-tools';
import { asNum, asObj, asStr, contentText, exitStatus, extend, firstLine, isoTime, summarizeArgs, widerHead, type Obj } from './tool-output';

const FORMAT = 'openhands-v1';

const EVENT_KINDS =
  /^(?:ActionEvent|ObservationEvent|MessageEvent|SystemPromptEvent|AgentErrorEvent|UserRejectObservation|ConversationStateUpdateEvent|PauseEvent|Condensation|CondensationRequest|CondensationSummaryEvent|ObservationBaseEvent|LLMCompletionLogEvent|TokenEvent)$/;
/** `TerminalAction`, `ExecuteBashAction`, `PowerShellObservation`: a shell tool's event kind (shell-tools.ts reads the name). */
const isShellKind = (kind: string, suffix: 'Action' | 'Observation') => kind.endsWith(suffix) && isShellTool(kind.slice(0, -suffix.length));

const KINDS = /"kind"\s*:\s*"(?:ActionEvent|ObservationEvent|MessageEvent|SystemPromptEvent|ConversationStateUpdateEvent)"/;

export function isV1Event(o: Obj): boolean {
  return typeof o.kind === 'string' && EVENT_KINDS.test(o.kind);
}

export const openhandsV1Reader: FormatReader = {
  id: FORMAT,
  sniff(file: SourceFile, head: string): number {
    let t = head.replace(/^\uFEFF?\s*/, '');
    // `kind` comes last in an event: a first event longer than the head hides it.
    if (!KINDS.test(t) && /^\[?\s*\{\s*"id"\s*:\s*"/.test(t)) t = widerHead(file, head).replace(/^\uFEFF?\s*/, '');
    if (!KINDS.test(t)) return 0;
    if (t.startsWith('[')) return 0.85;
    if (!t.startsWith('{')) return 0;
    if (/"instance_id"\s*:/.test(t) && /"history"\s*:\s*\[/.test(t)) {
      // Evaluation output.jsonl: its first run tells which event schema the file holds.
      const nl = t.indexOf('\n');
      const first = nl > 1 ? t.slice(0, nl) : t;
      return /"kind"\s*:\s*"\w+Event"/.test(first) && !/"(?:action|observation)"\s*:\s*"[a-z_]+"/.test(first) ? 0.85 : 0;
    }
    const recs = headRecords(t, 3);
    if (recs.length && recs.some(isV1Event)) return 0.9;
    // One event file of a conversation folder (pretty-printed JSON object).
    return /^\{\s*"(?:id|kind)"/.test(t) ? 0.7 : 0;
  },
  read(file: SourceFile): ReadResult {
    const list = readTopLevelArray(file); // a list of events, read from the bytes
    if (list) return { format: FORMAT, trajectories: [v1EventsToTrajectory(list.items, list.ranges, { id: file.name, fallbackTitle: file.name })], issues: list.issues };
    const text = file.text();
    const t = text.replace(/^\uFEFF?\s*/, '');
    if (!t) throw new FormatError(FORMAT, `${FORMAT}: the file is empty`);
    if (t.startsWith('[')) {
      const arr = readJsonArray(text, FORMAT);
      return { format: FORMAT, trajectories: [v1EventsToTrajectory(arr.items, arr.ranges, { id: file.name, fallbackTitle: file.name })], issues: arr.issues };
    }
    const single = wholeObject(text);
    if (single) {
      return { format: FORMAT, trajectories: [v1EventsToTrajectory([single], [], { id: file.name, fallbackTitle: file.name })], issues: [] };
    }
    const { records, issues } = parseJsonl(text, FORMAT);
    const runs = records.filter((r) => Array.isArray(asObj(r.value)?.history));
    if (runs.length) {
      const trajectories = runs.map((r, i) => evalRun(asObj(r.value)!, r.line, i));
      return { format: FORMAT, trajectories, issues };
    }
    const ranges = records.map((r) => ({ startLine: r.line, endLine: r.line }));
    const traj = v1EventsToTrajectory(
      records.map((r) => r.value),
      ranges,
      { id: file.name, fallbackTitle: file.name },
    );
    return { format: FORMAT, trajectories: [traj], issues };
  },
};

/** The file as one JSON object when it is one (a single event file), else null. */
function wholeObject(text: string): Obj | null {
  const nl = text.indexOf('\n');
  const first = (nl === -1 ? text : text.slice(0, nl)).trim();
  // A complete object on the first line means JSONL (or a one-line file: same thing).
  if (first.startsWith('{') && first.endsWith('}')) {
    try {
      JSON.parse(first);
      return null;
    } catch {
      // fall through: a pretty-printed object
    }
  }
  try {
    return asObj(JSON.parse(text));
  } catch {
    return null;
  }
}

function evalRun(run: Obj, line: number, index: number): RawTrajectory {
  const history = run.history as unknown[];
  const id = asStr(run.instance_id) ?? `run-${index + 1}`;
  const metadata = asObj(run.metadata);
  const model = asStr(asObj(metadata?.llm)?.model) ?? asStr(asObj(metadata?.llm_config)?.model) ?? null;
  const traj = v1EventsToTrajectory(
    history,
    history.map(() => ({ startLine: line, endLine: line })),
    {
      id,
      fallbackTitle: id,
      task: asStr(run.instruction) ?? null,
      model,
    },
  );
  traj.title = id;
  traj.meta = { ...(traj.meta ?? {}), instance_id: id, line };
  return traj;
}

/**
 * The name of one event file of a V1 conversation folder (`event-00012-<uuid>.json`). A folder
 * walker should group such files and read them together with `readOpenHandsV1Folder`, not
 * one by one (each would otherwise be a one-event run).
 */
export const V1_EVENT_FILE = /^event-\d+(?:-[0-9A-Za-z-]+)?\.json$/i;

/**
 * Reads a conversation folder's event files (`events/event-00000-UUID.json`...), in the order
 * of their names. A file that does not parse is an issue naming it; the rest still reads.
 */
export function readOpenHandsV1Folder(files: { name: string; bytes: Uint8Array }[]): ReadResult {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const base = (n: string) => n.replace(/^.*[\\/]/, '');
  const eventFiles = files.filter((f) => V1_EVENT_FILE.test(base(f.name)));
  const chosen = (eventFiles.length ? eventFiles : files.filter((f) => /\.json$/i.test(f.name) && base(f.name) !== 'base_state.json'))
    .slice()
    .sort((a, b) => (base(a.name) < base(b.name) ? -1 : base(a.name) > base(b.name) ? 1 : 0));
  const issues: ReadIssue[] = [];
  const events: unknown[] = [];
  for (const f of chosen) {
    try {
      events.push(JSON.parse(decoder.decode(f.bytes)));
    } catch (e) {
      issues.push({ severity: 'error', entry: f.name, message: `${FORMAT}: ${f.name} is not valid JSON (${(e as Error).message}); skipped` });
    }
  }
  if (!events.length) {
    throw new FormatError(FORMAT, `${FORMAT}: no readable event file among ${files.length} file(s) (expected events/event-NNNNN-UUID.json)`);
  }
  let model: string | null = null;
  const state = files.find((f) => base(f.name) === 'base_state.json');
  if (state) {
    try {
      const s = asObj(JSON.parse(decoder.decode(state.bytes)));
      model = asStr(asObj(asObj(s?.agent)?.llm)?.model) ?? null;
    } catch {
      issues.push({ severity: 'warning', entry: state.name, message: `${FORMAT}: base_state.json is not valid JSON; ignored` });
    }
  }
  const traj = v1EventsToTrajectory(events, [], { id: 'conversation', fallbackTitle: 'OpenHands conversation', model });
  return { format: FORMAT, trajectories: [traj], issues };
}

export interface V1Options {
  id: string;
  fallbackTitle: string;
  task?: string | null;
  model?: string | null;
}

interface Pending extends ToolCall {
  /** An `is_input` action: keys typed into the running command. */
  inputTo?: RawCommand | null;
}

/** An observation names its action by event id, else by tool call id: two kinds of id, kept apart. */
const actionKey = (id: string | undefined) => id && `action ${id}`;
const callKey = (id: string | undefined) => id && `call ${id}`;

function isShellAction(action: Obj, toolName: string | undefined): boolean {
  const kind = asStr(action.kind);
  if (kind) return isShellKind(kind, 'Action');
  return typeof action.command === 'string' && toolName !== undefined && isShellTool(toolName);
}

function exitCodeOf(obs: Obj): number | null {
  const code = asNum(obs.exit_code) ?? asNum(asObj(obs.metadata)?.exit_code);
  return code === undefined || code === -1 ? null : code;
}

function observationText(obs: Obj): string {
  return contentText(obs.content) || asStr(obs.output) || asStr(obs.message) || '';
}

/** The events of a V1 conversation as one trajectory; `ranges[i]` places event i. */
export function v1EventsToTrajectory(input: unknown[], ranges: SourceRange[], opts: V1Options): RawTrajectory {
  const issues: ReadIssue[] = [];
  const steps: RawStep[] = [];
  const seen = new Map<string, number>();
  const calls = new ToolCalls<Pending>();
  let open: { step: RawStep; responseId: string } | null = null;
  let running: RawCommand | null = null;
  let task = opts.task ?? null;
  let model = opts.model ?? null;

  const newStep = (e: Obj, r: SourceRange | null, role: RawStep['role'], thought: string): RawStep => {
    const step: RawStep = {
      id: ownOrContentStepId(asStr(e.id) ?? null, [role, thought, asStr(e.timestamp) ?? ''], seen),
      role,
      time: isoTime(e.timestamp),
      thought,
      source: r,
      commands: [],
    };
    steps.push(step);
    return step;
  };

  input.forEach((raw, i) => {
    const e = asObj(raw);
    const r = ranges[i] ?? null;
    if (!e) {
      issues.push({ severity: 'warning', line: r?.startLine, message: `${FORMAT}: entry ${i + 1} is not an event object; skipped` });
      return;
    }
    const kind = asStr(e.kind) ?? '';
    if (kind === 'ActionEvent') {
      const action = asObj(e.action) ?? {};
      const toolName = asStr(e.tool_name);
      const responseId = asStr(e.llm_response_id) ?? null;
      let step: RawStep;
      if (open && responseId && open.responseId === responseId) {
        step = open.step;
        if (r) step.source = extend(step.source, r.startLine, r.endLine);
      } else {
        const thought = contentText(e.thought) || asStr(e.reasoning_content) || '';
        step = newStep(e, r, 'assistant', thought);
        open = responseId ? { step, responseId } : null;
      }
      const pending: Pending = { step };
      if (isShellAction(action, toolName)) {
        const command = asStr(action.command) ?? '';
        if (action.is_input === true || command.trim() === '') {
          (step.otherTools ??= []).push({ name: action.is_input === true ? 'send_input' : 'wait_output', summary: command || '(no input)' });
          pending.inputTo = running;
        } else {
          const cmd: RawCommand = { text: command, output: '', exitCode: null, longRunning: false, tool: toolName ?? 'terminal', source: r };
          step.commands.push(cmd);
          pending.cmd = cmd;
        }
      } else {
        const akind = asStr(action.kind) ?? toolName ?? 'action';
        if (akind === 'FinishAction') {
          const msg = asStr(action.message) ?? '';
          if (msg && !step.thought.includes(msg)) step.thought = step.thought ? `${step.thought}\n\n${msg}` : msg;
          (step.otherTools ??= []).push({ name: toolName ?? 'finish', summary: firstLine(msg) });
        } else if (akind === 'ThinkAction') {
          const th = asStr(action.thought) ?? '';
          if (th) step.thought = step.thought ? `${step.thought}\n\n${th}` : th;
        } else {
          const { kind: _k, ...rest } = action;
          (step.otherTools ??= []).push({ name: toolName ?? akind, summary: summarizeArgs(rest) });
        }
      }
      calls.add(pending, actionKey(asStr(e.id)), callKey(asStr(e.tool_call_id)));
      return;
    }
    if (kind === 'ObservationEvent' || kind === 'UserRejectObservation' || kind === 'AgentErrorEvent') {
      const pending = calls.find(actionKey(asStr(e.action_id)), callKey(asStr(e.tool_call_id)));
      const obs = asObj(e.observation) ?? {};
      const text =
        kind === 'UserRejectObservation'
          ? `Rejected by the user: ${asStr(e.rejection_reason) ?? ''}`.trim()
          : kind === 'AgentErrorEvent'
            ? (asStr(e.error) ?? '')
            : observationText(obs);
      if (!pending) {
        orphan(e, obs, r, text, issues, newStep);
        return;
      }
      calls.answer(pending, r);
      if (pending.cmd) {
        appendOutput(pending.cmd, text);
        // An observation marked `is_error` without a code, or the agent's error event: failed.
        // A rejected action never ran, so it has no exit status.
        pending.cmd.exitCode =
          kind === 'UserRejectObservation'
            ? null
            : exitStatus(kind === 'ObservationEvent' ? exitCodeOf(obs) : null, { failed: kind === 'AgentErrorEvent' || obs.is_error === true });
        running = pending.cmd.exitCode === null && kind === 'ObservationEvent' ? pending.cmd : null;
      } else if (pending.inputTo !== undefined) {
        if (text) (pending.step.notes ??= []).push(text);
        const target = pending.inputTo;
        if (target) {
          appendOutput(target, text);
          const code = exitCodeOf(obs);
          if (code !== null) {
            target.exitCode = code;
            running = null;
          }
        }
      } else if (kind !== 'ObservationEvent' && text) {
        (pending.step.notes ??= []).push(text);
      }
      return;
    }
    if (kind === 'MessageEvent') {
      open = null;
      const msg = asObj(e.llm_message) ?? {};
      const role = asStr(msg.role) ?? asStr(e.source) ?? 'user';
      const text = contentText(msg.content) || asStr(msg.reasoning_content) || '';
      const stepRole: RawStep['role'] = role === 'assistant' || role === 'agent' ? 'assistant' : role === 'system' ? 'system' : 'user';
      newStep(e, r, stepRole, text);
      if (stepRole === 'user' && task === null && text) task = text;
      return;
    }
    if (kind === 'SystemPromptEvent') {
      open = null;
      newStep(e, r, 'system', contentText(e.system_prompt));
      return;
    }
    if (kind === 'ConversationStateUpdateEvent' && model === null && e.key === 'stats') {
      const usage = asObj(asObj(e.value)?.usage_to_metrics);
      const first = usage ? asObj(Object.values(usage)[0]) : null;
      model = asStr(first?.model_name) ?? null;
    }
    // State updates, condensations, pauses: nothing a researcher reads as a step.
  });

  return { id: opts.id, title: task ? firstLine(task) : opts.fallbackTitle, model, task, steps, issues };
}

/** An observation whose action is missing still tells which command ran (it carries it). */
function orphan(
  e: Obj,
  obs: Obj,
  r: SourceRange | null,
  text: string,
  issues: ReadIssue[],
  newStep: (e: Obj, r: SourceRange | null, role: RawStep['role'], thought: string) => RawStep,
): void {
  issues.push({
    severity: 'warning',
    line: r?.startLine,
    message: `${FORMAT}: observation ${asStr(e.id) ?? ''} answers action ${asStr(e.action_id) ?? '?'}, which is not in the file`,
  });
  const command = asStr(obs.command);
  const toolName = asStr(e.tool_name);
  const kind = asStr(obs.kind) ?? '';
  if (!command || !(isShellKind(kind, 'Observation') || (toolName && isShellTool(toolName)))) return;
  const step = newStep({ timestamp: e.timestamp }, r, 'assistant', '');
  step.commands.push({
    text: command,
    output: text,
    exitCode: exitStatus(exitCodeOf(obs), { failed: obs.is_error === true }),
    longRunning: false,
    tool: toolName ?? 'terminal',
    source: r,
  });
}
