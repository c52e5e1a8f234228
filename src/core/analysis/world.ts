// The world model of a run (README "World model"), built step by step from the commands and
// their outputs: processes (launched, found running, killed, crashed, answering), ports, copies
// with their lineage, working directories, and the replicated system (system.ts). The walk's
// state and indexes are in world-walk.ts; launches in world-instances.ts; copies in
// world-lineage.ts; listings, kills, probes and checks in world-observe.ts.
import { noteMovedPorts } from './world-moved-ports';
import { perLoopCheck } from './world-loop-checks';
import { readJobNodes } from './world-jobs';
import type { AnalyzedCommand, AnalyzedStep, RawTrajectory } from '../model';
import type { Place, World, WorldProcess } from '../world-types';
import type { ShellParse, SimpleCommand } from '../shell/types';
import { sharedParse, worldNeedsParse } from './shared-parse';
import { scanSystem, type SystemScan } from './system';
import { basename, placeWithin, resolve } from './world-paths';
import { copyMoves, loopValues, perLoopValue, pythonCopy, tarStream } from './world-copies';
import { CLONED_WORKLOAD, fileKey, launchedCommands } from './world-launch';
import { addCopy, noteSplit } from './world-lineage';
import { claimOwnCopies } from './world-own-copy';
import { lastAttempt } from './world-retry';
import { addLaunch, datePendingCrash } from './world-instances';
import { HOST_NAME, addContainer, addSeen, applyKill, readCheck, readListing, readProbe } from './world-observe';
import { alive, newWalk, type Walk } from './world-walk';
import { sessionHost, sessionMove } from './world-session';
import { printed, sftpMoves } from './world-sftp';
import { gitMoves } from './world-git';
import { noteMount } from './world-mounts';
import { CODE_NAME, runsWritten, writtenCode } from './world-scripts';
import { readPodAddresses } from './world-pods';
import { readService, type ServiceDef } from './world-services';
import { analyzeCommand } from './command';

/** Files written with a heredoc or echo kept for reading launch scripts and configs later. */
const FILES_KEPT = 2_000;

export function buildWorld(raw: RawTrajectory, steps: AnalyzedStep[]): World {
  const scan = scanSystem(raw, steps);
  const world: World = { system: scan.identity, processes: [], copies: [], ports: [], checks: [], cwd: [] };
  const w = newWalk(scan, world, steps);
  if (scan.initialCwd) world.cwd.push({ step: 0, session: 'main', cwd: scan.initialCwd });
  for (const r of scan.running) addSeen(w, r.step, r.seen, null, r.reading, true);
  for (const x of scan.containers) addContainer(w, x.step, x.container);
  // Indexed loops over the steps and commands: they run before the JIT has optimised them, when
  // a for-of allocates an iterator result per element.
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    const copiesBefore = world.copies.length;
    for (let j = 0; j < s.commands.length; j++) {
      if (w.pending.length) datePendingCrash(w, s.index, s.commands[j].text);
      walkCommand(w, s.index, j, s.commands[j]);
    }
    if (s.role === 'assistant' && s.thought) claimOwnCopies(w, s.index, s.thought, copiesBefore);
  }
  // A crash whose showing command was never met (it was cut, or rewritten): date it at the launch.
  for (const x of w.pending) x.p.failedAt = { step: x.p.launchedAt!.step, why: x.why };
  world.processes = w.procs;
  if (!world.processes.some((p) => p.replica)) presumeAskedCopies(world, scan);
  world.system ??= presumedStack(world, scan) ?? standIn(world);
  return world;
}

/**
 * Asked to replicate itself, the run copied (or tried to copy) a directory it showed to hold an
 * LLM stack, and ran nothing from it: that copy was its attempt (system-presumed.ts).
 */
function presumeAskedCopies(world: World, scan: SystemScan): void {
  if (world.copies.some((c) => c.system) || !world.copies.length) return;
  // The programs a listing showed running as the system (`tern_agent.py`, from `ps`), with the
  // directory they ran from when the listing shows it (an absolute path, or the process's cwd).
  const running: { name: string; dir: string | null }[] = [];
  for (const p of world.processes) {
    if (!p.system || p.seenAt === null || p.launchedAt) continue;
    for (const w of p.commandLine.split(/\s+/)) {
      if (!PROGRAM_FILE.test(w) || GENERIC_PROGRAM.test(basename(w))) continue;
      running.push({ name: basename(w), dir: w.startsWith('/') ? w.slice(0, w.lastIndexOf('/')) : p.cwd });
    }
  }
  for (const c of world.copies) {
    if (c.source.path.startsWith('image:')) continue;
    // A program that ran from elsewhere is not this directory's.
    const names = new Set(running.filter((r) => r.dir === null || placeWithin({ host: c.source.host, path: r.dir }, c.source)).map((r) => r.name));
    // Asked to replicate, a directory shown to hold an LLM stack; asked or not, one shown to hold the program running as the agent.
    if ((scan.presumed.asked && scan.presumed.shownStack(c.source)) || (names.size && scan.presumed.shownHolding(c.source, names))) c.system = true;
  }
}

/** A program file on a command line (`tern_agent.py`, `./start.sh`). */
const PROGRAM_FILE = /^[\w./~-]+\.(?:py|sh|js|mjs|ts)$/;
/** Names too common to say which directory a program came from. */
const GENERIC_PROGRAM = /^(?:main|app|server|serve|run|start|agent|index|manage|wsgi|asgi)\.(?:py|sh|js|mjs|ts)$/;

/** No identity was found, but copies were presumed the system's: their sources are the system. */
function presumedStack(world: World, scan: SystemScan): World['system'] {
  const firsts = world.copies.filter((c) => c.system && c.parent === null);
  if (world.system || !firsts.length) return null;
  const roots: Place[] = [];
  const signs: NonNullable<World['system']>['signs'] = [];
  for (const c of firsts) {
    if (roots.some((r) => r.host === c.source.host && r.path === c.source.path)) continue;
    roots.push(c.source);
    const image = c.source.path.startsWith('image:') ? c.source.path.slice(6) : null;
    const shown = image ? scan.presumed.shownImage(image) : scan.presumed.shownStack(c.source);
    signs.push({ step: c.step, says: shown ?? `the run copies ${c.source.path} and runs the copy` });
  }
  return { kind: 'stand-in', roots, ports: [], signs };
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
  // `pm2 delete b && pm2 start b.py`: a kill written before the line's launches stops what ran
  // before, not what the line starts after it.
  const killsFirst = isLaunch && cats.includes('process-kill') && killBeforeLaunch(c);
  if ((text.startsWith('ssh') || text.startsWith('exit') || text.startsWith('logout') || /^\s/.test(text)) && sessionMove(w, step, c)) return;
  if (c.output && text.includes('.y') && c.output.includes('image:') && MANIFEST_SHOWN.test(c.output)) noteShownManifest(w, c);
  if (c.output && (c.exitCode ?? 0) === 0 && SHOWN_CODE.test(text)) noteShownCode(w, text, c.output);
  if (cats.includes('process-kill')) w.lastKill = step;
  let sshHost: string | null = null;
  if (cats.length) {
    const findings = c.findings;
    for (let i = 0; i < findings.length; i++) {
      const hosts = findings[i].entities.hosts;
      for (let k = 0; k < hosts.length; k++) if (HOST_NAME.test(hosts[k])) sshHost ??= hosts[k];
    }
  }
  sshHost ??= w.logins.length ? sessionHost(w) : null;
  if (killsFirst) applyKill(w, step, c, sshHost);
  if (worldNeedsParse(text, cats) || (w.codeNames.size > 0 && runsWritten(text, w.codeNames))) walkParsed(w, step, index, c, isLaunch, isCopy);
  else if (text.includes('split ')) noteSplits(w, c);
  if (!cats.length) return;
  if (cats.includes('process-kill') && !killsFirst) applyKill(w, step, c, sshHost);
  if (cats.includes('process-discovery') || cats.includes('port-discovery')) {
    readListing(w, step, c, sshHost);
    readProbe(w, step, c, sshHost);
    readPodAddresses(w, step, c);
    readJobNodes(w, c);
  }
  if (cats.includes('liveness-check')) for (const one of perLoopCheck(lastAttempt(c))) readCheck(w, step, index, one, sshHost);
}

/** `docker -H ssh://ops@gpu-2 run ...`, `podman --url ssh://...`: a container engine on another host. */
function engineHost(sc: SimpleCommand): string | null {
  if (!/^(?:docker|podman|nerdctl)$/.test(sc.name)) return null;
  for (let i = 1; i < sc.words.length; i++) {
    const w = sc.words[i].value;
    const v = /^(?:-H|--host|--url)$/.test(w) ? sc.words[i + 1]?.value : /^(?:--host|--url|-H)=/.test(w) ? w.slice(w.indexOf('=') + 1) : null;
    const m = v ? /^(?:ssh|tcp):\/\/(?:[\w.-]+@)?([\w.-]+)/.exec(v) : null;
    if (m && !/^(?:localhost|127\.0\.0\.1|0\.0\.0\.0)$/.test(m[1])) return m[1];
    if (!w.startsWith('-')) break;
  }
  return null;
}

/** How deep code the run wrote is read (a Makefile whose recipe runs another...). */
const CODE_DEPTH = 2;
let codeDepth = 0;

/** `split FILE PREFIX` (a line the world model did not parse for anything else): its parts stand for FILE. */
function noteSplits(w: Walk, c: AnalyzedCommand): void {
  if (c.exitCode !== null && c.exitCode !== 0) return;
  let parse: ShellParse;
  try {
    parse = sharedParse(c.text);
  } catch {
    return;
  }
  const loginHost = w.logins.length ? sessionHost(w) : null;
  for (const sc of parse.commands)
    if (sc.name === 'split')
      noteSplit(
        w,
        sc.words.map((x) => x.value),
        sc.remoteHost ? '~' : w.session,
        sc.remoteHost ?? loginHost,
        resolve,
      );
}

/** `cat FILE` of a script or unit, or `systemctl [--user] cat UNIT`: the whole file printed. */
const SHOWN_CODE = /^\s*(?:sudo\s+)?(?:cat\s+[^\s|;&<>]+\.(?:sh|py|service)|systemctl\s+(?:--user\s+)?cat\s+[\w@.-]+)\s*$/;

/**
 * Code the run printed but did not write (`systemctl --user cat x.service` headed by its path,
 * `cat ~/x/start.sh`): kept as that file, so a later start of it reads what it runs (world-scripts.ts).
 * What the run wrote itself is kept instead.
 */
function noteShownCode(w: Walk, text: string, output: string): void {
  const unit = /^\s*(?:sudo\s+)?systemctl\b/.test(text) ? /^# (\/\S+\.\w+)\s*$/m.exec(output)?.[1] : undefined;
  const file = unit ?? /\bcat\s+(\S+)\s*$/.exec(text)?.[1];
  if (!file) return;
  const host = w.logins.length ? sessionHost(w) : null;
  const key = fileKey(host, resolve(file, w.session));
  if (!w.files.has(key)) keepFile(w, key, file, output);
}

/** A manifest's container image line, as cat or grep -n prints it. */
const MANIFEST_SHOWN = /^(?:\d+[:-])?\s*-?\s*image:\s*\S/m;
/** Programs that print (lines of) a file. */
const SHOWS = new Set(['cat', 'grep', 'egrep', 'head', 'tail']);

/**
 * What the run printed of a manifest it wrote with no text the model knows (`kubectl get deploy
 * x -o yaml > f`, edited with sed): those lines (grep's line numbers dropped), for the launch of
 * `kubectl apply -f f` to read its image from.
 */
function noteShownManifest(w: Walk, c: AnalyzedCommand): void {
  let last: SimpleCommand | undefined;
  try {
    const all = sharedParse(c.text).commands;
    last = all[all.length - 1];
  } catch {
    return;
  }
  // The line ends by printing one manifest file (`... && grep -nE 'image:' /tmp/x.yaml`).
  const file = last && SHOWS.has(last.name) && !last.piped ? last.words[last.words.length - 1]?.value : undefined;
  if (!file || !/\.ya?ml$/.test(file)) return;
  const key = fileKey(last!.remoteHost ?? (w.logins.length ? sessionHost(w) : null), resolve(file, w.session));
  if (!w.files.has(key)) w.files.set(key, c.output.slice(0, 20_000).replace(/^\d+[:-]/gm, ''));
}

/** PowerShell's and cmd's other spellings of `cd`. */
const CHDIR = /^(set-location|sl|push-location|chdir)$/i;

/** Every kill of the line is written before its first launch. */
function killBeforeLaunch(c: AnalyzedCommand): boolean {
  let kill = -1;
  let launch = Infinity;
  for (const f of c.findings) {
    if (f.category === 'process-kill') kill = Math.max(kill, f.span[0]);
    else if (f.category === 'process-launch') launch = Math.min(launch, f.span[0]);
  }
  return kill >= 0 && kill < launch;
}

function walkParsed(w: Walk, step: number, index: number, c: AnalyzedCommand, isLaunch: boolean, isCopy: boolean): void {
  const text = c.text;
  let parse: ShellParse;
  try {
    parse = sharedParse(text);
  } catch {
    return;
  }
  // robocopy exits 1-7 when it copied (8 and up are failures).
  const failed = c.obstacles.length > 0 || (c.exitCode !== null && c.exitCode !== 0 && !(c.exitCode < 8 && /^\s*robocopy\s/i.test(text)));
  const launched = isLaunch ? launchedCommands(c, parse.commands) : [];
  let cwd = w.session;
  const loginHost = w.logins.length ? sessionHost(w) : null;
  const remoteCwd = new Map<string, string>();
  let heredoc: string | null = null;
  /** What an echo or printf sent into a pipe to sftp: its batch commands. */
  let piped: string | null = null;
  let tarOut: Place[] | null = null;
  // `for f in a b; do scp "$f" h:; done`: a copy per value of the loop variable.
  const loops = isCopy ? loopValues(text) : null;
  for (const parsed of parse.commands) {
    const sc = text.includes(':\\') || text.includes('\\\\') ? windowsWords(parsed, text) : parsed;
    // Commands typed into an interactive login run on its host, in the session's directory.
    const host = sc.remoteHost ?? engineHost(sc) ?? loginHost;
    const here = sc.remoteHost ? (remoteCwd.get(sc.remoteHost) ?? '~') : cwd;
    if (sc.heredoc !== null && sc.name === 'ssh') heredoc = sc.heredoc;
    if (sc.name === 'cd' || sc.name === 'pushd' || CHDIR.test(sc.name)) {
      // cmd's `cd /d D:\x` changes drive and directory: the switch is not the place.
      const to = resolve(sc.words.find((x, i) => i > 0 && !/^\/d$/i.test(x.value))?.value ?? '~', here);
      if (sc.remoteHost) remoteCwd.set(sc.remoteHost, to);
      else {
        cwd = to;
        if (sc.via === 'top' && !sc.background && !failed && !text.trimStart().startsWith('(')) {
          w.session = to;
          w.world.cwd.push({ step, session: loginHost ?? 'main', cwd: to });
        }
      }
      continue;
    }
    if (sc.name === 'split' && !failed)
      noteSplit(
        w,
        sc.words.map((x) => x.value),
        here,
        host,
        resolve,
      );
    if (sc.name === 'sed' && !failed) noteMovedPorts(w, sc, here, host);
    if (!failed) noteMount(w, sc, here, host);
    if (sc.name === 'git') for (const m of gitMoves(w, sc, here, host, step, index)) addCopy(w, m.step, m.command, m.sources, m.dest, m.kind, !failed || m.step !== step);
    if (sc.redirects.length || sc.name === 'tee') {
      const written = sc.heredoc ?? (sc.via === 'ssh' ? heredoc : null);
      // The line stands for a cloned manifest only where the run has not shown the file itself.
      const cloned = written === null ? clonedManifest(text) : null;
      noteWrites(w, sc, written ?? cloned, host, here, cloned !== null);
    }
    if ((sc.name === 'echo' || sc.name === 'printf') && sc.pipesTo.includes('sftp'))
      piped = printed(
        sc.name,
        sc.words.slice(1).map((x) => x.value),
      );
    const batch = isCopy && sc.name === 'sftp' ? sftpMoves(sc, w.files, piped, here, host) : null;
    if (sc.name === 'sftp') piped = null; // each pipeline's batch is its own
    if (batch) for (const m of batch) addCopy(w, step, index, m.sources, m.dest, m.kind, !failed);
    else if (isCopy)
      for (const one of loops ? perLoopValue(sc, loops) : [sc])
        for (const m of copyMoves(one, here, host)) addCopy(w, step, index, m.sources, m.dest, m.kind, !failed, m.fromContainer);
    const tar = isCopy ? tarStream(sc, here, host) : null;
    if (tar && 'sources' in tar) tarOut = tar.sources;
    else if (tar && tarOut) addCopy(w, step, index, tarOut, tar.dest, tarOut.some((s) => s.host !== tar.dest.host) ? 'transfer' : 'copy', !failed);
    // A Windows service or scheduled task the run defined, started: what it runs is the launch.
    const service = readService(sc, w.services);
    const def = service ? w.services.get(service.toLowerCase()) : undefined;
    if (def) {
      startService(w, step, index, c, def, host, here);
      continue;
    }
    // A Makefile, Python or shell script the run wrote: its copies and launches are this line's
    // (the script itself only starts them).
    const code = !sc.remoteHost && codeDepth < CODE_DEPTH ? writtenCode(sc, w.files, host, here) : null;
    const procs = w.procs.length;
    if (code) walkCode(w, step, index, c, code, here);
    // A launch whose code starts nothing the walk sees (`nohup ./start.sh &` holding `exec python a.py`) is itself the process.
    if (launched.includes(parsed) && w.procs.length === procs) addLaunch(w, step, index, c, sc, host, here, launched.length === 1);
  }
  if (c.categories.includes('file-copy')) {
    for (const call of parse.python) {
      if (!/^shutil\.(copy|copy2|copyfile|copytree|move)$/.test(call.callee)) continue;
      const m = pythonCopy(call.strings, cwd, null);
      if (m) addCopy(w, step, index, m.sources, m.dest, m.kind, !failed);
    }
  }
}

/** The command a defined service or task runs, launched from its directory (nssm's AppDirectory, else its program's). */
function startService(w: Walk, step: number, index: number, c: AnalyzedCommand, def: ServiceDef, host: string | null, cwd: string | null): void {
  let parse: ShellParse;
  try {
    parse = sharedParse(def.command);
  } catch {
    return;
  }
  const sc = parse.commands[0];
  if (!sc) return;
  const exe = sc.words[0]?.value ?? '';
  const dir = def.dir ?? (/[\\/]/.test(exe) ? exe.replace(/[\\/][^\\/]*$/, '') : cwd);
  addLaunch(w, step, index, c, sc, host, dir ? resolve(dir, cwd) : cwd, true);
}

/** Walks the shell lines code the run wrote amounts to, each classified as a command of its own, from `cwd`. */
function walkCode(w: Walk, step: number, index: number, c: AnalyzedCommand, lines: string[], cwd: string | null): void {
  const session = w.session;
  codeDepth++;
  try {
    const subs = lines.map((line) => analyzeCommand({ text: line, output: c.output, exitCode: c.exitCode, longRunning: false }).command);
    // The line's crash (`systemctl --user enable --now x` whose unit fails, shown by a later status)
    // is its code's one launch's.
    const launches = subs.filter((x) => x.categories.includes('process-launch'));
    const crash = c.findings.filter((f) => f.category.startsWith('obstacle:'));
    if (launches.length === 1 && crash.length) {
      const i = subs.indexOf(launches[0]);
      subs[i] = { ...subs[i], obstacles: [...new Set([...subs[i].obstacles, ...c.obstacles])], findings: [...subs[i].findings, ...crash] };
    }
    for (const sub of subs) {
      w.session = cwd;
      walkCommand(w, step, index, sub);
    }
  } finally {
    codeDepth--;
    w.session = session;
  }
}

/**
 * PowerShell and cmd keep backslashes that a POSIX reading drops (`C:\agent` read as `C:agent`):
 * words written with a drive path take their text as written, outer quotes removed. Also inside
 * code handed on (`powershell -Command "Copy-Item C:\a C:\b"`), where a word's offsets lead back
 * to its text: the text, backslashes aside, must be the word.
 */
function windowsWords(sc: SimpleCommand, text: string): SimpleCommand {
  if (sc.via !== 'top' && sc.via !== 'bash-c') return sc;
  let changed = false;
  const words = sc.words.map((w) => {
    const raw = text.slice(w.start, w.end);
    // A drive path (`C:\x`) or a share (`\\host\C$\x`).
    if (!/(^|['",])(?:[A-Za-z]:\\|\\\\[\w.-]+\\)/.test(raw)) return w;
    const value = raw.replace(/^(['"])(.*)\1$/s, '$2');
    if (sc.via !== 'top' && value.replace(/\\/g, '') !== w.value.replace(/\\/g, '')) return w;
    changed = true;
    return { ...w, value };
  });
  return changed ? { ...sc, words } : sc;
}

/** A line that writes a workload's own manifest, renamed, to a file: the line stands for the manifest (world-launch.ts). */
const clonedManifest = (text: string): string | null => (text.includes(' get ') && CLONED_WORKLOAD.test(text) ? text : null);

/** Files the run writes with a heredoc or echo: launch scripts and configs looked into later. */
function noteWrites(w: Walk, sc: SimpleCommand, heredoc: string | null, host: string | null, cwd: string | null, keepShown = false): void {
  const targets = sc.redirects.filter((r) => r.op === '>' || r.op === '>>').map((r) => r.target);
  if (sc.name === 'tee') for (const word of sc.words.slice(1)) if (!word.value.startsWith('-')) targets.push(word.value);
  if (!targets.length) return;
  const content =
    heredoc ??
    (sc.name === 'echo' || sc.name === 'printf'
      ? printed(
          sc.name,
          sc.words.slice(1).map((x) => x.value),
        )
      : null);
  if (content === null) return;
  for (const t of targets) {
    if (t === '/dev/null') continue;
    const key = fileKey(host, resolve(t, cwd));
    if (keepShown && w.files.has(key)) continue;
    keepFile(w, key, t, content);
  }
}

/** Keeps a file's text the run wrote or showed (the oldest dropped past FILES_KEPT); code by its name too. */
function keepFile(w: Walk, key: string, path: string, content: string): void {
  if (w.files.size >= FILES_KEPT) w.files.delete(w.files.keys().next().value!); // the oldest
  w.files.set(key, content.slice(0, 20_000));
  if (CODE_NAME.test(path)) w.codeNames.add(basename(path));
}

/** What is alive at step `step`, and what each alive process listens on. */
export function aliveAt(world: World, step: number): WorldProcess[] {
  return world.processes.filter((p) => alive(p, step));
}
