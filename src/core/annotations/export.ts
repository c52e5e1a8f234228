// Export rows: steps with their findings and annotations, for data sets and papers.
// One row per step; annotations whose step is gone come out as their own rows (status
// "orphaned"), never dropped. JSONL keeps the structure; CSV flattens it (RFC 4180 quoting).
import type { ResolvedAnnotation } from './types';

export interface ExportStep {
  id: string;
  role: string;
  time: string | null;
  commands: readonly {
    text: string;
    categories: readonly string[];
    obstacles: readonly string[];
    findings?: readonly { category: string; evidence: string }[];
  }[];
}

export interface ExportUnit {
  file: string;
  runId: string;
  steps: readonly ExportStep[];
  annotations: readonly ResolvedAnnotation[];
}

export interface ExportedAnnotation {
  id: string;
  author: string;
  labels: string[];
  verdict: string | null;
  finding: string | null;
  note: string;
  commandIndex: number | null;
  status: ResolvedAnnotation['status'];
  reason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ExportRow {
  file: string;
  runId: string;
  /** The step's number as the timeline, Problems and `agreement` show it (1-based); null for an orphan. */
  step: number | null;
  /** Its position in the run (0-based, as annotations anchor it); null for an orphaned annotation's row. */
  stepIndex: number | null;
  stepId: string;
  status: 'step' | 'orphaned';
  role: string | null;
  time: string | null;
  commands: string[];
  categories: string[];
  obstacles: string[];
  findings: { command: number; category: string; evidence: string }[];
  annotations: ExportedAnnotation[];
}

export type ExportFilter = 'all' | 'flagged' | 'annotated';

function exported(r: ResolvedAnnotation): ExportedAnnotation {
  const a = r.annotation;
  return {
    id: a.id,
    author: a.author,
    labels: [...a.labels],
    verdict: a.verdict,
    finding: a.finding,
    note: a.note,
    commandIndex: a.commandIndex ?? null,
    status: r.status,
    reason: r.reason,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

const uniq = (xs: string[]) => [...new Set(xs)];

export function exportRows(units: readonly ExportUnit[], filter: ExportFilter = 'all'): ExportRow[] {
  const rows: ExportRow[] = [];
  for (const u of units) {
    const live = u.annotations.filter((r) => !r.annotation.deleted);
    const byStep = new Map<number, ResolvedAnnotation[]>();
    for (const r of live) {
      if (r.stepIndex === null) continue;
      const list = byStep.get(r.stepIndex);
      if (list) list.push(r);
      else byStep.set(r.stepIndex, [r]);
    }
    u.steps.forEach((s, i) => {
      const anns = byStep.get(i) ?? [];
      const categories = uniq(s.commands.flatMap((c) => [...c.categories]));
      const obstacles = uniq(s.commands.flatMap((c) => [...c.obstacles]));
      if (filter === 'annotated' && !anns.length) return;
      if (filter === 'flagged' && !categories.length && !obstacles.length && !anns.length) return;
      rows.push({
        file: u.file,
        runId: u.runId,
        step: i + 1,
        stepIndex: i,
        stepId: s.id,
        status: 'step',
        role: s.role,
        time: s.time,
        commands: s.commands.map((c) => c.text),
        categories,
        obstacles,
        findings: s.commands.flatMap((c, ci) => (c.findings ?? []).map((f) => ({ command: ci, category: f.category, evidence: f.evidence }))),
        annotations: anns.map(exported),
      });
    });
    for (const r of live) {
      if (r.stepIndex !== null) continue;
      rows.push({
        file: u.file,
        runId: r.annotation.runId || u.runId,
        step: null,
        stepIndex: null,
        stepId: r.annotation.stepId,
        status: 'orphaned',
        role: null,
        time: null,
        commands: [],
        categories: [],
        obstacles: [],
        findings: [],
        annotations: [exported(r)],
      });
    }
  }
  return rows;
}

export function toJsonl(rows: readonly ExportRow[]): string {
  return rows.map((r) => JSON.stringify(r) + '\n').join('');
}

export const CSV_COLUMNS = [
  'file',
  'run_id',
  'step',
  'step_index',
  'step_id',
  'status',
  'role',
  'time',
  'commands',
  'categories',
  'obstacles',
  'annotation_count',
  'labels',
  'verdicts',
  'authors',
  'notes',
] as const;

/**
 * One CSV field: quoted when it holds a quote, comma, CR or LF (quotes doubled). With
 * `formulaGuard`, a text cell starting with = + - @ or a tab gets a leading apostrophe so a
 * spreadsheet does not run a transcript's text as a formula.
 */
export function csvField(v: string | number | null, formulaGuard = true): string {
  if (v === null) return '';
  let s = String(v);
  if (formulaGuard && typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly ExportRow[], opts: { formulaGuard?: boolean } = {}): string {
  const guard = opts.formulaGuard ?? true;
  const out = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    const a = r.annotations;
    const cells: (string | number | null)[] = [
      r.file,
      r.runId,
      r.step,
      r.stepIndex,
      r.stepId,
      r.status,
      r.role,
      r.time,
      r.commands.join('\n'),
      r.categories.join(';'),
      r.obstacles.join(';'),
      a.length,
      uniq(a.flatMap((x) => x.labels)).join(';'),
      a
        .filter((x) => x.verdict)
        .map((x) => `${x.author}:${x.verdict}${x.finding ? `(${x.finding})` : ''}`)
        .join(';'),
      uniq(a.map((x) => x.author)).join(';'),
      a
        .filter((x) => x.note)
        .map((x) => `${x.author}: ${x.note}`)
        .join('\n\n'),
    ];
    out.push(cells.map((c) => csvField(c, guard)).join(','));
  }
  return out.join('\r\n') + '\r\n';
}
