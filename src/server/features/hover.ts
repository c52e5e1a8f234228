// Hovers: on a command, its categories, obstacles, the evidence and the rule behind each
// finding; on an entity, its thread through the run.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import { isCritical } from '../../core/model';
import type { ServedDocument } from '../document';
import { entityAt, threadText } from './entities';

/** Inline code that cannot break out of its backticks (transcripts are untrusted). */
export function code(s: string, max = 200): string {
  const t = (s.length > max ? s.slice(0, max - 1) + '…' : s).replace(/[\r\n]+/g, ' ');
  // A fence longer than any run of backticks inside (CommonMark code spans).
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks} ${t} ${ticks}`;
}

export function hover(d: ServedDocument, pos: Position): Hover | null {
  const parts: string[] = [];
  let range;
  const inCmd = d.commandAt(pos);
  if (inCmd) {
    const step = d.step(inCmd.ref);
    const cmd = step.commands[inCmd.command];
    range = d.placeRange(inCmd.place, 0, cmd.text.length) ?? undefined;
    const cats = cmd.categories.map((c) => (isCritical(c) ? `**${c}**` : c));
    const head = [
      `Step ${step.index + 1}, command ${inCmd.command + 1}`,
      cats.length ? cats.join(', ') : 'no category',
      ...(cmd.obstacles.length ? [cmd.obstacles.join(', ')] : []),
      ...(cmd.exitCode !== null ? [`exit ${cmd.exitCode}`] : []),
    ];
    parts.push(head.join(' · '));
    const lines = cmd.findings.map((f) => {
      const where = f.spanIn === 'command' ? cmd.text : cmd.output;
      const matched = where.slice(f.span[0], f.span[1]);
      return `- ${f.category}: ${code(f.evidence)} (rule ${code(f.rule)})${matched && matched !== f.evidence ? ' on ' + code(matched, 80) : ''}`;
    });
    if (lines.length) parts.push(lines.join('\n'));
    if (cmd.parseError) parts.push(`Did not parse as shell; token fallback used: ${code(cmd.parseError)}`);
  }
  const hit = entityAt(d, pos);
  // The entity comes from the transcript: inside a code span, like every other transcript text.
  if (hit) parts.push(`Thread: ${code(threadText(d, hit), 400)}`);
  if (!parts.length) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') }, range };
}
