// The custom requests the timeline lives on (src/protocol/lsp.ts): runs, a page of steps,
// one step in full.
import { isCritical, type AnalyzedStep, type AnalyzedTrajectory, type Category, type ObstacleKind } from '../../core/model';
import type { RunSummary, RunsResult, StepsParams, StepsResult } from '../../protocol/lsp';
import type { ServedDocument } from '../document';
import type { OpenedLog } from '../../node/open-log';

export function runSummary(t: AnalyzedTrajectory): RunSummary {
  const counts: RunSummary['counts'] = {};
  let commandCount = 0;
  const ticks: RunSummary['ticks'] = [];
  for (const s of t.steps) {
    const cats = new Set<Category>();
    const obs = new Set<ObstacleKind>();
    for (const c of s.commands) {
      commandCount++;
      for (const k of c.categories) {
        counts[k] = (counts[k] ?? 0) + 1;
        if (isCritical(k)) cats.add(k);
      }
      for (const o of c.obstacles) {
        counts[`obstacle:${o}`] = (counts[`obstacle:${o}`] ?? 0) + 1;
        obs.add(o);
      }
    }
    const time = s.time ? Date.parse(s.time) : NaN;
    ticks.push({ index: s.index, time: Number.isNaN(time) ? null : time, categories: [...cats], obstacles: [...obs] });
  }
  // Claims per step on the ticks, so the "claims" filter needs no step content.
  const claims = t.claims ?? [];
  for (const c of claims) {
    const tick = ticks[c.step];
    if (tick && tick.index === c.step) tick.claims = (tick.claims ?? 0) + 1;
  }
  return {
    id: t.id,
    read: true,
    title: t.title,
    model: t.model,
    task: t.task,
    stepCount: t.steps.length,
    commandCount,
    outcome: t.outcome,
    counts,
    ticks,
    threads: t.threads,
    issues: t.issues,
    world: t.world ?? null,
    claims,
    ...(t.meta ? { meta: t.meta } : {}),
  };
}

/** A run listed and not yet read: its name only. */
function listedSummary(log: OpenedLog, i: number): RunSummary {
  const r = log.runs[i];
  const reason = r.error ? `The run could not be read: ${r.error}` : 'Not read yet: the run is read when it is opened.';
  return {
    id: r.id,
    read: false,
    title: r.title,
    model: null,
    task: null,
    stepCount: 0,
    commandCount: 0,
    outcome: { verdict: 'unknown', evidence: [], reason },
    counts: {},
    ticks: [],
    threads: [],
    issues: r.error ? [{ severity: 'error', message: r.error }] : [],
  };
}

/**
 * The runs of a document. A lazily opened log answers with its list at once (the runs already
 * read come summarised); each other run is read when asked for (`run`), the first one by the
 * timeline right after the list shows.
 */
export function runs(d: ServedDocument | null, uri: string): RunsResult {
  if (!d) return { uri, version: null, format: null, runs: [], error: 'The file could not be read.', issues: [] };
  if (!d.claimed) {
    return { uri, version: d.version, format: null, runs: [], error: 'No trajectory reader recognised this file.', issues: [] };
  }
  const log = d.log;
  if (log) {
    const summaries = log.runs.map((_, i) => {
      const t = log.isRead(i) ? log.run(i) : null;
      return t ? runSummary(t) : listedSummary(log, i);
    });
    return { uri, version: d.version, format: log.format, runs: summaries, error: d.error, issues: log.issues };
  }
  return {
    uri,
    version: d.version,
    format: d.analysis?.format ?? null,
    runs: d.analyseWhole ? d.runs.map(topOnly) : d.runs.map(runSummary),
    error: d.error,
    issues: d.analysis?.issues ?? [],
  };
}

/** A run of which only the top of its file is analysed yet: no verdict from part of it. */
function topOnly(t: AnalyzedTrajectory): RunSummary {
  const reason = `Reading: the first ${t.steps.length} steps are shown while the rest of the file is analysed.`;
  return { ...runSummary(t), outcome: { verdict: 'unknown', evidence: [], reason } };
}

/** One run by id, read now when it was only listed. */
function runById(d: ServedDocument | null, id: string): AnalyzedTrajectory | null {
  if (!d) return null;
  const log = d.log;
  if (log) {
    const i = log.runs.findIndex((r) => r.id === id);
    return i < 0 ? null : log.run(i);
  }
  return d.runs.find((t) => t.id === id) ?? null;
}

export function run(d: ServedDocument | null, id: string): RunSummary | null {
  const t = runById(d, id);
  if (t) return d?.analyseWhole ? topOnly(t) : runSummary(t);
  const log = d?.log;
  const i = log ? log.runs.findIndex((r) => r.id === id) : -1;
  return log && i >= 0 ? listedSummary(log, i) : null;
}

function cut(s: AnalyzedStep, maxOutput: number): AnalyzedStep {
  if (!s.commands.some((c) => c.output.length > maxOutput)) return s;
  return {
    ...s,
    commands: s.commands.map((c) => (c.output.length > maxOutput ? { ...c, output: c.output.slice(0, maxOutput) } : c)),
  };
}

export function steps(d: ServedDocument | null, p: StepsParams): StepsResult {
  const run = runById(d, p.runId);
  if (!run) return { uri: p.uri, runId: p.runId, start: p.start, total: 0, steps: [] };
  const start = Math.max(0, Math.floor(p.start));
  const count = Math.max(0, Math.floor(p.count));
  const max = p.maxOutput ?? 2000;
  const page = run.steps.slice(start, start + count);
  const truncated: NonNullable<StepsResult['truncated']> = [];
  for (const s of page) {
    s.commands.forEach((c, command) => {
      if (c.output.length > max) truncated.push({ step: s.index, command, length: c.output.length });
    });
  }
  return { uri: p.uri, runId: p.runId, start, total: run.steps.length, steps: page.map((s) => cut(s, max)), truncated };
}

export function step(d: ServedDocument | null, runId: string, index: number): AnalyzedStep | null {
  return runById(d, runId)?.steps[index] ?? null;
}
