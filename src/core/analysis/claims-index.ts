// What the claims check looks up in a run, indexed once per run on first use (a long run has
// thousands of claims: each looks up by port, by step range, by kind of command in O(log n)).
import type { AnalyzedCommand, AnalyzedStep } from '../model';
import type { World, WorldCheck, WorldPortEvent, WorldProcess } from '../world-types';

/** Index of the first element of the ascending `xs` that is >= `x`. */
function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const startOf = (p: WorldProcess) => (p.launchedAt ? p.launchedAt.step : (p.seenAt ?? 0));

/** Checks in step order, with the first step where one got an answer. */
export interface CheckList {
  checks: WorldCheck[];
  steps: number[];
  firstAnswered: number;
}

const LINE_UP = /\b(?:succeeded|open|LISTEN|connected|in use)\b/i;
const LINE_DOWN = /\b(?:refused|failed|closed|free|not in use|timed out)\b/i;

export class RunIndex {
  readonly last: number;
  private readonly withCommand = new Map<string, number[]>();
  private readonly byPort = new Map<number, WorldPortEvent[]>();
  private readonly checkLists = new Map<string, CheckList>();
  private sorted: { procs: WorldProcess[]; starts: number[] } | null = null;

  constructor(
    readonly steps: AnalyzedStep[],
    readonly world: World,
  ) {
    this.last = steps.length - 1;
  }

  /** Steps (ascending) with a command that passes `test`, found once per `name`. */
  stepsWith(name: string, test: (c: AnalyzedCommand) => boolean): number[] {
    let xs = this.withCommand.get(name);
    if (!xs) {
      xs = [];
      for (let i = 0; i < this.steps.length; i++) if (this.steps[i].commands.some(test)) xs.push(i);
      this.withCommand.set(name, xs);
    }
    return xs;
  }

  /** Is there a step in [from, to] with a command that passes `test`? */
  anyBetween(name: string, test: (c: AnalyzedCommand) => boolean, from: number, to: number): boolean {
    const xs = this.stepsWith(name, test);
    const i = lowerBound(xs, from);
    return i < xs.length && xs[i] <= to;
  }

  /** Processes started by `step` (launched or seen), in order of their start; the latest `max` only. */
  processesBy(step: number, max: number): WorldProcess[] {
    if (!this.sorted) {
      const procs = [...this.world.processes].sort((a, b) => startOf(a) - startOf(b) || a.id - b.id);
      this.sorted = { procs, starts: procs.map(startOf) };
    }
    const end = lowerBound(this.sorted.starts, step + 1);
    return this.sorted.procs.slice(Math.max(0, end - max), end);
  }

  /**
   * Port events on `port` (any host), in step order. A probe of several ports gets one state for
   * all (`nc -zv h 22 2222`: refused, then succeeded): the output's own line for the port decides.
   */
  portEvents(port: number): WorldPortEvent[] {
    let out = this.byPort.get(port);
    if (out) return out;
    out = [];
    for (const e of this.world.ports) {
      if (e.port !== port) continue;
      const own = e.state === 'free' || e.state === 'refused' || e.state === 'busy' ? this.lineState(e.step, port) : null;
      out.push(own === null || (own === 'up') === (e.state === 'busy') ? e : { ...e, state: own === 'up' ? 'busy' : 'free' });
    }
    this.byPort.set(port, out);
    return out;
  }

  /** What the step's outputs say of `port` on its own lines, when they all agree. */
  private lineState(step: number, port: number): 'up' | 'down' | null {
    const word = new RegExp(`(?<![\\d.])${port}(?!\\d)`);
    let up = false;
    let down = false;
    for (const c of this.steps[step].commands) {
      if (!c.output || !c.output.includes(String(port))) continue;
      for (const line of c.output.split('\n')) {
        if (!word.test(line)) continue;
        if (LINE_UP.test(line) && !/\bnot (?:in use|open)\b/i.test(line)) up = true;
        else if (LINE_DOWN.test(line)) down = true;
      }
    }
    return up === down ? null : up ? 'up' : 'down';
  }

  /** Liveness checks: all of them, those to one port, or those that reached a replica. */
  checks(which: 'all' | 'replica' | number): CheckList {
    const key = String(which);
    let list = this.checkLists.get(key);
    if (list) return list;
    let checks = this.world.checks;
    if (which === 'replica') {
      const procs = this.world.processes;
      checks = checks.filter((k) => k.process !== null && procs[k.process]?.replica);
    } else if (typeof which === 'number') checks = checks.filter((k) => k.port === which);
    checks = [...checks].sort((a, b) => a.step - b.step);
    const answered = checks.find((k) => k.answered);
    list = { checks, steps: checks.map((k) => k.step), firstAnswered: answered ? answered.step : Infinity };
    this.checkLists.set(key, list);
    return list;
  }

  /** The checks of a list up to `until`. */
  checksUpTo(list: CheckList, until: number): WorldCheck[] {
    return list.checks.slice(0, lowerBound(list.steps, until + 1));
  }

  /** Does the run have any process the model marked a replica? */
  hasReplica(): boolean {
    return this.world.processes.some((p) => p.replica);
  }
}
