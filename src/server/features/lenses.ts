// Code lenses above each step: its badges, "Show in timeline", "Annotate". A 10,000-step log
// has 30,000 lenses, so they go out as bare ranges with a few numbers, and VS Code resolves
// only the ones on screen.
import type { CodeLens } from 'vscode-languageserver/node';
import { ANNOTATE_STEP_COMMAND, OPEN_TIMELINE_COMMAND, type StepCommandArgs } from '../../protocol/lsp';
import type { ServedDocument } from '../document';
import { badges } from './naming';

const BADGES = 0;
const TIMELINE = 1;
const ANNOTATE = 2;

/** What a lens carries until it is resolved: [document key, run, step, kind, version]. */
export type LensData = [number, number, number, number, number];

export function codeLenses(d: ServedDocument, docKey: number): CodeLens[] {
  const out: CodeLens[] = [];
  const version = d.version ?? -1;
  d.runs.forEach((t, run) =>
    t.steps.forEach((s, step) => {
      if (!s.commands.length && !s.source) return;
      const line = d.stepRange({ run, step }).start.line;
      const range = { start: { line, character: 0 }, end: { line, character: 0 } };
      for (const kind of [BADGES, TIMELINE, ANNOTATE]) out.push({ range, data: [docKey, run, step, kind, version] satisfies LensData });
    }),
  );
  return out;
}

/** Fills in a lens's command (null when its document changed since). */
export function resolveLens(d: ServedDocument, lens: CodeLens): CodeLens | null {
  const [, run, step, kind, version] = lens.data as LensData;
  if ((d.version ?? -1) !== version) return null;
  const t = d.runs[run];
  const s = t?.steps[step];
  if (!s) return null;
  const args: StepCommandArgs = { uri: d.uri, runId: t.id, step: s.index, stepId: s.id };
  if (kind === BADGES) {
    const b = badges(s);
    // A lens with an empty command id is a label: VS Code shows it and does nothing on click.
    return { ...lens, command: { title: `Step ${s.index + 1}${b ? ': ' + b : ''}`, command: '' } };
  }
  if (kind === TIMELINE) return { ...lens, command: { title: 'Show in timeline', command: OPEN_TIMELINE_COMMAND, arguments: [args] } };
  return { ...lens, command: { title: 'Annotate', command: ANNOTATE_STEP_COMMAND, arguments: [args] } };
}
