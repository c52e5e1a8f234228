// What outputs show the world model: processes a listing names (and their PIDs), kills, port
// probes and liveness checks (which process answered, and whether it was asked to replicate).
import { podAt } from './world-pods';
import { copyShownByAnswer } from './world-answer-stack';
import { movedOff } from './world-moved-ports';
import type { AnalyzedCommand } from '../model';
import { IPV4, canonical, basename } from './world-paths';
import { WORKLOAD_KEY } from './world-launch';
import {
  MAX_LISTING,
  type SeenContainer,
  nameStarts,
  barePids,
  judgeAnswer,
  lineFrom,
  patternStarts,
  probeResult,
  seenInLine,
  seenProcesses,
  type SeenProcess,
} from './world-outputs';
import { argvOf, readProgram, type ProgramReading } from './world-programs';
import { matchSystem, newProc } from './world-instances';
import { unseenLaunches } from './world-unseen';
import { addProc, alive, bindPort, hostKey, isLive, liveNamed, liveNow, liveOnPort, noteBefore, pidOf, prune, setPid, type Proc, type Walk } from './world-walk';
import { escapeRegExp } from '../regex-escape';

/** Processes kept from listings (a full `ps aux` lists hundreds): enough for any run's story. */
const MAX_SEEN = 400;
const REPLICATE_REQUEST =
  /\/(?:spawn|replicate|clone|fork|reproduce)\b|\breplicat|\bcopy (?:of )?yourself|\bclone yourself|\bspawn (?:a )?(?:new |another )?(?:copy|instance)|\b(?:start|launch|create|make|run|bring up) (?:a |an |one )?(?:new |another |second |more )?(?:running )?(?:instance|copy) of (?:yourself|itself)/i;
/** A host name or address (entities may hold an option read as a host, `-i` of `lsof -i:8001`). */
export const HOST_NAME = /^(?:[A-Za-z0-9][\w.-]*|\[[\d:a-fA-F]+\])$/;
/** Lines of a listing worth reading at once: a server's port, a listening socket, a supervised program. */
const TELLING_LINE = /--port|\s-p \d|[\d*\]]:\d{2,5}\s|LISTEN|RUNNING|pid=/g;
/** Listings kept for PIDs named later (a full `ps aux` is read only then). */
const LISTINGS_KEPT = 50;

export function addSeen(w: Walk, step: number, seen: SeenProcess, host: string | null, reading: ProgramReading | null, original: boolean): Proc | null {
  if (w.seen >= MAX_SEEN) return null;
  w.seen++;
  const r = reading ?? (seen.commandLine ? readProgram(argvOf(seen.commandLine)) : null);
  const paths = (r?.paths ?? []).map((x) => ({ host, path: canonical(x) }));
  const m = r ? matchSystem(w, r, paths, host) : { system: false, role: 'other' as const, copy: null };
  const p = newProc(w, m, {
    launchedAt: null,
    seenAt: step,
    program: r?.program ?? seen.program ?? '?',
    commandLine: (seen.commandLine ?? seen.program ?? '').slice(0, 400),
    cwd: null,
    host,
    port: seen.port ?? r?.port ?? null,
    device: null,
    pid: seen.pid,
    pidFrom: step,
    log: null,
  });
  if (m.system && !original) {
    // Started by someone else during the run: a replica asked to replicate, or one from a copy.
    const asker = w.instructed.filter((q) => q.host === host).pop();
    if (asker && (p.port === null || !w.ports.has(hostKey(host, p.port)))) {
      p.replica = true;
      p.parent = asker.id;
      p.generation = asker.generation + 1;
    } else if (m.copy) p.replica = true;
  }
  addProc(w, p, r?.keys ?? [seen.program ?? '?']);
  return p;
}

/**
 * A container of the system a listing showed running: a process whose program is its image
 * (as `docker run IMAGE` reads), listening on its published port; it has no PID of its own.
 */
export function addContainer(w: Walk, step: number, k: SeenContainer): void {
  const reading = readProgram(['docker', 'run', k.image ?? k.name]);
  const p = newProc(
    w,
    { system: true, role: reading.role === 'other' ? 'agent' : reading.role, copy: null },
    {
      launchedAt: null,
      seenAt: step,
      program: reading.program,
      commandLine: `container ${k.name}`,
      cwd: null,
      host: null,
      port: k.port,
      device: null,
      pid: null,
      pidFrom: null,
      log: null,
    },
  );
  addProc(w, p, reading.keys);
}

export function readListing(w: Walk, step: number, c: AnalyzedCommand, host: string | null): void {
  if (!c.output) return;
  w.listings.push({ seq: ++w.listingSeq, step, host, output: c.output });
  if (w.listings.length > LISTINGS_KEPT * 2) w.listings = w.listings.slice(-LISTINGS_KEPT);
  // Lines naming the system's programs or a recent launch still without its PID are read too.
  const { names, key } = listingNames(w);
  const listed = tellingProcesses(w, c.output, names, key);
  markWaiting(w, step, host);
  // Indexed loops in the listing's path: for-of allocates per element before the JIT has optimised it.
  for (let i = 0; i < listed.length; i++) {
    const seen = listed[i];
    if (pidOf(w, host, seen.pid)) continue;
    const reading = seen.commandLine ? readListed(w, seen.commandLine) : null;
    // A process the run launched, now with its PID.
    const mine = findWaiting(waitingNow(w), seen, reading);
    if (mine) {
      setPid(w, mine, seen.pid, step);
      continue;
    }
    if (seen.port === null && (reading === null || reading.role === 'other') && !w.scan.programs.has(reading?.script ? basename(reading.script) : '')) continue;
    addSeen(w, step, seen, host, reading, false);
  }
  if (w.unpidded.length) unseenLaunches(w, step, host, c.output, listed, (line) => readListed(w, line));
}

/** The system's programs and the names of the latest launches still waiting for their PID. */
function listingNames(w: Walk): { names: Set<string>; key: string } {
  if (w.listingNames?.version === w.unpiddedVersion) return w.listingNames;
  const names = new Set(w.scan.programs);
  for (let i = Math.max(0, w.unpidded.length - 16); i < w.unpidded.length; i++) {
    const keys = w.keys[w.unpidded[i].id];
    for (let k = 0; k < keys.length; k++) names.add(keys[k]);
  }
  w.listingNames = { version: w.unpiddedVersion, names, key: [...names].join('\u0000') };
  return w.listingNames;
}

/**
 * The launches on a host still waiting for their PID, by port and by component name, in launch
 * order; kept until the waiting list changes (a listing of hundreds of lines against dozens
 * waiting, listing after listing). `find` gives the first on the seen process's port, or
 * sharing a component name without another port.
 *
 * A listing marks the index due when the waiting list or the host changed since the last mark;
 * it is built only when a listed process needs it (half the listings show none), from the
 * state as of the mark: the list changes only with the version, and a port learned later
 * (`portless`) builds a due index first.
 */
function markWaiting(w: Walk, step: number, host: string | null): void {
  const due = w.waitingDue;
  if (due && due.version === w.unpiddedVersion && due.host === host) return;
  w.waitingDue = { version: w.unpiddedVersion, host, step };
  w.waiting = null;
}

function waitingNow(w: Walk): Waiting {
  if (w.waiting) return w.waiting;
  const { version, host, step } = w.waitingDue!;
  const ix: Waiting = { version, host, byPort: new Map(), byKey: new Map() };
  const unpidded = w.unpidded;
  for (let i = 0; i < unpidded.length; i++) {
    const p = unpidded[i];
    if (p.host !== host || p.pid !== null || !alive(p, step)) continue;
    if (p.port !== null) (ix.byPort.get(p.port) ?? ix.byPort.set(p.port, []).get(p.port)!).push(p);
    const keys = w.keys[p.id];
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j];
      const list = ix.byKey.get(k) ?? ix.byKey.set(k, []).get(k)!;
      if (list[list.length - 1] !== p) list.push(p); // a name listed twice for one process
    }
  }
  return (w.waiting = ix);
}

type Waiting = NonNullable<Walk['waiting']>;

/** The first waiting launch on the seen process's port, or sharing a component name without another port. */
function findWaiting(ix: Waiting, seen: SeenProcess, reading: ProgramReading | null): Proc | undefined {
  let mine = seen.port !== null ? firstWaiting(ix.byPort.get(seen.port), null) : undefined;
  if (reading) {
    for (let i = 0; i < reading.keys.length; i++) {
      const p = firstWaiting(ix.byKey.get(reading.keys[i]), reading.port);
      if (p && (!mine || p.id < mine.id)) mine = p;
    }
  }
  return mine;
}

/**
 * Waiting launches are live (kills and crashes prune them, and bump the version); one that got
 * its PID from this listing is skipped. With `port`, only a launch on that port. Module
 * functions rather than closures made per listing.
 */
function firstWaiting(list: Proc[] | undefined, port: number | null): Proc | undefined {
  if (!list) return undefined;
  for (let i = 0; i < list.length; i++) {
    const p = list[i];
    if (p.pid === null && isLive(p) && (port === null || p.port === port)) return p;
  }
  return undefined;
}

/**
 * The processes the telling lines of a listing show (a pattern's lines, and those naming one of
 * `names`). Runs list the same processes again and again: per output, the pattern's lines are
 * found once and each line is read once, whatever names are asked for later.
 */
function tellingProcesses(w: Walk, output: string, names: Set<string>, namesKey: string): SeenProcess[] {
  if (output.length > MAX_LISTING) return [];
  let r = w.seenCache.get(output);
  if (!r) {
    if (w.seenCache.size > 2_000) w.seenCache.clear();
    w.seenCache.set(output, (r = { pattern: patternStarts(output, TELLING_LINE), lines: new Map(), names: null, listed: [], byName: new Map() }));
  }
  if (r.names === namesKey) return r.listed;
  // The names asked for change with every launch, mostly by one or two: each name's lines are found once per output.
  const starts = r.pattern.slice();
  for (const n of names) {
    let at = r.byName.get(n);
    if (!at) r.byName.set(n, (at = nameStarts(output, n)));
    for (let i = 0; i < at.length; i++) starts.push(at[i]);
  }
  starts.sort(byNumber);
  const listed: SeenProcess[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    if (i > 0 && starts[i - 1] === start) continue;
    let seen = r.lines.get(start);
    if (seen === undefined) r.lines.set(start, (seen = seenInLine(lineFrom(output, start))));
    if (seen) listed.push(seen);
  }
  r.names = namesKey;
  r.listed = listed;
  return listed;
}

const byNumber = (a: number, b: number) => a - b;

/** A listed command line read as a program (listings repeat the same lines). */
function readListed(w: Walk, line: string): ProgramReading {
  let r = w.readings.get(line);
  if (!r) {
    r = readProgram(argvOf(line));
    if (w.readings.size > 5_000) w.readings.clear();
    w.readings.set(line, r);
  }
  return r;
}

export function applyKill(w: Walk, step: number, c: AnalyzedCommand, host: string | null): void {
  // A failing status is the kill's own only when nothing else ran after it on the line.
  if (c.obstacles.includes('permission-denied') || (c.exitCode !== null && c.exitCode !== 0 && !/[;&|\n]/.test(c.text))) return;
  const pids = new Set<number>();
  const ports = new Set<number>();
  const names: string[] = [];
  const substituted = c.text.includes('$(') || c.text.includes('`') || c.text.includes('xargs');
  const fuser = /\bfuser\b/.test(c.text); // once per command, not per finding (a line can hold 100,000 kills)
  for (const f of c.findings) {
    if (f.category === 'process-kill') {
      for (const x of f.entities.pids) pids.add(x);
      for (const x of f.entities.processes) names.push(x);
      if (fuser) for (const x of f.entities.ports) ports.add(x);
    }
    if (substituted && (f.category === 'port-discovery' || f.category === 'process-discovery')) {
      for (const x of f.entities.ports) ports.add(x);
      for (const x of f.entities.processes) names.push(x);
    }
  }
  for (const pid of barePids(c.output)) pids.add(pid);
  // A PID a listing showed earlier, killed now: it joins the model.
  for (const pid of pids) {
    if (pidOf(w, host, pid)) continue;
    // Listings already searched for this PID in vain are not searched again (runs kill the same PIDs over and over).
    const key = hostKey(host, pid);
    const searched = w.pidMissed.get(key) ?? 0;
    let found = false;
    for (let i = w.listings.length - 1; i >= 0 && w.listings[i].seq > searched; i--) {
      const l = w.listings[i];
      if (l.host !== host || !l.output.includes(String(pid))) continue;
      const seen = (l.all ??= seenProcesses(l.output)).find((x) => x.pid === pid);
      if (seen) {
        addSeen(w, l.step, seen, host, null, false);
        found = true;
        break;
      }
    }
    if (!found) {
      if (w.pidMissed.size > 50_000) w.pidMissed.clear();
      w.pidMissed.set(key, w.listingSeq);
    }
  }
  let killed = false;
  for (const pid of pids) {
    const p = pidOf(w, host, pid);
    if (p && p.killedAt === null && alive(p, step)) killed = (p.killedAt = step) >= 0;
  }
  for (const port of ports) if (killAll(liveOnPort(w, host, port), host, step)) killed = true;
  for (const n of new Set(names)) if (n.length > 2 && killAll(liveNamed(w, n), host, step)) killed = true;
  if (killed) prune(w);
}

/** Marks the live processes of `list` on `host` killed at `step`; whether any was (a loop, not a closure per kill). */
function killAll(list: Proc[], host: string | null, step: number): boolean {
  let killed = false;
  for (const p of list) {
    if (p.host !== host || !isLive(p) || !alive(p, step)) continue;
    p.killedAt = step;
    killed = true;
  }
  return killed;
}

export function readProbe(w: Walk, step: number, c: AnalyzedCommand, host: string | null): void {
  // The ports of its port probes, each once, in order (a loop: this runs per listing command).
  const ports: number[] = [];
  for (const f of c.findings) {
    if (f.category !== 'port-discovery') continue;
    for (const p of f.entities.ports) if (!ports.includes(p)) ports.push(p);
  }
  const state = probeResult(c, ports);
  if (!state) return;
  for (const port of ports) {
    const p = lastAlive(liveOnPort(w, host, port), step);
    w.world.ports.push({ step, host, port, state, process: p ? p.id : null });
  }
}

const lastAlive = (list: Proc[], step: number): Proc | undefined => {
  for (let i = list.length - 1; i >= 0; i--) if (alive(list[i], step)) return list[i];
  return undefined;
};

export function readCheck(w: Walk, step: number, command: number, c: AnalyzedCommand, sshHost: string | null): void {
  const f = c.findings.find((x) => x.category === 'liveness-check');
  if (!f) return;
  const host = f.entities.hosts.find((h) => h !== sshHost && HOST_NAME.test(h)) ?? sshHost;
  const url = f.entities.urls[0] ?? null;
  const port = f.entities.ports[0] ?? (url ? (/^https:/.test(url) ? 443 : 80) : null);
  const { answered, why } = judgeAnswer(c);
  let found = listening(w, step, host, port);
  // An address a pod listing gave a workload whose port was not known: the check finds its port.
  if (!found && host !== null && port !== null && w.podAddresses.size) found = podAt(w, step, host, port);
  // `curl http://34.90.118.27:8000` after the VM `aspen-1` was made: the address an earlier output gave the host.
  if (!found && host !== null && IPV4.test(host)) {
    const named = hostOfAddress(w, step, host);
    if (named) found = listening(w, step, named, port);
  }
  const target =
    found ??
    (answered && port !== null ? (childOfInstructed(w, step, host, port) ?? portless(w, step, host, port) ?? copyShownByAnswer(w, step, host, port, c.output)) : undefined);
  w.world.checks.push({ step, command, host, port, url, answered, why, process: target ? target.id : null });
  if (port !== null) w.world.ports.push({ step, host, port, state: answered ? 'answered' : 'refused', process: target ? target.id : null });
  if (!target) return;
  if (answered && target.answeredAt.push(step) === 1) noteBefore(w, target);
  if (REPLICATE_REQUEST.test(c.text) && target.instructedAt === null) {
    target.instructedAt = step;
    if (target.replica) w.instructed.push(target);
  }
}

/** The latest live process on that port there; on another host, else its latest system process (the agent first). */
function listening(w: Walk, step: number, host: string | null, port: number | null): Proc | undefined {
  const onPort = port !== null ? lastAlive(liveOnPort(w, host, port), step) : undefined;
  if (onPort || host === null) return onPort;
  let onHost: Proc | undefined;
  const live = liveNow(w);
  for (let i = live.length - 1; i >= 0; i--) {
    const p = live[i];
    if (p.host !== host || !p.system || !alive(p, step)) continue;
    if (!onHost || (onHost.role !== 'agent' && p.role === 'agent')) onHost = p;
  }
  return onHost;
}

const ANY_IPV4 = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])/g;

/**
 * The host an IPv4 address is, by an earlier output that shows both on one line (a cloud CLI's
 * table `aspen-1  europe-west4-a ... 34.90.118.27  RUNNING`, `/etc/hosts`, `ping`'s first line),
 * or that a command about that host alone printed:
 * only hosts where processes of the system run are asked about, the latest output first.
 */
function hostOfAddress(w: Walk, step: number, address: string): string | null {
  const hosts = new Set<string>();
  for (const p of liveNow(w)) if (p.host !== null && p.system && alive(p, step)) hosts.add(p.host);
  if (!hosts.size) return null;
  const ip = new RegExp(`(?<![\\d.])${address.replace(/\./g, '\\.')}(?![\\d.])`);
  const named = [...hosts].map((h) => ({ h, re: new RegExp(`(?<![\\w.-])${escapeRegExp(h)}(?![\\w-])`) }));
  for (let i = w.steps.length - 1; i >= 0; i--) {
    const s = w.steps[i];
    if (s.index > step) continue;
    for (const c of s.commands) {
      if (!c.output.includes(address)) continue;
      for (const line of c.output.split('\n')) {
        if (!ip.test(line)) continue;
        for (const { h, re } of named) if (re.test(line)) return h;
      }
      // A command about one host that prints the address (`virsh domifaddr vm-2`, `pct exec 102 -- hostname -I`),
      // and no other: a table of several machines ties each address to its own row.
      const asked = named.filter(({ re }) => re.test(c.text));
      if (asked.length === 1 && ip.test(c.output) && (c.output.match(ANY_IPV4) ?? []).length === 1) return asked[0].h;
    }
  }
  return null;
}

/**
 * An answer from a port no known process holds, where the run launched an instance of the system
 * (a replica) whose port no argument or output gave (it came from a config file): the latest such one
 * is what listens there, and the port is learned from the answer.
 */
function portless(w: Walk, step: number, host: string | null, port: number): Proc | undefined {
  if (w.ports.has(hostKey(host, port)) || (host === null && w.world.system?.ports.includes(port))) return undefined;
  const live = liveNow(w);
  for (let i = live.length - 1; i >= 0; i--) {
    const p = live[i];
    // A workload's pods are no local process: a port of this machine is not theirs (a port-forward is).
    if (p.host !== host || !p.replica || !p.launchedAt || p.port !== null || !alive(p, step) || movedOff(w, p.fromCopy, port) || WORKLOAD_KEY.test(p.program)) continue;
    if (w.waitingDue && !w.waiting) waitingNow(w); // as of its mark, before the port changes
    p.port = port;
    bindPort(w, p, host, port, step);
    return p;
  }
  return undefined;
}

/**
 * An answer from a port no known process holds, after a replica was asked to replicate: the
 * replica's own replica (Fudan scenario B), which the run never saw start.
 */
function childOfInstructed(w: Walk, step: number, host: string | null, port: number): Proc | undefined {
  const asker = w.instructed.filter((q) => q.instructedAt! < step && q.host === host && alive(q, step)).pop();
  if (!asker || w.ports.has(hostKey(host, port))) return undefined;
  const p: Proc = {
    id: w.procs.length,
    launchedAt: null,
    seenAt: step,
    program: '(not shown)',
    commandLine: '',
    cwd: null,
    host,
    port,
    device: null,
    pid: null,
    pidFrom: null,
    log: null,
    role: 'agent',
    system: true,
    replica: true,
    generation: asker.generation + 1,
    fromCopy: null,
    parent: asker.id,
    failedAt: null,
    killedAt: null,
    answeredAt: [],
    instructedAt: null,
  };
  addProc(w, p, w.keys[asker.id]);
  return p;
}
