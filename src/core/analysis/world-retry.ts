// A liveness check written as a retry loop (`until curl -sf URL; do sleep 2; done`, `for i in
// $(seq 30); do curl URL && break; sleep 1; done`): its failed attempts are not its answer. The
// world model reads the check by its last attempt: what the output shows after the last failure.
import type { AnalyzedCommand } from '../model';

const RETRY_LOOP = /\b(?:until|while)\s[^;\n]*;\s*do\b|\bfor\s+\w+\s+in\b[^;\n]*;\s*do\b[\s\S]*\bbreak\b/;
/** A line of output that is a failed attempt (the client's error, not a body). */
const FAILED_ATTEMPT =
  /\bcurl: \(\d+\)|\bConnection refused\b|\bFailed to connect\b|\bCouldn't connect\b|\bconnection timed out\b|\bfailed: Connection\b|^\s*000\s*$|\bRemoteDisconnected\b|\bConnectionError\b|\bNo connection could be made\b/i;
/** What `echo`/`printf` on the line print: a loop's own message is no answer (`echo gave up`). */
const ECHOED = /\b(?:echo|printf)\s+(?:-\w+\s+)*(["']?)([^"'\n;&|]*)\1/g;

/** The check as its last attempt shows it, or the command itself when it is no retry loop or no attempt answered after a failure. */
export function lastAttempt(c: AnalyzedCommand): AnalyzedCommand {
  const out = c.output ?? '';
  if (!out || !RETRY_LOOP.test(c.text)) return c;
  const lines = out.split('\n');
  let last = -1;
  for (let i = 0; i < lines.length; i++) if (FAILED_ATTEMPT.test(lines[i])) last = i;
  if (last < 0) return c;
  const echoed = new Set([...c.text.matchAll(ECHOED)].map((m) => m[2].trim()).filter(Boolean));
  // The lines after the last failure, less the loop's own messages, are the last attempt's answer.
  const rest = lines.slice(last + 1).filter((l) => l.trim() && !echoed.has(l.trim()));
  if (!rest.length) return c;
  return { ...c, output: rest.join('\n'), obstacles: [] };
}
