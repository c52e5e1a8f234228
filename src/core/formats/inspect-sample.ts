// One Inspect AI sample (an `EvalSample`, from an `.eval` member or a legacy `.json` log) turned
// into a trajectory: one step per assistant message with its tool calls and their results.
// Shared by inspect-eval.ts and inspect-json.ts.
//
// Facts used (FORMATS.md §2): `messages[]` is the conversation; assistant `tool_calls[]` are
// `{id, function, arguments}`; the bash tool's argument is `cmd` (before April 2026) or `command`;
// tool messages carry `tool_call_id`, `content` and maybe `error`. Long strings may be replaced by
// `attachment://KEY` (text in `sample.attachments`). Exit codes are not in messages: they come
// from `sandbox` events (`action: "exec"`, `result`) inside the tool call's span.
import type { RawCommand, RawStep, RawTrajectory, ReadIssue, SourceRange } from '../model';
import { contentStepId, type LineIndex } from '../ids';
import { mergeRanges, spanRange, type Span } from './json-positions';
import { exitStatus } from './tool-output';
import { isShellTool, shellCommandIn } from './shell-tools';

export interface SampleContext {
  task: string | null;
  model: string | null;
  /** Where the sample came from, for issues (zip member name). */
  entry?: string;
  /** For text logs: the line index and the spans of `sample.messages` elements. */
  lines?: LineIndex;
  text?: string;
  messageSpans?: Span[];
}

type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/**
 * Inspect's own sample order (its sort_samples): by epoch, then by id with numbers zero-padded.
 * Both log formats list their runs in it, whatever order the file holds the samples in.
 */
export function compareSamples(a: { id: unknown; epoch: unknown }, b: { id: unknown; epoch: unknown }): number {
  const key = (id: unknown) => (typeof id === 'number' || /^\d+$/.test(String(id)) ? String(id).padStart(20, '0') : String(id ?? ''));
  const ea = Number(a.epoch ?? 1);
  const eb = Number(b.epoch ?? 1);
  if (ea !== eb) return ea - eb;
  const ka = key(a.id);
  const kb = key(b.id);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** `${id}#${epoch}`: stable across re-reads, the same in listRuns and readRun. */
export function runId(id: unknown, epoch: unknown): string {
  return `${String(id ?? '?')}#${String(epoch ?? 1)}`;
}

export function runTitle(id: unknown, epoch: unknown, task: string | null): string {
  const base = `${String(id ?? '?')} (epoch ${String(epoch ?? 1)})`;
  return task ? `${task}: ${base}` : base;
}

/** Resolves `attachment://KEY` strings, deeply, against the sample's attachments. */
export function makeResolver(attachments: unknown): (v: unknown) => unknown {
  const table = isObject(attachments) ? attachments : Array.isArray(attachments) ? (attachments as unknown[]) : null;
  const lookup = (s: string): string => {
    if (!table || !s.startsWith('attachment://')) return s;
    const key = s.slice(13);
    const hit = Array.isArray(table) ? table[Number(key)] : table[key];
    return typeof hit === 'string' ? hit : s;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return lookup(v);
    if (Array.isArray(v)) return v.map(walk);
    if (isObject(v)) {
      const o: Json = {};
      for (const k of Object.keys(v)) o[k] = walk(v[k]);
      return o;
    }
    return v;
  };
  return walk;
}

/** Expands range-encoded refs (`[[start, endExclusive], ...]`) against a pool. */
export function expandRefs(refs: unknown, pool: unknown[]): unknown[] {
  const out: unknown[] = [];
  if (!Array.isArray(refs)) return out;
  for (const r of refs) {
    // One push per item: a spread of a large range exceeds the call stack (~120,000 arguments).
    if (Array.isArray(r) && typeof r[0] === 'number' && typeof r[1] === 'number') for (const m of pool.slice(r[0], r[1])) out.push(m);
    else if (typeof r === 'number' && r >= 0 && r < pool.length) out.push(pool[r]);
  }
  return out;
}

/** The message pool model events refer to (`events_data.messages`, or early-2026 `message_pool`). */
function messagePool(sample: Json): unknown[] {
  const ed = sample.events_data;
  if (isObject(ed) && Array.isArray(ed.messages)) return ed.messages;
  if (Array.isArray(sample.message_pool)) return sample.message_pool;
  return [];
}

/** A model event's input, with `input_refs` resolved against the pool. */
export function modelInput(event: Json, pool: unknown[]): unknown[] {
  if (Array.isArray(event.input) && event.input.length) return event.input;
  if (event.input_refs != null) return expandRefs(event.input_refs, pool);
  return Array.isArray(event.input) ? event.input : [];
}

/** Text of a message `content`: a string, or a list of parts (text, reasoning, images...). */
export function contentText(content: unknown, opts: { reasoning: boolean } = { reasoning: true }): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  const parts: string[] = [];
  for (const p of content) {
    if (typeof p === 'string') parts.push(p);
    else if (!isObject(p)) continue;
    else if (p.type === 'text' && typeof p.text === 'string') parts.push(p.text);
    else if (p.type === 'reasoning') {
      if (!opts.reasoning) continue;
      if (typeof p.reasoning === 'string' && p.reasoning && !p.redacted) parts.push(p.reasoning);
      else if (typeof p.summary === 'string' && p.summary) parts.push(p.summary);
      else parts.push('[reasoning redacted]');
    } else if (p.type === 'image') parts.push('[image]');
    else if (p.type === 'audio' || p.type === 'video') parts.push(`[${p.type}]`);
    else if (typeof p.text === 'string') parts.push(p.text);
  }
  return parts.join('\n\n');
}

interface CallInfo {
  id: string;
  fn: string;
  args: Json;
}

function toolCalls(msg: Json): CallInfo[] {
  if (!Array.isArray(msg.tool_calls)) return [];
  const out: CallInfo[] = [];
  msg.tool_calls.forEach((c, i) => {
    if (!isObject(c)) return;
    let fn = c.function;
    let args: unknown = c.arguments;
    if (isObject(fn)) {
      // OpenAI wire shape, seen in some converted logs: {function: {name, arguments: "json"}}
      args = fn.arguments;
      fn = fn.name;
    }
    if (typeof args === 'string') {
      try {
        args = JSON.parse(args);
      } catch {
        args = { input: args };
      }
    }
    out.push({ id: str(c.id) ?? `call-${i}`, fn: str(fn) ?? '?', args: isObject(args) ? args : {} });
  });
  return out;
}

/** The command line of a shell tool call, or null when the call is not a shell command. */
export function shellCommandOf(fn: string, args: Json): string | null {
  // Inspect's stateful bash_session: only submitted input runs as a command.
  if (fn === 'bash_session') return args.action === 'type_submit' && typeof args.input === 'string' ? args.input.replace(/\n$/, '') : null;
  // Any shell tool, whatever the eval called it (`bash`, `powershell`, `run_command`...: shell-tools.ts).
  return isShellTool(fn) ? (shellCommandIn(args)?.text ?? null) : null;
}

function summarise(args: Json): string {
  const s = JSON.stringify(args);
  return s.length > 200 ? s.slice(0, 199) + '…' : s;
}

/** What sandbox execs tell about each tool call: exit code (matched via the tool's span). */
interface ExecInfo {
  cmd: string;
  result: unknown;
}

function linkSandboxExecs(events: unknown[]): { byCall: Map<string, ExecInfo[]>; unlinked: ExecInfo[]; toolTimes: Map<string, string> } {
  const byCall = new Map<string, ExecInfo[]>();
  const unlinked: ExecInfo[] = [];
  const toolTimes = new Map<string, string>();
  const spanParent = new Map<string, string | null>();
  const spanCall = new Map<string, string>();
  const execs: { info: ExecInfo; span: string | null }[] = [];
  // Tool spans and tool events are paired in order: Inspect opens a span of type "tool" (named
  // after the tool) around each call, and the ToolEvent sits just before or just inside it.
  const openToolSpans: { id: string; name: string | null }[] = [];
  const pendingCalls: { id: string; fn: string | null }[] = [];
  const sameTool = (a: string | null, b: string | null) => a === null || b === null || a === b;
  for (const e of events) {
    if (!isObject(e)) continue;
    const kind = e.event;
    if (kind === 'span_begin' && typeof e.id === 'string') {
      spanParent.set(e.id, str(e.parent_id));
      if (e.type === 'tool') {
        const name = str(e.name);
        const k = pendingCalls.findIndex((c) => sameTool(c.fn, name));
        if (k >= 0) spanCall.set(e.id, pendingCalls.splice(k, 1)[0].id);
        else openToolSpans.push({ id: e.id, name });
      }
    } else if (kind === 'span_end') {
      const k = openToolSpans.findIndex((sp) => sp.id === e.id);
      if (k >= 0) openToolSpans.splice(k, 1);
    } else if (kind === 'tool' && typeof e.id === 'string') {
      if (typeof e.timestamp === 'string') toolTimes.set(e.id, e.timestamp);
      const fn = str(e.function);
      const sid = str(e.span_id);
      let k = openToolSpans.findIndex((sp) => sp.id === sid); // the event sits inside its own span
      if (k < 0) k = openToolSpans.findIndex((sp) => sameTool(sp.name, fn));
      if (k >= 0) spanCall.set(openToolSpans.splice(k, 1)[0].id, e.id);
      else pendingCalls.push({ id: e.id, fn });
    } else if (kind === 'sandbox' && e.action === 'exec') {
      execs.push({ info: { cmd: str(e.cmd) ?? '', result: e.result }, span: str(e.span_id) });
    }
  }
  // Second pass, once every span is paired: an exec belongs to the call of its nearest tool span.
  for (const { info, span } of execs) {
    let sid = span;
    let call: string | undefined;
    for (let hops = 0; sid && hops < 64 && !call; hops++) {
      call = spanCall.get(sid);
      sid = spanParent.get(sid) ?? null;
    }
    if (call) {
      const list = byCall.get(call) ?? [];
      list.push(info);
      byCall.set(call, list);
    } else unlinked.push(info);
  }
  return { byCall, unlinked, toolTimes };
}

/** Python's shlex.quote, which Inspect uses to build `bash --login -c '...'`. */
function shQuote(s: string): string {
  if (s !== '' && /^[\w@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'"'"'`)}'`;
}

function exitCodeOf(text: string, execs: ExecInfo[] | undefined, unlinked: ExecInfo[]): number | null {
  const quoted = shQuote(text);
  const matches = (x: ExecInfo) => x.cmd === text || x.cmd.endsWith(' ' + quoted) || x.cmd.endsWith(' ' + text);
  let hit = execs?.find(matches) ?? (execs && execs.length ? execs[execs.length - 1] : undefined);
  if (!hit) {
    const i = unlinked.findIndex(matches);
    if (i >= 0) hit = unlinked.splice(i, 1)[0];
  }
  if (!hit) return null;
  const n = typeof hit.result === 'number' ? hit.result : typeof hit.result === 'string' ? Number(hit.result) : NaN;
  return Number.isInteger(n) ? n : null;
}

/** Turns one sample into a trajectory. Throws only when the sample is not an object at all. */
export function sampleToTrajectory(raw: unknown, ctx: SampleContext): RawTrajectory {
  if (!isObject(raw)) throw new Error('the sample is not a JSON object');
  const sample = raw;
  const resolve = makeResolver(sample.attachments);
  const issues: ReadIssue[] = [];
  const events = Array.isArray(sample.events) ? sample.events : [];
  const pool = messagePool(sample);

  let messages: unknown[] = Array.isArray(sample.messages) ? sample.messages : [];
  let spans = ctx.messageSpans;
  // `messages` is the final conversation: trimmed by some agents, and without the calls of
  // sub-agents. Tool events record every call made, so when some are missing from the
  // messages (or there are no messages), the conversation is rebuilt from the events.
  const missing = callsOnlyInEvents(messages, events);
  const noTurns = !messages.some((m) => isObject(m) && m.role === 'assistant');
  if (noTurns || missing > 0) {
    const firstTurn = messages.findIndex((m) => isObject(m) && m.role === 'assistant');
    const rebuilt = messagesFromEvents(events, pool, firstTurn > 0 ? messages.slice(0, firstTurn) : []);
    if (rebuilt.length) {
      messages = rebuilt;
      spans = undefined; // the rebuilt messages do not sit in the text in this order
      issues.push({
        severity: 'warning',
        message: noTurns
          ? 'the sample keeps no conversation; steps rebuilt from its model and tool events'
          : `${missing} tool call(s) appear only in events (trimmed conversation or sub-agents); steps rebuilt from the events`,
        entry: ctx.entry,
      });
    }
  }

  const { byCall, unlinked, toolTimes } = linkSandboxExecs(events);
  // Assistant message id -> time of the model event that produced it.
  const msgTimes = new Map<string, string>();
  for (const e of events) {
    if (!isObject(e) || e.event !== 'model' || typeof e.timestamp !== 'string') continue;
    const out = e.output;
    const choice = isObject(out) && Array.isArray(out.choices) ? out.choices[0] : null;
    const mid = isObject(choice) && isObject(choice.message) ? str(choice.message.id) : null;
    if (mid && !msgTimes.has(mid)) msgTimes.set(mid, e.timestamp);
  }

  const rangeOf = (i: number): SourceRange | null => (spans && ctx.lines && spans[i] ? spanRange(ctx.lines, spans[i]) : null);
  const lineOf = (i: number): number | undefined => rangeOf(i)?.startLine;

  const steps: RawStep[] = [];
  const seen = new Map<string, number>();
  const used = new Set<string>();
  // Message ids are the step ids; a repeated one (the same message logged twice) gets a suffix.
  const unique = (id: string): string => {
    let u = id;
    for (let n = 1; used.has(u); n++) u = `${id}-${n}`;
    used.add(u);
    return u;
  };
  const pendingCalls = new Map<string, { step: RawStep; cmd: RawCommand | null }>();
  let orphanResults = 0;
  const systemNotes: string[] = [];

  messages.forEach((m, i) => {
    if (!isObject(m) || typeof m.role !== 'string') {
      issues.push({ severity: 'warning', message: `message ${i} is not a chat message (no role); skipped`, line: lineOf(i), entry: ctx.entry });
      return;
    }
    const role = m.role;
    // The system prompt is no step, but what it says of the agent (where its weights are) is kept
    // as a note of the first user turn, where the verdict's reading of the run looks for it.
    if (role === 'system') {
      if (!steps.length) systemNotes.push(String(resolve(contentText(m.content))).slice(0, 50_000));
      return;
    }
    if (role === 'user') {
      const text = String(resolve(contentText(m.content)));
      steps.push({
        id: unique(str(m.id) ?? contentStepId(['user', text], seen)),
        role: 'user',
        time: null,
        thought: text,
        source: rangeOf(i),
        commands: [],
        ...(systemNotes.length && !steps.length ? { notes: systemNotes.splice(0) } : {}),
      });
      return;
    }
    if (role === 'assistant') {
      const thought = String(resolve(contentText(m.content)));
      const calls = toolCalls(m);
      const commands: RawCommand[] = [];
      const otherTools: { name: string; summary: string }[] = [];
      const step: RawStep = {
        id: '',
        role: 'assistant',
        time: (str(m.id) && msgTimes.get(m.id as string)) || (calls[0] && toolTimes.get(calls[0].id)) || null,
        thought,
        source: rangeOf(i),
        commands,
      };
      for (const c of calls) {
        const args = resolve(c.args) as Json;
        const text = shellCommandOf(c.fn, args);
        if (text === null) {
          otherTools.push({ name: c.fn, summary: summarise(args) });
          pendingCalls.set(c.id, { step, cmd: null });
          continue;
        }
        const cmd: RawCommand = {
          text,
          output: '',
          exitCode: exitCodeOf(text, byCall.get(c.id), unlinked),
          longRunning: false,
          tool: c.fn,
          source: commandSource(ctx, spans?.[i], text) ?? step.source,
        };
        commands.push(cmd);
        pendingCalls.set(c.id, { step, cmd });
      }
      if (otherTools.length) step.otherTools = otherTools;
      step.id = unique(str(m.id) ?? contentStepId(['assistant', thought, ...calls.map((c) => c.fn + JSON.stringify(c.args))], seen));
      steps.push(step);
      return;
    }
    if (role === 'tool') {
      const callId = str(m.tool_call_id) ?? '';
      let output = String(resolve(contentText(m.content, { reasoning: false })));
      // `error: {type, message}`; older logs: `tool_error` (a string).
      const err = isObject(m.error)
        ? m.error
        : typeof m.error === 'string' || typeof m.tool_error === 'string'
          ? { type: 'unknown', message: (m.error ?? m.tool_error) as string }
          : null;
      const errMsg = err ? String(resolve(err.message ?? '')) : '';
      if (err && errMsg && errMsg !== output) output = output ? `${output}\n${errMsg}` : errMsg;
      const pending = pendingCalls.get(callId);
      if (!pending) {
        orphanResults++;
        steps.push({
          id: unique(str(m.id) ?? contentStepId(['tool', callId, output], seen)),
          role: 'tool',
          time: null,
          thought: '',
          source: rangeOf(i),
          commands: [],
          notes: [`${str(m.function) ?? 'tool'} result${err ? ` (error: ${String(err.type ?? '?')})` : ''}: ${output}`],
        });
        return;
      }
      pendingCalls.delete(callId);
      pending.step.source = mergeRanges(pending.step.source, rangeOf(i));
      if (pending.cmd) {
        pending.cmd.output = output;
        // No sandbox event gave the code: an `error` still says the call failed.
        pending.cmd.exitCode = exitStatus(pending.cmd.exitCode, { failed: err !== null });
        if (err) (pending.step.notes ??= []).push(`${pending.cmd.tool ?? 'tool'} error (${String(err.type ?? '?')}): ${errMsg}`);
      } else {
        (pending.step.notes ??= []).push(`${str(m.function) ?? 'tool'}: ${output.length > 2000 ? output.slice(0, 2000) + '…' : output}`);
      }
      return;
    }
    issues.push({ severity: 'warning', message: `message ${i} has unknown role ${JSON.stringify(role)}; skipped`, line: lineOf(i), entry: ctx.entry });
  });
  if (orphanResults) {
    issues.push({
      severity: 'warning',
      message: `${orphanResults} tool result(s) have no matching tool call in the sample's messages; shown as tool steps without commands`,
      entry: ctx.entry,
    });
  }

  const id = sample.id;
  const epoch = sample.epoch ?? 1;
  const meta: Record<string, string | number | boolean | null> = {
    sampleId: typeof id === 'number' || typeof id === 'string' ? id : null,
    epoch: typeof epoch === 'number' ? epoch : null,
  };
  const score = firstScore(sample.scores);
  if (score !== undefined) meta.score = score;
  // The scorer's own words, shown beside the verdict (issue 12): the timeline marks where they disagree.
  const scored = firstScorer(sample.scores);
  if (scored) {
    meta.scorer = scored.name;
    if (scored.explanation) meta.scoreExplanation = scored.explanation;
  }
  if (isObject(sample.error)) {
    meta.error = String(sample.error.message ?? 'error');
    issues.push({ severity: 'warning', message: `the sample ended with an error: ${meta.error}`, entry: ctx.entry });
  }
  if (isObject(sample.limit)) meta.limit = String(sample.limit.type ?? 'limit');
  if (typeof sample.total_time === 'number') meta.totalTime = sample.total_time;
  if (typeof sample.uuid === 'string') meta.uuid = sample.uuid;

  return {
    id: runId(id, epoch),
    title: runTitle(id, epoch, ctx.task),
    model: sampleModel(sample) ?? ctx.model,
    task: ctx.task,
    steps,
    issues,
    meta,
  };
}

/** Where the command's own string sits inside the assistant message's span, if found. */
function commandSource(ctx: SampleContext, span: Span | undefined, text: string): SourceRange | null {
  if (!span || !ctx.text || !ctx.lines) return null;
  const needle = JSON.stringify(text);
  // Search inside the message only (a sliced string, no copy), not the rest of a big file.
  const rel = ctx.text.slice(span.start, span.end).indexOf(needle);
  if (rel < 0) return null;
  const at = span.start + rel;
  return spanRange(ctx.lines, { start: at, end: at + needle.length });
}

function sampleModel(sample: Json): string | null {
  const out = sample.output;
  if (isObject(out) && typeof out.model === 'string' && out.model) return out.model;
  if (isObject(sample.model_usage)) {
    const k = Object.keys(sample.model_usage)[0];
    if (k) return k;
  }
  return null;
}

function firstScore(scores: unknown): string | number | boolean | null | undefined {
  if (!isObject(scores)) return undefined;
  for (const k of Object.keys(scores)) {
    const s = scores[k];
    const v = isObject(s) ? s.value : undefined;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
    if (v !== undefined) return JSON.stringify(v);
  }
  return undefined;
}

/** The first scorer's name and explanation (a long explanation is cut: it is shown on hover). */
function firstScorer(scores: unknown): { name: string; explanation: string | null } | null {
  if (!isObject(scores)) return null;
  for (const k of Object.keys(scores)) {
    const s = scores[k];
    if (!isObject(s) || s.value === undefined) continue;
    const e = s.explanation;
    return { name: k, explanation: typeof e === 'string' && e.trim() ? e.slice(0, 4000) : null };
  }
  return null;
}

/** How many tool events have a call id that no message's tool_calls has. */
function callsOnlyInEvents(messages: unknown[], events: unknown[]): number {
  const known = new Set<string>();
  for (const m of messages) {
    if (!isObject(m) || !Array.isArray(m.tool_calls)) continue;
    for (const c of m.tool_calls) if (isObject(c) && typeof c.id === 'string') known.add(c.id);
  }
  let n = 0;
  for (const e of events) if (isObject(e) && e.event === 'tool' && typeof e.id === 'string' && !known.has(e.id)) n++;
  return n;
}

/**
 * When a sample keeps no conversation (messages dropped or condensed), rebuild it from events:
 * the first model event's input (through the message pool), each model event's output message,
 * and each tool event's result.
 */
function messagesFromEvents(events: unknown[], pool: unknown[], lead: unknown[]): unknown[] {
  // The opening messages (system, task) from the sample when it has them (they carry ids).
  const out: unknown[] = [...lead];
  let first = lead.length === 0;
  for (const e of events) {
    if (!isObject(e)) continue;
    if (e.event === 'model') {
      if (first) {
        for (const m of modelInput(e, pool)) if (isObject(m) && m.role !== 'assistant' && m.role !== 'tool') out.push(m);
        first = false;
      }
      const o = e.output;
      const choice = isObject(o) && Array.isArray(o.choices) ? o.choices[0] : null;
      if (isObject(choice) && isObject(choice.message)) out.push(choice.message);
    } else if (e.event === 'tool' && typeof e.id === 'string') {
      out.push({ role: 'tool', tool_call_id: e.id, function: e.function, content: e.result ?? '', error: e.error ?? undefined });
    }
  }
  return out.some((m) => isObject(m) && m.role === 'assistant') ? out : [];
}
