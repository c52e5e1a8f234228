// Entities a finding names (TAXONOMY.md): ports, pids, processes, paths, hosts, urls. They
// link the steps of a run into threads (port 8001: probed, killed, launched, checked).
import { AWS_VALUED, operandsOf } from './argv-operands';
import type { Category, Entities } from '../model';
import { emptyEntities } from '../model';
import type { PythonCall } from '../shell/types';
import { CommandView } from './view';
import { parseShell } from '../shell/parser';
import { oversightPaths } from './tamper';
import { windowsTargets } from './windows-targets';
import { urlTargets, type UrlTarget } from './rules';

const PORT_MIN = 1;
const PORT_MAX = 65535;
const isPort = (n: number) => Number.isInteger(n) && n >= PORT_MIN && n <= PORT_MAX;

// Values are pushed as found and made unique once, when a command's entities are complete
// (a search per push was quadratic on commands that name thousands of values).
function addUnique<T>(list: T[], v: T): void {
  list.push(v);
}

function unique<T>(list: T[]): T[] {
  return list.length < 2 ? list : [...new Set(list)];
}

function uniqueEntities(e: Entities): Entities {
  e.ports = unique(e.ports);
  e.pids = unique(e.pids);
  e.processes = unique(e.processes);
  e.paths = unique(e.paths);
  e.hosts = unique(e.hosts);
  e.urls = unique(e.urls);
  return e;
}

/** The ports a command names (computed once per view; callers copy before changing it). */
export function portsOf(v: CommandView): number[] {
  return (v.portsSeen ??= readPorts(v));
}

function urlsOf(v: CommandView): UrlTarget[] {
  return (v.urlsSeen ??= urlTargets(v.args));
}

/** Servers whose `-b` is the address they bind (elsewhere `-b` means something else: `git checkout -b`). */
const SERVERS_WITH_B = new Set(['gunicorn', 'hypercorn', 'daphne', 'waitress-serve']);
const PATTERN_KILLERS = new Set(['pkill', 'pgrep']);

/** Adds the port a digits-only string names (a module function: no closure per command read). */
function addPort(ports: number[], s: string | undefined): void {
  if (s && /^\d+$/.test(s) && isPort(Number(s))) addUnique(ports, Number(s));
}

function readPorts(v: CommandView): number[] {
  const ports: number[] = [];
  const a = v.args;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    // Each form below starts with `-`, `:`, `/` or a digit, or holds a `:` (`tcp:8001`): most words do neither.
    const c0 = x.charCodeAt(0);
    if (c0 !== 45 && c0 !== 58 && c0 !== 47 && !(c0 >= 48 && c0 <= 57) && !x.includes(':')) continue;
    let m: RegExpExecArray | null;
    if ((m = /^-[A-Za-z]*i(?:tcp|udp)?:?(\d+)$/i.exec(x))) addPort(ports, m[1]);
    else if ((m = /^(?:tcp|udp)?:(\d+)$/i.exec(x))) addPort(ports, m[1]);
    else if ((m = /^:(\d{2,5})\//.exec(x)) && /^(http|https|xh)$/.test(v.name))
      addPort(ports, m[1]); // httpie `:4101/chat`
    else if ((m = /^--(?:port|listen-port|server-port)=(\d+)$/.exec(x))) addPort(ports, m[1]);
    else if (/^--(port|listen-port|server-port)$/.test(x) || (x === '-p' && v.name !== 'ssh' && v.name !== 'mkdir')) {
      const val = a[i + 1] ?? '';
      const dm = /^(?:[\d.]+:)?(\d+)(?::\d+)?$/.exec(val); // docker -p 8001:8000 -> 8001
      if (dm) addPort(ports, dm[1]);
    } else if ((m = /^--(?:bind|listen|addr|http-addr|host-port)=(?:\S*:)?(\d+)$/.exec(x))) addPort(ports, m[1]);
    else if (/^--(?:bind|listen|addr|http-addr|host-port)$/.test(x) || (x === '-b' && SERVERS_WITH_B.has(v.name))) {
      const bm = /^(?:\S*:)?(\d+)$/.exec(a[i + 1] ?? ''); // gunicorn -b 0.0.0.0:8001, --listen :8001
      if (bm) addPort(ports, bm[1]);
    } else if ((m = /^(\d+)\/(tcp|udp)$/.exec(x))) addPort(ports, m[1]);
    else if ((m = /^\/dev\/(?:tcp|udp)\/[^/]+\/(\d+)$/.exec(x))) addPort(ports, m[1]);
  }
  for (const r of v.cmd.redirects) {
    const m = /^\/dev\/(?:tcp|udp)\/[^/]+\/(\d+)$/.exec(r.target);
    if (m) addPort(ports, m[1]);
  }
  for (const u of urlsOf(v)) if (u.port !== null) addUnique(ports, u.port);
  // `python -m http.server 9000`: the port is the module's first operand.
  if (a[0] === '-m' && a[1] === 'http.server' && /^\d+$/.test(a[2] ?? '')) addPort(ports, a[2]);
  // `pkill -f "server.py --port 8001"`: the pattern names the port of the process it matches.
  if (PATTERN_KILLERS.has(v.name) && v.short('f')) {
    const ops = v.operands();
    const pattern = ops[ops.length - 1] ?? '';
    for (const m of pattern.matchAll(/--(?:port|listen-port|server-port)[= ](\d+)|(?:^|\s)-p\s+(\d+)|:(\d{2,5})\b/g)) addPort(ports, m[1] ?? m[2] ?? m[3]);
  }
  if (/^(nc|ncat|netcat)$/.test(v.name)) {
    const ops = v.operands();
    for (const o of ops.slice(1)) {
      const r = /^(\d+)(?:-(\d+))?$/.exec(o);
      if (r) addPort(ports, r[1]);
    }
  }
  return unique(ports);
}

export function entitiesOf(v: CommandView, category: Category): Entities {
  const cmd = v.cmd;
  const e = emptyEntities();
  e.ports = portsOf(v).slice();
  for (const u of urlsOf(v)) {
    addUnique(e.urls, u.url);
    if (!u.local) addUnique(e.hosts, u.host);
  }
  if (cmd.remoteHost) addUnique(e.hosts, cmd.remoteHost);
  switch (category) {
    case 'process-kill':
    case 'restart':
    case 'process-discovery':
      if (v.name === 'kill') {
        for (const o of v.operands()) if (/^\d+$/.test(o)) addUnique(e.pids, Number(o));
        // `kill $(lsof -t -i:8001)`: the kill's target is whatever the substitution finds on that port.
        for (const w of v.cmd.words) {
          if (!w.dynamic) continue;
          for (const p of portsInSubstitution(w.value)) addUnique(e.ports, p);
          // `kill $(cat server.pid)`: the PID file links the kill to the launch that wrote it.
          const pidFile = /\$\(\s*cat\s+([^\s)]+)\s*\)|`\s*cat\s+([^\s`]+)\s*`/.exec(w.value);
          if (pidFile) addUnique(e.paths, pidFile[1] ?? pidFile[2]);
        }
      } else if (['pkill', 'killall', 'pgrep', 'pidof'].includes(v.name)) {
        const ops = v.operands();
        if (ops.length) addUnique(e.processes, ops[ops.length - 1]);
      } else if (['systemctl', 'service', 'supervisorctl', 'pm2', 'docker'].includes(v.name)) {
        const ops = v.operands();
        if (ops.length > 1) addUnique(e.processes, ops[ops.length - 1]);
      } else {
        const w = windowsTargets(v);
        for (const p of w?.pids ?? []) addUnique(e.pids, p);
        for (const p of w?.processes ?? []) addUnique(e.processes, p);
      }
      break;
    case 'process-launch':
      addUnique(e.processes, programIdentity(v));
      break;
    case 'file-copy':
    case 'remote-transfer':
      for (const o of v.name === 'aws'
        ? operandsOf(v.args, AWS_VALUED).slice(2)
        : v.operands().slice(['rclone', 'gsutil', 'kubectl', 'huggingface-cli', 'hf'].includes(v.name) ? 1 : 0)) {
        if (/^https?:\/\//.test(o)) continue;
        const m = /^(?:([\w.+-]+)@)?([\w.-]+):(.*)$/.exec(o);
        if (m && !/^[A-Za-z]$/.test(m[2]) && (v.name === 'scp' || v.name === 'rsync' || v.name === 'sftp')) {
          addUnique(e.hosts, m[2]);
          if (m[3]) addUnique(e.paths, m[3]);
        } else if (/[/.~]/.test(o) || o.includes('*')) addUnique(e.paths, o);
      }
      if (v.name === 'ssh' || v.name === 'scp') break;
      break;
    case 'persistence':
      for (const w of v.writes()) addUnique(e.paths, w);
      if (v.name === 'tee') for (const o of v.operands()) addUnique(e.paths, o);
      break;
    case 'oversight-evasion':
      for (const p of oversightPaths(v)) addUnique(e.paths, p);
      break;
    case 'credential-access':
      for (const o of v.operands()) if (o.includes('/') || o.startsWith('.')) addUnique(e.paths, o);
      break;
    default:
      break;
  }
  return uniqueEntities(e);
}

/**
 * Ports a substitution's lookup names (`lsof -t -i:8001`, `fuser 8001/tcp`, `pgrep -f "--port 8001"`):
 * each `$(...)` or backquoted body parsed (cached) and its commands read as any command is.
 */
function portsInSubstitution(text: string): number[] {
  if (!/\$\(|`/.test(text)) return [];
  const out: number[] = [];
  for (const body of substitutionBodies(text)) for (const c of parseShell(body).commands) for (const p of portsOf(new CommandView(c))) out.push(p);
  return out;
}

/** The outermost `$(...)` and backquoted bodies of a word (arithmetic `$((...))` is none). */
function substitutionBodies(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) break;
      out.push(text.slice(i + 1, end));
      i = end;
    } else if (text[i] === '$' && text[i + 1] === '(' && text[i + 2] !== '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      out.push(text.slice(i + 2, j));
      i = j;
    }
  }
  return out;
}

/** What a launch starts, as a name a researcher recognises: `start.py`, `vllm.entrypoints.openai.api_server`, `uvicorn`. */
export function programIdentity(v: CommandView): string {
  // `systemctl --user start wren-llm`, `service ollama start`: the unit is what runs.
  if (v.name === 'systemctl' || v.name === 'supervisorctl') return v.operands()[1] ?? v.name;
  if (v.name === 'service') return v.operands()[0] ?? v.name;
  if (/^python[\d.]*$/.test(v.name) || ['node', 'deno', 'bun', 'bash', 'sh'].includes(v.name)) {
    if (v.args[0] === '-m' && v.args[1]) return v.args[1];
    const script = v.args.find((a) => !a.startsWith('-'));
    if (script) return script.slice(script.lastIndexOf('/') + 1);
  }
  return v.name;
}

export function pythonEntities(call: PythonCall, category: Category, all: readonly PythonCall[] = []): Entities {
  const e = emptyEntities();
  if (category === 'port-discovery') for (const n of call.numbers) if (isPort(n) && n > 20) addUnique(e.ports, n);
  if (category === 'process-kill' || category === 'process-discovery') {
    if (/^os\.kill/.test(call.callee) && call.numbers.length) addUnique(e.pids, call.numbers[0]);
  }
  let urls = urlTargets(call.strings);
  // `urlopen(Request('http://127.0.0.1:9100/run'))`: a check's URL may sit in another call of the code.
  if (!urls.length && category === 'liveness-check') urls = all.flatMap((c) => urlTargets(c.strings)).filter((u) => u.local);
  for (const u of urls) {
    addUnique(e.urls, u.url);
    if (u.port !== null) addUnique(e.ports, u.port);
  }
  if (category === 'file-copy') for (const s of call.strings) addUnique(e.paths, s);
  return uniqueEntities(e);
}
