// A launch that never came up: no output ever showed it running (it has no PID), and a later
// listing of its own program shows other instances of it, on other ports, but not it (the agent
// meant for 3001 is missing while the one on 3000 is listed). Whatever answered on its port was
// another program, so the answers the walk gave it are taken back. Not after a kill since its
// launch: a kill the walk could not place may have stopped it after it answered.
import type { ProgramReading } from './world-programs';
import type { SeenProcess } from './world-outputs';
import { isLive, prune, type Proc, type Walk } from './world-walk';

export function unseenLaunches(w: Walk, step: number, host: string | null, output: string, listed: SeenProcess[], read: (line: string) => ProgramReading): void {
  // Per component name, the ports the listing shows it on (made only when a launch is in question).
  let shown: Map<string, Set<number>> | null = null;
  let changed = false;
  for (const p of w.unpidded) {
    if (!inQuestion(w, p, step, host)) continue;
    shown ??= portsByKey(listed, read);
    const others = w.keys[p.id].some((k) => [...(shown!.get(k) ?? [])].some((port) => port !== p.port));
    if (!others || (output.includes(String(p.port)) && new RegExp(String.raw`[:=\s]${p.port}\b`).test(output))) continue;
    p.failedAt = { step: p.launchedAt!.step, why: `never ran: a listing in step ${step} shows other instances of ${p.program}, not the one on port ${p.port}` };
    for (const c of w.world.checks) if (c.process === p.id) c.process = null;
    for (const e of w.world.ports) if (e.process === p.id && e.state === 'answered') e.process = null;
    p.answeredAt = [];
    changed = true;
  }
  if (changed) prune(w);
}

const inQuestion = (w: Walk, p: Proc, step: number, host: string | null) =>
  p.pid === null && p.system && p.port !== null && p.host === host && p.launchedAt !== null && p.launchedAt.step < step && w.lastKill <= p.launchedAt.step && isLive(p);

function portsByKey(listed: SeenProcess[], read: (line: string) => ProgramReading): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const s of listed) {
    if (s.commandLine === null || s.port === null) continue;
    for (const k of read(s.commandLine).keys) (out.get(k) ?? out.set(k, new Set()).get(k)!).add(s.port);
  }
  return out;
}
