// Classifies one command against the taxonomy: parse it as shell, run the rule table over
// every simple command it runs (and the Python it hands on), then read its output for
// obstacles.
import type { AnalyzedCommand, Category, Finding, ObstacleKind, RawCommand } from '../model';
import { CATEGORIES, emptyEntities } from '../model';
import { parseShellUncached } from '../shell/parser';
import { windowsName } from '../shell/wrappers';
import type { SimpleCommand } from '../shell/types';
import { CommandView } from './view';
import { PYTHON_RULES, RULES, urlTargets, type Rule, type UrlTarget } from './rules';
import { entitiesOf, portsOf, pythonEntities } from './entities';
import { findObstacles, type ObstacleHit } from './obstacles';
import { readerOf, ownLineTest, type ReaderInfo } from './readers';
import { forgetParses, keepParse, worldNeedsParse } from './shared-parse';
import { asDocker } from './container-runtime';

/** Builtins that a backgrounded list also runs, which are not themselves launched. */
/** A drive path as cmd and PowerShell write it (`D:\\gannetx2\\llama.log`). */
const DRIVE_PATH = /\b[A-Za-z]:\\[^\s|&;<>"']+/g;
const NOT_LAUNCHED = new Set(['cd', 'export', 'source', '.', 'set', 'unset', 'wait', 'disown', ':', 'true', 'false', 'echo', 'printf', 'mkdir', 'sleep']);
/** Windows console programs: in cmd.exe `A & B` runs B after A, so their `&` is no background job. */
const WINDOWS_CONSOLE = new Set(['tasklist', 'findstr', 'ipconfig', 'systeminfo', 'schtasks', 'wmic', 'taskkill', 'where.exe', 'netsh', 'sc']);
/**
 * Windows console programs, which a cmd.exe line joins with `&` (one after another, not in the
 * background): `sc query X & schtasks /query`, `timeout /t 20 >nul & curl.exe ...` (cmd's timeout
 * takes `/t`; coreutils' takes a duration), `ping -n 31 127.0.0.1 >nul & ...`.
 */
const isWindowsConsole = (c: SimpleCommand) =>
  WINDOWS_CONSOLE.has(windowsName(c.name)) ||
  (c.name.toLowerCase() === 'timeout' && c.words.some((w) => /^\/t$/i.test(w.value))) ||
  // Windows ping counts with `-n N` (Linux's `-n` takes no value); `>nul` is cmd's null device.
  (c.name.toLowerCase() === 'ping' && c.words.some((w, i) => /^[-/]n$/i.test(w.value) && /^\d+$/.test(c.words[i + 1]?.value ?? ''))) ||
  c.redirects.some((r) => /^nul$/i.test(r.target));
const HTTP_CLIENTS = new Set(['curl', 'wget', 'http', 'https', 'xh', 'curlie', 'invoke-webrequest', 'iwr', 'invoke-restmethod', 'irm']);
const NO_OBSTACLES = Object.freeze([]) as unknown as ObstacleKind[];

/** Rules indexed by program name, once (the table is small, commands are many). */
let byProgram: Map<string, Rule[]> | null = null;
let anyProgram: Rule[] = [];
let extraRules: Rule[] = [];

export function setExtraRules(rules: Rule[]): void {
  extraRules = rules;
  byProgram = null;
  reading.clear();
  launched.clear();
  forgetParses();
}

/** What the command text alone shows, by text (one map per `longRunning`): runs repeat commands. */
interface CommandReading {
  /** Frozen and shared by every command of that text: never mutate, copy to add. */
  findings: readonly Finding[];
  categories: readonly Category[];
  remoteHttp: CommandAnalysis['remoteHttp'];
  launchHosts: string[];
  parseError: string | null;
  programs: readonly string[];
  /** Set when the line only shows text (readers.ts): its own-diagnostic line test, and what it reads. */
  reader: { info: ReaderInfo; own: RegExp } | null;
  /** An obstacle the line's exit status shows for the program that gives it (`curl` exit 7). */
  exitSigns: ExitSigns | null;
}

/** Exit codes that mean one thing for one program (curl's 7: could not connect; 28: timed out). */
type ExitSigns = Partial<Record<number, ObstacleKind>>;
const PROGRAM_EXIT_SIGNS = new Map<string, ExitSigns>([
  ['curl', { 7: 'connection-refused', 28: 'timeout' }],
  ['wget', { 4: 'connection-refused' }],
]);
const READING_LIMIT = 20_000;
const reading = new Map<string, CommandReading>();
const launched = new Map<string, CommandReading>();

/** The rules that look at a program: its own, then those for any program (built once per name). */
function rulesFor(name: string): Rule[] {
  if (!byProgram) {
    byProgram = new Map();
    anyProgram = [];
    for (const r of [...RULES, ...extraRules]) {
      if (r.programs === '*') anyProgram.push(r);
      else for (const p of r.programs) byProgram.set(p, [...(byProgram.get(p) ?? []), r]);
    }
    for (const [p, rules] of byProgram) byProgram.set(p, [...rules, ...anyProgram]);
  }
  // Windows names are case-insensitive and may carry a directory and `.exe` (`C:\Windows\System32\TASKKILL.EXE`).
  return byProgram.get(name) ?? byProgram.get(windowsName(name)) ?? anyProgram;
}

export interface CommandAnalysis {
  command: AnalyzedCommand;
  /** HTTP requests to non-local hosts: liveness checks if the run launched something there. */
  remoteHttp: { target: UrlTarget; span: [number, number] }[];
  /** Hosts the command ran launches on (through ssh), for confirming remote liveness. */
  launchHosts: string[];
  /** For a command that only shows text: what it reads, and the signs in what it showed. */
  shows: { info: ReaderInfo; hits: ObstacleHit[] } | null;
}

export function analyzeCommand(raw: RawCommand): CommandAnalysis {
  const cache = raw.longRunning ? launched : reading;
  let r = cache.get(raw.text);
  if (!r) {
    r = readCommand(raw.text, raw.longRunning);
    if (cache.size >= READING_LIMIT) cache.clear();
    cache.set(raw.text, r);
  }
  // The text's findings and categories are shared (frozen) by every command of that text,
  // which gets its own array only to add to it: most outputs show no obstacle.
  const shown: ObstacleHit[] | undefined = r.reader ? [] : undefined;
  let obstacles = findObstacles(raw.output, raw.exitCode, r.reader?.own, shown);
  const byExit = raw.exitCode !== null && r.exitSigns ? r.exitSigns[raw.exitCode] : undefined;
  if (byExit && !obstacles.some((o) => o.kind === byExit)) obstacles = [...obstacles, { kind: byExit, span: null, evidence: `exit code ${raw.exitCode}` }];
  // concat, not push: a list at its length (a pushed one has room for 17), kept per command.
  const findings = (obstacles.length ? r.findings.concat(obstacles.map(obstacleFinding)) : r.findings) as Finding[];
  // Object.assign, not `{ ...raw, k: v }`: in Node 20's V8 the spread costs several times more
  // time and bytes per command (`npx tsx bench/object-copy.ts`).
  const command: AnalyzedCommand = Object.assign({}, raw, {
    categories: r.categories as Category[],
    obstacles: obstacles.length ? obstacles.map((o) => o.kind) : NO_OBSTACLES,
    findings,
    parseError: r.parseError,
    programs: r.programs as string[],
  });
  // `env | grep -E '^(AGENT|MLC)_'` that printed variables and no secret's name: the filter kept the secrets out.
  if (
    r.categories.includes('credential-access') &&
    raw.output.trim() &&
    r.findings.every((f) => f.category !== 'credential-access' || f.rule === 'env-filter') &&
    !SECRET_WORD.test(raw.output) &&
    ENV_LINE.test(raw.output)
  ) {
    command.findings = command.findings.filter((f) => f.rule !== 'env-filter');
    command.categories = command.categories.filter((c) => c !== 'credential-access');
  }
  // A file printed whose content shows a secret's value (`REDIS_PASSWORD=pt-9c1e...`): the secret was read.
  if (r.reader && !r.categories.includes('credential-access') && raw.output.includes('=') && SECRET_WORD.test(raw.output) && SECRET_SHOWN.test(raw.output.slice(0, 20_000))) {
    addRunFinding(command, {
      category: 'credential-access',
      evidence: 'prints a secret value',
      rule: 'shows-secret',
      span: [0, raw.text.length],
      spanIn: 'command',
      entities: emptyEntities(),
    });
  }
  return { command, remoteHttp: r.remoteHttp, launchHosts: r.launchHosts, shows: r.reader && shown!.length ? { info: r.reader.info, hits: shown! } : null };
}

/** A `NAME=value` line as env prints it. */
const ENV_LINE = /^[A-Za-z_]\w*=/m;
/** A quick test (a plain alternation) before SECRET_SHOWN's line-by-line one. */
const SECRET_WORD = /PASSW|SECRET|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY/i;
/** `API_KEY=sk-...`, `export DB_PASSWORD="hunter22"`: a secret's name assigned a real value (not empty, a placeholder or a reference). */
const SECRET_SHOWN =
  /^[ \t]*(?:export[ \t]+)?[A-Za-z_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY)[ \t]*=[ \t]*["']?(?![<{$*.]|changeme|your|example|dummy|placeholder|xxx|none|null|true|false)[^\s"'#]{6,}/im;

function obstacleFinding(o: ObstacleHit): Finding {
  return {
    category: `obstacle:${o.kind}`,
    evidence: o.evidence.slice(0, 200),
    rule: `obstacle-${o.kind}`,
    span: o.span ?? [0, 0],
    spanIn: 'output',
    entities: emptyEntities(),
  };
}

/**
 * Adds a finding that a pass over the whole run made (remote liveness, oversight shown by the
 * run) to a command whose findings and categories may be shared with others of its text.
 */
export function addRunFinding(c: AnalyzedCommand, f: Finding & { category: Category }): void {
  c.findings = [...c.findings, f]; // never push: the list may be shared
  if (c.categories.includes(f.category)) return;
  const cats = new Set<Category>(c.categories);
  cats.add(f.category);
  c.categories = CATEGORIES.filter((x) => cats.has(x));
}

/**
 * Freezes the findings and their list (not every entity array: that costs, and none is written),
 * each list at its length: a list pushed from empty has room for 17 entries (about 140 bytes),
 * and a reading is kept by every command of its text through the analysis.
 */
function freezeFindings(findings: Finding[]): readonly Finding[] {
  for (const f of findings) {
    const e = f.entities;
    if (e.ports.length) e.ports = e.ports.slice();
    if (e.pids.length) e.pids = e.pids.slice();
    if (e.processes.length) e.processes = e.processes.slice();
    if (e.paths.length) e.paths = e.paths.slice();
    if (e.hosts.length) e.hosts = e.hosts.slice();
    if (e.urls.length) e.urls = e.urls.slice();
    Object.freeze(f);
  }
  return Object.freeze(findings.slice());
}

/** The findings a command's text shows (its output is read per run, in analyzeCommand). */
function readCommand(text: string, longRunning: boolean): CommandReading {
  const parse = parseShellUncached(text, { simple: true });
  const findings: Finding[] = [];
  const remoteHttp: CommandAnalysis['remoteHttp'] = [];
  const launchHosts: string[] = [];
  // One finding per category, rule and span, looked up by key: a line can run 100,000 commands.
  const seen = new Set<string>();
  /** Where each launch starts (a launch through ssh names a host to confirm liveness on). */
  const launchAt = new Set<number>();

  const waitedFor = waitedForInBackground(text, parse.commands);
  // Indexed loops here and below: this runs once per distinct text, mostly before the JIT has
  // optimised it, when a for-of allocates an iterator result per element.
  const commands = parse.commands;
  for (let c = 0; c < commands.length; c++) {
    const cmd = commands[c];
    // nerdctl and other docker-compatible CLIs are read with docker's rules (container-runtime.ts).
    const ruled = asDocker(cmd);
    const v = new CommandView(ruled);
    const span: [number, number] = [cmd.start, cmd.end];
    const rules = rulesFor(ruled.name);
    for (let k = 0; k < rules.length; k++) {
      const rule = rules[k];
      let ok = false;
      try {
        ok = rule.when ? rule.when(v) : true;
      } catch {
        ok = false; // a user rule that throws does not stop the analysis
      }
      if (ok) addFinding(finding(rule.category, rule.id, rule.says, text, span, entitiesOf(v, rule.category)), seen, findings, launchAt);
    }
    const launch = waitedFor.has(cmd) ? null : launchSign(cmd);
    if (launch) {
      addFinding(finding('process-launch', launch.rule, launch.says, text, span, entitiesOf(v, 'process-launch')), seen, findings, launchAt);
    }
    if (cmd.remoteHost && launchAt.has(span[0])) launchHosts.push(cmd.remoteHost);
    if (HTTP_CLIENTS.has(cmd.name.replace(/\.exe$/i, '').toLowerCase()) && !v.has('-T', '--upload-file')) {
      for (const t of urlTargets(v.args)) if (!t.local) remoteHttp.push({ target: t, span });
    }
  }
  const calls = parse.python;
  for (let c = 0; c < calls.length; c++) {
    const call = calls[c];
    for (let k = 0; k < PYTHON_RULES.length; k++) {
      const rule = PYTHON_RULES[k];
      if (rule.test(call, parse.python)) {
        addFinding(finding(rule.category, rule.id, rule.says, text, [call.start, call.end], pythonEntities(call, rule.category, parse.python)), seen, findings, launchAt);
      }
    }
  }
  // `sleep 30 &` is a background job too, when no program of the line was launched (TAXONOMY edge cases).
  const job = launchAt.size ? undefined : parse.commands.find((c) => c.background && !isWindowsConsole(c));
  if (job) addFinding(finding('process-launch', 'background-job', 'runs as a background job (&)', text, [job.start, job.end], emptyEntities()), seen, findings, launchAt);
  if (longRunning && !launchAt.size) {
    addFinding(finding('process-launch', 'long-running-call', 'the tool call ran it as a long-running process', text, [0, text.length], emptyEntities()), seen, findings, launchAt);
  }
  addPipedPorts(findings, parse.commands);
  const cats = new Set(findings.map((f) => f.category));
  const categories = Object.freeze(CATEGORIES.filter((c) => cats.has(c)).slice());
  if (worldNeedsParse(text, categories)) keepParse(text, parse);
  const info = longRunning ? null : readerOf(parse.commands);
  // cmd's and PowerShell's paths lose their backslashes to a POSIX reading (`type D:\x\llama.log`):
  // the files a reader shows are also the drive paths as written.
  if (info && text.includes(':\\')) for (const m of text.matchAll(DRIVE_PATH)) info.files.push(m[0].replace(/\\/g, '/'));
  const reader = info ? { info, own: ownLineTest(info) } : null;
  // A line's exit status is its last command's (`ssh host 'sleep 5; curl ...'` exits as curl does).
  const last = parse.commands[parse.commands.length - 1];
  const exitSigns = (last && PROGRAM_EXIT_SIGNS.get(last.name)) ?? null;
  return { findings: freezeFindings(findings), categories, remoteHttp, launchHosts, parseError: parse.error, programs: programsOf(parse.commands), reader, exitSigns };
}

/**
 * AnalyzedCommand.programs: a name per simple command the shell runs. Commands found in Python
 * code are its calls, not typed commands; nested code mapped onto one span is counted once.
 */
function programsOf(commands: SimpleCommand[]): readonly string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const c of commands) {
    if (c.via === 'python' || !c.name) continue;
    const at = `${c.start}:${c.end}:${c.name}`;
    if (seen.has(at)) continue;
    seen.add(at);
    names.push(c.name);
  }
  return Object.freeze(names.slice());
}

/** Adds a finding unless one of its category, rule and span is there; notes where launches start. */
function addFinding(f: Finding, seen: Set<string>, findings: Finding[], launchAt: Set<number>): void {
  const key = `${f.category}\0${f.rule}\0${f.span[0]}\0${f.span[1]}`;
  if (seen.has(key)) return;
  seen.add(key);
  findings.push(f);
  if (f.category === 'process-launch') launchAt.add(f.span[0]);
}

/**
 * In a backgrounded list (`sed -i ... cfg && nohup python3 app.py &`) the commands before the
 * last finish first: the job is the last one's; the others are not launches of their own.
 */
function waitedForInBackground(text: string, commands: readonly SimpleCommand[]): Set<SimpleCommand> {
  const out = new Set<SimpleCommand>();
  for (let i = 0; i + 1 < commands.length; i++) {
    const a = commands[i];
    const b = commands[i + 1];
    if (a.background && b.background && a.via === b.via && b.start >= a.end && /^\s*(&&|\|\||;)\s*$/.test(text.slice(a.end, b.start))) out.add(a);
  }
  return out;
}

/** A launch judged from how the command runs rather than what it is. */
function launchSign(cmd: SimpleCommand): { rule: string; says: string } | null {
  if (NOT_LAUNCHED.has(cmd.name) || isWindowsConsole(cmd)) return null;
  if (cmd.wrappers.includes('nohup')) return { rule: 'nohup', says: 'nohup keeps it running after the shell exits' };
  if (cmd.wrappers.includes('setsid')) return { rule: 'setsid', says: 'setsid detaches it from the terminal' };
  if (cmd.wrappers.includes('systemd-run') || cmd.wrappers.includes('daemonize')) return { rule: 'systemd-run', says: 'runs it as a daemon' };
  if (cmd.wrappers.includes('pm2')) return { rule: 'pm2-start', says: 'pm2 runs it as a managed process' };
  if (cmd.wrappers.includes('screen')) return { rule: 'screen-dm', says: 'runs it in a detached screen session' };
  if (cmd.wrappers.includes('start')) return { rule: 'cmd-start-b', says: 'start /b runs it in the background' };
  if (cmd.background) return { rule: 'background-job', says: 'runs as a background job (&)' };
  return null;
}

function finding(category: Category, rule: string, says: string, text: string, span: [number, number], entities: Finding['entities']): Finding {
  const words = text.slice(span[0], span[1]).replace(/\s+/g, ' ').slice(0, 120);
  return { category, rule, evidence: `${says}: ${words}`, span, spanIn: 'command', entities };
}

/** `netstat -tuln | grep 8001`: the port a socket listing is filtered for belongs to it. */
function addPipedPorts(findings: Finding[], commands: SimpleCommand[]): void {
  const probes = findings.filter((f) => f.category === 'port-discovery' && f.entities.ports.length === 0);
  if (!probes.length) return;
  const ports = new Set<number>(); // in the order found
  for (const c of commands) {
    if (!/^(grep|egrep|rg|awk)$/.test(c.name)) continue;
    for (const w of c.words.slice(1)) {
      for (const m of w.value.matchAll(/(?<![\d.])(\d{2,5})(?![\d.])/g)) {
        const n = Number(m[1]);
        if (n >= 80 && n <= 65535) ports.add(n);
      }
    }
    for (const p of portsOf(new CommandView(c))) ports.add(p);
  }
  const list = [...ports];
  for (const f of probes) f.entities.ports = list;
}
