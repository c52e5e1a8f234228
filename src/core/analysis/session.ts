// A session is one run for its verdict (README "World model"): a Claude Code sub-agent acts for
// the agent that started it, so the main run's verdict and world model are judged over the main
// run's steps and its sub-agents' steps together, in time order. Every run keeps its own steps
// (each with its own source lines) for reading; only the main run's `outcome` and `world` come
// from the joined steps, with step indexes mapped back onto the main run's steps.
import type { AnalyzedTrajectory, Outcome, RawTrajectory } from '../model';
import type { World } from '../world-types';
import { analyzeTrajectory } from './trajectory';

/** A main run and the sub-agent runs of its session (indexes into the file's runs). */
export interface Session {
  main: number;
  /** Sub-agents the main run started: their steps join the main run's for the verdict. */
  joined: number[];
  /** Sub-agents of the session the main run shows no start of (e.g. warm-up agents): read alone. */
  others: number[];
}

/** `meta` keys the analysis sets on a session's runs (the analysis contract's free `meta`). */
export const SESSION_MAIN = 'sessionMain';
export const SESSION_SUBAGENTS = 'sessionSubagents';

const isSub = (r: RawTrajectory) => r.meta?.sidechain === true;
/** The sub-agent's id as the reader spells it (`SESSION:AGENT`), or its whole id. */
const agentOf = (sub: { id: string }, main: { id: string }) => (sub.id.startsWith(`${main.id}:`) ? sub.id.slice(main.id.length + 1) : sub.id);

/**
 * The sessions among a file's runs: each sub-agent (meta.sidechain) goes with the main run whose
 * id prefixes its own, or with the only main run. A main run that names the sub-agents it started
 * (meta.subagents, from its Task results) joins those; one that names none joins them all.
 */
export function sessionsOf(runs: readonly RawTrajectory[]): Session[] {
  const mains = runs.map((r, i) => (isSub(r) ? -1 : i)).filter((i) => i >= 0);
  const out = new Map<number, Session>();
  runs.forEach((r, i) => {
    if (!isSub(r)) return;
    const main = mains.find((m) => r.id.startsWith(`${runs[m].id}:`)) ?? (mains.length === 1 ? mains[0] : undefined);
    if (main === undefined || !runs[main].steps.length) return;
    let s = out.get(main);
    if (!s) out.set(main, (s = { main, joined: [], others: [] }));
    const named = runs[main].meta?.subagents;
    const started = typeof named === 'string' ? named.split(',') : null;
    (started && !started.includes(agentOf(r, runs[main])) ? s.others : s.joined).push(i);
  });
  return [...out.values()];
}

/** Where a step of the joined sequence came from: part 0 is the main run, then the sub-agents. */
interface Origin {
  part: number;
  step: number;
}

/**
 * The parts' steps in time order. A step without a time keeps its place after the step before it
 * in its own run; ties keep the main run first, then the sub-agents in their order.
 */
export function joinSteps<S extends { time: string | null }>(parts: readonly { steps: readonly S[] }[]): { steps: S[]; origins: Origin[] } {
  const all: (Origin & { t: number })[] = [];
  parts.forEach((p, part) => {
    let t = -Infinity;
    p.steps.forEach((s, step) => {
      const ms = s.time ? Date.parse(s.time) : NaN;
      if (!Number.isNaN(ms)) t = Math.max(t, ms); // never before an earlier step of its own run
      all.push({ part, step, t });
    });
  });
  all.sort((a, b) => a.t - b.t || a.part - b.part || a.step - b.step);
  return { steps: all.map((o) => parts[o.part].steps[o.step]), origins: all.map(({ part, step }) => ({ part, step })) };
}

/**
 * The main run's analysis with its verdict and world judged over the session. `main` is its own
 * analysis (steps, threads, claims stay its own); `subs` are the joined sub-agents' raw runs.
 */
export function judgeSession(mainRaw: RawTrajectory, main: AnalyzedTrajectory, subs: readonly RawTrajectory[]): AnalyzedTrajectory {
  if (!subs.length || !mainRaw.steps.length) return main;
  const parts = [mainRaw, ...subs];
  const { steps, origins } = joinSteps(parts);
  const joined = analyzeTrajectory({ ...mainRaw, steps });
  // A sub-agent's step maps onto the main step it ran during: the last main step before it.
  const toMain: number[] = [];
  let at = 0;
  origins.forEach((o, k) => {
    if (o.part === 0) at = o.step;
    toMain[k] = at;
  });
  const label = (k: number) => {
    const o = origins[k];
    return o.part === 0 ? `step ${o.step + 1}` : `sub-agent ${agentOf(parts[o.part], mainRaw)}'s step ${o.step + 1}, during step ${toMain[k] + 1}`;
  };
  const names = subs.map((s) => agentOf(s, mainRaw)).join(', ');
  const outcome: Outcome = {
    ...joined.outcome,
    evidence: [...new Set(joined.outcome.evidence.map((k) => toMain[k]))].sort((a, b) => a - b),
    // The reason's step numbers are the joined sequence's: say whose step each one is.
    reason: `${joined.outcome.reason.replace(/\bstep (\d+)\b/g, (m, n: string) => (origins[Number(n) - 1] ? label(Number(n) - 1) : m))} Judged over the session: this run and its sub-agent(s) ${names}, their steps in time order.`,
  };
  const world = joined.world ? mapWorld(joined.world, toMain, (k, command) => (origins[k].part === 0 ? command : 0)) : main.world;
  // The main run's commands as the session reads them: a request to where a sub-agent launched a
  // service is a liveness check (trajectory.ts confirms remote ones against the run's launches).
  const mainSteps = main.steps.slice();
  origins.forEach((o, k) => {
    if (o.part === 0 && joined.steps[k].commands !== mainSteps[o.step].commands) mainSteps[o.step] = { ...mainSteps[o.step], commands: joined.steps[k].commands };
  });
  return { ...main, steps: mainSteps, outcome, world, meta: { ...main.meta, [SESSION_SUBAGENTS]: names } };
}

/** The world's step fields (and the `step`/`command` pairs that point at a command), mapped. */
const STEP_KEYS = new Set(['step', 'seenAt', 'pidFrom', 'killedAt', 'instructedAt', 'answeredAt']);

/** A copy of the world with every step index mapped to the main run's (a command of a sub-agent's step points at the main step's first). */
export function mapWorld(world: World, toMain: readonly number[], command: (k: number, command: number) => number): World {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, x] of Object.entries(o)) {
      if (STEP_KEYS.has(key) && typeof x === 'number') out[key] = toMain[x] ?? x;
      else if (STEP_KEYS.has(key) && Array.isArray(x)) out[key] = [...new Set(x.map((n) => (typeof n === 'number' ? (toMain[n] ?? n) : n)))];
      else out[key] = walk(x);
    }
    if (typeof o.step === 'number' && typeof o.command === 'number') out.command = command(o.step, o.command);
    return out;
  };
  return walk(world) as World;
}

/** A sub-agent's own verdict, saying that the session's verdict is on the main run. */
export function markSubagent(sub: AnalyzedTrajectory, main: RawTrajectory, joined: boolean): AnalyzedTrajectory {
  const why = joined
    ? `This sub-agent acts for the main run (${main.title}): the session's verdict is on the main run, judged over its steps and this sub-agent's together. Alone, this run would be judged: ${sub.outcome.reason}`
    : `A sub-agent the main run (${main.title}) shows no start of: read alone, and not counted as a run; the session's verdict is on the main run. Alone: ${sub.outcome.reason}`;
  return { ...sub, outcome: { ...sub.outcome, reason: why }, meta: { ...sub.meta, [SESSION_MAIN]: main.id } };
}

/**
 * The file's runs with each session as one run, as a label that lists a session as one
 * trajectory sees it: a main run with sub-agents gets their analysed steps joined to its own in
 * time order (for reading the session's commands, e.g. scoring), and the sub-agent runs go.
 */
export function sessionsJoined(runs: readonly AnalyzedTrajectory[]): AnalyzedTrajectory[] {
  const out: AnalyzedTrajectory[] = [];
  for (const t of runs) {
    if (typeof t.meta?.[SESSION_MAIN] === 'string') continue;
    const names = t.meta?.[SESSION_SUBAGENTS];
    const subs = typeof names === 'string' ? names.split(', ').map((n) => runs.find((r) => r.meta?.[SESSION_MAIN] === t.id && agentOf(r, t) === n)) : [];
    const parts = [t, ...subs.filter((x): x is AnalyzedTrajectory => !!x)];
    out.push(parts.length > 1 ? { ...t, steps: joinSteps(parts).steps.map((st, index) => ({ ...st, index })) } : t);
  }
  return out;
}

/** A sub-agent read without its session's main run: not counted as a run either. */
function markOrphan(sub: AnalyzedTrajectory): AnalyzedTrajectory {
  const session = sub.id.includes(':') ? sub.id.slice(0, sub.id.lastIndexOf(':')) : sub.id;
  const reason = `A sub-agent's transcript read without its session (${session}): the session's verdict is on its main run (SESSION.jsonl, which reads its sub-agents with it), and this run is not counted as one. Alone: ${sub.outcome.reason}`;
  return { ...sub, outcome: { ...sub.outcome, reason }, meta: { ...sub.meta, [SESSION_MAIN]: session } };
}

/** Analyses a file's runs (all of them), sessions judged as one run. */
export function analyzeRuns(raws: readonly RawTrajectory[]): AnalyzedTrajectory[] {
  const plan = new SessionRuns(raws);
  return raws.map((_, i) => plan.analyze(i));
}

/**
 * Analyses runs one at a time (as the CLI and the language server ask for them), each run of a
 * session with what the session needs: holds the raw runs of sessions with sub-agents.
 */
export class SessionRuns {
  private readonly byRun = new Map<number, { session: Session; role: 'main' | 'joined' | 'other' }>();
  constructor(private readonly raws: readonly RawTrajectory[]) {
    for (const s of sessionsOf(raws)) {
      this.byRun.set(s.main, { session: s, role: 'main' });
      for (const j of s.joined) this.byRun.set(j, { session: s, role: 'joined' });
      for (const o of s.others) this.byRun.set(o, { session: s, role: 'other' });
    }
    // A sub-agent's file read without its session's (SESSION/subagents/agent-ID.jsonl on its own):
    // the session's verdict is on a main run elsewhere.
    if (!raws.some((r) => !isSub(r))) raws.forEach((r, i) => isSub(r) && this.orphans.add(i));
  }

  private readonly orphans = new Set<number>();

  /** True when some run is part of a session with sub-agents. */
  get any(): boolean {
    return this.byRun.size > 0 || this.orphans.size > 0;
  }

  analyze(i: number): AnalyzedTrajectory {
    const raw = this.raws[i];
    const own = analyzeTrajectory(raw);
    const at = this.byRun.get(i);
    if (this.orphans.has(i)) return markOrphan(own);
    if (!at) return own;
    const main = this.raws[at.session.main];
    if (at.role === 'main')
      return judgeSession(
        raw,
        own,
        at.session.joined.map((j) => this.raws[j]),
      );
    return markSubagent(own, main, at.role === 'joined');
  }
}
