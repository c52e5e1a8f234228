// One run's steps by list position (0-based, run order) and by the model's step index, which
// differ when a run's indexes skip (a sub-agent's steps elsewhere). Numbers people read are
// `stepNo(index)` (1-based); everything here stays 0-based.
import type { RunSummary } from '../src/protocol/lsp';
import type { Tick } from './filter';

export class RunIndex {
  readonly ticks: Tick[];
  /** Time of the run's first timed step (ms), for relative times; null when none is timed. */
  readonly t0: number | null = null;
  private readonly byIndex: 'identity' | Map<number, number>;

  constructor(run: Pick<RunSummary, 'ticks'> | null) {
    this.ticks = run?.ticks ?? [];
    let identity = true;
    let t0: number | null = null;
    this.ticks.forEach((t, i) => {
      if (t.index !== i) identity = false;
      if (t.time != null && (t0 === null || t.time < t0)) t0 = t.time;
    });
    this.t0 = t0;
    this.byIndex = identity ? 'identity' : new Map(this.ticks.map((t, i) => [t.index, i]));
  }

  /** The position of a step index, or -1 when the run has no such step. */
  posOfIndex(index: number): number {
    if (this.byIndex === 'identity') return index >= 0 && index < this.ticks.length ? index : -1;
    return this.byIndex.get(index) ?? -1;
  }

  indexOfPos(pos: number): number {
    return this.ticks[pos]?.index ?? pos;
  }
}
