// OpenHands V0 (FORMATS.md §4): events with `action`/`observation`, linked by `cause`.
// Shapes: a JSON list of events, the `/trajectory` export `{"trajectory": [...]}`, evaluation
// `output.jsonl` (one run a line, events in `history`; very old runs hold [action, observation]
// pairs), a JSONL of events, and flattened older exports (top-level `command`, `exit_code`).
// Evaluation lines whose history holds V1 SDK events (`kind`) are read with the V1 rules.
import type { RawCommand, RawStep, RawTrajectory, ReadIssue, ReadResult, SourceRange } from '../model';
import { ownOrContentStepId } from '../ids';
import { FormatError, type FormatReader, type SourceFile } from './types';
import { headRecords, parseJsonl } from './jsonl';
import { readJsonArray, topLevelMembers } from './json-elements';
import { readTopLevelArray } from './json-bytes';
import { ToolCalls, appendOutput, type ToolCall } from './tool-calls';
import { asNum, asObj, asStr, contentText, exitStatus, extend, firstLine, isoTime, summarizeArgs, type Obj } from './tool-output';
import { isV1Event, v1EventsToTrajectory } from './openhands-v1';

const FORMAT = 'openhands';

/** Observations that say nothing about the run (state changes, "No observation"). */
const SILENT_OBSERVATIONS = new Set(['agent_state_changed', 'null', 'recall', 'agent_condensation', 'condensation']);
const SILENT_ACTIONS = new Set(['change_agent_state', 'null', 'recall', 'condensation', 'condensation_request']);

const V0_MARK = /"(?:action|observation)"\s*:\s*"[a-z_]+"/;
const V1_MARK = /"kind"\s*:\s*"(?:ActionEvent|ObservationEvent|MessageEvent|SystemPromptEvent)"/;

function isV0Event(o: Obj): boolean {
  return typeof o.action === 'string' || typeof o.observation === 'string';
}

export const openhandsReader: FormatReader = {
  id: FORMAT,
  sniff(file: SourceFile, head: string): number {
    const t = head.replace(/^\uFEFF?\s*/, '');
    const v0 = V0_MARK.test(t) && /"source"\s*:\s*"(?:agent|user|environment)"/.test(t);
    const v1 = V1_MARK.test(t);
    if (t.startsWith('[')) return v0 && !v1 ? 0.9 : 0;
    if (!t.startsWith('{')) return 0;
    // SWE-agent files also hold `{"trajectory": [...]}` with action/observation: `source` tells.
    if (v0 && !v1 && holdsEventList(file)) return 0.95;
    // output.jsonl: the first line may be longer than the head, so look at its text, not records.
    if (/"instance_id"\s*:/.test(t) && /"history"\s*:\s*\[/.test(t)) {
      const nl = t.indexOf('\n');
      // One run a line (JSONL), or one run pretty-printed: then the whole head is that run.
      const first = nl > 1 ? t.slice(0, nl) : t;
      return V0_MARK.test(first) && !V1_MARK.test(first) ? 0.85 : 0;
    }
    const recs = headRecords(t, 3);
    if (recs.length && recs.every(isV0Event)) return 0.8;
    return 0;
  },
  read(file: SourceFile): ReadResult {
    // A list of events is read from the bytes; other shapes from the decoded text.
    const list = readTopLevelArray(file);
    const text = list ? '' : file.text();
    const t = list ? '[' : text.replace(/^\uFEFF?\s*/, '');
    if (!t) throw new FormatError(FORMAT, `${FORMAT}: the file is empty`);
    if (t.startsWith('{') && looksLikeJsonl(text)) return readJsonlFile(file.name, text);
    const arr = list ?? readJsonArray(text, FORMAT, ['trajectory', 'history']);
    const root = asObj(arr.root);
    // One evaluation run saved on its own (a single output.jsonl line, or pretty-printed).
    if (root && Array.isArray(root.history) && root.instance_id !== undefined) {
      const traj = evalRun(root, 0, arr.ranges);
      return { format: FORMAT, trajectories: [traj], issues: arr.issues };
    }
    const traj = eventsToTrajectory(arr.items, arr.ranges, {
      id: asStr(root?.instance_id) ?? file.name,
      fallbackTitle: file.name,
    });
    return { format: FORMAT, trajectories: [traj], issues: arr.issues };
  },
};

/** `{"trajectory": [...]}` or `{"history": [...]}`, the list under whichever key, wherever it sits. */
function holdsEventList(file: SourceFile): boolean {
  const top = topLevelMembers(file);
  return ['trajectory', 'history'].some((k) => {
    const e = top.get(k);
    return e !== undefined && file.text().charCodeAt(e.start) === 91;
  });
}

/** True when the first line is a complete JSON object and more follows (JSONL, not JSON). */
function looksLikeJsonl(text: string): boolean {
  const nl = text.indexOf('\n');
  if (nl === -1) return false;
  const first = text.slice(0, nl).trim();
  if (!first.startsWith('{') || !first.endsWith('}')) return false;
  if (!text.slice(nl + 1).trim()) return false;
  try {
    JSON.parse(first);
    return true;
  } catch {
    return false;
  }
}

function readJsonlFile(name: string, text: string): ReadResult {
  const { records, issues } = parseJsonl(text, FORMAT);
  const runs = records.filter((r) => Array.isArray(asObj(r.value)?.history));
  if (runs.length) {
    const trajectories: RawTrajectory[] = [];
    for (const r of runs) {
      const run = asObj(r.value)!;
      const ranges = (run.history as unknown[]).map(() => ({ startLine: r.line, endLine: r.line }));
      trajectories.push(evalRun(run, trajectories.length, ranges, r.line));
    }
    return { format: FORMAT, trajectories, issues };
  }
  // A JSONL of events.
  const events = records.map((r) => r.value);
  const ranges = records.map((r) => ({ startLine: r.line, endLine: r.line }));
  return { format: FORMAT, trajectories: [eventsToTrajectory(events, ranges, { id: name, fallbackTitle: name })], issues };
}

/** One line of an evaluation `output.jsonl`: a run, titled by its instance. */
function evalRun(run: Obj, index: number, ranges: SourceRange[], line?: number): RawTrajectory {
  const history = run.history as unknown[];
  const id = asStr(run.instance_id) ?? (asNum(run.instance_id) !== undefined ? String(run.instance_id) : `run-${index + 1}`);
  const instruction = asStr(run.instruction) ?? asStr(asObj(run.instance)?.problem_statement) ?? null;
  const metadata = asObj(run.metadata);
  const model = asStr(asObj(metadata?.llm_config)?.model) ?? asStr(metadata?.model) ?? null;
  const firstEvent = history.map(asObj).find((e) => e);
  const opts = { id, fallbackTitle: id, task: instruction, model };
  const traj = firstEvent && isV1Event(firstEvent) ? v1EventsToTrajectory(history, ranges, opts) : eventsToTrajectory(history, ranges, opts);
  traj.title = id;
  const meta: Record<string, string | number | boolean | null> = { ...(traj.meta ?? {}), instance_id: id };
  if (line !== undefined) meta.line = line;
  const report = asObj(asObj(run.test_result)?.report) ?? asObj(run.report);
  if (report && typeof report.resolved === 'boolean') meta.resolved = report.resolved;
  if (typeof run.error === 'string' && run.error) meta.error = firstLine(run.error, 200);
  traj.meta = meta;
  return traj;
}

export interface EventsOptions {
  id: string;
  fallbackTitle: string;
  task?: string | null;
  model?: string | null;
}

interface Link extends ToolCall {
  /** The running command an `is_input` action typed into. */
  inputTo?: RawCommand | null;
}

/** Exit code of a V0 run observation; -1 means "still running" and is no exit code. */
function exitCodeOf(e: Obj): number | null {
  const extras = asObj(e.extras) ?? {};
  const code = asNum(asObj(extras.metadata)?.exit_code) ?? asNum(extras.exit_code) ?? asNum(e.exit_code) ?? asNum(asObj(e.metadata)?.exit_code);
  return code === undefined || code === -1 ? null : code;
}

/** The events of a V0 run as one trajectory. `ranges[i]` is event i's place in the file. */
export function eventsToTrajectory(input: unknown[], ranges: SourceRange[], opts: EventsOptions): RawTrajectory {
  const issues: ReadIssue[] = [];
  const steps: RawStep[] = [];
  const seen = new Map<string, number>();
  const byId = new ToolCalls<Link>();
  let open: { step: RawStep; responseId: string } | null = null;
  let lastAction: Link | null = null;
  let running: RawCommand | null = null;
  let task = opts.task ?? null;
  let model = opts.model ?? null;

  const events: { e: Obj; r: SourceRange | null }[] = [];
  input.forEach((raw, i) => {
    const r = ranges[i] ?? null;
    // Very old evaluation output: history as [action, observation] pairs.
    const list = Array.isArray(raw) ? raw : [raw];
    for (const x of list) {
      const e = asObj(x);
      if (e) events.push({ e, r });
      else issues.push({ severity: 'warning', line: r?.startLine, message: `${FORMAT}: entry ${i + 1} is not an event object; skipped` });
    }
  });

  const newStep = (e: Obj, r: SourceRange | null, role: RawStep['role'], thought: string): RawStep => {
    const own = e.id !== undefined && e.id !== null ? 'e' + String(e.id) : null;
    const args = asObj(e.args) ?? e;
    const hint = [role, thought, asStr(e.timestamp) ?? '', asStr(e.action) ?? '', asStr(args.command) ?? '', asStr(args.thought) ?? ''];
    const step: RawStep = {
      id: ownOrContentStepId(own, hint, seen),
      role,
      time: isoTime(e.timestamp),
      thought,
      source: r,
      commands: [],
    };
    steps.push(step);
    return step;
  };

  for (const { e, r } of events) {
    const obsType = asStr(e.observation);
    const isAction = typeof e.action === 'string' || (obsType === undefined && typeof e.command === 'string' && e.cause === undefined);
    if (!isAction) {
      if (obsType === undefined && e.cause === undefined) continue;
      if (obsType && SILENT_OBSERVATIONS.has(obsType)) continue;
      const cause = e.cause !== undefined && e.cause !== null ? String(e.cause) : null;
      const link = cause !== null ? byId.find(cause) : lastAction;
      if (!link) {
        orphanObservation(e, r, obsType, issues, newStep);
        continue;
      }
      byId.answer(link, r);
      const content = contentText(e.content);
      if (link.cmd) {
        appendOutput(link.cmd, content);
        // An error observation answering the command (it could not run, or the runtime failed).
        link.cmd.exitCode = exitStatus(exitCodeOf(e), { failed: obsType === 'error' });
        running = link.cmd.exitCode === null && obsType === 'run' ? link.cmd : null;
      } else if (link.inputTo !== undefined) {
        if (content) (link.step.notes ??= []).push(content);
        const target = link.inputTo;
        if (target) {
          appendOutput(target, content);
          const code = exitCodeOf(e);
          if (code !== null) {
            target.exitCode = code;
            running = null;
          }
        }
      } else if (obsType === 'error' && content) {
        (link.step.notes ??= []).push(content);
      }
      continue;
    }

    const action = asStr(e.action) ?? 'run';
    if (SILENT_ACTIONS.has(action)) continue;
    const args = asObj(e.args) ?? e;
    const source = asStr(e.source) ?? 'agent';
    if (action === 'system') {
      open = null;
      newStep(e, r, 'system', asStr(args.content) ?? asStr(e.message) ?? '');
      continue;
    }
    if (action === 'message') {
      open = null;
      const text = asStr(args.content) ?? asStr(e.message) ?? '';
      const role = source === 'user' ? 'user' : source === 'environment' ? 'environment' : 'assistant';
      const step = newStep(e, r, role, text);
      if (role === 'user' && task === null && text) task = text;
      lastAction = { step };
      continue;
    }

    // An agent tool action: actions of one model response (parallel tool calls) share a step.
    const meta = asObj(e.tool_call_metadata);
    const response = asObj(meta?.model_response);
    const responseId = asStr(response?.id) ?? null;
    model ??= asStr(response?.model) ?? null;
    let step: RawStep;
    if (open && responseId && open.responseId === responseId) {
      step = open.step;
      if (r) step.source = extend(step.source, r.startLine, r.endLine);
    } else {
      const said = asStr(asObj(asObj((response?.choices as unknown[] | undefined)?.[0])?.message)?.content) ?? '';
      step = newStep(e, r, source === 'user' ? 'user' : 'assistant', '');
      if (said) step.thought = said;
      open = responseId ? { step, responseId } : null;
    }
    const thought = asStr(args.thought) ?? '';
    if (thought && !step.thought.includes(thought)) step.thought = step.thought ? `${step.thought}\n\n${thought}` : thought;
    const tool = asStr(meta?.function_name);
    const link: Link = { step };

    if (action === 'run') {
      const command = asStr(args.command) ?? '';
      const isInput = args.is_input === true || args.is_input === 'true';
      if (isInput || command.trim() === '') {
        // Keys typed into the running process, or an empty command to wait for more output.
        (step.otherTools ??= []).push({ name: isInput ? 'send_input' : 'wait_output', summary: command || '(no input)' });
        link.inputTo = running;
      } else {
        const cmd: RawCommand = { text: command, output: '', exitCode: null, longRunning: false, tool: tool ?? 'execute_bash', source: r };
        step.commands.push(cmd);
        link.cmd = cmd;
      }
    } else if (action === 'finish') {
      const final = asStr(args.final_thought) ?? asStr(asObj(args.outputs)?.content) ?? asStr(e.message) ?? '';
      if (final && !step.thought.includes(final)) step.thought = step.thought ? `${step.thought}\n\n${final}` : final;
      (step.otherTools ??= []).push({ name: 'finish', summary: firstLine(final) });
    } else if (action !== 'think') {
      (step.otherTools ??= []).push({ name: tool ?? action, summary: summarizeArgs(args === e ? withoutEnvelope(e) : args) || firstLine(asStr(e.message) ?? '') });
    }
    byId.add(link, e.id !== undefined && e.id !== null ? String(e.id) : null);
    lastAction = link;
  }

  return {
    id: opts.id,
    title: task ? firstLine(task) : opts.fallbackTitle,
    model,
    task,
    steps,
    issues,
  };
}

/** A flattened event's own arguments: the event without its envelope keys. */
function withoutEnvelope(e: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(e)) {
    if (!ENVELOPE.has(k)) out[k] = v;
  }
  return out;
}
const ENVELOPE = new Set(['id', 'timestamp', 'source', 'action', 'message', 'thought', 'cause', 'tool_call_metadata', 'llm_metrics', 'hidden', 'security_risk']);

/** A run observation whose action is not in the file still tells which command ran. */
function orphanObservation(
  e: Obj,
  r: SourceRange | null,
  obsType: string | undefined,
  issues: ReadIssue[],
  newStep: (e: Obj, r: SourceRange | null, role: RawStep['role'], thought: string) => RawStep,
): void {
  const command = asStr(asObj(e.extras)?.command) ?? asStr(e.command);
  issues.push({
    severity: 'warning',
    line: r?.startLine,
    message: `${FORMAT}: observation ${String(e.id ?? '')} refers to action ${String(e.cause ?? '?')}, which is not in the file`,
  });
  if (obsType !== 'run' || !command) return;
  const step = newStep({ ...e, id: undefined }, r, 'assistant', '');
  step.commands.push({ text: command, output: contentText(e.content), exitCode: exitCodeOf(e), longRunning: false, tool: 'execute_bash', source: r });
}
