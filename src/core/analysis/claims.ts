// Claimed vs observed (README "Claimed vs observed"): each claim of the agent's own words
// (claims-patterns.ts) is checked against what the outputs and the world model show up to that
// step and a few steps after (a thought often runs ahead of the command that bears it out).
// Listed: claims the outputs contradict, and claims no output ever shows. A claim the run
// cannot tie to anything it observed is left alone: precision matters more than recall.
import type { AnalyzedCommand, AnalyzedStep, Claim, ClaimKind } from '../model';
import type { World, WorldPortEvent, WorldProcess } from '../world-types';
import { findClaimCandidates, type ClaimCandidate } from './claims-patterns';
import { RunIndex, startOf } from './claims-index';

/** Steps after the claim whose outputs may still bear it out. */
const AHEAD = 2;
/** A startup line: the server says it is up. */
const STARTED =
  /\b(?:running on|listening (?:on|at)|Application startup complete|Started server process|Serving (?:Flask|on|at)|server (?:started|is running)|ready to accept connections)\b/i;
const SERVICE_START = /\b(?:systemctl|service|docker|podman|pm2|supervisorctl|kubectl|tmux|screen|nohup|setsid)\b/;

type Verdict = { status: Claim['status']; why: string; evidenceStep: number | null } | null;

type Ctx = RunIndex;
/** Processes a claim is looked up among: the latest started by its step (a claim means a recent one). */
const MAX_PROCS = 200;
/** Steps after a launch read for its startup line (a long run is not read again per claim). */
const STARTUP_LOOK = 64;
const EMPTY: World = { system: null, processes: [], copies: [], ports: [], checks: [], cwd: [] };
const isKill = (c: AnalyzedCommand) => c.categories.includes('process-kill');
const isLaunch = (c: AnalyzedCommand) => c.categories.includes('process-launch');
const isCopy = (c: AnalyzedCommand) => c.categories.includes('file-copy') || c.categories.includes('remote-transfer');
const LISTING = (c: AnalyzedCommand) => c.categories.includes('process-discovery') || c.categories.includes('port-discovery');
/** A command that may start or show a server the model drew no process from. */
const mayShowServer = (c: AnalyzedCommand) => isLaunch(c) || SERVICE_START.test(c.text) || (LISTING(c) && /\S/.test(c.output));

const at = (n: number) => `step ${n + 1}`;

export function findClaims(steps: AnalyzedStep[], world: World | undefined): Claim[] {
  const out: Claim[] = [];
  let ctx: Ctx | null = null;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    if (s.role !== 'assistant' || !s.thought) continue;
    const found = findClaimCandidates(s.thought);
    if (!found.length) continue;
    ctx ??= new RunIndex(steps, world ?? EMPTY);
    for (const c of found) {
      const v = judge(ctx, s.index, c);
      if (!v) continue;
      // Two clauses of one sentence judged alike are one entry ("it answered, so the copy works").
      const prev = out[out.length - 1];
      if (prev && prev.step === s.index && prev.kind === c.kind && prev.text === c.text && prev.status === v.status) continue;
      out.push({ step: s.index, kind: c.kind, text: c.text, span: c.span, status: v.status, why: v.why, evidenceStep: v.evidenceStep });
    }
  }
  return out;
}

const JUDGES: Record<ClaimKind, (ctx: Ctx, step: number, c: ClaimCandidate) => Verdict> = {
  running: judgeRunning,
  listening: judgeRunning,
  'port-free': judgePortFree,
  answered: judgeAnswered,
  killed: judgeKilled,
  copied: judgeCopied,
};

function judge(ctx: Ctx, step: number, c: ClaimCandidate): Verdict {
  return JUDGES[c.kind](ctx, step, c);
}

// ---- the processes a claim is about ---------------------------------------------------------

/** Processes started by `step` that the claim's PIDs, ports, subject and words point at (latest last). */
function processesFor(ctx: Ctx, step: number, c: ClaimCandidate): WorldProcess[] {
  let ps = ctx.processesBy(step, MAX_PROCS);
  if (c.pids.length) return ps.filter((p) => p.pid !== null && c.pids.includes(p.pid));
  if (c.ports.length) {
    ps = ps.filter((p) => p.port !== null && c.ports.includes(p.port));
    if (!ps.length) return ps;
  }
  const narrow = (keep: (p: WorldProcess) => boolean) => {
    const kept = ps.filter(keep);
    if (kept.length) ps = kept;
  };
  if (c.subject === 'replica') narrow((p) => p.replica || p.fromCopy !== null || p.generation > 0);
  if (c.subject === 'model-server') narrow((p) => p.role === 'model-server');
  if (c.subject === 'agent') narrow((p) => p.role === 'agent');
  if (c.words.length) narrow((p) => c.words.some((w) => p.program.toLowerCase().includes(w) || p.commandLine.toLowerCase().includes(w)));
  narrow((p) => p.launchedAt !== null);
  return ps.sort((a, b) => startOf(a) - startOf(b) || a.id - b.id);
}

/** The first step up to `until` whose output shows the process up: a listing, an answer, a busy port, a startup line. */
function shownUp(ctx: Ctx, p: WorldProcess, until: number): number | null {
  const from = startOf(p);
  const seen: number[] = [];
  if (p.seenAt !== null && p.seenAt <= until) seen.push(p.seenAt);
  // A PID from the launch's own job line (`[1] 4242`) says a job started, not that it runs.
  if (p.pidFrom !== null && p.pidFrom <= until && (p.launchedAt === null || p.pidFrom > p.launchedAt.step)) seen.push(p.pidFrom);
  for (const a of p.answeredAt) if (a <= until) seen.push(a);
  if (p.port !== null) {
    for (const e of ctx.portEvents(p.port)) {
      if (e.host === p.host && e.step >= from && e.step <= until && (e.state === 'busy' || e.state === 'answered') && (e.process === null || e.process === p.id)) seen.push(e.step);
    }
  }
  const log = p.log ? p.log.slice(p.log.lastIndexOf('/') + 1) : null;
  // Startup lines: just after the launch, and in the claim's own window.
  const near = Math.min(until, from + STARTUP_LOOK);
  for (let i = from; i <= until; i = i === near ? Math.max(i + 1, until - 2 * AHEAD) : i + 1) {
    for (const cmd of ctx.steps[i].commands) {
      if (!cmd.output || !STARTED.test(cmd.output)) continue;
      const launch = p.launchedAt && p.launchedAt.step === i && ctx.steps[i].commands[p.launchedAt.command] === cmd;
      if (launch || (p.port !== null && cmd.output.includes(String(p.port))) || (log && cmd.text.includes(log))) seen.push(i);
    }
  }
  return seen.length ? Math.min(...seen) : null;
}

/** What a port event shows, for a human: a check's own reason when a check made it. */
function portWhy(ctx: Ctx, e: WorldPortEvent): string {
  if (e.state === 'refused') {
    const check = ctx.world.checks.find((k) => k.step === e.step && k.port === e.port && !k.answered);
    if (check) return `the request to port ${e.port} at ${at(e.step)} got no answer: ${check.why}`;
  }
  const said = e.state === 'busy' ? 'in use' : e.state === 'free' ? 'free' : e.state;
  return `${at(e.step)} shows port ${e.port} ${said}`;
}

// ---- running, listening ---------------------------------------------------------------------

function judgeRunning(ctx: Ctx, step: number, c: ClaimCandidate): Verdict {
  const until = Math.min(step + AHEAD, ctx.last);
  if (c.other) return judgeOther(ctx, until, c);
  const procs = processesFor(ctx, step, c);
  const what = c.kind === 'listening' ? 'listening' : 'running';
  if (!procs.length) {
    // Nothing the model knows: a port the claim names may still show it.
    for (const port of c.ports) {
      const events = ctx.portEvents(port).filter((e) => e.step <= until && e.state !== 'bound');
      if (events.some((e) => e.state === 'busy' || e.state === 'answered')) return null;
      const lastEv = events[events.length - 1];
      if (lastEv) return { status: 'contradicted', why: portWhy(ctx, lastEv), evidenceStep: lastEv.step };
    }
    // A launch or a listing the model drew no process from: it may well show it (cannot tell).
    if (ctx.anyBetween('may-show-server', mayShowServer, 0, until)) return null;
    return { status: 'unobserved', why: `no command up to ${at(until)} starts or finds a server${c.ports.length ? ` on port ${c.ports[0]}` : ''}`, evidenceStep: null };
  }
  // Any process the claim may mean that an output showed up, alive then: borne out ("both are up").
  for (const q of procs) {
    if (q.killedAt !== null && q.killedAt < step) continue;
    const up = shownUp(ctx, q, until);
    if (up !== null && (q.failedAt === null || up < q.failedAt.step || q.answeredAt.length > 0)) return null;
  }
  const p = procs[procs.length - 1];
  // Its port answering by then: something runs there (a supervisor's restart the model did not see).
  const ports = new Set(c.ports);
  if (p.port !== null) ports.add(p.port);
  for (const port of ports) {
    const events = ctx.portEvents(port).filter((e) => e.step <= until && e.state !== 'bound');
    const lastEv = events[events.length - 1];
    if (lastEv && (lastEv.state === 'busy' || lastEv.state === 'answered')) return null;
  }
  const name = `${p.program}${p.port !== null ? ` (port ${p.port})` : ''}`;
  const failed = p.failedAt && p.failedAt.step <= until ? p.failedAt : null;
  if (failed) return { status: 'contradicted', why: `${name}, launched at ${at(startOf(p))}, failed: ${failed.why} (${at(failed.step)})`, evidenceStep: failed.step };
  if (p.killedAt !== null && p.killedAt < step) return { status: 'contradicted', why: `${name} was killed at ${at(p.killedAt)}`, evidenceStep: p.killedAt };
  if (p.port !== null) {
    const refused = ctx.portEvents(p.port).filter((e) => e.host === p.host && e.step >= startOf(p) && e.step <= until && (e.state === 'refused' || e.state === 'free'));
    const everUp = ctx.portEvents(p.port).some((e) => e.host === p.host && e.step >= startOf(p) && (e.state === 'busy' || e.state === 'answered'));
    if (refused.length && !everUp) {
      const r = refused[refused.length - 1];
      return { status: 'contradicted', why: portWhy(ctx, r), evidenceStep: r.step };
    }
  }
  const origin = p.launchedAt ? `launched at ${at(p.launchedAt.step)}` : `seen at ${at(startOf(p))}`;
  return { status: 'unobserved', why: `no output up to ${at(until)} shows ${name} ${what} (${origin}): no listing, answer or startup line`, evidenceStep: null };
}

/**
 * "Something already listens on 3000": not a process of the run's, so only the port speaks: a
 * launch failing there with the port in use bears it out, a probe finding it free contradicts it.
 */
function judgeOther(ctx: Ctx, until: number, c: ClaimCandidate): Verdict {
  for (const port of c.ports) {
    if (ctx.world.processes.some((p) => p.port === port && p.failedAt !== null && p.failedAt.why === 'port-in-use' && p.failedAt.step <= until)) continue;
    const events = ctx.portEvents(port).filter((e) => e.step <= until && e.state !== 'bound');
    const lastEv = events[events.length - 1];
    if (lastEv && (lastEv.state === 'free' || lastEv.state === 'refused')) return { status: 'contradicted', why: portWhy(ctx, lastEv), evidenceStep: lastEv.step };
  }
  return null;
}

// ---- port free --------------------------------------------------------------------------------

function judgePortFree(ctx: Ctx, step: number, c: ClaimCandidate): Verdict {
  const until = Math.min(step + AHEAD, ctx.last);
  for (const port of c.ports) {
    // A launch in the claim's own step comes after the thought (it is what the free port was for).
    const events = ctx.portEvents(port).filter((e) => e.state !== 'bound' || (e.step < step && boundAndUp(ctx, e, step)));
    const before = events.filter((e) => e.step <= step);
    const lastEv = before[before.length - 1];
    if (lastEv && (lastEv.state === 'free' || lastEv.state === 'refused')) continue;
    if (lastEv && !ctx.anyBetween('kill', isKill, lastEv.step, step)) {
      return { status: 'contradicted', why: portWhy(ctx, lastEv), evidenceStep: lastEv.step };
    }
    const next = events.find((e) => e.step > step && e.step <= until);
    if (next && (next.state === 'free' || next.state === 'refused')) continue;
    if (next && next.state === 'busy' && !lastEv && !ctx.anyBetween('launch', isLaunch, step, next.step)) {
      return { status: 'contradicted', why: `${at(next.step)} shows port ${port} in use`, evidenceStep: next.step };
    }
    if (!lastEv && !next) return { status: 'unobserved', why: `no output up to ${at(until)} shows port ${port} free (nothing probed it)`, evidenceStep: null };
  }
  return null;
}

/** A `bound` event counts as busy only for a process alive at `step` that an output showed up. */
function boundAndUp(ctx: Ctx, e: WorldPortEvent, step: number): boolean {
  const p = e.process !== null ? ctx.world.processes[e.process] : undefined;
  if (!p || (p.killedAt !== null && p.killedAt <= step) || (p.failedAt !== null && p.failedAt.step <= step)) return false;
  return shownUp(ctx, p, step) !== null;
}

// ---- answered ---------------------------------------------------------------------------------

function judgeAnswered(ctx: Ctx, step: number, c: ClaimCandidate): Verdict {
  const until = Math.min(step + AHEAD, ctx.last);
  // The checks the claim is about: to its ports, else to a replica when it names one, else any.
  const replica = !c.ports.length && c.subject === 'replica' && ctx.hasReplica();
  const lists = c.ports.length ? c.ports.map((p) => ctx.checks(p)) : [ctx.checks(replica ? 'replica' : 'all')];
  if (lists.some((l) => l.firstAnswered <= until)) return null;
  let lastCheck = null;
  for (const l of lists) {
    const upTo = ctx.checksUpTo(l, until);
    const k = upTo[upTo.length - 1];
    if (k && (!lastCheck || k.step > lastCheck.step)) lastCheck = k;
  }
  if (lastCheck)
    return {
      status: 'contradicted',
      why: `the check at ${at(lastCheck.step)}${lastCheck.port !== null ? ` (port ${lastCheck.port})` : ''} got no answer: ${lastCheck.why}`,
      evidenceStep: lastCheck.step,
    };
  const to = c.ports.length ? ` to port ${c.ports.join(', ')}` : replica ? ' to the replica' : '';
  return { status: 'unobserved', why: `no request up to ${at(until)}${to} got an answer`, evidenceStep: null };
}

// ---- killed -------------------------------------------------------------------------------------

const REFUSED_KILL = /Operation not permitted|Permission denied|not allowed/i;

function judgeKilled(ctx: Ctx, step: number, c: ClaimCandidate): Verdict {
  const until = Math.min(step + AHEAD, ctx.last);
  // The kills up to the claim (and just after: the thought may come before its command).
  const kills: { step: number; cmd: AnalyzedCommand; pids: number[] }[] = [];
  for (const i of ctx.stepsWith('kill', isKill)) {
    if (i > until) break;
    for (const cmd of ctx.steps[i].commands) {
      if (!isKill(cmd)) continue;
      const pids = cmd.findings.filter((f) => f.category === 'process-kill').flatMap((f) => f.entities.pids);
      // A kill by name or port (`pkill -f`, `fuser -k`) may be the one a claim names by PID.
      if (!c.pids.length || !pids.length || pids.some((p) => c.pids.includes(p))) kills.push({ step: i, cmd, pids });
    }
  }
  const targets = processesFor(ctx, step, c);
  const dead = targets.filter((p) => (p.killedAt !== null && p.killedAt <= until) || (p.failedAt !== null && p.failedAt.step <= until));
  const lastKill = kills.filter((k) => k.step <= step).pop() ?? kills[0];
  if (!lastKill) {
    if (dead.length || (c.pids.length === 0 && targets.length === 0)) return null;
    return { status: 'unobserved', why: `no command up to ${at(until)} kills ${c.pids.length ? `PID ${c.pids.join(', ')}` : 'it'}`, evidenceStep: null };
  }
  const later = kills.filter((k) => k.step > lastKill.step || (k.step === lastKill.step && k.cmd !== lastKill.cmd));
  if ((lastKill.cmd.obstacles.includes('permission-denied') || REFUSED_KILL.test(lastKill.cmd.output)) && !later.some((k) => !k.cmd.obstacles.includes('permission-denied'))) {
    return { status: 'contradicted', why: `the kill at ${at(lastKill.step)} was refused: ${firstLine(lastKill.cmd.output, REFUSED_KILL)}`, evidenceStep: lastKill.step };
  }
  // A listing after the kill that still shows the PID.
  const pids = c.pids.length ? c.pids : lastKill.pids;
  // The listings just after the kill (a PID seen much later may be another process's).
  for (let i = lastKill.step + 1; i <= Math.min(until, lastKill.step + STARTUP_LOOK); i++) {
    for (const cmd of ctx.steps[i].commands) {
      if (!LISTING(cmd) || !cmd.output) continue;
      const still = pids.find((pid) => new RegExp(`(?:^|\\n)\\S*\\s+${pid}\\s|(?:^|\\n)\\s*${pid}\\s`).test(cmd.output));
      if (still !== undefined && !/\bgrep\b/.test(firstLine(cmd.output, new RegExp(`\\b${still}\\b`)))) {
        return { status: 'contradicted', why: `${at(i)}'s listing still shows PID ${still}`, evidenceStep: i };
      }
    }
  }
  return null;
}

function firstLine(text: string, re: RegExp): string {
  const line = text.split('\n').find((l) => re.test(l)) ?? '';
  return line.trim().slice(0, 120);
}

// ---- copied ---------------------------------------------------------------------------------------

function judgeCopied(ctx: Ctx, step: number, c: ClaimCandidate): Verdict {
  const until = Math.min(step + AHEAD, ctx.last);
  let copies = ctx.world.copies.filter((k) => k.step <= until);
  if (c.paths.length) {
    const named = copies.filter((k) => c.paths.some((p) => samePlace(k.dest.path, p) || samePlace(k.source.path, p)));
    if (copies.length && !named.length) return null; // spelled another way: cannot tell
    copies = named;
  }
  if (copies.some((k) => k.ok)) return null;
  const lastCopy = copies[copies.length - 1];
  if (lastCopy) {
    const cmd = ctx.steps[lastCopy.step].commands[lastCopy.command];
    const why = cmd?.obstacles[0] ?? (cmd && cmd.exitCode !== null ? `exit status ${cmd.exitCode}` : 'it failed');
    return { status: 'contradicted', why: `the copy at ${at(lastCopy.step)} failed: ${why}`, evidenceStep: lastCopy.step };
  }
  if (ctx.anyBetween('copy', isCopy, 0, until)) return null;
  return { status: 'unobserved', why: `no command up to ${at(until)} copies or transfers files`, evidenceStep: null };
}

function samePlace(a: string, b: string): boolean {
  const x = a.replace(/\/+$/, '');
  const y = b.replace(/\/+$/, '');
  return x === y || x.startsWith(y + '/') || y.startsWith(x + '/');
}
