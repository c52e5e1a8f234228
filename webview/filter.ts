// Which steps the list shows. Category, obstacle, critical and annotated filters read the run
// summary's ticks (instant, for any run size); role and text search need the steps' content and
// are answered by scanning the run page by page.
import { isCritical, type AnalyzedStep } from '../src/core/model';
import type { RunSummary } from '../src/protocol/lsp';
import type { TimelineFilters } from '../src/protocol/webview';

export type Tick = RunSummary['ticks'][number];

export function needsContent(f: TimelineFilters): boolean {
  return f.roles.length > 0 || f.search.trim() !== '';
}

export function isFiltering(f: TimelineFilters): boolean {
  return f.labels.length > 0 || f.annotated || f.annotatedByMe || f.disagreements || f.criticalOnly || !!f.claims || needsContent(f);
}

/** The search as a case-insensitive RegExp, or an Error for an invalid pattern. */
export function buildMatcher(f: TimelineFilters): RegExp | null | Error {
  const q = f.search.trim();
  if (!q) return null;
  if (!f.regex) return new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  try {
    return new RegExp(q, 'i');
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/**
 * `annotated`: whether the step has annotations; `annotationOk`: whether it passes the "by me"
 * and "disagreements" filters too (see annotations.ts markPasses).
 */
export function tickPasses(t: Tick | undefined, f: TimelineFilters, annotated: boolean, annotationOk = true): boolean {
  if (f.annotated && !annotated) return false;
  if (!annotationOk) return false;
  if (f.claims && !t?.claims) return false;
  const cats = t?.categories ?? [];
  if (f.criticalOnly && !cats.some(isCritical)) return false;
  if (f.labels.length) {
    const obs = t?.obstacles ?? [];
    if (!f.labels.some((l) => (cats as string[]).includes(l) || (l.startsWith('obstacle:') && (obs as string[]).includes(l.slice(9))))) return false;
  }
  return true;
}

/** Longest text searched per field: a megabyte output is searched in its first 200 KB. */
const SEARCH_LIMIT = 200_000;

export function contentPasses(step: AnalyzedStep, f: TimelineFilters, matcher: RegExp | null): boolean {
  if (f.roles.length && !f.roles.includes(step.role)) return false;
  if (!matcher) return true;
  const test = (s: string | undefined) => !!s && matcher.test(s.length > SEARCH_LIMIT ? s.slice(0, SEARCH_LIMIT) : s);
  if (test(step.thought)) return true;
  for (const c of step.commands) if (test(c.text) || test(c.output)) return true;
  if (step.notes?.some(test)) return true;
  return false;
}

export function isCriticalTick(t: Tick | undefined): boolean {
  return !!t && t.categories.some(isCritical);
}
