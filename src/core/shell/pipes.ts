// What a pipeline and redirects add to commands already emitted, for the grammar walk and
// the fast paths alike.
import type { Redirect, ShellParse, SimpleCommand } from './types';
import { MAX_PIPE_TARGETS, MAX_REDIRECTS, OVER } from './limits';
import { captured } from './context';

/**
 * Every command of a pipeline stage after the first is piped, and knows what it feeds: the
 * programs of the later stages, the nearest MAX_PIPE_TARGETS of them.
 */
export function linkPipeline(groups: SimpleCommand[][], out: ShellParse): void {
  // What a `$(...)` in a stage runs comes first in its group, but its output is the word's:
  // it neither reads nor feeds the pipe (`ps aux | grep $(whoami)` pipes ps into grep).
  const heads = groups.map((g) => g.find((c) => !captured.has(c))?.name);
  /** The stages that run a program, in order; `next` is the first of them after the stage. */
  const running: number[] = [];
  heads.forEach((h, i) => h !== undefined && running.push(i));
  let next = 0;
  let cut = false;
  /** The program of the latest stage before this one that runs one. */
  let before: string | null = null;
  groups.forEach((g, gi) => {
    while (next < running.length && running[next] <= gi) next++;
    const end = Math.min(running.length, next + MAX_PIPE_TARGETS);
    if (end < running.length) cut = true;
    const later: string[] = [];
    for (let k = next; k < end; k++) later.push(heads[running[k]]!);
    for (const cmd of g) {
      if (captured.has(cmd)) continue;
      if (gi > 0) {
        cmd.piped = true;
        cmd.pipedFrom ??= before;
      }
      for (const name of later) cmd.pipesTo.push(name);
    }
    // What a stage feeds the next is its last program's output (`(ps | grep x) | wc`: grep's).
    for (let k = g.length - 1; k >= 0; k--) {
      if (captured.has(g[k])) continue;
      before = g[k].name;
      break;
    }
  });
  if (cut && !out.error) out.error = OVER.pipeTargets(groups.length);
}

/** Adds `more` to a command's redirects, up to MAX_REDIRECTS (a compound's apply to each). */
export function addRedirects(to: Redirect[], more: Redirect[], out: ShellParse): void {
  for (const r of more) {
    if (to.length >= MAX_REDIRECTS) {
      if (!out.error) out.error = OVER.redirects;
      return;
    }
    to.push(r);
  }
}
