// Commands and calls moved from the text they were parsed in into an outer text: offsets
// mapped, and how the outer text ran them.
import type { PythonCall, Redirect, ShellWord, SimpleCommand, Via } from './types';
import { captured } from './context';

/** A command with its offsets mapped (into an outer text), and how the outer text ran it. */
export function movedCommand(c: SimpleCommand, map: (o: number) => number, background: boolean, via: Via, remoteHost: string | null): SimpleCommand {
  const moved = movedCopy(c, map, background, via, remoteHost);
  if (captured.has(c)) captured.add(moved);
  return moved;
}

function movedCopy(c: SimpleCommand, map: (o: number) => number, background: boolean, via: Via, remoteHost: string | null): SimpleCommand {
  return {
    name: c.name,
    words: c.words.map((w) => ({ value: w.value, start: map(w.start), end: map(w.end), dynamic: w.dynamic })),
    wrappers: c.wrappers,
    background,
    redirects: c.redirects.map((r) => ({ op: r.op, target: r.target, start: map(r.start), end: map(r.end) })),
    heredoc: c.heredoc,
    piped: c.piped,
    pipedFrom: c.pipedFrom,
    pipesTo: c.pipesTo.slice(), // a copy: linkPipeline adds to it, and `c` may be a cached parse
    via,
    remoteHost,
    chdir: c.chdir,
    start: map(c.start),
    end: map(c.end),
  };
}

export function movedCall(p: PythonCall, map: (o: number) => number): PythonCall {
  return { callee: p.callee, strings: p.strings, numbers: p.numbers, start: map(p.start), end: map(p.end) };
}

/** movedCopy on a command no one else holds; `seen`: words and redirects already moved (a compound's redirects are shared). */
export function movedInPlace(
  c: SimpleCommand,
  map: (o: number) => number,
  background: boolean,
  via: Via,
  remoteHost: string | null,
  seen: Set<ShellWord | Redirect>,
): SimpleCommand {
  for (const x of c.words) moveSpan(x, map, seen);
  for (const x of c.redirects) moveSpan(x, map, seen);
  c.background = background;
  c.via = via;
  c.remoteHost = remoteHost;
  c.start = map(c.start);
  c.end = map(c.end);
  return c;
}

function moveSpan(x: ShellWord | Redirect, map: (o: number) => number, seen: Set<ShellWord | Redirect>): void {
  if (seen.has(x)) return;
  seen.add(x);
  x.start = map(x.start);
  x.end = map(x.end);
}
