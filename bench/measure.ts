// Helpers shared by bench/analysis.ts and bench/formats.ts: one measurement per child process
// (so each memory figure starts clean and each parse cache starts cold), pinned to one core
// with taskset when it is there, peak memory from the kernel's high-water mark, medians.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { buildSync } from 'esbuild';

export const RESULTS = join(__dirname, 'results');
mkdirSync(RESULTS, { recursive: true });

/** taskset, to pin a child to one core, and GNU time, for its peak RSS: null where missing. */
export const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p)) ?? null;
export const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** CPU time of the whole process (all its threads: with taskset they share one core), in ms. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The process's peak resident set so far (getrusage: the kernel's high-water mark), in MB. */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function fileMB(path: string): number {
  return statSync(path).size / 1e6;
}

export interface ChildResult<T> {
  data: T;
  /** Peak RSS that /usr/bin/time -v saw for the child, in MB (null without GNU time). */
  timeMaxRssMB: number | null;
}

const bundles = new Map<string, string>();

/**
 * The script bundled as the product's Node bundles are (scripts/build.mjs: esbuild, Node 20,
 * `module` fields first), so children run the code the CLI and the server run, not code
 * going through a TypeScript loader.
 */
function bundled(script: string): string {
  let out = bundles.get(script);
  if (!out) {
    out = join(__dirname, `.child-${basename(script, '.ts')}.cjs`); // beside the sources: same __dirname
    buildSync({ entryPoints: [script], outfile: out, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], target: 'node20', logLevel: 'error' });
    bundles.set(script, out);
  }
  return out;
}

/**
 * Runs `script args...` in a fresh Node (the script bundled), on core 0 when taskset is
 * there, and returns the JSON object the child printed last.
 */
export function runChild<T>(script: string, args: string[]): ChildResult<T> {
  let cmd = process.execPath;
  let argv = [bundled(script), ...args];
  if (GNU_TIME) {
    argv = ['-v', cmd, ...argv];
    cmd = GNU_TIME;
  }
  if (TASKSET) {
    argv = ['-c', '0', cmd, ...argv];
    cmd = TASKSET;
  }
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 64 << 20, cwd: join(__dirname, '..') });
  const lines = (r.stdout ?? '').trim().split('\n');
  const last = lines[lines.length - 1] ?? '';
  if (r.status !== 0 || !last.startsWith('{')) {
    throw new Error(`${script} ${args.join(' ')} failed (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  return { data: JSON.parse(last) as T, timeMaxRssMB: m ? Number(m[1]) / 1024 : null };
}

/** Runs a generator CLI in its own process, unless its output is already there. */
export function ensureGenerated(out: string, script: string, args: string[]): void {
  if (existsSync(out)) return;
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'], cwd: join(__dirname, '..') });
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} failed`);
}

export function machine(): Record<string, string | number | boolean> {
  const c = cpus();
  return {
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    node: process.version,
    pinnedToOneCore: TASKSET !== null,
    loadAverage1m: Number(loadavg()[0].toFixed(2)),
    date: new Date().toISOString(),
  };
}

/** A markdown table (pastes into the README as it is). */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The value after `--NAME` on the command line, or `dflt`. */
export function option(name: string, dflt: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
}

/** Ends a benchmark process that failed, with its error. */
export function fail(e: unknown): never {
  console.error(e);
  process.exit(1);
}

/** Rounds of the benchmarks' generated chatbot log (48 MB, 20,238 commands). */
export const CHATBOT_ROUNDS = 21500;

/** The generated chatbot log of `rounds` rounds in bench/results/ (written once), or `--file`. */
export function chatbotLog(rounds = CHATBOT_ROUNDS): string {
  const file = option('file', join(RESULTS, `chatbot-${rounds}.log`));
  ensureGenerated(file, join(__dirname, 'gen-chatbot-log.ts'), [String(rounds), file]);
  return file;
}
