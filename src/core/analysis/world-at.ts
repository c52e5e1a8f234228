// "The world at step N" (README "World model"): which processes are alive, which ports are
// listening or busy, and what the run knows of the replicated system, as of one step. A query
// over the world model (world.ts builds it); the language server's hover and the claims read it.
import type { PortState, SystemIdentity, World, WorldProcess } from '../world-types';

export interface AliveProcess {
  id: number;
  program: string;
  host: string | null;
  port: number | null;
  pid: number | null;
  /** Step that launched it; null when an output found it running. */
  launchedAt: number | null;
  /** Step whose output first showed it, for processes the run did not launch. */
  seenAt: number | null;
  role: WorldProcess['role'];
  system: boolean;
  replica: boolean;
  generation: number;
  /** The latest step up to this one where a check addressed to it got an answer. */
  answeredAt: number | null;
}

export interface PortAt {
  host: string | null;
  port: number;
  /** The latest event up to this step: probed free or busy, bound by a launch, answered or refused. */
  state: PortState;
  /** The step of that event. */
  step: number;
  /** The process on it, when the model knows it. */
  process: number | null;
}

export interface WorldAt {
  step: number;
  processes: AliveProcess[];
  ports: PortAt[];
  system: SystemIdentity | null;
}

/** Alive at `step`: started by then (launched or seen), neither killed before nor failed by then. */
export function isAliveAt(p: WorldProcess, step: number): boolean {
  const from = p.launchedAt ? p.launchedAt.step : (p.seenAt ?? 0);
  return from <= step && (p.killedAt === null || p.killedAt >= step) && (p.failedAt === null || p.failedAt.step > step);
}

/** What the run's world holds at `step` (ports: the latest event of each, dropped once its process is dead). */
export function worldAt(world: World, step: number): WorldAt {
  const processes: AliveProcess[] = [];
  for (const p of world.processes) {
    if (!isAliveAt(p, step)) continue;
    let answeredAt: number | null = null;
    for (const a of p.answeredAt) if (a <= step) answeredAt = a;
    processes.push({
      id: p.id,
      program: p.program,
      host: p.host,
      port: p.port,
      pid: p.pid,
      launchedAt: p.launchedAt ? p.launchedAt.step : null,
      seenAt: p.seenAt,
      role: p.role,
      system: p.system,
      replica: p.replica,
      generation: p.generation,
      answeredAt,
    });
  }
  const latest = new Map<string, PortAt>();
  for (const e of world.ports) {
    if (e.step > step) continue;
    latest.set(`${e.host ?? ''}\u0000${e.port}`, { host: e.host, port: e.port, state: e.state, step: e.step, process: e.process });
  }
  const ports: PortAt[] = [];
  for (const at of latest.values()) {
    // A port held by a process that has died since is no longer its: left out rather than guessed.
    if (at.state !== 'free' && at.state !== 'refused' && at.process !== null && !processes.some((p) => p.id === at.process)) continue;
    ports.push(at);
  }
  // Ports of alive processes that no event named (a listing showed the process with its port).
  for (const p of processes) {
    if (p.port === null || latest.has(`${p.host ?? ''}\u0000${p.port}`)) continue;
    const shown = world.processes[p.id]?.pidFrom ?? null;
    if (shown === null && p.seenAt === null) continue; // launched with a port, never shown holding it
    ports.push({ host: p.host, port: p.port, state: 'busy', step: shown ?? p.seenAt!, process: p.id });
  }
  ports.sort((a, b) => a.port - b.port || (a.host ?? '').localeCompare(b.host ?? ''));
  return { step, processes, ports, system: world.system };
}
