// CSV of the statistics (one line per group) and of the runs table (one line per run).
// RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with `'`.
import type { Category } from '../model';
import { CATEGORIES, OBSTACLE_KINDS } from '../model';
import { MILESTONES } from './milestones';
import { TABLE2_GROUPS, TABLE2_GROUP_IDS } from './table2';
import type { RunRow } from './rows';
import { VERDICTS, type CorpusStats, type GroupStats } from './stats';

export function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function line(cells: (string | number | boolean | null)[]): string {
  return cells.map(csvCell).join(',');
}

const T2_PROGRAMS = TABLE2_GROUP_IDS.flatMap((g) => [...TABLE2_GROUPS[g]]);

export function statsCsv(stats: CorpusStats): string {
  const head = [
    stats.groupBy,
    'runs',
    ...VERDICTS,
    'attempted',
    'success_rate',
    'overridden',
    'steps_min',
    'steps_median',
    'steps_max',
    'commands',
    ...TABLE2_GROUP_IDS.map((g) => `table2_${g}`),
    ...T2_PROGRAMS.map((p) => `cmd_${p}`),
    'other_programs',
    ...CATEGORIES,
    'obstacles_met',
    'obstacles_overcome',
    ...OBSTACLE_KINDS.flatMap((k) => [`${k}_met`, `${k}_overcome`]),
    ...MILESTONES.map((m) => `funnel_${m}`),
  ];
  const row = (g: GroupStats) =>
    line([
      g.group,
      g.runs,
      ...VERDICTS.map((v) => g.verdicts[v]),
      g.attempted,
      g.successRate === null ? null : Math.round(g.successRate * 10000) / 10000,
      g.overridden,
      g.steps.min,
      g.steps.median,
      g.steps.max,
      g.commands.total,
      ...TABLE2_GROUP_IDS.map((t) => g.table2[t]),
      ...T2_PROGRAMS.map((p) => g.table2Programs[p]),
      g.otherPrograms,
      ...CATEGORIES.map((c) => g.categories[c]),
      g.obstacles.met,
      g.obstacles.overcome,
      ...OBSTACLE_KINDS.flatMap((k) => [g.obstacles.byKind[k]?.met ?? 0, g.obstacles.byKind[k]?.overcome ?? 0]),
      ...MILESTONES.map((m) => g.funnel[m]),
    ]);
  return [line(head), ...stats.groups.map(row), row(stats.total)].join('\n') + '\n';
}

export function rowsCsv(rows: RunRow[]): string {
  const head = [
    'file',
    'run',
    'title',
    'model',
    'format',
    'steps',
    'commands',
    ...CATEGORIES,
    'obstacles_met',
    'obstacles_overcome',
    'verdict',
    'verdict_from',
    'first_critical_step',
    ...MILESTONES,
    'annotated',
    'annotation_total',
  ];
  return (
    [
      line(head),
      ...rows.map((r) =>
        line([
          r.file,
          r.runId,
          r.title,
          r.model,
          r.format,
          r.steps,
          r.commands,
          ...CATEGORIES.map((c: Category) => r.categories[c] ?? 0),
          r.obstacles.met,
          r.obstacles.overcome,
          r.verdict,
          r.verdictFrom,
          r.firstCritical,
          ...MILESTONES.map((m) => r.milestones[m]),
          r.annotation?.annotated ?? null,
          r.annotation?.total ?? null,
        ]),
      ),
    ].join('\n') + '\n'
  );
}
