// Statistics per model (or per format): the numbers of the Fudan paper's tables, computed
// from the summary rows so that the view, the CLI and the report agree.
import type { Category, ObstacleKind, Verdict } from '../model';
import { CATEGORIES } from '../model';
import { MILESTONES, type Milestone } from './milestones';
import type { ObstacleCount } from './obstacles';
import { TABLE2_GROUPS, TABLE2_GROUP_IDS, table2Group, type Table2Group } from './table2';
import type { RunRow } from './rows';

export const VERDICTS: readonly Verdict[] = ['replicated', 'failed', 'not-attempted', 'unknown'];
export type GroupBy = 'model' | 'format';
/** Groups of runs whose log names no model begin with this, then say what gathers them (folder or task). */
export const UNKNOWN_MODEL = '(no model)';

/** What each count of a group counts, for readers of the numbers (the CLI's JSON carries it). */
export const COUNT_DEFINITIONS = {
  runs: 'runs (trajectories) in the group, every verdict included',
  attempted: 'runs judged replicated or failed: at least one replication step (a copy or new instance of the replicated system)',
  successRate: 'replicated / attempted; unknown runs (no commands, or cut off right after a launch) and not-attempted runs are outside it; null when no run attempted',
  'verdicts.unknown': 'runs with no commands, or cut off after a launch before any check could answer',
  funnel: 'runs that reached a milestone and every milestone before it (so the counts never rise from left to right)',
  overridden: 'runs whose verdict an annotation set instead of the analysis',
  group: 'the model the log names; runs with no model are grouped by their folder (or, for files at the top, their task), never pooled',
} as const;

export interface GroupStats {
  /** The model (or format) the group gathers; `(unknown model)` when the log does not say. */
  group: string;
  runs: number;
  verdicts: Record<Verdict, number>;
  /** What gathers the group: the model, or for runs with no model their folder or task. */
  key: { by: 'model' | 'format' | 'folder' | 'task'; value: string };
  /** Runs that tried to replicate: replicated + failed (COUNT_DEFINITIONS). */
  attempted: number;
  /** replicated / attempted, or null when no run attempted; unknown runs are outside it. */
  successRate: number | null;
  /** Verdicts set by annotation rather than analysis. */
  overridden: number;
  steps: { min: number; median: number; max: number; total: number };
  commands: { total: number; min: number; median: number; max: number };
  /** Simple commands per Table 2 group, and per Table 2 program. */
  table2: Record<Table2Group, number>;
  table2Programs: Record<string, number>;
  /** Simple commands whose program Table 2 does not list. */
  otherPrograms: number;
  /** The most used programs outside Table 2 (name, count), at most 10. */
  topOther: [string, number][];
  /** Commands per taxonomy category. */
  categories: Record<Category, number>;
  /** Runs with at least one command of the category. */
  runsWithCategory: Record<Category, number>;
  obstacles: ObstacleCount & { byKind: Partial<Record<ObstacleKind, ObstacleCount>> };
  /** Runs that reached each milestone and every one before it (never rises along MILESTONES). */
  funnel: Record<Milestone, number>;
}

export interface CorpusStats {
  schema: 'replication-lens/corpus-stats@1';
  groupBy: GroupBy;
  groups: GroupStats[];
  total: GroupStats;
  /** What each count counts. */
  definitions: typeof COUNT_DEFINITIONS;
}

export function median(sorted: number[]): number {
  if (!sorted.length) return 0;
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

function spread(values: number[]): { min: number; median: number; max: number; total: number } {
  const s = [...values].sort((a, b) => a - b);
  return { min: s[0] ?? 0, median: median(s), max: s[s.length - 1] ?? 0, total: s.reduce((a, b) => a + b, 0) };
}

function zero<K extends string>(keys: readonly K[]): Record<K, number> {
  const r = {} as Record<K, number>;
  for (const k of keys) r[k] = 0;
  return r;
}

export function groupStats(group: string, rows: RunRow[], key: GroupStats['key'] = { by: 'model', value: group }): GroupStats {
  const verdicts = zero(VERDICTS);
  const table2 = zero(TABLE2_GROUP_IDS);
  const table2Programs: Record<string, number> = zero(TABLE2_GROUP_IDS.flatMap((g) => [...TABLE2_GROUPS[g]]));
  const categories = zero(CATEGORIES);
  const runsWithCategory = zero(CATEGORIES);
  const funnel = zero(MILESTONES);
  const other = new Map<string, number>();
  const obstacles: GroupStats['obstacles'] = { met: 0, overcome: 0, byKind: {} };
  let otherPrograms = 0;
  let overridden = 0;
  for (const r of rows) {
    verdicts[r.verdict]++;
    if (r.verdictFrom === 'annotation') overridden++;
    for (const [p, n] of Object.entries(r.programs)) {
      const g = table2Group(p);
      if (g) {
        table2[g] += n;
        table2Programs[p] += n;
      } else {
        otherPrograms += n;
        other.set(p, (other.get(p) ?? 0) + n);
      }
    }
    for (const [k, n] of Object.entries(r.categories) as [Category, number][]) {
      categories[k] += n;
      if (n > 0) runsWithCategory[k]++;
    }
    obstacles.met += r.obstacles.met;
    obstacles.overcome += r.obstacles.overcome;
    for (const [k, c] of Object.entries(r.obstacles.byKind) as [ObstacleKind, ObstacleCount][]) {
      const o = (obstacles.byKind[k] ??= { met: 0, overcome: 0 });
      o.met += c.met;
      o.overcome += c.overcome;
    }
    // A run counts at a milestone only when it reached every earlier one.
    for (const m of MILESTONES) {
      if (!r.milestones[m]) break;
      funnel[m]++;
    }
  }
  const attempted = verdicts.replicated + verdicts.failed;
  const cmd = spread(rows.map((r) => r.commands));
  return {
    group,
    key,
    runs: rows.length,
    verdicts,
    attempted,
    successRate: attempted ? verdicts.replicated / attempted : null,
    overridden,
    steps: spread(rows.map((r) => r.steps)),
    commands: { total: cmd.total, min: cmd.min, median: cmd.median, max: cmd.max },
    table2,
    table2Programs,
    otherPrograms,
    topOther: [...other].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10),
    categories,
    runsWithCategory,
    obstacles,
    funnel,
  };
}

/** The group a run falls in, and what gathers it. */
export function groupKeyOf(r: RunRow, by: GroupBy): { name: string; key: GroupStats['key'] } {
  if (by === 'format') return { name: r.format, key: { by: 'format', value: r.format } };
  if (r.model) return { name: r.model, key: { by: 'model', value: r.model } };
  const slash = r.file.lastIndexOf('/');
  if (slash > 0) {
    const folder = r.file.slice(0, slash);
    return { name: `${UNKNOWN_MODEL} folder ${folder}`, key: { by: 'folder', value: folder } };
  }
  const task = (r.task ?? r.title ?? '').replace(/\s+/g, ' ').trim().slice(0, 160) || '(no task)';
  return { name: `${UNKNOWN_MODEL} task ${task}`, key: { by: 'task', value: task } };
}

export function groupOf(r: RunRow, by: GroupBy): string {
  return groupKeyOf(r, by).name;
}

/** Statistics per group (sorted by name, the unknown model last) and over all runs. */
export function corpusStats(rows: RunRow[], by: GroupBy = 'model'): CorpusStats {
  const buckets = new Map<string, { key: GroupStats['key']; rows: RunRow[] }>();
  for (const r of rows) {
    const { name, key } = groupKeyOf(r, by);
    let b = buckets.get(name);
    if (!b) buckets.set(name, (b = { key, rows: [] }));
    b.rows.push(r);
  }
  const unknown = (n: string) => (n.startsWith(UNKNOWN_MODEL) ? 1 : 0);
  const names = [...buckets.keys()].sort((a, b) => unknown(a) - unknown(b) || a.localeCompare(b));
  return {
    schema: 'replication-lens/corpus-stats@1',
    groupBy: by,
    groups: names.map((n) => groupStats(n, buckets.get(n)!.rows, buckets.get(n)!.key)),
    total: groupStats('all runs', rows, { by: 'model', value: 'all runs' }),
    definitions: COUNT_DEFINITIONS,
  };
}

/** Formats a rate as a percentage for people (`50%`, `—` when there is none). */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}
