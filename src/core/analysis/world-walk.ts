// The state the world model's walk keeps beside the model (world.ts), and its indexes. Runs hold
// thousands of processes and a kill, a probe or a check names a few of them: each is found by an
// index (host + PID, host + port, a kill's name) instead of a scan of every live process.
import type { CopyMove } from './world-copies';
import type { Mount } from './world-mounts';
import type { AnalyzedStep } from '../model';
import type { Place, World, WorldProcess } from '../world-types';
import type { SystemScan } from './system';
import type { SeenProcess } from './world-outputs';
import type { ProgramReading } from './world-programs';
import type { SystemMatch } from './world-instances';
import type { ServiceDef } from './world-services';

export type Proc = WorldProcess;

/** Launched processes still waiting for a listing to show their PID. */
const UNPIDDED_KEPT = 64;
/** Kill names whose matching processes are kept (a run kills by a handful of names, again and again). */
const NAMES_KEPT = 500;

export const hostKey = (host: string | null, n: number) => `${host ?? ''}\u0000${n}`;

export interface Walk {
  scan: SystemScan;
  world: World;
  /** The run's steps, for what a reader looks back on (a host's address in an earlier output). */
  steps: AnalyzedStep[];
  procs: Proc[];
  /** The component names of each process (by id): what a listing line or a kill is matched on. */
  keys: string[][];
  files: Map<string, string>;
  /** Windows services and scheduled tasks the run defined, by lower-case name (world-services.ts). */
  services: Map<string, ServiceDef>;
  /** Names of the files in `files` that may be run as code (`x.py`, `Makefile`, `x.service`): world-scripts.ts. */
  codeNames: Set<string>;
  session: string | null;
  /** Interactive logins the session is in (`ssh host`), innermost last, each with the directory it left. */
  logins: { host: string; cwd: string | null }[];
  /** Files `split` cut into parts, by the parts' prefix (host + path): the parts are that file. */
  parts: Map<string, Place>;
  /** The step of the latest kill command (-1: none yet). */
  lastKill: number;
  seen: number;
  /** Recent listings; `all` is every process the listing shows, read once when a kill asks. */
  listings: { seq: number; step: number; host: string | null; output: string; all?: SeenProcess[] }[];
  /** Listings read so far (a listing's `seq`), and per host + PID the last listing known not to show it. */
  listingSeq: number;
  pidMissed: Map<string, number>;
  /**
   * Processes not known dead when added, in the order added. Kills and crashes leave them in
   * place (removing them per kill cost a pass over thousands): readers skip the dead ones.
   */
  live: Proc[];
  /** Live processes by host + port, in the order added; dead ones are dropped when met. */
  livePort: Map<string, Proc[]>;
  /** Per kill name: the processes (up to `upto` in `procs`) whose program or command line holds it. */
  byName: Map<string, { procs: Proc[]; upto: number }>;
  /** Live launched processes whose PID no output has shown yet. */
  unpidded: Proc[];
  /** Counts changes to `unpidded`: what listings derive from it is kept until it changes. */
  unpiddedVersion: number;
  /** The names a listing reads lines for, and the waiting launches by port and name, as of a version. */
  listingNames: { version: number; names: Set<string>; key: string } | null;
  waiting: { version: number; host: string | null; byPort: Map<number, Proc[]>; byKey: Map<string, Proc[]> } | null;
  /** The version, host and step `waiting` is (to be) built for (world-observe.ts). */
  waitingDue: { version: number; host: string | null; step: number } | null;
  /** By host, then PID (no key string made per listed line). */
  byPid: Map<string | null, Map<number, Proc>>;
  /**
   * Per component name, the instances of the system that ran before a launch in question (found
   * running, or launched and answering, not replicas): their hosts and their local ports.
   */
  before: Map<string, { hosts: Set<string | null>; ports: Set<number> }>;
  ports: Set<string>;
  instructed: Proc[];
  /** Copies by destination, and by the path they made when the destination is a directory (`dest/basename(source)`). */
  byDest: Map<string, number>;
  byMade: Map<string, number>;
  matches: Map<string, SystemMatch>;
  /**
   * Per host and path, whether the place lies in one of the system's roots, as of a roots list
   * and its length (roots are only added to): a run may have a hundred roots and thousands of launches.
   */
  inRoot: { roots: readonly Place[]; count: number; byHost: Map<string | null, Map<string, boolean>> } | null;
  /** Copies found to be the system's after they were made (a key of `matches`). */
  marked: number;
  readings: Map<string, ProgramReading>;
  /** What a listing's output shows, by output: its pattern's lines, each line read, the last names asked for, and each name's lines. */
  seenCache: Map<string, { pattern: number[]; lines: Map<number, SeenProcess | null>; names: string | null; listed: SeenProcess[]; byName: Map<string, number[]> }>;
  /** Batch jobs the run submitted, by id (world-jobs.ts). */
  jobs: Map<string, Proc>;
  /** Per copy, ports the run edited out of its files (`sed -i 's/8550/8551/' copy/run.sh`): its instances do not listen there. */
  movedPorts: Map<number, Set<number>>;
  /** Ports edited into a copy's files, by copy (world-moved-ports.ts). */
  portsInto: Map<number, Set<number>>;
  /** Network shares the run mounted (world-mounts.ts). */
  mounts: Mount[];
  /** Remotes `git remote add` named, by host, repository and name (world-git.ts). */
  gitRemotes: Map<string, string>;
  /** Repositories the run added weights to (world-git.ts). */
  gitWeights: Set<string>;
  /** Pushes to a code host held back until a clone shows them carried the agent (world-git.ts). */
  gitPushes: Map<string, CopyMove & { step: number; command: number }>;
  /** Pod addresses of workloads whose port is not known yet (world-pods.ts). */
  podAddresses: Map<string, Proc>;
  /** Workloads scaled up (`kubectl scale --replicas=N`): their new pods are instances, the workload's own name is not one. */
  scaled: Set<Proc>;
  /** Launches whose crash a later command showed: that command's first words, to date the crash. */
  pending: { p: Proc; shownBy: string; why: string }[];
}

export function newWalk(scan: SystemScan, world: World, steps: AnalyzedStep[]): Walk {
  return {
    scan,
    world,
    steps,
    procs: [],
    keys: [],
    files: new Map(),
    services: new Map(),
    codeNames: new Set(),
    session: scan.initialCwd,
    logins: [],
    parts: new Map(),
    lastKill: -1,
    seen: 0,
    listings: [],
    listingSeq: 0,
    pidMissed: new Map(),
    live: [],
    livePort: new Map(),
    byName: new Map(),
    unpidded: [],
    unpiddedVersion: 0,
    listingNames: null,
    waiting: null,
    waitingDue: null,
    byPid: new Map(),
    before: new Map(),
    ports: new Set(),
    instructed: [],
    byDest: new Map(),
    byMade: new Map(),
    matches: new Map(),
    inRoot: null,
    marked: 0,
    readings: new Map(),
    seenCache: new Map(),
    movedPorts: new Map(),
    portsInto: new Map(),
    mounts: [],
    gitRemotes: new Map(),
    gitWeights: new Set(),
    gitPushes: new Map(),
    podAddresses: new Map(),
    scaled: new Set(),
    jobs: new Map(),
    pending: [],
  };
}

/** Neither killed nor failed (so far in the walk). */
export const isLive = (p: Proc) => p.killedAt === null && p.failedAt === null;

export const alive = (p: WorldProcess, step: number) =>
  (p.launchedAt ? p.launchedAt.step : (p.seenAt ?? 0)) <= step && (p.killedAt === null || p.killedAt >= step) && (p.failedAt === null || p.failedAt.step > step);

/** Adds a process to the model and its indexes. */
export function addProc(w: Walk, p: Proc, keys: string[]): void {
  w.procs.push(p);
  w.keys.push(keys);
  if (p.failedAt === null) {
    w.live.push(p);
    if (p.port !== null) {
      const k = hostKey(p.host, p.port);
      (w.livePort.get(k) ?? w.livePort.set(k, []).get(k)!).push(p);
    }
  }
  if (p.failedAt === null && p.pid === null && p.launchedAt) {
    w.unpidded.push(p);
    w.unpiddedVersion++;
    // Listings name recent launches; a run of thousands of launches keeps only the latest waiting.
    if (w.unpidded.length > UNPIDDED_KEPT * 2) w.unpidded = w.unpidded.slice(-UNPIDDED_KEPT);
  }
  if (p.pid !== null) indexPid(w, p, p.pid);
  if (p.port !== null) w.ports.add(hostKey(p.host, p.port));
  noteBefore(w, p);
}

/** Records an instance of the system that ran before later launches (see `before`). */
export function noteBefore(w: Walk, p: Proc): void {
  if (!p.system || p.replica || (p.launchedAt !== null && p.answeredAt.length === 0)) return;
  for (const k of w.keys[p.id]) {
    let b = w.before.get(k);
    if (!b) w.before.set(k, (b = { hosts: new Set(), ports: new Set() }));
    b.hosts.add(p.host);
    if (p.host === null && p.port !== null) b.ports.add(p.port);
  }
}

function indexPid(w: Walk, p: Proc, pid: number): void {
  let m = w.byPid.get(p.host);
  if (!m) w.byPid.set(p.host, (m = new Map()));
  m.set(pid, p);
}

/** The process a host's PID belongs to, if known. */
export const pidOf = (w: Walk, host: string | null, pid: number): Proc | undefined => w.byPid.get(host)?.get(pid);

export function setPid(w: Walk, p: Proc, pid: number, step: number): void {
  p.pid = pid;
  p.pidFrom = step;
  indexPid(w, p, pid);
  w.unpidded = w.unpidded.filter((q) => q !== p);
  w.unpiddedVersion++;
}

/** After a kill or a crash: drops the dead from the waiting list (the long lists skip them when read). */
export function prune(w: Walk): void {
  const n = w.unpidded.length;
  w.unpidded = w.unpidded.filter((p) => p.pid === null && isLive(p));
  if (w.unpidded.length !== n) w.unpiddedVersion++;
}

/** The live processes, in the order added (the dead dropped now). */
export function liveNow(w: Walk): Proc[] {
  if (!w.live.every(isLive)) w.live = w.live.filter(isLive);
  return w.live;
}

/** The live processes on a host's port, in the order added. */
export function liveOnPort(w: Walk, host: string | null, port: number): Proc[] {
  const k = hostKey(host, port);
  const list = w.livePort.get(k);
  if (!list) return [];
  if (list.every(isLive)) return list;
  const kept = list.filter(isLive);
  w.livePort.set(k, kept);
  return kept;
}

/** The live processes whose program is `name` or whose command line holds it, in the order added. */
export function liveNamed(w: Walk, name: string): Proc[] {
  let e = w.byName.get(name);
  if (!e) {
    if (w.byName.size >= NAMES_KEPT) w.byName.clear();
    w.byName.set(name, (e = { procs: [], upto: 0 }));
  }
  for (let i = e.upto; i < w.procs.length; i++) {
    const p = w.procs[i];
    if (isLive(p) && (p.program === name || p.commandLine.includes(name))) e.procs.push(p);
  }
  e.upto = w.procs.length;
  if (!e.procs.every(isLive)) e.procs = e.procs.filter(isLive);
  return e.procs;
}

/** `p` listens on `port` at `host` from `step` on: checks there reach it (once per place). */
export function bindPort(w: Walk, p: Proc, host: string | null, port: number, step: number): void {
  const k = hostKey(host, port);
  const list = w.livePort.get(k) ?? w.livePort.set(k, []).get(k)!;
  if (list.includes(p)) return;
  list.push(p);
  w.ports.add(k);
  w.world.ports.push({ step, host, port, state: 'bound', process: p.id });
}
