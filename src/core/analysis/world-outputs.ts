// What command outputs reveal about processes and ports: PIDs and command lines in `ps`,
// `pgrep`, `lsof`, `ss`, `netstat`, `supervisorctl` listings, the PID a shell prints for a
// background job, the port a server says it listens on, and whether a check got an answer.
import { isContainerCli } from './container-runtime';
import type { AnalyzedCommand } from '../model';

export interface SeenProcess {
  pid: number;
  /** The command line, when the listing shows it (ps, pgrep -a). */
  commandLine: string | null;
  /** The program name, when only that shows (lsof, ss, netstat). */
  program: string | null;
  /** A port it listens on, when the listing shows it. */
  port: number | null;
}

const PORT_ARG = /(?:--port|--listen-port|--server-port|--http-port)[= ](\d{2,5})\b|(?:^|\s)-p (\d{2,5})\b/;
const PROGRAM_START =
  /(?:^|\s)((?:\/[\w.+-]+)+|\.\/[\w.+-]+|(?:python[\d.]*|node|bun|deno|bash|sh|uvicorn|gunicorn|vllm|ollama|llama-server|text-generation-launcher|java|ruby|perl|supervisord|nginx|redis-server|postgres|jupyter(?:-lab)?|flask|docker|containerd)\b)/;

/** The port a command line names with `--port N` / `-p N`. */
export function portInCommandLine(line: string): number | null {
  const m = PORT_ARG.exec(line);
  if (!m) return null;
  const n = Number(m[1] ?? m[2]);
  return n > 0 && n < 65536 ? n : null;
}

/** Processes a listing shows (one per line it understands). */
export function seenProcesses(output: string, only?: { pattern: RegExp; names: string[] }): SeenProcess[] {
  const out: SeenProcess[] = [];
  if (!output || output.length > MAX_LISTING) return out;
  if (output.includes('CommandLine')) {
    const records = windowsProcesses(output);
    if (records.length) return records;
  }
  for (const raw of only ? tellingLines(output, only.pattern, only.names) : output.split('\n')) {
    const seen = seenInLine(raw);
    if (seen) out.push(seen);
  }
  return out;
}

/**
 * Windows process listings, which are no table of a line per process with its PID first:
 * `Get-CimInstance Win32_Process | Format-List ProcessId, CommandLine` (a `Key : value` record per
 * process) and `wmic process get CommandLine,ProcessId` (the command line, then the PID).
 */
function windowsProcesses(output: string): SeenProcess[] {
  const out: SeenProcess[] = [];
  for (const block of output.split(/\r?\n[ \t]*\r?\n/)) {
    const pid = /^\s*ProcessId\s*:\s*(\d+)\s*$/m.exec(block);
    const line = /^\s*CommandLine\s*:\s*(\S.*)$/m.exec(block);
    if (pid && line) out.push(fromCommandLine(Number(pid[1]), windowsArgv(line[1])));
  }
  if (out.length) return out;
  const lines = output.split(/\r?\n/);
  const header = lines.findIndex((l) => /^\s*CommandLine\s+ProcessId\s*$/.test(l));
  if (header < 0) return out;
  for (const l of lines.slice(header + 1)) {
    const m = /^\s*(\S.*?)\s+(\d+)\s*$/.exec(l);
    if (m) out.push(fromCommandLine(Number(m[2]), windowsArgv(m[1])));
    else if (l.trim()) break;
  }
  return out;
}

/** `"C:\Program Files\Ollama\ollama.exe" serve`: the quoted program's spaces kept as `_`, so the line splits into its argv. */
/**
 * The command lines of running Windows services a listing shows (`Get-CimInstance Win32_Service |
 * Format-List Name, State, PathName`): a service has no PID there, but what it runs is its program.
 */
export function runningServiceCommands(output: string): string[] {
  if (!output.includes('PathName') || output.length > MAX_LISTING) return [];
  const out: string[] = [];
  for (const block of output.split(/\r?\n[ \t]*\r?\n/)) {
    const line = /^\s*PathName\s*:\s*(\S.*)$/m.exec(block);
    if (line && !/^\s*State\s*:[ \t]*(?!Running)\S/im.test(block)) out.push(windowsArgv(line[1]));
  }
  return out;
}

const windowsArgv = (line: string) => line.trim().replace(/^"([^"]+)"/, (_, p: string) => p.replace(/\s/g, '_'));

/** Listings longer than this are not read (a runaway output, not a process table). */
export const MAX_LISTING = 200_000;

/** The process one line of a listing shows, if it is a line the readers understand. */
export function seenInLine(raw: string): SeenProcess | null {
  const line = raw.trimEnd();
  let m: RegExpExecArray | null;
  // Each pattern below needs a literal the line is first searched for (most lines have none).
  const listen = line.includes('LISTEN');
  // ss -ltnp: `LISTEN 0 128 0.0.0.0:8000 0.0.0.0:* users:(("jupyter-lab",pid=731,fd=6))`
  if (line.includes('users:((') && (m = /:(\d+)\s+\S+\s+users:\(\("([^"]+)",pid=(\d+)/.exec(line)))
    return { pid: Number(m[3]), commandLine: null, program: m[2], port: Number(m[1]) };
  // netstat -tlnp: `tcp 0 0 0.0.0.0:8001 0.0.0.0:* LISTEN 92417/python`
  if (listen && (m = /:(\d+)\s+\S+\s+LISTEN\s+(\d+)\/(\S+)/.exec(line))) return { pid: Number(m[2]), commandLine: null, program: m[3], port: Number(m[1]) };
  // lsof -i: `python3 48213 deploy 7u IPv4 18811420 0t0 TCP *:8000 (LISTEN)`
  if (listen && (m = /^(\S+)\s+(\d+)\s+\S+.*\bTCP\s+\S*:(\d+)\s+\(LISTEN\)/.exec(line))) return { pid: Number(m[2]), commandLine: null, program: m[1], port: Number(m[3]) };
  // supervisorctl status: `agent RUNNING pid 2402, uptime 0:00:06`
  if (line.includes('RUNNING') && (m = /^(\S+)\s+RUNNING\s+pid (\d+)/.exec(line))) return { pid: Number(m[2]), commandLine: null, program: m[1], port: null };
  // ps aux: `user pid %cpu %mem vsz rss tty stat start time command...`
  if ((m = /^\S+\s+(\d+)\s+[\d.]+\s+[\d.]+\s+\d+\s+\d+\s+\S+\s+\S+\s+\S+\s+\S+\s+(.+)$/.exec(line))) return fromCommandLine(Number(m[1]), m[2]);
  // ps -ef: `uid pid ppid c stime tty time command...`
  if ((m = /^\S+\s+(\d+)\s+\d+\s+\d+\s+\S+\s+\S+\s+\d[\d:.-]*\s+(.+)$/.exec(line))) return fromCommandLine(Number(m[1]), m[2]);
  // nvidia-smi's process table: `|    0   N/A  N/A     3391      C   /opt/x/bin/text-generation-launcher   31022MiB |`.
  if (line.charCodeAt(0) === 124 && line.includes('MiB') && (m = /^\|\s+\d+\s+\S+\s+\S+\s+(\d+)\s+[CGM+]+\s+(\S.*?)\s+\d+MiB\s*\|$/.exec(line)))
    return fromCommandLine(Number(m[1]), m[2]);
  // systemctl status's CGroup tree: `├─2210 /opt/x/venv/bin/python3 /opt/x/serve.py --port 7000`.
  if (line.includes('─') && (m = /^\s*(?:CGroup:\s*)?[│├└]─+\s*(\d+)\s+(\S.*)$/.exec(line))) return fromCommandLine(Number(m[1]), m[2]);
  // pgrep -af / ps -o pid,...,cmd: the PID first, the command line after some columns.
  if ((m = /^\s*(\d+)\s+(.+)$/.exec(line))) {
    const p = PROGRAM_START.exec(m[2]);
    if (p) return fromCommandLine(Number(m[1]), m[2].slice(p.index + (p[0].length - p[1].length)));
  }
  return null;
}

/**
 * The lines of an output that hold a match of `pattern` (global) or one of `names`: one scan of
 * the whole text instead of a test per line (a full `ps aux` has hundreds of lines).
 */
export function tellingLines(output: string, pattern: RegExp, names: string[]): string[] {
  const starts = new Set(patternStarts(output, pattern));
  addNameStarts(output, names, starts);
  return [...starts].sort((a, b) => a - b).map((s) => lineFrom(output, s));
}

/** Where the lines holding a match of `pattern` (global) start, in order. */
export function patternStarts(output: string, pattern: RegExp): number[] {
  const starts: number[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(output); m; m = pattern.exec(output)) {
    const start = output.lastIndexOf('\n', m.index) + 1;
    if (starts[starts.length - 1] !== start) starts.push(start);
    const end = output.indexOf('\n', m.index);
    if (end < 0) break;
    pattern.lastIndex = end + 1; // one hit per line is enough
  }
  return starts;
}

/** Adds where the lines holding one of `names` start. */
export function addNameStarts(output: string, names: Iterable<string>, starts: Set<number>): void {
  for (const n of names) for (const s of nameStarts(output, n)) starts.add(s);
}

/** Where the lines holding `name` start, in order (a line once). */
export function nameStarts(output: string, name: string): number[] {
  const starts: number[] = [];
  for (let i = output.indexOf(name); i >= 0;) {
    starts.push(output.lastIndexOf('\n', i) + 1);
    const end = output.indexOf('\n', i);
    i = end < 0 ? -1 : output.indexOf(name, end);
  }
  return starts;
}

/** The line that starts at `start`. */
export function lineFrom(output: string, start: number): string {
  const e = output.indexOf('\n', start);
  return output.slice(start, e < 0 ? output.length : e);
}

function fromCommandLine(pid: number, line: string): SeenProcess {
  return { pid, commandLine: line.trim(), program: null, port: portInCommandLine(line) };
}

/** A container a `docker ps` / `podman ps` listing shows: containers are processes that listen on published ports. */
export interface SeenContainer {
  name: string;
  image: string | null;
  /** The first published host port (`0.0.0.0:9001->9000/tcp` gives 9001). */
  port: number | null;
}

const CONTAINER_LISTING = /^\s*(?:sudo\s+)?(?:docker|podman)\s+(?:container\s+)?(?:ps|ls)\b/;
/** `nerdctl ps`, or another docker-compatible CLI's listing (container-runtime.ts). */
function otherCliListing(command: string): boolean {
  const m = /^\s*(?:sudo\s+)?([\w-]+)\s+(?:container\s+)?(ps|ls)\b(.*)$/s.exec(command);
  return m !== null && isContainerCli([m[1], 'ps', ...m[3].trim().split(/\s+/)]);
}
/** Fields of a `--format` template that hold one word (the others, like Status and Ports, may hold several). */
const ONE_WORD = new Set(['ID', 'Names', 'Image']);

/** `docker service ls`, `docker stack services NAME` (their default table: ID NAME MODE REPLICAS IMAGE PORTS). */
const SERVICE_LISTING = /^\s*(?:sudo\s+)?(?:docker|podman)\s+(?:(?:-H|--host|--context)[= ]\S+\s+)?(?:service\s+(?:ls|list)|stack\s+services)\b(?![^|;&]*--format)/;

/** The containers a `docker ps` listing shows, with or without a `--format` template; a swarm's services as containers. */
export function seenContainers(command: string, output: string): SeenContainer[] {
  if (output.length <= MAX_LISTING && SERVICE_LISTING.test(command)) return seenServices(output);
  if (output.length > MAX_LISTING || !(CONTAINER_LISTING.test(command) || otherCliListing(command))) return [];
  const format = /--format[= ](['"]?)(.*?)\1(?:\s|$)/.exec(command)?.[2] ?? null;
  // Every `{{...}}` is a column (`{{.Label "x"}}` too), so the others keep their places.
  const fields = format ? [...format.matchAll(/\{\{\s*\.?(\w+)[^}]*\}\}/g)].map((m) => m[1]) : null;
  // A field's column counts from the left while every field before it is one word, else from the
  // right while every field after it is (`{{.ID}} {{.Command}} {{.Ports}} {{.Names}}`: Names is last).
  const column = (f: string, words: string[]) => {
    const i = fields!.indexOf(f);
    if (i < 0) return -1;
    if (fields!.slice(0, i).every((x) => ONE_WORD.has(x))) return i;
    return fields!.slice(i + 1).every((x) => ONE_WORD.has(x)) ? words.length - (fields!.length - i) : -1;
  };
  const out: SeenContainer[] = [];
  for (const line of output.split('\n')) {
    const words = line.trim().split(/\s+/);
    if (!words[0] || /^CONTAINER$|^NAMES$|^IMAGE$/.test(words[0])) continue;
    const port = /:(\d{2,5})->\d+\/(?:tcp|udp)/.exec(line);
    let name: string | undefined;
    let image: string | undefined;
    if (fields) {
      const n = column('Names', words);
      const im = column('Image', words);
      name = n >= 0 ? words[n] : undefined;
      image = im >= 0 ? words[im] : undefined;
    } else if (/^[0-9a-f]{6,64}$/.test(words[0]) && words.length >= 3) {
      image = words[1]; // the default table: ID, IMAGE, ..., NAMES last
      name = words[words.length - 1];
    }
    if (name) out.push({ name, image: image ?? null, port: port ? Number(port[1]) : null });
  }
  return out;
}

/** A swarm's service table: a service runs its image on its published port, as a container does. */
function seenServices(output: string): SeenContainer[] {
  const out: SeenContainer[] = [];
  for (const line of output.split('\n')) {
    const words = line.trim().split(/\s+/);
    if (words.length < 5 || words[0] === 'ID' || !/^\d+\/\d+/.test(words[3])) continue;
    const port = /:(\d{2,5})->\d+\/(?:tcp|udp)/.exec(line);
    out.push({ name: words[1], image: words[4], port: port ? Number(port[1]) : null });
  }
  return out;
}

/** The PIDs a background launch's output gives: `[1] 48811`, `Started server process [31744]`, `Main PID: 5127`. */
export function launchedPid(output: string): number | null {
  const m = /^\[\d+\]\s+(\d+)\s*$/m.exec(output) ?? /Started server process \[(\d+)\]/.exec(output) ?? /Main PID: (\d+)/.exec(output);
  return m ? Number(m[1]) : null;
}

/** The port a server announces it listens on: `Uvicorn running on http://0.0.0.0:8001`, vLLM's `port=8001`. */
export function announcedPort(output: string): number | null {
  const m = /running on https?:\/\/[^\s:/]+:(\d+)/i.exec(output) ?? /\bNamespace\([^)]*\bport=(\d+)/.exec(output) ?? /listening on (?:port |[^\s:]*:)(\d+)/i.exec(output);
  return m ? Number(m[1]) : null;
}

/** Lines of a `lsof -t` answer: bare PIDs. */
export function barePids(output: string): number[] {
  // Any character but digits and white space rules it out (what trim() drops is what \s matches).
  if (/[^\d\s]/.test(output)) return [];
  const lines = output
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length && lines.every((l) => /^\d+$/.test(l)) ? lines.map(Number) : [];
}

const FAILED_CHECK_OBSTACLES = new Set(['connection-refused', 'timeout', 'command-not-found', 'syntax-error', 'permission-denied', 'file-not-found', 'module-not-found']);
/** Bodies that report an error rather than answer: a gateway's error page, an app's error field. */
const ERROR_BODY =
  /\b(?:50[0234]|404) (?:Bad Gateway|Internal Server Error|Service Unavailable|Gateway Time-?out|Not Found)\b|<title>\s*(?:50\d|404)\b|"(?:detail|error)"\s*:\s*"[^"]*\b(?:error|refused|unavailable|failed|not found|unreachable)\b|^\s*\{\s*"error"\s*:|\bcurl: \(\d+\)|\bConnection refused\b|\bFailed to connect\b|\bTraceback \(most recent call last\)|\b(?:Max retries exceeded|ConnectionError|ConnectTimeout|ReadTimeout)\b|"status"\s*:\s*"(?:degraded|error|down|unhealthy)"/i;

/**
 * Did a liveness check get an answer: a response body or a success status, not refused, timed
 * out, or an error page? Judged from the output and the exit status of the check.
 */
export function judgeAnswer(c: AnalyzedCommand): { answered: boolean; why: string } {
  const bad = c.obstacles.find((o) => FAILED_CHECK_OBSTACLES.has(o));
  if (bad) return { answered: false, why: bad };
  const out = c.output ?? '';
  // `curl ...; echo "exit=$?"`: the status the check itself ended with.
  if (c.text.includes('$?')) {
    const m = /\b(?:exit(?:[ _]?code)?|rc|status|code)\s*[=:]\s*(\d+)\s*$/im.exec(out);
    if (m && m[1] !== '0') return { answered: false, why: `the check ended with status ${m[1]}` };
    if (m && !/\S/.test(out.replace(m[0], ''))) return { answered: true, why: 'the check ended with status 0' };
  }
  if (c.exitCode !== null && c.exitCode !== 0) return { answered: false, why: `exit status ${c.exitCode}` };
  const status = /(?:^|\n|HTTP\/[\d.]+ )([1-5]\d\d|000)\b/.exec(out);
  if (status && (status[1] === '000' || status[1] >= '400')) return { answered: false, why: `HTTP status ${status[1]}` };
  if (ERROR_BODY.test(out)) return { answered: false, why: 'the answer is an error' };
  const fallback = fallbackPrinted(c.text, out);
  if (fallback !== null) return { answered: false, why: `the check's fallback printed "${fallback}"` };
  if (/\S/.test(out)) return { answered: true, why: status ? `HTTP status ${status[1]}` : 'a response body' };
  // No body: a success status only when the check fails on HTTP errors (curl -f) and says so by its exit status.
  if (c.exitCode === 0 && /\bcurl\b[^|;&]*\s-(?:[a-zA-Z]*f[a-zA-Z]*)\b|--fail\b|\bwget\b/.test(c.text)) {
    return { answered: true, why: 'the check exited 0 and fails on HTTP errors' };
  }
  return { answered: false, why: 'no answer shown' };
}

/** `|| echo WORDS` / `|| printf 'WORDS\n'`: the literal words a line's fallback prints. */
const FALLBACK = /\|\|\s*(?:echo|printf)\s+(?:-[a-zA-Z]+\s+)*(?:"([^"$`\\]*(?:\\n)?)"|'([^']*)'|([^\s;&|'"$`()]+(?:[ \t]+[^\s;&|'"$`()]+)*))\s*(?=$|[;&|)])/g;

/**
 * `curl -s URL || echo down` printing `down`: the line exits 0 and shows text, but the text is
 * its fallback's own words (the last line printed), so the check itself failed. Those words
 * inside a longer answer are not the fallback.
 */
function fallbackPrinted(text: string, out: string): string | null {
  if (!text.includes('||')) return null;
  const last = out.trimEnd().split('\n').pop()!.trim();
  if (!last) return null;
  for (const m of text.matchAll(FALLBACK)) {
    const words = (m[1] ?? m[2] ?? m[3]).replace(/\\n$/, '').trim();
    if (words && words === last) return words;
  }
  return null;
}

export type ProbeState = 'free' | 'busy';

/** What a port probe's output says about the ports it names. */
export function probeResult(c: AnalyzedCommand, ports: number[]): ProbeState | null {
  if (!ports.length) return null;
  const out = c.output ?? '';
  if (c.obstacles.includes('port-in-use')) return 'busy';
  if (c.obstacles.includes('connection-refused')) return 'free';
  if (/\b(?:in use|busy|occupied|LISTEN|succeeded|open)\b/i.test(out)) return /\bnot (?:in use|busy|open)\b/i.test(out) ? 'free' : 'busy';
  if (/\b(?:free|available|closed|refused|failed)\b/i.test(out)) return 'free';
  if (/\bconnect_ex\b/.test(c.text)) {
    const m = /^\s*(\d+)\s*$/m.exec(out);
    if (m) return m[1] === '0' ? 'busy' : 'free';
  }
  if (/\bbind\b/.test(c.text) && c.exitCode === 0) return 'free';
  if (/^(?:sudo )?(?:lsof|fuser)\b/.test(c.text) && !/\S/.test(out)) return c.exitCode === null || c.exitCode === 1 ? 'free' : null;
  return null;
}
