// Emitting the lines simple.ts split without the grammar: pipes, lists, redirects and
// substitutions of the simple shape, and heredoc lines with what follows their closing line.
import type { ShellParse, SimpleCommand } from './types';
import { splitSimple, type SimpleStatement, type SimpleHeredoc, type SimpleSubshellPipe, type Substitution } from './simple';
import { MAX_GRAMMAR_LENGTH } from './limits';
import { captured, ctxTop, ctxWith, type Ctx } from './context';
import { movedCall, movedCommand } from './moved';
import { linkPipeline } from './pipes';
import { emit } from './emit';

/** Emits what the walk below would for a line of the simple shape (pipes, lists, redirects). */
export function emitSimple(statements: SimpleStatement[], top: Ctx, out: ShellParse): void {
  for (const st of statements) {
    const ctx = st.background ? ctxWith(top, true, top.via, top.depth) : top;
    for (const pipeline of st.pipelines) {
      const groups: SimpleCommand[][] = [];
      for (const c of pipeline) {
        const before = out.commands.length;
        // What a `$(...)` runs comes first, as the walk of the grammar's tree records it.
        for (const sub of c.subs) emitSubstitution(sub, top, out);
        if (c.words.length) emit(out, c.words, c.redirects, null, ctx, c.start, c.end);
        groups.push(out.commands.slice(before));
      }
      if (groups.length > 1) linkPipeline(groups, out);
    }
  }
}

/**
 * A subshell piped into commands (simple.ts splitSubshellPipe), as the walk reads the grammar's
 * pipeline whose first stage is the subshell: its statements (their own pipes linked), then each
 * later stage, then the pipe linking them, everything the subshell runs feeding it.
 */
export function emitSubshellPipe(p: SimpleSubshellPipe, top: Ctx, out: ShellParse): void {
  const groups: SimpleCommand[][] = [];
  let before = out.commands.length;
  emitPiece(p.inner, p.innerCode, p.innerStart, false, top, out);
  groups.push(out.commands.slice(before));
  for (const stage of p.rest) {
    before = out.commands.length;
    emitPiece([{ background: false, pipelines: [[stage]] }], p.restCode, p.restStart, false, top, out);
    groups.push(out.commands.slice(before));
  }
  linkPipeline(groups, out);
}

/** The commands of a `$(...)` word: not in the background, reached through a substitution. */
function emitSubstitution(sub: Substitution, top: Ctx, out: ShellParse): void {
  emitPiece(sub.statements, sub.code, sub.offset, true, top, out);
}

/**
 * Statements of a piece of the line (`code`, at `offset` in it) added to `out` with their
 * offsets in the line; `substitution`: the piece is a `$(...)`'s code, whose output is taken.
 */
function emitPiece(statements: SimpleStatement[], code: string, offset: number, substitution: boolean, top: Ctx, out: ShellParse): void {
  const piece: ShellParse = { commands: [], python: [], error: null };
  emitSimple(statements, ctxTop(code, top.depth, top.budget), piece);
  const shift = (o: number) => o + offset;
  for (const c of piece.commands) {
    const moved = movedCommand(c, shift, c.background, substitution && c.via === 'top' ? 'substitution' : c.via, c.remoteHost);
    if (substitution) captured.add(moved);
    out.commands.push(moved);
  }
  for (const p of piece.python) out.python.push(movedCall(p, shift));
  if (piece.error && !out.error) out.error = piece.error;
}

/**
 * A heredoc line of the simple shape (simple.ts), then what follows its closing line, parsed
 * as the program it is. False (and `out` untouched) when what follows does not parse: the
 * grammar then reads the whole text, as it would have.
 */
export function emitHeredoc(h: SimpleHeredoc, top: Ctx, out: ShellParse): boolean {
  const text = top.text;
  // Only lines the fast paths read alone: the grammar reads a heredoc followed by anything
  // else in ways of its own.
  const rest = h.rest >= 0 ? text.slice(h.rest) : '';
  const after = h.rest >= 0 && rest.length <= MAX_GRAMMAR_LENGTH ? splitSimple(rest) : null;
  if (h.rest >= 0 && !after) return false;
  emit(out, h.cmd.words, h.cmd.redirects, h.body, top, h.cmd.start, h.cmd.end);
  if (after) emitPiece(after, rest, h.rest, false, top, out);
  return true;
}
