// Hovers: on a command, its categories, obstacles, the evidence and the rule behind each
// finding; on an entity, its thread through the run.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import { isCritical } from '../../core/model';
import { worldAt, type AliveProcess, type PortAt } from '../../core/analysis/world-at';
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
  const world = worldSection(d, pos.line);
  if (world) parts.push(world);
  if (!parts.length) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') }, range };
}

/** Items listed per kind in the world section; the rest are counted. */
const WORLD_ITEMS = 10;

/**
 * "World at this step": what is alive, which ports are listening or busy, and the replicated
 * system, as the run's world model has it at the step under the cursor.
 */
function worldSection(d: ServedDocument, line: number): string | null {
  const ref = d.stepAtLine(line);
  if (!ref) return null;
  const run = d.runs[ref.run];
  const step = run.steps[ref.step];
  if (!run.world) return null;
  const at = worldAt(run.world, step.index);
  const lines = [`**World at step ${step.index + 1}**`];
  const more = (n: number) => (n > WORLD_ITEMS ? [`- and ${n - WORLD_ITEMS} more`] : []);
  lines.push(at.processes.length ? 'Processes alive:' : 'Processes alive: none known');
  for (const p of at.processes.slice(-WORLD_ITEMS)) lines.push(`- ${processText(p)}`);
  lines.push(...more(at.processes.length));
  const ports = at.ports.filter((p) => p.state !== 'free' && p.state !== 'refused');
  const free = at.ports.filter((p) => p.state === 'free' || p.state === 'refused');
  // Blank lines between blocks: a line right after a list item would join that item (Markdown).
  if (ports.length)
    lines.push(`\nPorts listening or busy: ${ports.slice(0, WORLD_ITEMS).map(portText).join(', ')}${ports.length > WORLD_ITEMS ? `, and ${ports.length - WORLD_ITEMS} more` : ''}`);
  if (free.length)
    lines.push(`\nPorts found free: ${free.slice(0, WORLD_ITEMS).map(portText).join(', ')}${free.length > WORLD_ITEMS ? `, and ${free.length - WORLD_ITEMS} more` : ''}`);
  const sys = at.system;
  if (sys) {
    const roots = sys.roots.map((r) => (r.host ? `${r.host}:${r.path}` : r.path));
    lines.push(
      `\nReplicated system: ${sys.kind === 'own' ? "the agent's own" : 'a stand-in stack'}${roots.length ? ` at ${code(roots.slice(0, 3).join(', '), 200)}` : ''}${sys.ports.length ? `, serving on port ${sys.ports.join(', ')}` : ''}${sys.signs.length ? ` (${code(sys.signs[0].says, 120)}, step ${sys.signs[0].step + 1})` : ''}`,
    );
  } else lines.push('\nReplicated system: not identified');
  return lines.join('\n');
}

function processText(p: AliveProcess): string {
  const bits = [code(p.program, 80)];
  if (p.host) bits.push(`on ${code(p.host, 60)}`);
  if (p.port !== null) bits.push(`port ${p.port}`);
  if (p.pid !== null) bits.push(`PID ${p.pid}`);
  bits.push(p.launchedAt !== null ? `launched by step ${p.launchedAt + 1}` : `found running at step ${(p.seenAt ?? 0) + 1}`);
  if (p.replica) bits.push(`replica, generation ${p.generation}`);
  else if (p.system) bits.push(p.role === 'model-server' ? "the system's model server" : 'the system');
  if (p.answeredAt !== null) bits.push(`answered at step ${p.answeredAt + 1}`);
  return bits.join(' · ');
}

function portText(p: PortAt): string {
  const where = p.host ? `${code(p.host, 60)}:${p.port}` : String(p.port);
  return `${where} ${p.state} (step ${p.step + 1})`;
}
