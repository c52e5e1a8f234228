// Code a command hands on (`bash -c`, `eval`, `ssh h …`, `python -c`): parsed as a line of its
// own, within the line's budget, and moved into the outer line.
import type { Redirect, ShellParse, ShellWord } from './types';
import { tokenFallback } from './tokens';
import { parsePython } from './python';
import { CACHE_TEXT_LIMIT, MAX_CODE_DEPTH, OVER } from './limits';
import type { Ctx } from './context';
import { movedCall, movedCommand, movedInPlace } from './moved';
import { emitFlat } from './record';

export function pushPython(out: ShellParse, code: string, map: (o: number) => number, ctx: Ctx): void {
  const { calls, shell, error } = parsePython(code);
  if (error && !out.error) out.error = error;
  for (const call of calls) out.python.push(movedCall(call, map));
  for (const s of shell) {
    parseNested(
      s.code,
      { text: s.code, map: () => map(s.start), background: ctx.background, via: 'python', remoteHost: ctx.remoteHost, depth: ctx.depth + 1, budget: ctx.budget },
      out,
    );
  }
}

/**
 * Code handed on (`ctx` says how), parsed as a line of its own and added to `out` with its
 * offsets mapped. Past MAX_CODE_DEPTH, or once the line's budget of nested text is spent, the
 * code is read token by token instead, and the parse error says so.
 */
export function parseNested(code: string, ctx: Ctx, out: ShellParse): void {
  const over = ctx.depth > MAX_CODE_DEPTH ? OVER.codeDepth : code.length > ctx.budget.nestedText ? OVER.nestedText : null;
  if (over) {
    if (!out.error) out.error = over;
    tokenFallback(code, (words, start, end) => emitFlat(out, words, ctx, start, end));
    return;
  }
  ctx.budget.nestedText -= code.length;
  // Short code comes from the cache and is copied; long code is parsed afresh and its
  // commands moved in place, so each level of `ssh h ssh h …` does not copy all below it.
  const fresh = code.length > CACHE_TEXT_LIMIT;
  const inner = ctx.budget.parse(code, ctx.depth, ctx.budget, fresh);
  const seen = fresh ? new Set<ShellWord | Redirect>() : null;
  for (const c of inner.commands) {
    const background = c.background || ctx.background;
    const via = c.via === 'top' ? ctx.via : c.via;
    const remoteHost = c.remoteHost ?? ctx.remoteHost;
    out.commands.push(seen ? movedInPlace(c, ctx.map, background, via, remoteHost, seen) : movedCommand(c, ctx.map, background, via, remoteHost));
  }
  for (const p of inner.python) out.python.push(movedCall(p, ctx.map));
  if (inner.error && !out.error) out.error = `in ${ctx.via} code: ${inner.error}`;
}
