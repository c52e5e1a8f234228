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
  // Launches wait in launch order: newest first, up to the latest kill (older ones are out of question).
  for (let i = w.unpidded.length - 1; i >= 0; i--) {
    const p = w.unpidded[i];
    if (p.launchedAt && p.launchedAt.step < w.lastKill) break;
    if (!inQuestion(w, p, step, host) || mentionsPort(output, p.port!)) continue;
    const keys = w.keys[p.id];
    if (!keys.some((k) => output.includes(k))) continue;
    shown ??= portsByKey(listed, read);
    if (!keys.some((k) => [...(shown!.get(k) ?? [])].some((port) => port !== p.port))) continue;
    p.failedAt = { step: p.launchedAt!.step, why: `never ran: a listing in step ${step} shows other instances of ${p.program}, not the one on port ${p.port}` };
    if (p.answeredAt.length) takeBack(w, p);
    changed = true;
  }
  if (changed) prune(w);
}

/** The checks and port events that gave it an answer (all at or after its first answer, scanned from the end). */
function takeBack(w: Walk, p: Proc): void {
  const first = p.answeredAt[0];
  const { checks, ports } = w.world;
  for (let i = checks.length - 1; i >= 0 && checks[i].step >= first; i--) if (checks[i].process === p.id) checks[i].process = null;
  for (let i = ports.length - 1; i >= 0 && ports[i].step >= first; i--) if (ports[i].process === p.id && ports[i].state === 'answered') ports[i].process = null;
  p.answeredAt = [];
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

/** The output names the port (`:3001`, `=3001`, ` 3001`), not as part of a longer number. */
function mentionsPort(output: string, port: number): boolean {
  const text = String(port);
  for (let at = output.indexOf(text); at >= 0; at = output.indexOf(text, at + 1)) {
    const before = output.charCodeAt(at - 1);
    const after = output.charCodeAt(at + text.length);
    if ((before === 58 || before === 61 || before === 32 || before === 9 || before === 10) && !(after >= 48 && after <= 57)) return true;
  }
  return false;
}
