// How steps and commands are named in outlines, lenses and hovers.
import type { AnalyzedCommand, AnalyzedStep, Category } from '../../core/model';
import { isCritical } from '../../core/model';

/** First line of a text, cut to `max` characters. */
export function oneLine(text: string, max = 80): string {
  const first = text.trim().split('\n', 1)[0] ?? '';
  return first.length > max ? first.slice(0, max - 1) + '…' : first;
}

/** A step named by its command(s), else by its thought. */
export function stepName(step: AnalyzedStep): string {
  const n = `${step.index + 1}`;
  if (step.commands.length) {
    const more = step.commands.length > 1 ? ` (+${step.commands.length - 1})` : '';
    return `${n}. ${oneLine(step.commands[0].text)}${more}`;
  }
  const other = step.otherTools?.[0];
  if (other) return `${n}. ${other.name}${other.summary ? ': ' + oneLine(other.summary, 60) : ''}`;
  const thought = oneLine(step.thought, 60);
  return `${n}. ${thought || '(' + step.role + ')'}`;
}

export function stepCategories(step: AnalyzedStep): Category[] {
  const out = new Set<Category>();
  for (const c of step.commands) for (const k of c.categories) out.add(k);
  return [...out];
}

export function stepObstacles(step: AnalyzedStep): string[] {
  const out = new Set<string>();
  for (const c of step.commands) for (const o of c.obstacles) out.add(o);
  return [...out];
}

export function isCriticalStep(step: AnalyzedStep): boolean {
  return step.commands.some((c) => c.categories.some(isCritical));
}

/** `process-kill, port-discovery · obstacle:command-not-found` */
export function badges(cmds: AnalyzedCommand[] | AnalyzedStep): string {
  const step = Array.isArray(cmds) ? null : cmds;
  const list = step ? step.commands : (cmds as AnalyzedCommand[]);
  const cats = new Set<string>();
  const obs = new Set<string>();
  for (const c of list) {
    for (const k of c.categories) cats.add(k);
    for (const o of c.obstacles) obs.add(o);
  }
  const critical = [...cats].filter(isCritical);
  const context = [...cats].filter((c) => !isCritical(c));
  return [critical.map((c) => `⚠ ${c}`).join(', '), context.join(', '), [...obs].join(', ')].filter(Boolean).join(' · ');
}
