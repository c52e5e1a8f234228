// Recording a simple command into a parse (within the line's budget), and the flat reading
// of a command used past a bound, where looking into the code it hands on is not allowed.
import type { Redirect, ShellParse, ShellWord, SimpleCommand } from './types';
import { unwrap, baseName } from './wrappers';
import { MAX_OTHER_PROGRAMS, OVER } from './limits';
import type { Ctx } from './context';

/** Adds a command to the parse, or past MAX_COMMANDS keeps one of each other program aside. */
export function record(out: ShellParse, cmd: SimpleCommand, ctx: Ctx): void {
  const b = ctx.budget;
  if (b.commands > 0) {
    b.commands--;
    b.names.add(cmd.name);
    out.commands.push(cmd);
    return;
  }
  // Set here too, so that a nested parse that lost commands is not cached as whole.
  if (!out.error) out.error = OVER.commands;
  if (!b.names.has(cmd.name) && !b.others.has(cmd.name) && b.others.size < MAX_OTHER_PROGRAMS) b.others.set(cmd.name, cmd);
}

/** Words the flat reading below looks at to find where a program's handed-on code starts. */
const FLAT_WINDOW = 64;

/**
 * A command recorded through its wrappers without looking into code it hands on: what the
 * token fallback finds past a bound, where looking further in is what the bound forbids.
 */
export function emitFlat(out: ShellParse, argv: ShellWord[], ctx: Ctx, start: number, end: number): void {
  const map = ctx.map;
  const all = argv.map((w) => ({ value: w.value, start: map(w.start), end: map(w.end), dynamic: w.dynamic }));
  // `eval eval … kill 1`, `ssh h ssh h …`: code handed on as words is the rest of the words,
  // so each program is found by moving an index along them, looking at a few at a time. The
  // programs that hand the code on (ssh, eval) are recorded once each, the last program always.
  const handers = new Set<string>();
  let at = 0;
  while (at < all.length) {
    const head = all.slice(at, at + FLAT_WINDOW);
    const u = unwrap(head);
    const from = at + head.length - u.words.length;
    const code = u.code && u.code.kind !== 'bash-c' && u.code.words.length ? at + head.length - u.code.words.length : -1;
    const words = code > from ? all.slice(from, code) : u.words.length ? all.slice(from) : head;
    const name = u.words.length ? baseName(u.words[0].value) : (u.wrappers[u.wrappers.length - 1] ?? baseName(head[0].value));
    if (code <= from || !handers.has(name)) record(out, simple(name, words, u.wrappers, [], null, ctx, map(start), map(end)), ctx);
    if (code <= from) return;
    handers.add(name);
    at = code;
  }
}

export function simple(name: string, words: ShellWord[], wrappers: string[], redirects: Redirect[], heredoc: string | null, ctx: Ctx, start: number, end: number): SimpleCommand {
  return {
    name,
    words,
    wrappers,
    background: ctx.background,
    redirects,
    heredoc,
    piped: false,
    pipedFrom: null,
    pipesTo: [],
    via: ctx.via,
    remoteHost: ctx.remoteHost,
    chdir: null,
    start,
    end,
  };
}
