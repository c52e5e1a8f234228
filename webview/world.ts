// The run's world model (src/core/world-types.ts) at one step for the world panel (the core's
// world-at query, plus what ended by then, the copies and each session's working directory),
// and its processes and ports laid out as lifelines. Pure functions of the data: no DOM.
import type { World, WorldCopy, WorldCwd, WorldProcess } from '../src/core/world-types';
import { worldAt as coreWorldAt, type PortAt } from '../src/core/analysis/world-at';

export type { PortAt };

/** Where a process stands at a step. */
export type ProcessState = 'alive' | 'killed' | 'crashed';

export interface ProcessAt {
  process: WorldProcess;
  state: ProcessState;
  /** The step that ended it (killed or crashed), when it has ended by this step. */
  endedAt: number | null;
  /** It answered a liveness check at or before this step. */
  answered: boolean;
}

export interface WorldAt {
  step: number;
  /** Alive first (as the core's query says), then the ones that ended by this step. */
  processes: ProcessAt[];
  ports: PortAt[];
  copies: WorldCopy[];
  /** The working directory of each session, as `cd` left it by this step. */
  cwd: WorldCwd[];
}

/** The step a process enters the run: its launch, or the output that first showed it. */
export function startOf(p: WorldProcess): number {
  return p.launchedAt?.step ?? p.seenAt ?? 0;
}

/** The step that ended it and how, or null while it runs to the end of the log. */
export function endOf(p: WorldProcess): { step: number; how: 'killed' | 'crashed'; why: string | null } | null {
  const k = p.killedAt;
  const f = p.failedAt;
  if (k !== null && (f === null || k <= f.step)) return { step: k, how: 'killed', why: null };
  if (f !== null) return { step: f.step, how: 'crashed', why: f.why };
  return null;
}

export function worldAt(world: World, step: number): WorldAt {
  const core = coreWorldAt(world, step);
  const byId = new Map(world.processes.map((p) => [p.id, p]));
  const alive = new Set(core.processes.map((a) => a.id));
  const processes: ProcessAt[] = [];
  for (const a of core.processes) {
    const p = byId.get(a.id);
    if (p) processes.push({ process: p, state: 'alive', endedAt: null, answered: a.answeredAt !== null });
  }
  for (const p of world.processes) {
    if (alive.has(p.id) || startOf(p) > step) continue;
    const end = endOf(p);
    if (!end || end.step > step) continue;
    processes.push({ process: p, state: end.how, endedAt: end.step, answered: p.answeredAt.some((s) => s <= step) });
  }
  const copies = world.copies.filter((c) => c.step <= step);
  const lastCwd = new Map<string, WorldCwd>();
  for (const c of world.cwd) if (c.step <= step && (lastCwd.get(c.session)?.step ?? -1) <= c.step) lastCwd.set(c.session, c);
  return { step, processes, ports: core.ports, copies, cwd: [...lastCwd.values()] };
}

// ---- lifelines ----------------------------------------------------------------------------------

export interface Lane {
  /** `p:ID` for a process (its world id), `port:HOST:PORT` for a port: the world panel finds its lane by it. */
  key: string;
  kind: 'process' | 'port';
  /** The column it is drawn in (lanes that do not overlap share one). */
  column: number;
  from: number;
  /** Last step it covers (the log's last step when it never ended). */
  to: number;
  /** How it ended at `to`, when it did. */
  end: 'killed' | 'crashed' | null;
  /** Steps where it answered a liveness check (process) or a probe found it answering (port). */
  marks: number[];
  /** `system`, `replica`, `other`, `port`: the colour. */
  tone: 'system' | 'replica' | 'other' | 'port';
  /** What it is, for the hover. */
  title: string;
}

export interface Lifelines {
  lanes: Lane[];
  columns: number;
  /** Lanes not drawn (more overlapping ones than columns); the world panel still lists them. */
  hidden: number;
  /** For each step, the lanes that cover it (indexes into `lanes`). */
  at(step: number): number[];
}

/** Columns drawn at most; beyond that the least important lanes are left to the world panel. */
export const MAX_COLUMNS = 12;

export function processTitle(p: WorldProcess): string {
  const what = [p.role === 'model-server' ? 'model server' : p.role === 'agent' ? 'agent' : 'process'];
  if (p.replica) what.push(`replica, generation ${p.generation}`);
  else if (p.system) what.push('the replicated system');
  const facts = [p.pid !== null ? `pid ${p.pid}` : null, p.port !== null ? `port ${p.port}` : null, p.host ? `on ${p.host}` : null, p.cwd ? `in ${p.cwd}` : null].filter(Boolean);
  const life = [p.launchedAt ? `launched in step ${p.launchedAt.step + 1}` : p.seenAt !== null ? `found running in step ${p.seenAt + 1}` : null];
  const end = endOf(p);
  if (end) life.push(end.how === 'killed' ? `killed in step ${end.step + 1}` : `crashed in step ${end.step + 1}${end.why ? ` (${end.why})` : ''}`);
  if (p.answeredAt.length) life.push(`answered in step ${p.answeredAt.map((s) => s + 1).join(', ')}`);
  return `${p.program} (${what.join(', ')})${facts.length ? ` \u00B7 ${facts.join(' \u00B7 ')}` : ''}\n${life.filter(Boolean).join(' \u00B7 ')}\n${p.commandLine}`;
}

/**
 * One lane per process from its launch to its kill or crash, and one per port that something
 * outside any known process held (busy, bound or answering), from its first such event to its last.
 */
export function lifelines(world: World | null | undefined, stepCount: number): Lifelines {
  const last = Math.max(0, stepCount - 1);
  // Titles are written only for the lanes drawn (a long log has thousands of processes).
  const raw: (Omit<Lane, 'column' | 'title'> & { describe: () => string })[] = [];
  const rank: number[] = [];
  for (const p of world?.processes ?? []) {
    const end = endOf(p);
    raw.push({
      key: `p:${p.id}`,
      kind: 'process',
      from: Math.min(startOf(p), last),
      to: Math.min(end ? end.step : last, last),
      end: end ? end.how : null,
      marks: p.answeredAt,
      tone: p.replica ? 'replica' : p.system ? 'system' : 'other',
      describe: () => processTitle(p),
    });
    rank.push(p.replica ? 0 : p.system ? 1 : p.launchedAt ? 2 : 3);
  }
  const portEvents = new Map<string, { port: number; host: string | null; steps: number[]; answered: number[] }>();
  for (const e of world?.ports ?? []) {
    if (e.process !== null || (e.state !== 'busy' && e.state !== 'bound' && e.state !== 'answered')) continue;
    const key = `${e.host ?? ''}:${e.port}`;
    const g = portEvents.get(key) ?? { port: e.port, host: e.host, steps: [], answered: [] };
    g.steps.push(e.step);
    if (e.state === 'answered') g.answered.push(e.step);
    portEvents.set(key, g);
  }
  for (const g of portEvents.values()) {
    let from = g.steps[0];
    let to = g.steps[0];
    for (const s of g.steps) {
      if (s < from) from = s;
      if (s > to) to = s;
    }
    raw.push({
      key: `port:${g.host ?? ''}:${g.port}`,
      kind: 'port',
      from: Math.min(from, last),
      to: Math.min(to, last),
      end: null,
      marks: g.answered,
      tone: 'port',
      describe: () =>
        `port ${g.port}${g.host ? ` on ${g.host}` : ''}: held by a process the run did not start or name\nseen in step ${[...new Set(g.steps)].map((s) => s + 1).join(', ')}`,
    });
    rank.push(4);
  }
  // Most important first, then by start; each takes the first column free at its start.
  const order = raw.map((_, i) => i).sort((a, b) => rank[a] - rank[b] || raw[a].from - raw[b].from);
  const freeAfter: number[] = [];
  const lanes: Lane[] = [];
  let hidden = 0;
  for (const i of order) {
    const r = raw[i];
    let col = freeAfter.findIndex((t) => t < r.from);
    if (col < 0 && freeAfter.length < MAX_COLUMNS) col = freeAfter.length;
    if (col < 0) {
      hidden++;
      continue;
    }
    freeAfter[col] = r.to;
    const { describe, ...lane } = r;
    lanes.push({ ...lane, column: col, title: describe() });
  }
  // Per column, the lane covering each step (lanes of a column never overlap): a row's lanes
  // are one lookup per column, and the table is columns x steps small integers.
  const columns = freeAfter.length;
  const steps = last + 1;
  const cover = new Int32Array(columns * steps).fill(-1);
  lanes.forEach((l, i) => cover.fill(i, l.column * steps + l.from, l.column * steps + l.to + 1));
  const at = (step: number): number[] => {
    const out: number[] = [];
    if (step < 0 || step >= steps) return out;
    for (let c = 0; c < columns; c++) {
      const i = cover[c * steps + step];
      if (i >= 0) out.push(i);
    }
    return out;
  };
  return { lanes, columns, hidden, at };
}
