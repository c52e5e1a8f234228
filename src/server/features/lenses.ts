// Code lenses above each step: its badges, "Show in timeline", "Annotate".
import type { CodeLens } from 'vscode-languageserver/node';
import { ANNOTATE_STEP_COMMAND, OPEN_TIMELINE_COMMAND, type StepCommandArgs } from '../../protocol/lsp';
import type { ServedDocument } from '../document';
import { badges } from './naming';

export function codeLenses(d: ServedDocument): CodeLens[] {
  const out: CodeLens[] = [];
  d.runs.forEach((t, run) =>
    t.steps.forEach((s, step) => {
      if (!s.commands.length && !s.source) return;
      const line = d.stepRange({ run, step }).start.line;
      const range = { start: { line, character: 0 }, end: { line, character: 0 } };
      const args: StepCommandArgs = { uri: d.uri, runId: t.id, step: s.index, stepId: s.id };
      const b = badges(s);
      // A lens with an empty command id is a label: VS Code shows it and does nothing on click.
      out.push({ range, command: { title: `Step ${s.index + 1}${b ? ': ' + b : ''}`, command: '' } });
      out.push({ range, command: { title: 'Show in timeline', command: OPEN_TIMELINE_COMMAND, arguments: [args] } });
      out.push({ range, command: { title: 'Annotate', command: ANNOTATE_STEP_COMMAND, arguments: [args] } });
    }),
  );
  return out;
}
