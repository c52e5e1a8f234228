// Crash-and-concurrency test of the annotation store (issue 15). N writer processes each append
// M events through the real store code (annotations-crash-child.ts), one at a time, and write
// each event's id to their own acknowledgement file once the append has returned; a compactor
// process rewrites the store over and over. At random moments one of them (writer or compactor)
// is SIGKILLed, the store is checked, and the process is started again (a writer carries on
// from its last acknowledged event). At the end: every acknowledged event is in the store
// exactly once, nothing acknowledged is lost, and no lock is left behind.
//
//   npx tsx bench/annotations-crash.ts [WRITERS] [APPENDS]      (default 10 x 10000)
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { parseStore } from '../src/core/annotations';
import { AnnotationFile, leftoverTemps, lockClaims, withLock } from '../src/node/annotation-file';

export interface CrashOptions {
  writers: number;
  appends: number;
  /** A kill every this many ms (uniformly at random between the two). */
  killEveryMs?: [number, number];
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface StoreCheck {
  acked: number;
  lost: number;
  duplicated: number;
  /** Events in the store that no writer acknowledged (killed between append and acknowledgement). */
  unacked: number;
  /** Lines the store could not read (a torn append would show here). */
  issues: number;
}

export interface CrashResult extends StoreCheck {
  writers: number;
  appends: number;
  kills: { writer: number; compactor: number };
  /** Checks of the store made after kills, and how many of them found a lost or duplicated event. */
  checks: number;
  failedChecks: number;
  compactions: number;
  leftoverClaims: number;
  leftoverTemps: number;
  ms: number;
  dir: string;
}

const here = __dirname;

/** The child bundled once (starting it is then ~50 ms, not tsx's ~500). */
async function bundleChild(dir: string): Promise<string> {
  const out = path.join(dir, 'child.cjs');
  await esbuild.build({
    entryPoints: [path.join(here, 'annotations-crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],
    outfile: out,
    logLevel: 'error',
  });
  return out;
}

function ackedIds(file: string): string[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  // A line cut by a kill is not an acknowledgement.
  return text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .filter(Boolean);
}

/** Reads the acknowledgements first, then the store: everything acknowledged by then must be in it once. */
export function checkStore(store: string, ackFiles: string[]): StoreCheck {
  const acked = ackFiles.flatMap(ackedIds);
  const parsed = parseStore(existsSync(store) ? readFileSync(store, 'utf8') : '');
  const seen = new Map<string, number>();
  for (const e of parsed.events) seen.set(e.event, (seen.get(e.event) ?? 0) + 1);
  let lost = 0;
  let duplicated = 0;
  for (const id of acked) {
    const n = seen.get(id) ?? 0;
    if (n === 0) lost++;
    if (n > 1) duplicated++;
  }
  const ackSet = new Set(acked);
  let unacked = 0;
  for (const id of seen.keys()) if (!ackSet.has(id)) unacked++;
  return { acked: acked.length, lost, duplicated, unacked, issues: parsed.issues.length };
}

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function crashTrial(opts: CrashOptions): Promise<CrashResult> {
  const t0 = Date.now();
  const log = opts.log ?? (() => undefined);
  const [killMin, killMax] = opts.killEveryMs ?? [150, 600];
  const dir = mkdtempSync(path.join(tmpdir(), 'rl-crash-'));
  const child = await bundleChild(dir);
  const store = path.join(dir, 'run.log.annotations.jsonl');
  const acks = Array.from({ length: opts.writers }, (_, w) => path.join(dir, `acks-${w}.txt`));
  const counter = path.join(dir, 'compactions.txt');

  interface Proc {
    name: string;
    proc: ChildProcess | null;
    exited: Promise<number | null> | null;
    killed: boolean;
  }
  const failures: string[] = [];
  const start = (p: Proc, args: string[]) => {
    const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    proc.stderr!.on('data', (b) => (err += String(b)));
    p.proc = proc;
    p.killed = false;
    p.exited = new Promise((resolve) =>
      proc.on('exit', (code, signal) => {
        if (!p.killed && code !== 0) failures.push(`${p.name} exited ${code ?? signal}: ${err.slice(0, 2000)}`);
        resolve(code);
      }),
    );
  };
  const remaining = (w: number) => opts.appends - ackedIds(acks[w]).length;
  const startWriter = (w: number, p: Proc) => start(p, ['writer', store, acks[w], `w${w}`, String(remaining(w))]);

  const writers: Proc[] = acks.map((_, w) => ({ name: `writer ${w}`, proc: null, exited: null, killed: false }));
  writers.forEach((p, w) => startWriter(w, p));
  const compactor: Proc = { name: 'compactor', proc: null, exited: null, killed: false };
  start(compactor, ['compactor', store, counter]);

  const kills = { writer: 0, compactor: 0 };
  let checks = 0;
  let failedChecks = 0;
  const done = new Set<number>();
  let allDone = () => {};
  const finished = new Promise<void>((r) => (allDone = r));
  const finish = (w: number) => {
    done.add(w);
    if (done.size === opts.writers) allDone();
  };
  for (const [w, p] of writers.entries()) void p.exited!.then(() => !p.killed && finish(w));

  while (done.size < opts.writers && !failures.length) {
    await Promise.race([sleep(killMin + Math.random() * (killMax - killMin)), finished]);
    const live = writers.map((p, w) => ({ p, w })).filter(({ w }) => !done.has(w));
    if (!live.length) break;
    const victim = Math.random() < 0.2 ? { p: compactor, w: -1 } : pick(live);
    victim.p.killed = true;
    victim.p.proc!.kill('SIGKILL');
    await victim.p.exited;
    if (victim.w < 0) kills.compactor++;
    else kills.writer++;
    const c = checkStore(store, acks);
    checks++;
    if (c.lost || c.duplicated) {
      failedChecks++;
      log(`after kill ${checks}: ${c.lost} lost, ${c.duplicated} duplicated of ${c.acked}`);
    }
    if (victim.w < 0) {
      start(compactor, ['compactor', store, counter]);
    } else if (remaining(victim.w) > 0) {
      startWriter(victim.w, victim.p);
      const p = victim.p;
      const w = victim.w;
      void p.exited!.then(() => !p.killed && finish(w));
    } else finish(victim.w);
    if (checks % 10 === 0) log(`${checks} kills, ${c.acked} of ${opts.writers * opts.appends} acknowledged, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  compactor.killed = true;
  compactor.proc!.kill('SIGKILL');
  await compactor.exited;
  if (failures.length) throw new Error(failures.join('\n'));

  // One more compaction after all the crashes, then the store as a reader sees it.
  await new AnnotationFile(store).compact();
  await withLock(store, async () => undefined); // removes the claims of the killed
  const final = checkStore(store, acks);
  const result: CrashResult = {
    ...final,
    writers: opts.writers,
    appends: opts.appends,
    kills,
    checks,
    failedChecks,
    compactions: ackedIds(counter).length,
    leftoverClaims: (await lockClaims(store)).length,
    leftoverTemps: (await leftoverTemps(store)).length,
    ms: Date.now() - t0,
    dir,
  };
  return result;
}

export function cleanUp(r: CrashResult): void {
  rmSync(r.dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const writers = Number(process.argv[2] ?? 10);
  const appends = Number(process.argv[3] ?? 10_000);
  const r = await crashTrial({ writers, appends, log: (l) => console.error(l) });
  const { dir, ...shown } = r;
  console.log(JSON.stringify(shown, null, 2));
  console.log(
    `${writers} writers x ${appends} appends: ${r.acked} acknowledged, ${r.lost} lost, ${r.duplicated} duplicated, ` +
      `${r.unacked} stored unacknowledged, ${r.kills.writer} writer and ${r.kills.compactor} compactor kills, ` +
      `${r.checks} checks (${r.failedChecks} failed), ${(r.ms / 1000).toFixed(1)} s`,
  );
  cleanUp(r);
  process.exit(r.lost || r.duplicated || r.failedChecks || r.acked !== writers * appends ? 1 : 0);
}

if (require.main === module) void main();
