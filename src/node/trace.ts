// Timestamps of the product path (open action -> run list -> first rows), for the benchmark in
// the real VS Code: with RL_TRACE=<file>, the extension host and the language server append one
// line per event (epoch ms, process, event) to that file. Without it, nothing is written.
import { appendFileSync } from 'node:fs';

const file = process.env.RL_TRACE || null;

export const tracing = file !== null;

export function trace(who: string, event: string): void {
  if (!file) return;
  try {
    appendFileSync(file, `${Date.now()} ${who} ${event}\n`);
  } catch {
    /* a trace that cannot be written is not worth failing for */
  }
}
