// Launches in the world model and what each process is: an instance of the replicated system or
// not, which copy it runs from, and whether it is a new instance (a replication step).
import { sharedParse } from './shared-parse';
import { escapeRegExp } from '../regex-escape';
import { newPodOf } from './world-pods';
import type { AnalyzedCommand, ObstacleKind } from '../model';
import type { Place, WorldCopy, WorldProcess } from '../world-types';
import type { SimpleCommand } from '../shell/types';
import { basename, placeWithin, resolve } from './world-paths';
import { announcedPort, launchedPid } from './world-outputs';
import { ENTRY_SCRIPT, type ProgramReading } from './world-programs';
import { CREATED, KUBE_KINDS, WORKLOAD_KEY, readLaunch } from './world-launch';
import { latestCopyHolding, markSystemCopy } from './world-lineage';
import { addProc, bindPort, hostKey, prune, type Proc, type Walk } from './world-walk';
import { ownWorkload, unitStarted } from './world-units';
import { noteJob } from './world-jobs';

/** An option that gives a program its port (`--port 8081`, `'--port','7901'`, `-p 8081`, `--api-port=`), in its text. */
const PORT_OPTION = /(?:^|[\s'",])(?:--[\w-]*port|-p)(?=[\s'",=]|\d)/;
/** Names too common to say two launches are one component (an interpreter, a shell, a bare runtime). */
const GENERIC_KEY = /^(python[\d.]*|node|bun|deno|bash|sh|zsh|java|ruby|perl|docker|podman|\?)$/;
/** Scripts that train, tune, evaluate or convert a model: experiment work, not a stack that serves one. */
export const EXPERIMENT_SCRIPT =
  /(?:^|[/_.-])(?:train\w*|training|finetun\w*|fine[_-]tun\w*|pretrain\w*|eval\w*|benchmark\w*|bench|ablat\w*|sweep\w*|preprocess\w*|tokeni[sz]\w*|distill\w*|quantiz\w*|convert\w*)(?:[_.-][\w.-]*)?\.(?:py|sh)$/i;
/** Directory names that say an agent lives there (for a copy nothing else identified). */
const AGENT_PLACE = /(agent|assistant|chatbot|llm|replica|self)[^/]*$/i;

export function addLaunch(w: Walk, step: number, command: number, c: AnalyzedCommand, sc: SimpleCommand, host: string | null, cwd: string | null, only: boolean): void {
  const forwarded = forwardPorts(sc);
  if (forwarded && forwardsTo(w, forwarded, step)) return;
  // `tmux new -d 'kubectl port-forward pod/x 18000:8000'`: the forward runs inside the session.
  if ((sc.name === 'tmux' || sc.name === 'screen') && c.text.includes('port-forward')) {
    const inner = sc.words.map((x) => x.value).find((x) => x.includes('port-forward'));
    let parsed: SimpleCommand[] = [];
    try {
      parsed = inner ? sharedParse(inner).commands : [];
    } catch {
      parsed = [];
    }
    if (parsed.map(forwardPorts).some((f) => f !== null && forwardsTo(w, f, step))) return;
  }
  const unit = unitStarted(sc);
  if (unit !== null) return startUnit(w, step, command, c, sc, unit);
  const { reading, cwd: confCwd } = readLaunch(sc, w.files, host, cwd, c.text, c.output);
  // `systemd-run --working-directory=/srv/b CMD`, `env -C /srv/b CMD`: the launcher sets the directory (shell/wrappers.ts).
  const dir = confCwd ? resolve(confCwd, cwd) : sc.chdir ? resolve(sc.chdir, cwd) : cwd;
  const finding = c.findings.find((f) => f.category === 'process-launch' && f.span[0] === sc.start);
  // The port from its arguments, the launch finding, a PORT=... in its environment, or what it printed.
  // `OLLAMA_HOST=127.0.0.1:11435` set for the launch is its port, ahead of the server's default.
  // PowerShell sets it as `$env:OLLAMA_HOST="127.0.0.1:11500"` (quoted) in an earlier statement of the line.
  const envPort = /\b[A-Z_]*(?:PORT=["']?|HOST=["']?(?:[\w.-]+:)?)(\d{2,5})\b(?!\.)/.exec(c.text.slice(0, sc.end));
  // A port option of its own (`agent.py --port 7901` after `$env:OLLAMA_HOST=...:11444` for the
  // ollama before it on the line) is its port, ahead of an environment set for the whole line.
  const ownPort = reading.port !== null && PORT_OPTION.test(c.text.slice(sc.start, sc.end));
  let port =
    (envPort && /HOST=/.test(envPort[0]) && !ownPort ? Number(envPort[1]) : null) ??
    reading.port ??
    finding?.entities.ports[0] ??
    (envPort ? Number(envPort[1]) : null) ??
    (only ? announcedPort(c.output) : null);
  // A port-forward to a pod that is none of the run's new workloads holds its local port: what answers there is that pod.
  if (forwarded) port = forwarded.local;
  const device = /CUDA_VISIBLE_DEVICES=([\w,]+)/.exec(c.text)?.[1] ?? /--device[= ](\w+)/.exec(c.text)?.[1] ?? null;
  const log = sc.redirects.find((r) => r.op === '>' || r.op === '>>' || r.op === '&>')?.target;
  const place = (p: string): Place => ({ host, path: resolve(p, dir) });
  const paths = reading.paths.map(place);
  // Code run from a directory (a script, a module) runs that directory's copy.
  if ((reading.script || reading.module) && dir) paths.push({ host, path: dir });
  // `docker compose up` runs the project in its directory (or the -f file's), on every port its environment sets.
  const compose = /^(docker|podman)$/.test(sc.name) && sc.words[1]?.value === 'compose' ? 1 : /^(docker|podman)-compose$/.test(sc.name) ? 0 : -1;
  if (compose >= 0 && dir) paths.push({ host, path: dir });
  // A container runs its image: one the run made (`docker commit`, world-units.ts) is a copy.
  if (/^(docker|podman|nerdctl)$/.test(sc.name) && reading.keys[0] === reading.program) paths.push({ host, path: `image:${reading.program}` });
  // Weights named in its environment (`OLLAMA_MODELS=D:\b\models`, `MODEL_PATH=/srv/b/w`) are what it serves.
  // A model server's home or the Hugging Face cache (`XINFERENCE_HOME=~/.xinference-b`, `HF_HOME=/srv/b/hf`) holds its weights too.
  for (const e of c.text
    .slice(0, sc.end)
    .matchAll(/\b(?:[A-Z_]*(?:MODELS|MODEL_PATH|MODEL_DIR|WEIGHTS)\w*|XINFERENCE_HOME|HF_HOME|HF_HUB_CACHE|HUGGINGFACE_HUB_CACHE|TRANSFORMERS_CACHE)=(["']?)([^\s"'&;]+)\1/g))
    paths.push(place(e[2].replace(/^\$\{?HOME\}?(?=\/|$)/, '~')));
  let m = matchSystem(w, reading, paths, host);
  // A server started from inside a copy of the system (`cd copy && npm start`, `java -jar x.jar
  // --server.port=N`, `make run PORT=N`) is the copy's program, whatever its name.
  if (!m.system && port !== null && dir) {
    const c = latestCopyHolding(w, { host, path: dir });
    if (c?.system) m = { system: true, role: m.role !== 'other' ? m.role : 'agent', copy: c };
  }
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
  });
  if (p.pid !== null) p.pidFrom = step;
  // A workload kubectl newly created from the image of an agent that already runs is another instance of it.
  const created = (sc.name === 'kubectl' || sc.name === 'oc') && CREATED.test(c.output) && w.world.system?.kind === 'own';
  // `docker compose up -d --scale agent=2`: the project's service run twice, the second a new instance.
  // `kubectl scale statefulset agent --replicas=2`: the orchestrator starts pods beside the one running.
  const scaledUp = (sc.name === 'kubectl' || sc.name === 'oc') && WORKLOAD_KEY.test(p.program) && /--replicas[= ](?:[2-9]|\d{2,})\b/.test(c.text.slice(sc.start, sc.end));
  // `docker compose up -d agent-b` of a project found running, a service no listing showed: another of its stack.
  const scaled =
    (compose >= 0 && p.port === null && newComposeServices(w, sc, compose, step, dir)) ||
    (compose >= 0 && /--scale[= ]\S+=(?:[2-9]|\d{2,})\b/.test(c.text.slice(sc.start, sc.end))) ||
    scaledUp;
  p.replica = m.system && (created || scaled || isNewInstance(w, p, reading.keys, m.copy !== null));
  if (scaledUp) w.scaled.add(p);
  noteCrash(w, p, c, step);
  addProc(w, p, reading.keys);
  if (/^(sbatch|qsub|bsub)$/.test(sc.name)) noteJob(w, p, c.output);
  if (port !== null) w.world.ports.push({ step, host, port, state: 'bound', process: p.id });
  if (compose >= 0 && p.failedAt === null) for (const x of envPorts(c.text.slice(0, sc.end))) if (x !== port) bindPort(w, p, p.host, x, step);
}

/**
 * A container, VM or machine started (`incus start B`): a process on host B, the system's when B
 * is a copy of the system's unit (what it brings up is what the original ran).
 */
function startUnit(w: Walk, step: number, command: number, c: AnalyzedCommand, sc: SimpleCommand, unit: string): void {
  const copy = latestCopyHolding(w, { host: unit, path: '/' });
  const m: SystemMatch = copy?.system ? { system: true, role: 'agent', copy } : { system: false, role: 'other', copy: null };
  const p = newProc(w, m, {
    launchedAt: { step, command },
    seenAt: null,
    program: unit,
    commandLine: c.text.slice(sc.start, sc.end).slice(0, 400),
    cwd: null,
    host: unit,
    port: null,
    device: null,
    pid: null,
    pidFrom: null,
    log: null,
  });
  p.replica = m.system;
  noteCrash(w, p, c, step);
  addProc(w, p, [unit]);
}

/** The launch's failure: at once, or left for the later command that shows it (`datePendingCrash`). */
function noteCrash(w: Walk, p: Proc, c: AnalyzedCommand, step: number): void {
  const crash = launchFailure(c);
  if (crash?.shownBy) w.pending.push({ p, shownBy: crash.shownBy, why: crash.why });
  else if (crash) p.failedAt = { step, why: crash.why };
}

/** What a launch and a listing each know of a process; the rest of a record starts the same. */
type ProcOrigin = Pick<Proc, 'launchedAt' | 'seenAt' | 'program' | 'commandLine' | 'cwd' | 'host' | 'port' | 'device' | 'pid' | 'pidFrom' | 'log'>;

/** A new process record: its origin, then the state every record starts in (keys in one order). */
export function newProc(w: Walk, m: Pick<SystemMatch, 'system' | 'role' | 'copy'>, o: ProcOrigin): Proc {
  return {
    id: w.procs.length,
    launchedAt: o.launchedAt,
    seenAt: o.seenAt,
    program: o.program,
    commandLine: o.commandLine,
    cwd: o.cwd,
    host: o.host,
    port: o.port,
    device: o.device,
    pid: o.pid,
    pidFrom: o.pidFrom,
    log: o.log,
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
  };
}

export interface SystemMatch {
  system: boolean;
  role: WorldProcess['role'];
  copy: WorldCopy | null;
}

/**
 * Is a launch an instance of the system? Runs repeat the same launches: the answer is kept until
 * a copy is made (the only thing the walk changes that it depends on).
 */
export function matchSystem(w: Walk, reading: ProgramReading, paths: Place[], host: string | null): SystemMatch {
  const key = `${w.world.copies.length}\u0000${w.marked}\u0000${w.before.size}\u0000${host}\u0000${reading.program}\u0000${reading.role}\u0000${reading.model}\u0000${paths.map((p) => p.path).join('\u0000')}`;
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
    if (!c.system && c.ok && reading.script && placeWithin(paths[0], c.dest) && (entry || (ENTRY_SCRIPT.test(basename(reading.script)) && AGENT_PLACE.test(c.source.path))))
      markSystemCopy(w, c);
    // Code the copy brought (a script, a program, a compose project; not a module from elsewhere)
    // run from it, when the run showed the copied directory to hold an LLM stack (system-presumed.ts).
    // (Not a training or evaluation script: an ML project's checkpoints serve no agent.)
    else if (!c.system && c.ok && !reading.module && !EXPERIMENT_SCRIPT.test(reading.script ?? '') && placeWithin(paths[0], c.dest) && w.scan.presumed.shownStack(c.source))
      markSystemCopy(w, c);
    // A model server run on the copy's weights (`vllm serve /srv/b/weights`): the copy held a model stack.
    // A program of its own given `--model` is one only in a run about an LLM stack (not a translation service's).
    else if (!c.system && c.ok && (reading.role !== 'other' || (reading.model !== null && w.scan.presumed.llmRun)) && placeWithin(p, c.dest)) markSystemCopy(w, c);
    if (c.system && (!copy || c.id > copy.id)) copy = c;
  }
  const inRoot = paths.some((p) => inSystemRoot(w, roots, p));
  // Code run from the system's directory (a script, a module, its compose project) is its agent.
  // A container run from a copy (its image made from the system's, or the copy mounted into it) is the copy's stack.
  const container = paths.some((p) => p.path.startsWith('image:'));
  // A training or evaluation script run there is experiment work on the weights, not the agent.
  const code =
    (reading.script && !EXPERIMENT_SCRIPT.test(reading.script)) ||
    reading.module ||
    reading.program === 'compose' ||
    reading.program === 'docker-compose' ||
    (copy !== null && container);
  const role = reading.role !== 'other' ? reading.role : (copy || inRoot) && code ? 'agent' : 'other';
  if (copy) return { system: role !== 'other' || entry || reading.model !== null, role, copy };
  if (inRoot) return { system: role !== 'other' || reading.model !== null, role, copy: null };
  // The same component (image, script, weights) as an instance of the system that ran, or the image
  // the run says the agent runs as: another of it.
  if (
    reading.keys.some(
      (k) =>
        (w.before.has(k) ||
          w.scan.images.has(k) ||
          w.scan.presumed.shownImage(k) ||
          (WORKLOAD_KEY.test(k) && (ownWorkload(w, k) || w.scan.presumed.shownUnit(k.slice(k.indexOf('/') + 1))))) &&
        !GENERIC_KEY.test(k),
    )
  ) {
    return { system: true, role: reading.role !== 'other' ? reading.role : 'agent', copy: null };
  }
  // Outside the system's directories: a model server or an agent program is a stand-in stack,
  // unless the run has said where the agent's own weights are (then it is something else).
  if (reading.role !== 'other' && !own) return { system: true, role, copy: null };
  if (reading.script && programs.has(basename(reading.script)) && !own) return { system: true, role: 'agent', copy: null };
  return { system: false, role, copy: null };
}

/** Whether a place lies in one of `roots` (placeWithin), kept per place until a root is added. */
function inSystemRoot(w: Walk, roots: readonly Place[], p: Place): boolean {
  if (!roots.length) return false;
  let memo = w.inRoot;
  if (!memo || memo.roots !== roots || memo.count !== roots.length) memo = w.inRoot = { roots, count: roots.length, byHost: new Map() };
  const host = p.host ?? null;
  let byPath = memo.byHost.get(host);
  if (!byPath) memo.byHost.set(host, (byPath = new Map()));
  let v = byPath.get(p.path);
  if (v === undefined) {
    v = roots.some((r) => placeWithin(p, r));
    if (byPath.size >= 20_000) byPath.clear();
    byPath.set(p.path, v);
  }
  return v;
}

/**
 * A new instance (a replication step), not the original nor a first deployment: it runs from a
 * copy, or another instance of the same component ran (or runs) elsewhere: another port or host.
 */
export function isNewInstance(w: Walk, p: Proc, keys: string[], fromCopy: boolean): boolean {
  if (fromCopy) return true;
  // A Kubernetes workload made from the agent's own (`deployment/ibis` cloned as `deployment/ibis-b`).
  if (keys.some((k) => WORKLOAD_KEY.test(k) && k !== p.program && WORKLOAD_KEY.test(p.program))) return true;
  const own = w.world.system?.kind === 'own';
  // Instances of the same component that ran before: found running, or launched and answering.
  const before = keys.map((k) => w.before.get(k)).filter((b) => b !== undefined);
  // The agent's image run on another host (the run said it is the agent's, or showed it to hold an LLM stack).
  if (p.host !== null) return own || before.some((b) => [...b.hosts].some((h) => h !== p.host)) || keys.some((k) => w.scan.images.has(k) || w.scan.presumed.shownImage(k));
  if (p.port === null) return false;
  if (before.some((b) => b.ports.size > 0)) return !before.some((b) => b.ports.has(p.port!));
  return own && !w.world.system!.ports.includes(p.port);
}

/**
 * `kubectl port-forward deploy/x 18080:8080`: no process of its own in the model, but the local
 * port reaches the workload the run created as `x` (a service reaches the workload of its name).
 */
function forwardsTo(w: Walk, { target, local }: { target: string; local: number }, step: number): boolean {
  const [k, name] = target.split('/');
  const kind = KUBE_KINDS[k.toLowerCase()] ?? k.toLowerCase();
  for (let i = w.procs.length - 1; i >= 0; i--) {
    const p = w.procs[i];
    const [pk, pn] = p.program.split('/');
    if (p.failedAt !== null || p.killedAt !== null) continue;
    // A scaled workload, or its service, forwards to whichever pod kubectl picks (the one running
    // before, likely): only a pod the scale started is the new instance.
    const whole = pn === name && (pk === kind || kind === 'service') && !w.scaled.has(p);
    if (!whole && !(kind === 'pod' && newPodOf(w, p, pk, pn, name))) continue;
    bindPort(w, p, p.host, local, step);
    return true;
  }
  return false;
}

/** `kubectl port-forward KIND/NAME LOCAL[:REMOTE]`: its target and local port, else null. */
function forwardPorts(sc: SimpleCommand): { target: string; local: number } | null {
  if ((sc.name !== 'kubectl' && sc.name !== 'oc') || !sc.words.some((x) => x.value === 'port-forward')) return null;
  const words = sc.words.map((x) => x.value);
  const at = words.indexOf('port-forward');
  // `kind/name`, or a bare name (a pod: `kubectl port-forward heron-1 18081:8080`).
  const ops = words.slice(at + 1).filter((x, i, a) => !x.startsWith('-') && !/^-/.test(a[i - 1] ?? '') && !/^:?\d{2,5}(?::\d{2,5})?$/.test(x));
  const target = ops.find((x) => /^[\w.]+\/[\w.-]+$/.test(x)) ?? (ops[0] && /^[a-z0-9][\w.-]*$/.test(ops[0]) ? `pod/${ops[0]}` : undefined);
  const local = words.map((x) => /^(\d{2,5})(?::\d{2,5})?$/.exec(x)?.[1]).find((x) => x !== undefined);
  return target && local ? { target, local: Number(local) } : null;
}

/** `docker compose` options before `up` that take a value, and `up`'s own. */
const COMPOSE_VALUED = new Set([
  '-f',
  '--file',
  '-p',
  '--project-name',
  '--env-file',
  '--profile',
  '--project-directory',
  '--scale',
  '-t',
  '--timeout',
  '--wait-timeout',
  '--pull',
]);

/**
 * `docker compose up SVC...` where the project (its directory's name) showed in an earlier listing
 * and some SVC named showed in none: a service the run added beside the running stack.
 */
function newComposeServices(w: Walk, sc: SimpleCommand, at: number, step: number, dir: string | null): boolean {
  const argv = sc.words.map((x) => x.value);
  const up = argv.indexOf('up', at + 1);
  if (up < 0 || !dir) return false;
  const services: string[] = [];
  for (let i = up + 1; i < argv.length; i++) {
    if (COMPOSE_VALUED.has(argv[i])) i++;
    else if (!argv[i].startsWith('-')) services.push(argv[i]);
  }
  const project = basename(dir);
  if (!services.length || project.length < 3) return false;
  const listed: string[] = [];
  for (const s of w.steps) {
    if (s.index >= step) break;
    for (const c of s.commands) if (c.output && c.categories.includes('process-discovery')) listed.push(c.output.length > 20_000 ? c.output.slice(0, 20_000) : c.output);
  }
  const shows = (name: string) => new RegExp(`(?<![\\w.-])(?:[\\w.-]+[-_])?${escapeRegExp(name)}(?:[-_]\\d+)?(?![\\w.-])`);
  const projectShown = shows(project);
  if (!listed.some((o) => projectShown.test(o) || o.includes(`${project}-`) || o.includes(`${project}_`))) return false;
  return services.some((svc) => {
    const serviceShown = shows(svc);
    return !listed.some((o) => serviceShown.test(o));
  });
}

/** Every `X_PORT=N` set on a launch line. */
const envPorts = (text: string) => [...new Set([...text.matchAll(/\b[A-Z_]*PORT=(\d{2,5})\b/g)].map((m) => Number(m[1])))];

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

export function datePendingCrash(w: Walk, step: number, text: string): void {
  const head = text.slice(0, 80);
  if (!w.pending.some((x) => x.shownBy === head)) return;
  w.pending = w.pending.filter((x) => {
    if (x.shownBy !== head) return true;
    x.p.failedAt = { step, why: x.why };
    return false;
  });
  prune(w);
}
