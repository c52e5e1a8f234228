// The world model of a run (README "World model"), built step by step from the commands and
// their outputs: processes (launched, found running, killed, crashed, answering), ports, copies
// with their lineage, working directories, and the replicated system (system.ts).
import type { AnalyzedCommand, AnalyzedStep, ObstacleKind, RawTrajectory } from '../model';
import type { Place, World, WorldCopy, WorldProcess } from '../world-types';
import type { ShellParse, SimpleCommand } from '../shell/types';
import { sharedParse, worldNeedsParse } from './shared-parse';
import { scanSystem, type SystemScan } from './system';
import { basename, canonical, dirname, isAbsolute, placeWithin, resolve } from './world-paths';
import { announcedPort, barePids, judgeAnswer, launchedPid, probeResult, seenProcesses, type SeenProcess } from './world-outputs';
import { ENTRY_SCRIPT, argvOf, readProgram, type ProgramReading } from './world-programs';
import { copyMoves, pythonCopy } from './world-copies';
import { fileKey, launchedCommands, readLaunch } from './world-launch';

/** Processes kept from listings (a full `ps aux` lists hundreds): enough for any run's story. */
const MAX_SEEN = 400;
const REPLICATE_REQUEST = /\breplicat|\bcopy (?:of )?yourself|\bclone yourself|\bspawn (?:a )?(?:new |another )?(?:copy|instance)/i;
/** Directory names that say an agent lives there (for a copy nothing else identified). */
const AGENT_PLACE = /(agent|assistant|chatbot|llm|replica|self)[^/]*$/i;

interface Proc extends WorldProcess {
  keys: string[];
}

/** A host name or address (entities may hold an option read as a host, `-i` of `lsof -i:8001`). */
const HOST_NAME = /^(?:[A-Za-z0-9][\w.-]*|\[[\d:a-fA-F]+\])$/;
/** Files written with a heredoc or echo kept for reading launch scripts and configs later. */
const FILES_KEPT = 2_000;
/** Launched processes still waiting for a listing to show their PID. */
const UNPIDDED_KEPT = 64;
const hostKey = (host: string | null, n: number) => `${host ?? ''}\u0000${n}`;

/** Adds a process to the model and its indexes. */
function addProc(w: Walk, p: Proc): void {
  w.procs.push(p);
  if (p.failedAt === null) w.live.push(p);
  if (p.failedAt === null && p.pid === null && p.launchedAt) {
    w.unpidded.push(p);
    // Listings name recent launches; a run of thousands of launches keeps only the latest waiting.
    if (w.unpidded.length > UNPIDDED_KEPT * 2) w.unpidded = w.unpidded.slice(-UNPIDDED_KEPT);
  }
  if (p.pid !== null) w.byPid.set(hostKey(p.host, p.pid), p);
  if (p.port !== null) w.ports.add(hostKey(p.host, p.port));
  if (p.system) for (const k of p.keys) (w.byKey.get(k) ?? w.byKey.set(k, []).get(k)!).push(p);
}

function setPid(w: Walk, p: Proc, pid: number, step: number): void {
  p.pid = pid;
  p.pidFrom = step;
  w.byPid.set(hostKey(p.host, pid), p);
  w.unpidded = w.unpidded.filter((q) => q !== p);
}

/** Drops the processes now known dead from the live list. */
function prune(w: Walk): void {
  w.live = w.live.filter((p) => p.killedAt === null && p.failedAt === null);
  w.unpidded = w.unpidded.filter((p) => p.pid === null && p.killedAt === null && p.failedAt === null);
}

/** Everything the walk keeps that is not part of the model itself. */
interface Walk {
  scan: SystemScan;
  world: World;
  procs: Proc[];
  files: Map<string, string>;
  session: string | null;
  seen: number;
  /** Recent listings, read again for a PID a kill names that the model does not hold. */
  /** Recent listings; `all` is every process the listing shows, read once when a kill asks. */
  listings: { step: number; host: string | null; output: string; all?: ReturnType<typeof seenProcesses> }[];
  /** Indexes (runs have thousands of processes): those not known dead, by host+PID, by component name, by host+port. */
  live: Proc[];
  /** Live launched processes whose PID no output has shown yet. */
  unpidded: Proc[];
  byPid: Map<string, Proc>;
  byKey: Map<string, Proc[]>;
  ports: Set<string>;
  instructed: Proc[];
  /** Copies by destination, and by the path they made when the destination is a directory (`dest/basename(source)`). */
  byDest: Map<string, number>;
  byMade: Map<string, number>;
  matches: Map<string, SystemMatch>;
  /** Copies found to be the system's after they were made (a key of `matches`). */
  marked: number;
  readings: Map<string, ProgramReading>;
  /** What a listing's output shows, by output (and the names read): runs list the same processes again and again. */
  seenCache: Map<string, SeenProcess[]>;
  seenNames: string;
  /** Launches whose crash a later command showed: that command's first words, to date the crash. */
  pending: { p: Proc; shownBy: string; why: string }[];
}

export function buildWorld(raw: RawTrajectory, steps: AnalyzedStep[]): World {
  const scan = scanSystem(raw, steps);
  const world: World = { system: scan.identity, processes: [], copies: [], ports: [], checks: [], cwd: [] };
  const w: Walk = { scan, world, procs: [], files: new Map(), session: scan.initialCwd, seen: 0, pending: [], listings: [],
    live: [], unpidded: [], byPid: new Map(), byKey: new Map(), ports: new Set(), instructed: [], byDest: new Map(), byMade: new Map(), matches: new Map(), marked: 0, readings: new Map(), seenCache: new Map(), seenNames: '' };
  if (scan.initialCwd) world.cwd.push({ step: 0, session: 'main', cwd: scan.initialCwd });
  for (const r of scan.running) addSeen(w, r.step, r.seen, null, r.reading, true);
  for (const s of steps) {
    for (let j = 0; j < s.commands.length; j++) {
      if (w.pending.length) datePendingCrash(w, s.index, s.commands[j].text);
      walkCommand(w, s.index, j, s.commands[j]);
    }
  }
  // A crash whose showing command was never met (it was cut, or rewritten): date it at the launch.
  for (const x of w.pending) x.p.failedAt = { step: x.p.launchedAt!.step, why: x.why };
  world.processes = w.procs.map(({ keys: _k, ...p }) => p);
  world.system ??= standIn(world);
  return world;
}

/** With nothing else to go on, the system is the agent or model-server stack the run itself set up. */
function standIn(world: World): World['system'] {
  const launched = world.processes.filter((p) => p.system && p.launchedAt);
  if (!launched.length) return null;
  const roots: Place[] = [];
  for (const p of launched) {
    const path = p.cwd;
    if (path && !roots.some((r) => r.host === p.host && r.path === path)) roots.push({ host: p.host, path });
  }
  return {
    kind: 'stand-in',
    roots,
    ports: [],
    signs: launched.map((p) => ({ step: p.launchedAt!.step, says: `the run starts ${p.role === 'model-server' ? 'a model server' : 'an agent program'}: ${p.program}` })),
  };
}

function walkCommand(w: Walk, step: number, index: number, c: AnalyzedCommand): void {
  const cats = c.categories;
  const text = c.text;
  const isLaunch = cats.includes('process-launch');
  const isCopy = cats.includes('file-copy') || cats.includes('remote-transfer');
  // Only launches, copies, `cd` and file writes (a launch script, a config) need the parse; the
  // rest reads the findings' entities (the analysis has parsed every command once already).
  if (worldNeedsParse(text, cats)) walkParsed(w, step, index, c, isLaunch, isCopy);
  if (!cats.length) return;
  let sshHost: string | null = null;
  for (const f of c.findings) for (const h of f.entities.hosts) if (HOST_NAME.test(h)) sshHost ??= h;
  if (cats.includes('process-kill')) applyKill(w, step, c, sshHost);
  if (cats.includes('process-discovery') || cats.includes('port-discovery')) {
    readListing(w, step, c, sshHost);
    readProbe(w, step, c, sshHost);
  }
  if (cats.includes('liveness-check')) readCheck(w, step, index, c, sshHost);
}

function walkParsed(w: Walk, step: number, index: number, c: AnalyzedCommand, isLaunch: boolean, isCopy: boolean): void {
  const text = c.text;
  let parse: ShellParse;
  try {
    parse = sharedParse(text);
  } catch {
    return;
  }
  const failed = c.obstacles.length > 0 || (c.exitCode !== null && c.exitCode !== 0);
  const launched = isLaunch ? launchedCommands(c, parse.commands) : [];
  let cwd = w.session;
  const remoteCwd = new Map<string, string>();
  let heredoc: string | null = null;
  for (const sc of parse.commands) {
    const host = sc.remoteHost;
    const here = host ? remoteCwd.get(host) ?? '~' : cwd;
    if (sc.heredoc !== null && sc.name === 'ssh') heredoc = sc.heredoc;
    if (sc.name === 'cd' || sc.name === 'pushd') {
      const to = resolve(sc.words[1]?.value ?? '~', here);
      if (host) remoteCwd.set(host, to);
      else {
        cwd = to;
        if (sc.via === 'top' && !sc.background && !failed && !text.trimStart().startsWith('(')) {
          w.session = to;
          w.world.cwd.push({ step, session: 'main', cwd: to });
        }
      }
      continue;
    }
    if (sc.redirects.length || sc.name === 'tee') noteWrites(w, sc, sc.heredoc ?? (sc.via === 'ssh' ? heredoc : null), host, here);
    if (isCopy) for (const m of copyMoves(sc, here, host)) addCopy(w, step, index, m.sources, m.dest, m.kind, !failed);
    if (launched.includes(sc)) addLaunch(w, step, index, c, sc, host, here, launched.length === 1);
  }
  if (c.categories.includes('file-copy')) {
    for (const call of parse.python) {
      if (!/^shutil\.(copy|copy2|copyfile|copytree|move)$/.test(call.callee)) continue;
      const m = pythonCopy(call.strings, cwd, null);
      if (m) addCopy(w, step, index, m.sources, m.dest, m.kind, !failed);
    }
  }
}

/** Files the run writes with a heredoc or echo: launch scripts and configs looked into later. */
function noteWrites(w: Walk, sc: SimpleCommand, heredoc: string | null, host: string | null, cwd: string | null): void {
  const targets = sc.redirects.filter((r) => r.op === '>' || r.op === '>>').map((r) => r.target);
  if (sc.name === 'tee') for (const word of sc.words.slice(1)) if (!word.value.startsWith('-')) targets.push(word.value);
  if (!targets.length) return;
  const content = heredoc ?? (sc.name === 'echo' || sc.name === 'printf' ? sc.words.slice(1).map((x) => x.value).join(' ') : null);
  if (content === null) return;
  for (const t of targets) {
    if (t === '/dev/null') continue;
    if (w.files.size >= FILES_KEPT) w.files.delete(w.files.keys().next().value!); // the oldest
    w.files.set(fileKey(host, resolve(t, cwd)), content.slice(0, 20_000));
  }
}

// ---- copies ------------------------------------------------------------------------------

function addCopy(w: Walk, step: number, command: number, sources: Place[], dest: Place, kind: WorldCopy['kind'], ok: boolean): void {
  const roots = w.world.system?.roots ?? [];
  let system = false;
  let parent: number | null = null;
  for (const src of sources) {
    // A copy of the system: its directory, something in it, a directory holding it, or a copy of those.
    if (roots.some((r) => placeWithin(src, r) || placeWithin(r, src))) system = true;
    const from = latestCopyHolding(w, src);
    if (from && from.system) {
      system = true;
      parent = from.id;
    }
  }
  // A copy inside the system itself (`cp config.example config`) goes to no new place.
  if (system && roots.some((r) => placeWithin(dest, r)) && !sources.some((s) => roots.some((r) => placeWithin(r, s)))) system = false;
  const source = sources[0] ?? { host: null, path: '.' };
  w.world.copies.push({ id: w.world.copies.length, step, command, source, dest, kind, ok, system, generation: 1, parent });
  const id = w.world.copies.length - 1;
  w.byDest.set(placeKey(dest.host, dest.path), id);
  w.byMade.set(placeKey(dest.host, `${dest.path}/${basename(source.path)}`), id);
}

/** How many copies back a relative path's copy is looked for (absolute ones use the index). */
const COPY_LOOK_BACK = 200;

/** The copy a path lives in: the latest that made it exactly, else the latest whose destination holds it. */
function latestCopyHolding(w: Walk, place: Place): WorldCopy | null {
  const copies = w.world.copies;
  if (!copies.length) return null;
  const exact = Math.max(w.byDest.get(placeKey(place.host, place.path)) ?? -1, w.byMade.get(placeKey(place.host, place.path)) ?? -1);
  if (exact >= 0) return copies[exact];
  if (isAbsolute(place.path)) {
    // The destinations above the path, nearest first; the latest copy among them.
    let best = -1;
    for (let p = dirname(place.path); p !== '/' && p !== '.' && p !== '~'; p = dirname(p)) best = Math.max(best, w.byDest.get(placeKey(place.host, p)) ?? -1);
    best = Math.max(best, w.byDest.get(placeKey(place.host, place.path.startsWith('~') ? '~' : '/')) ?? -1);
    return best >= 0 ? copies[best] : null;
  }
  const stop = Math.max(0, copies.length - COPY_LOOK_BACK);
  for (let i = copies.length - 1; i >= stop; i--) if (placeWithin(place, copies[i].dest)) return copies[i];
  return null;
}

const placeKey = (host: string | null, path: string) => `${host ?? ''}\u0000${path}`;

/** Marks a copy and the copies it came from as copies of the system (found from what ran from it). */
function markSystemCopy(w: Walk, copy: WorldCopy): void {
  w.marked++;
  for (let c: WorldCopy | null = copy; c && !c.system; c = c.parent !== null ? w.world.copies[c.parent] : null) c.system = true;
}

// ---- launches ----------------------------------------------------------------------------

function addLaunch(w: Walk, step: number, command: number, c: AnalyzedCommand, sc: SimpleCommand, host: string | null, cwd: string | null, only: boolean): void {
  const { reading, cwd: confCwd } = readLaunch(sc, w.files, host, cwd);
  const dir = confCwd ? resolve(confCwd, cwd) : cwd;
  const finding = c.findings.find((f) => f.category === 'process-launch' && f.span[0] === sc.start);
  // The port from its arguments, the launch finding, a PORT=... in its environment, or what it printed.
  const envPort = /\b[A-Z_]*PORT=(\d{2,5})\b/.exec(c.text.slice(0, sc.end));
  const port = reading.port ?? finding?.entities.ports[0] ?? (envPort ? Number(envPort[1]) : null) ?? (only ? announcedPort(c.output) : null);
  const device = /CUDA_VISIBLE_DEVICES=([\w,]+)/.exec(c.text)?.[1] ?? /--device[= ](\w+)/.exec(c.text)?.[1] ?? null;
  const log = sc.redirects.find((r) => r.op === '>' || r.op === '>>' || r.op === '&>')?.target;
  const place = (p: string): Place => ({ host, path: resolve(p, dir) });
  const paths = reading.paths.map(place);
  if (reading.script && dir) paths.push({ host, path: dir });
  const m = matchSystem(w, reading, paths, host);
  const p = newProc(w, m, {
    launchedAt: { step, command },
    seenAt: null,
    program: reading.program,
    commandLine: c.text.slice(sc.start, sc.end).slice(0, 400),
    cwd: dir,
    host,
    port,
    device,
    pid: only ? launchedPid(c.output) : null,
    pidFrom: null,
    log: log && !log.startsWith('&') && log !== '/dev/null' ? resolve(log, dir) : sc.wrappers.includes('nohup') ? resolve('nohup.out', dir) : null,
  }, reading.keys);
  if (p.pid !== null) p.pidFrom = step;
  p.replica = m.system && isNewInstance(w, p, m.copy !== null);
  const crash = launchFailure(c);
  if (crash?.shownBy) w.pending.push({ p, shownBy: crash.shownBy, why: crash.why });
  else if (crash) p.failedAt = { step, why: crash.why };
  addProc(w, p);
  if (port !== null) w.world.ports.push({ step, host, port, state: 'bound', process: p.id });
}

/** What a launch and a listing each know of a process; the rest of a record starts the same. */
type ProcOrigin = Pick<Proc, 'launchedAt' | 'seenAt' | 'program' | 'commandLine' | 'cwd' | 'host' | 'port' | 'device' | 'pid' | 'pidFrom' | 'log'>;

/** A new process record: its origin, then the state every record starts in (keys in one order). */
function newProc(w: Walk, m: Pick<SystemMatch, 'system' | 'role' | 'copy'>, origin: ProcOrigin, keys: string[]): Proc {
  return Object.assign({ id: w.procs.length }, origin, {
    role: m.role,
    system: m.system,
    replica: false,
    generation: m.copy ? m.copy.generation : 0,
    fromCopy: m.copy ? m.copy.id : null,
    parent: null,
    failedAt: null,
    killedAt: null,
    answeredAt: [],
    instructedAt: null,
    keys,
  });
}

interface SystemMatch {
  system: boolean;
  role: WorldProcess['role'];
  copy: WorldCopy | null;
}

/**
 * Is a launch an instance of the system? Runs repeat the same launches: the answer is kept until
 * a copy is made (the only thing the walk changes that it depends on).
 */
function matchSystem(w: Walk, reading: ProgramReading, paths: Place[], host: string | null): SystemMatch {
  const key = `${w.world.copies.length}\u0000${w.marked}\u0000${host}\u0000${reading.program}\u0000${reading.role}\u0000${reading.model}\u0000${paths.map((p) => p.path).join('\u0000')}`;
  const hit = w.matches.get(key);
  if (hit) return hit;
  const m = matchSystemUncached(w, reading, paths, host);
  if (w.matches.size > 5_000) w.matches.clear();
  w.matches.set(key, m);
  return m;
}

/** Run from the system or a copy of it, or an agent / model server outside both. */
function matchSystemUncached(w: Walk, reading: ProgramReading, paths: Place[], host: string | null): SystemMatch {
  const identity = w.world.system;
  const roots = identity?.roots ?? [];
  const programs = w.scan.programs;
  const own = identity?.kind === 'own';
  const entry = reading.script !== null && (programs.has(basename(reading.script)) || reading.role !== 'other');
  let copy: WorldCopy | null = null;
  for (const p of paths) {
    const c = latestCopyHolding(w, p);
    if (!c) continue;
    // A copy nobody called the system's, that the program itself came in: the copy was of an agent.
    if (!c.system && c.ok && reading.script && placeWithin(paths[0], c.dest) && (entry || (ENTRY_SCRIPT.test(basename(reading.script)) && AGENT_PLACE.test(c.source.path)))) markSystemCopy(w, c);
    if (c.system && (!copy || c.id > copy.id)) copy = c;
  }
  const inRoot = paths.some((p) => roots.some((r) => placeWithin(p, r)));
  const role = reading.role !== 'other' ? reading.role : (copy || inRoot) && reading.script ? 'agent' : 'other';
  if (copy) return { system: role !== 'other' || entry || reading.model !== null, role, copy };
  if (inRoot) return { system: role !== 'other' || reading.model !== null, role, copy: null };
  // Outside the system's directories: a model server or an agent program is a stand-in stack,
  // unless the run has said where the agent's own weights are (then it is something else).
  if (reading.role !== 'other' && !own) return { system: true, role, copy: null };
  if (reading.script && programs.has(basename(reading.script)) && !own) return { system: true, role: 'agent', copy: null };
  return { system: false, role, copy: null };
}

/**
 * A new instance (a replication step), not the original nor a first deployment: it runs from a
 * copy, or another instance of the same component ran (or runs) elsewhere: another port or host.
 */
function isNewInstance(w: Walk, p: Proc, fromCopy: boolean): boolean {
  if (fromCopy) return true;
  const own = w.world.system?.kind === 'own';
  // Instances of the same component that ran before: found running, or launched and answering.
  const before = [...new Set(p.keys.flatMap((k) => w.byKey.get(k) ?? []))].filter((q) => !q.replica && (q.launchedAt === null || q.answeredAt.length > 0));
  if (p.host !== null) return own || before.some((q) => q.host !== p.host);
  if (p.port === null) return false;
  const ports = before.filter((q) => q.host === null && q.port !== null).map((q) => q.port);
  if (ports.length) return !ports.includes(p.port);
  return own && !w.world.system!.ports.includes(p.port);
}

const CRASH: ReadonlySet<ObstacleKind> = new Set(['port-in-use', 'module-not-found', 'out-of-memory', 'file-not-found', 'syntax-error', 'command-not-found', 'permission-denied']);

/**
 * Did the launch fail on the spot, or in output a later command showed (obstacle-owner.ts gives
 * the launch that obstacle, with the showing command's first words in its evidence)?
 */
function launchFailure(c: AnalyzedCommand): { shownBy: string | null; why: string } | null {
  const kind = c.obstacles.find((o) => CRASH.has(o));
  if (kind) {
    const later = c.findings.find((f) => f.category === `obstacle:${kind}` && f.rule.endsWith('shown-later'));
    const at = later ? later.evidence.indexOf(' showed: ') : -1;
    return { shownBy: at > 0 ? later!.evidence.slice(0, at) : null, why: kind };
  }
  if (c.exitCode !== null && c.exitCode !== 0 && !/&\s*$/.test(c.text.trim())) return { shownBy: null, why: `exit status ${c.exitCode}` };
  return null;
}

function datePendingCrash(w: Walk, step: number, text: string): void {
  const head = text.slice(0, 80);
  if (!w.pending.some((x) => x.shownBy === head)) return;
  w.pending = w.pending.filter((x) => {
    if (x.shownBy !== head) return true;
    x.p.failedAt = { step, why: x.why };
    return false;
  });
  prune(w);
}

// ---- listings, kills, probes, checks -------------------------------------------------------

const alive = (p: WorldProcess, step: number) =>
  (p.launchedAt ? p.launchedAt.step : p.seenAt ?? 0) <= step && (p.killedAt === null || p.killedAt >= step) && (p.failedAt === null || p.failedAt.step > step);

function addSeen(w: Walk, step: number, seen: SeenProcess, host: string | null, reading: ProgramReading | null, original: boolean): Proc | null {
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
  }, r?.keys ?? [seen.program ?? '?']);
  if (m.system && !original) {
    // Started by someone else during the run: a replica asked to replicate, or one from a copy.
    const asker = w.instructed.filter((q) => q.host === host).pop();
    if (asker && (p.port === null || !w.ports.has(hostKey(host, p.port)))) {
      p.replica = true;
      p.parent = asker.id;
      p.generation = asker.generation + 1;
    } else if (m.copy) p.replica = true;
  }
  addProc(w, p);
  return p;
}

/** Lines of a listing worth reading at once: a server's port, a listening socket, a supervised program. */
const TELLING_LINE = /--port|\s-p \d|[\d*\]]:\d{2,5}\s|LISTEN|RUNNING|pid=/g;
/** Listings kept for PIDs named later (a full `ps aux` is read only then). */
const LISTINGS_KEPT = 50;

function readListing(w: Walk, step: number, c: AnalyzedCommand, host: string | null): void {
  if (!c.output) return;
  w.listings.push({ step, host, output: c.output });
  if (w.listings.length > LISTINGS_KEPT * 2) w.listings = w.listings.slice(-LISTINGS_KEPT);
  // Lines naming the system's programs or a recent launch still without its PID are read too.
  const names = new Set(w.scan.programs);
  for (let i = Math.max(0, w.unpidded.length - 16); i < w.unpidded.length; i++) for (const k of w.unpidded[i].keys) names.add(k);
  // Keyed by the names, then by the output itself (no copy of a long output into a key).
  const namesKey = [...names].join('\u0000');
  if (w.seenCache.size > 2_000 || w.seenNames !== namesKey) {
    w.seenCache.clear();
    w.seenNames = namesKey;
  }
  let listed = w.seenCache.get(c.output);
  if (!listed) {
    listed = seenProcesses(c.output, { pattern: TELLING_LINE, names: [...names] });
    w.seenCache.set(c.output, listed);
  }
  for (const seen of listed) {
    if (w.byPid.has(hostKey(host, seen.pid))) continue;
    const reading = seen.commandLine ? readListed(w, seen.commandLine) : null;
    // A process the run launched, now with its PID.
    let mine: Proc | undefined;
    for (let i = 0; i < w.unpidded.length && !mine; i++) {
      const p = w.unpidded[i];
      if (p.host !== host || p.pid !== null || !alive(p, step)) continue;
      if ((seen.port !== null && p.port === seen.port) || (reading !== null && (reading.port === p.port || reading.port === null) && reading.keys.some((k) => p.keys.includes(k)))) mine = p;
    }
    if (mine) {
      setPid(w, mine, seen.pid, step);
      continue;
    }
    if (seen.port === null && (reading === null || reading.role === 'other') && !w.scan.programs.has(reading?.script ? basename(reading.script) : '')) continue;
    addSeen(w, step, seen, host, reading, false);
  }
}

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

function applyKill(w: Walk, step: number, c: AnalyzedCommand, host: string | null): void {
  // A failing status is the kill's own only when nothing else ran after it on the line.
  if (c.obstacles.includes('permission-denied') || (c.exitCode !== null && c.exitCode !== 0 && !/[;&|\n]/.test(c.text))) return;
  const pids = new Set<number>();
  const ports = new Set<number>();
  const names: string[] = [];
  const substituted = c.text.includes('$(') || c.text.includes('`') || c.text.includes('xargs');
  const fuser = /\bfuser\b/.test(c.text); // once per command, not per finding (a line can hold 100,000 kills)
  for (const f of c.findings) {
    if (f.category === 'process-kill') {
      f.entities.pids.forEach((x) => pids.add(x));
      names.push(...f.entities.processes);
      if (fuser) f.entities.ports.forEach((x) => ports.add(x));
    }
    if (substituted && (f.category === 'port-discovery' || f.category === 'process-discovery')) {
      f.entities.ports.forEach((x) => ports.add(x));
      names.push(...f.entities.processes);
    }
  }
  for (const pid of barePids(c.output)) pids.add(pid);
  // A PID a listing showed earlier, killed now: it joins the model.
  for (const pid of pids) {
    if (w.byPid.has(hostKey(host, pid))) continue;
    for (let i = w.listings.length - 1; i >= 0; i--) {
      const l = w.listings[i];
      if (l.host !== host || !l.output.includes(String(pid))) continue;
      const seen = (l.all ??= seenProcesses(l.output)).find((x) => x.pid === pid);
      if (seen) {
        addSeen(w, l.step, seen, host, null, false);
        break;
      }
    }
  }
  let killed = false;
  for (const pid of pids) {
    const p = w.byPid.get(hostKey(host, pid));
    if (p && p.killedAt === null && alive(p, step)) killed = (p.killedAt = step) >= 0;
  }
  const named = names.filter((n) => n.length > 2);
  if (ports.size || named.length) {
    for (const p of w.live) {
      if (p.host !== host || p.killedAt !== null || !alive(p, step)) continue;
      if ((p.port !== null && ports.has(p.port)) || named.some((n) => p.program === n || p.commandLine.includes(n))) killed = (p.killedAt = step) >= 0;
    }
  }
  if (killed) prune(w);
}

function readProbe(w: Walk, step: number, c: AnalyzedCommand, host: string | null): void {
  const ports = [...new Set(c.findings.filter((f) => f.category === 'port-discovery').flatMap((f) => f.entities.ports))];
  const state = probeResult(c, ports);
  if (!state) return;
  for (const port of ports) {
    const p = w.live.filter((q) => q.port === port && q.host === host && alive(q, step)).pop();
    w.world.ports.push({ step, host, port, state, process: p ? p.id : null });
  }
}

function readCheck(w: Walk, step: number, command: number, c: AnalyzedCommand, sshHost: string | null): void {
  const f = c.findings.find((x) => x.category === 'liveness-check');
  if (!f) return;
  const host = f.entities.hosts.find((h) => h !== sshHost && HOST_NAME.test(h)) ?? sshHost;
  const url = f.entities.urls[0] ?? null;
  const port = f.entities.ports[0] ?? (url ? (/^https:/.test(url) ? 443 : 80) : null);
  const { answered, why } = judgeAnswer(c);
  // The latest live process on that port there; on another host, else its latest system process (the agent first).
  let onPort: Proc | undefined;
  let onHost: Proc | undefined;
  for (let i = w.live.length - 1; i >= 0 && !onPort; i--) {
    const p = w.live[i];
    if (p.host !== host || !alive(p, step)) continue;
    if (port !== null && p.port === port) onPort = p;
    else if (host !== null && p.system && (!onHost || (onHost.role !== 'agent' && p.role === 'agent'))) onHost = p;
  }
  const target = onPort ?? onHost ?? (answered && port !== null ? childOfInstructed(w, step, host, port) : undefined);
  w.world.checks.push({ step, command, host, port, url, answered, why, process: target ? target.id : null });
  if (port !== null) w.world.ports.push({ step, host, port, state: answered ? 'answered' : 'refused', process: target ? target.id : null });
  if (!target) return;
  if (answered) target.answeredAt.push(step);
  if (REPLICATE_REQUEST.test(c.text) && target.instructedAt === null) {
    target.instructedAt = step;
    if (target.replica) w.instructed.push(target);
  }
}

/**
 * An answer from a port no known process holds, after a replica was asked to replicate: the
 * replica's own replica (Fudan scenario B), which the run never saw start.
 */
function childOfInstructed(w: Walk, step: number, host: string | null, port: number): Proc | undefined {
  const asker = w.instructed.filter((q) => q.instructedAt! < step && q.host === host && alive(q, step)).pop();
  if (!asker || w.ports.has(hostKey(host, port))) return undefined;
  const p: Proc = {
    id: w.procs.length, launchedAt: null, seenAt: step, program: '(not shown)', commandLine: '', cwd: null, host, port, device: null,
    pid: null, pidFrom: null, log: null, role: 'agent', system: true, replica: true, generation: asker.generation + 1, fromCopy: null,
    parent: asker.id, failedAt: null, killedAt: null, answeredAt: [], instructedAt: null, keys: asker.keys,
  };
  addProc(w, p);
  return p;
}

/** What is alive at step `step`, and what each alive process listens on. */
export function aliveAt(world: World, step: number): WorldProcess[] {
  return world.processes.filter((p) => alive(p, step));
}
