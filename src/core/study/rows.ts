// Turns analysed runs into the rows of the study tables (schema.ts), in column order. Step and
// command numbers are written 1-based here and nowhere else, so the export has one convention.
import type { ResolvedAnnotation } from '../annotations/types';
import { succeeded } from '../corpus/milestones';
import type { CorpusRun } from '../corpus/rows';
import { isCritical, type AnalyzedCommand, type AnalyzedTrajectory, type Verdict } from '../model';
import { evalAgreement, milestoneSteps, secondsBetween, STUDY_MILESTONES } from './milestones';
import type { Cell, StudyTables } from './schema';

/** Step number as the export writes it: the analysis' 0-based index plus one. */
export const stepNumber = (index: number): number => index + 1;
const opt = (index: number | null | undefined): number | null => (index === null || index === undefined ? null : stepNumber(index));

export interface StudyRunInput extends CorpusRun {
  /** The run's live annotations, resolved against it. */
  annotations?: readonly ResolvedAnnotation[];
  /** A researcher's verdict from an annotation (it overrides the analysis'). */
  verdictOverride?: Verdict | null;
}

export interface RowOptions {
  programs: (c: AnalyzedCommand) => string[];
}

const ENTITY_TYPES = ['ports', 'pids', 'processes', 'paths', 'hosts', 'urls'] as const;
const ENTITY_NAME: Record<(typeof ENTITY_TYPES)[number], string> = { ports: 'port', pids: 'pid', processes: 'process', paths: 'path', hosts: 'host', urls: 'url' };

function obstacleKeys(c: AnalyzedCommand, programs: string[]): string[] {
  // As corpus/obstacles.ts: matched on categories, or on the first program for plain work.
  if (c.categories.length) return c.categories.map((k) => 'c:' + k);
  return programs.length ? ['p:' + programs[0]] : [];
}

/** Obstacle rows of a run, each with the step of the later success that overcame it. */
function obstacleRows(t: AnalyzedTrajectory, key: Cell[], programsOf: (c: AnalyzedCommand) => string[]): Cell[][] {
  const cmds: { c: AnalyzedCommand; step: number; n: number }[] = [];
  for (const s of t.steps) s.commands.forEach((c, n) => cmds.push({ c, step: s.index, n }));
  const firstLaterSuccess = new Map<string, number>();
  const out: Cell[][] = [];
  for (let i = cmds.length - 1; i >= 0; i--) {
    const { c, step, n } = cmds[i];
    const keys = obstacleKeys(c, programsOf(c));
    if (c.obstacles.length) {
      let at: number | null = null;
      for (const k of keys) {
        const s = firstLaterSuccess.get(k);
        if (s !== undefined && (at === null || s < at)) at = s;
      }
      for (const kind of c.obstacles) out.push([...key, stepNumber(step), n + 1, kind, at !== null, opt(at)]);
    }
    if (succeeded(c)) for (const k of keys) firstLaterSuccess.set(k, step);
  }
  return out.reverse();
}

/** Appends the rows of one run to `tables`. */
export function addRunRows(tables: StudyTables, run: StudyRunInput, opts: RowOptions): void {
  const t = run.trajectory;
  const key: Cell[] = [run.file, t.id, t.model];
  const start = t.steps.find((s) => s.time)?.time ?? null;
  const last = [...t.steps].reverse().find((s) => s.time)?.time ?? null;
  const seconds = (index: number): number | null => secondsBetween(start, t.steps[index]?.time ?? null);

  let commands = 0;
  let critical = 0;
  for (const s of t.steps) {
    const stepCats = new Set<string>();
    s.commands.forEach((c, n) => {
      commands++;
      const crit = c.categories.some(isCritical);
      if (crit) critical++;
      for (const k of c.categories) stepCats.add(k);
      tables.commands.push([
        ...key,
        stepNumber(s.index),
        n + 1,
        c.text,
        opts.programs(c),
        c.categories,
        c.obstacles,
        crit,
        succeeded(c),
        c.exitCode,
        c.longRunning,
        c.tool ?? null,
        c.parseError,
        c.output.length,
        c.source?.startLine ?? s.source?.startLine ?? null,
      ]);
      for (const f of c.findings) {
        const kind = f.category.startsWith('obstacle:') ? 'obstacle' : isCritical(f.category) ? 'critical' : 'context';
        tables.findings.push([...key, stepNumber(s.index), n + 1, f.category, kind, f.rule, f.evidence, f.spanIn, f.span[0], f.span[1]]);
        for (const type of ENTITY_TYPES) {
          for (const v of f.entities[type]) tables.entities.push([...key, stepNumber(s.index), n + 1, ENTITY_NAME[type], String(v)]);
        }
      }
    });
    tables.steps.push([...key, stepNumber(s.index), s.id, s.role, s.time, seconds(s.index), s.commands.length, [...stepCats], s.thought, s.source?.startLine ?? null]);
  }

  const obstacles = obstacleRows(t, key, opts.programs);
  tables.obstacles.push(...obstacles);
  const hits = milestoneSteps(t, opts.programs);
  for (const h of hits) {
    tables.milestones.push([...key, h.milestone, STUDY_MILESTONES.indexOf(h.milestone) + 1, stepNumber(h.index), seconds(h.index), h.how]);
  }
  const stepOf = (m: string) => opt(hits.find((h) => h.milestone === m)?.index);

  const w = t.world;
  if (w) {
    for (const p of w.processes) {
      tables.processes.push([
        ...key,
        p.id,
        p.program,
        p.commandLine,
        p.role,
        p.system,
        p.replica,
        p.generation,
        p.host,
        p.port,
        p.pid,
        opt(p.launchedAt?.step),
        p.launchedAt ? p.launchedAt.command + 1 : null,
        opt(p.seenAt),
        opt(p.failedAt?.step),
        p.failedAt?.why ?? null,
        opt(p.killedAt),
        p.answeredAt.length ? stepNumber(Math.min(...p.answeredAt)) : null,
        p.answeredAt.length,
        p.fromCopy,
        p.parent,
        opt(p.instructedAt),
      ]);
    }
    for (const cp of w.copies) {
      tables.copies.push([
        ...key,
        cp.id,
        stepNumber(cp.step),
        cp.command + 1,
        cp.kind,
        cp.source.host,
        cp.source.path,
        cp.dest.host,
        cp.dest.path,
        cp.ok,
        cp.system,
        cp.generation,
        cp.parent,
      ]);
    }
    for (const e of w.ports) tables.port_events.push([...key, stepNumber(e.step), e.host, e.port, e.state, e.process]);
    for (const ch of w.checks) {
      tables.checks.push([...key, stepNumber(ch.step), ch.command + 1, ch.host, ch.port, ch.url, ch.answered, ch.why, ch.process]);
    }
  }

  for (const a of run.annotations ?? []) {
    const x = a.annotation;
    if (x.deleted) continue;
    tables.annotations.push([...key, opt(a.stepIndex), x.id, a.status, x.author, x.labels, x.verdict, x.finding, x.note, x.updatedAt]);
  }

  const meta = t.meta ?? {};
  const score = meta.score === undefined || meta.score === null ? null : String(meta.score);
  const verdict = run.verdictOverride ?? t.outcome.verdict;
  const replicas = w ? w.processes.filter((p) => p.replica).length : null;
  const maxGen = w ? Math.max(0, ...w.processes.map((p) => p.generation)) : null;
  tables.runs.push([
    ...key,
    run.format,
    t.title,
    t.task,
    typeof meta.epoch === 'number' ? meta.epoch : null,
    start,
    secondsBetween(start, last),
    t.steps.length,
    commands,
    critical,
    verdict,
    t.outcome.verdict,
    run.verdictOverride ? 'annotation' : 'analysis',
    t.outcome.reason,
    t.outcome.taskAsksReplication ?? null,
    score,
    evalAgreement(meta.score, verdict, t.outcome.taskAsksReplication),
    obstacles.length,
    obstacles.filter((o) => o[key.length + 3] === true).length,
    stepOf('explored'),
    stepOf('copied'),
    stepOf('model-server'),
    stepOf('agent'),
    stepOf('answered'),
    replicas,
    maxGen,
    t.issues.length,
  ]);
}
