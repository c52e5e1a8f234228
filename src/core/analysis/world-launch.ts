// What a launch starts: the simple commands of a process-launch line that are launched, and
// what each runs once a launch script or a supervisord config (written earlier in the run) is
// looked into.
import type { AnalyzedCommand } from '../model';
import { parseShell } from '../shell/parser';
import type { SimpleCommand } from '../shell/types';
import { canonical, isAbsolute, resolve } from './world-paths';
import { readProgram, type ProgramReading } from './world-programs';
import { escapeRegExp } from '../regex-escape';

/** Builtins and helpers that a backgrounded list also runs, which are not themselves launched. */
const NOT_LAUNCHED = new Set([
  'cd',
  'export',
  'source',
  '.',
  'set',
  'unset',
  'wait',
  'disown',
  ':',
  'true',
  'false',
  'echo',
  'printf',
  'mkdir',
  'sleep',
  'pip',
  'pip3',
  'chmod',
  'cat',
  'tail',
  'ls',
  'which',
  'ssh',
  'test',
  '[',
  'tee',
]);
const SUPERVISORS = new Set(['tmux', 'screen']);

/** The launched simple commands of a process-launch command: those its launch findings point at. */
export function launchedCommands(c: AnalyzedCommand, commands: SimpleCommand[]): SimpleCommand[] {
  const spans = c.findings.filter((f) => f.category === 'process-launch' && f.spanIn === 'command').map((f) => f.span);
  const hit = commands.filter((sc) => !NOT_LAUNCHED.has(sc.name) && spans.some((s) => s[0] === sc.start && s[1] === sc.end));
  if (hit.length) return hit;
  // A long-running tool call or a whole-line finding: the last program the line runs.
  for (let i = commands.length - 1; i >= 0; i--) if (!NOT_LAUNCHED.has(commands[i].name)) return [commands[i]];
  return [];
}

export interface LaunchReading {
  reading: ProgramReading;
  /** Directory the program runs in, when a config says (supervisord `directory=`). */
  cwd: string | null;
}

/**
 * What a launched command runs: its own argv, or for `bash x.sh`, `./x.sh`, `supervisord -c conf`
 * and `tmux new -d 'cmd'` the program inside, when the run wrote that file or gave that text.
 */
export function readLaunch(sc: SimpleCommand, files: Map<string, string>, host: string | null, cwd: string | null, line = '', output = ''): LaunchReading {
  if ((sc.name === 'kubectl' || sc.name === 'oc') && sc.words.some((w) => w.value === 'apply' || w.value === 'create')) {
    const k8s = manifestLaunch(sc, files, host, cwd, line, output);
    if (k8s) return { reading: k8s, cwd: null };
  }
  if ((sc.name === 'kubectl' || sc.name === 'oc') && kubectlVerb(sc.words.map((w) => w.value)) === 'run') {
    const pod = podRun(sc.words.map((w) => w.value));
    if (pod) return { reading: pod, cwd: null };
  }
  if ((sc.name === 'kubectl' || sc.name === 'oc') && kubectlVerb(sc.words.map((w) => w.value)) === 'scale') {
    const scaled = scaledWorkload(sc.words.map((w) => w.value));
    if (scaled) return { reading: scaled, cwd: null };
  }
  const started = startProcessArgv(sc.words.map((w) => w.value));
  const argv = started?.argv ?? sc.words.map((w) => w.value);
  const own = readProgram(argv);
  if (SUPERVISORS.has(sc.name)) {
    // `tmux new -d 'cd /w && python a.py'`, `screen -dm bash -c '...'`: the code it is given.
    const inner = argv
      .slice(1)
      .reverse()
      .find((a) => /\s/.test(a));
    // `tmux new -d -c DIR 'cmd'`: the session starts in DIR.
    const c = sc.name === 'tmux' ? argv.indexOf('-c') : -1;
    const r = inner ? innerLaunch(inner, c > 0 && argv[c + 1] ? resolve(argv[c + 1], cwd) : cwd) : null;
    if (r) return r;
  }
  if (sc.name === 'supervisord') {
    const i = argv.findIndex((a) => a === '-c' || a === '--configuration');
    const conf = i > 0 ? files.get(fileKey(host, resolve(argv[i + 1] ?? '', cwd))) : undefined;
    if (conf) {
      const programs = [...conf.matchAll(/^\s*command\s*=\s*(.+)$/gm)].map((m) => readProgram(m[1].trim().split(/\s+/)));
      const dir = /^\s*directory\s*=\s*(\S+)/m.exec(conf)?.[1] ?? null;
      // The agent first: it is what answers the run's checks of the stack.
      const best = programs.find((p) => p.role === 'agent') ?? programs.find((p) => p.role !== 'other') ?? programs[0];
      if (best) return { reading: best, cwd: dir };
    }
  }
  if (own.script && !/\.py$/.test(own.script)) {
    // A launch script the run wrote: the agent or model server it starts, if it starts one.
    const text = writtenFile(files, host, own.script, cwd);
    const r = text ? innerLaunch(text, cwd) : null;
    if (r && r.reading.role !== 'other') return { reading: { ...r.reading, port: r.reading.port ?? own.port, paths: [...own.paths, ...r.reading.paths] }, cwd: r.cwd };
  }
  return { reading: own, cwd: started?.cwd ?? null };
}

/**
 * `kubectl apply -f -` fed a manifest on the line (`cat <<EOF | kubectl apply -f -`), or `-f FILE`
 * the run wrote: the workload it creates, named `kind/name`, known by its image and container port.
 */
function manifestLaunch(sc: SimpleCommand, files: Map<string, string>, host: string | null, cwd: string | null, line: string, output: string): ProgramReading | null {
  const f = sc.words.findIndex((w) => w.value === '-f' || w.value === '--filename');
  const from = f > 0 ? sc.words[f + 1]?.value : undefined;
  const text = from === '-' ? line : from ? files.get(fileKey(host, resolve(from, cwd))) : undefined;
  const clone = text ? clonedWorkload(text, output) : null;
  if (clone) return clone;
  const image = text ? /^\s*-?\s*image:\s*["']?([^\s"']+)/m.exec(text)?.[1] : undefined;
  if (!text || !image) return null;
  // What kubectl printed (`deployment.apps/x created`) names the workload when the manifest's lines shown do not.
  const made = CREATED.exec(output);
  const kind = /^kind:\s*(\w+)/m.exec(text)?.[1]?.toLowerCase() ?? made?.[1] ?? 'workload';
  const name = /^metadata:\s*\n\s+name:\s*["']?([\w.-]+)/m.exec(text)?.[1] ?? made?.[2] ?? image;
  const port = /containerPort:\s*(\d{2,5})/.exec(text)?.[1];
  const byImage = readProgram(['docker', 'run', image]);
  return { ...byImage, program: `${kind}/${name}`, port: port ? Number(port) : null, keys: [image], paths: [] };
}

/** kubectl's options that come before its sub-command and take a value (`kubectl -n ml run ...`). */
const KUBECTL_VALUED = new Set(['-n', '--namespace', '--context', '--kubeconfig', '--cluster', '-s', '--server', '--user', '--as', '--token']);

/** Where kubectl's sub-command is in its argv (after its global options), or -1. */
function kubectlVerbAt(argv: string[]): number {
  for (let i = 1; i < argv.length; i++) {
    if (KUBECTL_VALUED.has(argv[i])) i++;
    else if (!argv[i].startsWith('-')) return i;
  }
  return -1;
}
const kubectlVerb = (argv: string[]) => argv[kubectlVerbAt(argv)] ?? null;

/** `kubectl [-n NS] run NAME --image=IMG [--port=N]`: a bare pod, known by its image as `docker run IMG` is. */
function podRun(argv: string[]): ProgramReading | null {
  const opt = (k: string) => {
    const i = argv.findIndex((a) => a === k || a.startsWith(`${k}=`));
    return i < 0 ? undefined : argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
  };
  const image = opt('--image');
  const at = kubectlVerbAt(argv) + 1;
  const name = argv.slice(at).find((a, i) => !a.startsWith('-') && !/^-/.test(argv[at + i - 1] ?? '') && !a.includes('='));
  if (!image || !name) return null;
  const port = Number(opt('--port'));
  return { ...readProgram(['docker', 'run', image]), program: `pod/${name}`, port: port > 0 && port < 65536 ? port : null, keys: [image], paths: [] };
}

/** Options of `kubectl scale` that take a value. */
const SCALE_VALUED = new Set([
  '-n',
  '--namespace',
  '--context',
  '--kubeconfig',
  '--replicas',
  '--current-replicas',
  '--resource-version',
  '-l',
  '--selector',
  '--timeout',
  '-f',
  '--filename',
  '-o',
  '--output',
]);
/** kubectl's short and plural kinds, as a manifest's `kind:` names them (`sts` is `statefulset`). */
export const KUBE_KINDS: Record<string, string> = {
  deploy: 'deployment',
  deployments: 'deployment',
  sts: 'statefulset',
  statefulsets: 'statefulset',
  ds: 'daemonset',
  daemonsets: 'daemonset',
  rs: 'replicaset',
  replicasets: 'replicaset',
  po: 'pod',
  pods: 'pod',
  svc: 'service',
  services: 'service',
  jobs: 'job',
};

/** `kubectl scale statefulset x --replicas=N` (or `sts/x`): the workload whose pods it starts or stops, as `kind/name`. */
function scaledWorkload(argv: string[]): ProgramReading | null {
  const ops: string[] = [];
  for (let i = kubectlVerbAt(argv) + 1; i < argv.length; i++) {
    if (SCALE_VALUED.has(argv[i])) i++;
    else if (!argv[i].startsWith('-')) ops.push(argv[i]);
  }
  const [a, b] = ops[0]?.includes('/') ? ops[0].split('/') : ops;
  const kind = a ? (KUBE_KINDS[a.replace(/\.apps$/, '')] ?? a.replace(/\.apps$/, '')) : undefined;
  if (!kind || !b || !/^(deployment|statefulset|replicaset)$/.test(kind)) return null;
  return { role: 'other', program: `${kind}/${b}`, script: null, module: null, model: null, port: null, keys: [`${kind}/${b}`], paths: [] };
}

/** `kubectl get deploy x -o yaml | sed 's/name: x$/name: y/' ...`: a workload's own manifest, renamed. */
export const CLONED_WORKLOAD = /\b(?:kubectl|oc)\b[^|;&\n]*?\bget\s+(deploy(?:ments?)?|statefulsets?|sts|daemonsets?|ds|replicasets?|rs)\s+([\w.-]+)[^|;&\n]*?-o\s*(?:yaml|json)\b/;

/**
 * The workload a manifest made from another's applies: known by the workload it was made from
 * (its key), named as kubectl says it created it, else as the line renames it (`s/name: x$/name: y/`,
 * `s/x/y/g`), else `x-copy`.
 */
function clonedWorkload(text: string, output: string): ProgramReading | null {
  const m = CLONED_WORKLOAD.exec(text);
  if (!m) return null;
  const kind = KUBE_KINDS[m[1]] ?? m[1].replace(/s$/, '');
  const old = escapeRegExp(m[2]);
  const made = CREATED.exec(output);
  const renamed =
    (made && made[1] === kind ? made[2] : undefined) ??
    new RegExp(`s(.)name: ?${old}\\$?\\1name: ?([\\w.-]+)\\1`).exec(text)?.[2] ??
    new RegExp(`s(.)${old}\\1([\\w.-]+)\\1`).exec(text)?.[2];
  // Made as another kind (a Deployment's pod template run as a Job): what kubectl says it made.
  const program = made && made[1] !== kind && WORKLOAD_KEY.test(`${made[1]}/${made[2]}`) ? `${made[1]}/${made[2]}` : `${kind}/${renamed ?? `${m[2]}-copy`}`;
  return { role: 'other', program, script: null, module: null, model: null, port: null, keys: [`${kind}/${m[2]}`], paths: [] };
}

/** A Kubernetes workload as the world names its process: `kind/name`. */
export const WORKLOAD_KEY = /^(deployment|statefulset|daemonset|replicaset|job)\/[\w.-]+$/;

/** `deployment.apps/relay-b created`: the kind and name of a workload kubectl made. */
export const CREATED = /^(\w+)(?:\.[\w.]+)?\/([\w.-]+) created$/m;

/**
 * PowerShell's `Start-Process [-FilePath] X [-ArgumentList 'a','b'] [-WindowStyle Hidden]`: the
 * program X with its arguments (the parse has already joined the list into `a,b`), and the
 * directory it runs in (`-WorkingDirectory`).
 */
const START_PROCESS_SWITCHES = new Set(['-nonewwindow', '-wait', '-passthru', '-usenewenvironment', '-loaduserprofile', '-noprofile']);

function startProcessArgv(argv: string[]): { argv: string[]; cwd: string | null } | null {
  if (!/^(start-process|saps|start)$/i.test(argv[0] ?? '')) return null;
  let file: string | undefined;
  let cwd: string | null = null;
  let args: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i].toLowerCase();
    if (a === '-filepath') file = argv[++i];
    else if (a === '-argumentlist' || a === '-args')
      // `'a','b'` (joined `a,b` by the parse) or one string `'a.py --port 1'`: the program's argv either way.
      args = (argv[++i] ?? '')
        .split(',')
        .flatMap((x) =>
          x
            .trim()
            .replace(/^['"]|['"]$/g, '')
            .split(/\s+/),
        )
        .filter(Boolean);
    else if (a === '-workingdirectory' || a === '-wd') cwd = argv[++i] ?? null;
    else if (START_PROCESS_SWITCHES.has(a))
      continue; // -NoNewWindow, -Wait: no value
    else if (a.startsWith('-'))
      i++; // -WindowStyle Hidden, -RedirectStandardOutput f
    else file ??= argv[i];
  }
  return file ? { argv: [file, ...args], cwd } : null;
}

/** What code given as text runs: its first agent or model server, else its last program; and where (its `cd`). */
function innerLaunch(text: string, cwd: string | null): LaunchReading | null {
  let parse;
  try {
    parse = parseShell(text);
  } catch {
    return null;
  }
  let dir = cwd;
  let best: LaunchReading | null = null;
  let last: LaunchReading | null = null;
  for (const c of parse.commands) {
    if (c.name === 'cd') dir = resolve(c.words[1]?.value ?? '~', dir);
    if (NOT_LAUNCHED.has(c.name)) continue;
    last = { reading: readProgram(c.words.map((w) => w.value)), cwd: dir };
    if (!best && last.reading.role !== 'other') best = last;
  }
  return best ?? last;
}

export const fileKey = (host: string | null, path: string) => `${host ?? ''}\u0000${path}`;

/**
 * The text of a file the run wrote, run as `path` from `cwd`. A file written by a relative name
 * while the directory was unknown (`cat > keep.py <<EOF` first thing in a run) is the one later
 * run by that name from a known one (`cd /srv && python3 keep.py`).
 */
export function writtenFile(files: Map<string, string>, host: string | null, path: string, cwd: string | null): string | undefined {
  const text = files.get(fileKey(host, resolve(path, cwd)));
  if (text !== undefined || !cwd || isAbsolute(canonical(path))) return text;
  return files.get(fileKey(host, canonical(path)));
}
