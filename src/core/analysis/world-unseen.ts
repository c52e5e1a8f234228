// A launch that never came up: no output ever showed it running (it has no PID), and a later
// listing of its own program shows other instances of it, on other ports, but not it (the agent
// meant for 3001 is missing while the one on 3000 is listed). Whatever answered on its port was
// another program, so the answers the walk gave it are taken back.
import type { ProgramReading } from './world-programs';
import type { SeenProcess } from './world-outputs';
import { isLive, prune, type Walk } from './world-walk';

export function unseenLaunches(w: Walk, step: number, host: string | null, output: string, listed: SeenProcess[], read: (line: string) => ProgramReading): void {
  let changed = false;
  for (const p of w.unpidded) {
    if (p.pid !== null || !isLive(p) || !p.system || !p.launchedAt || p.launchedAt.step >= step || p.host !== host || p.port === null) continue;
    const keys = w.keys[p.id];
    const others = listed.some((s) => s.commandLine !== null && s.port !== null && s.port !== p.port && read(s.commandLine).keys.some((k) => keys.includes(k)));
    if (!others || new RegExp(String.raw`[:=\s]${p.port}\b`).test(output)) continue;
    p.failedAt = { step: p.launchedAt.step, why: `never ran: a listing in step ${step} shows other instances of ${p.program}, not the one on port ${p.port}` };
    for (const c of w.world.checks) if (c.process === p.id) c.process = null;
    for (const e of w.world.ports) if (e.process === p.id && e.state === 'answered') e.process = null;
    p.answeredAt = [];
    changed = true;
  }
  if (changed) prune(w);
}
