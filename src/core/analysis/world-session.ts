// An interactive login (`ssh gpu-9` with no command, in a terminal): the commands typed after it
// run on that host, in its home directory, until `exit` or `logout` brings the session back. A
// terminal recording shows this as the prompt changing; the world model follows the session.
import type { AnalyzedCommand } from '../model';
import { sharedParse } from './shared-parse';
import { sshLoginHost } from '../shell/wrappers';
import type { Walk } from './world-walk';

/** `ssh` and a few plain words, no quotes or shell syntax: a line that may be a login (parsed only then). */
const SSH_LINE = /^\s*ssh(?:\s+[\w.@:~/[\]=,+-]+){1,8}\s*$/;
const LEAVE_LINE = /^\s*(?:exit|logout)(?:\s+\d+)?\s*;?\s*$/;
/**
 * Outputs of an ssh that opened no shell here: refused or unknown hosts, failed keys, and the
 * warning of an ssh run without a terminal (a tool's subprocess), which logs in and leaves at once.
 */
const NO_LOGIN =
  /Pseudo-terminal will not be allocated|stdin is not a terminal|Permission denied|Could not resolve hostname|Connection (?:refused|timed out|closed by)|No route to host|Host key verification failed|Operation timed out|Name or service not known|kex_exchange_identification/i;

/** The host the session's commands run on now (null: the machine the run started on). */
export const sessionHost = (w: Walk): string | null => (w.logins.length ? w.logins[w.logins.length - 1].host : null);

/** Moves the session on an interactive login or its end; true when the command was one of them. */
export function sessionMove(w: Walk, step: number, c: AnalyzedCommand): boolean {
  if (LEAVE_LINE.test(c.text)) {
    const left = w.logins.pop();
    if (!left) return false;
    w.session = left.cwd;
    w.world.cwd.push({ step, session: sessionHost(w) ?? 'main', cwd: left.cwd ?? '~' });
    return true;
  }
  if (!SSH_LINE.test(c.text) || (c.exitCode !== null && c.exitCode !== 0)) return false;
  let host: string | null = null;
  try {
    const parsed = sharedParse(c.text).commands;
    if (parsed.length === 1 && parsed[0].via === 'top' && !parsed[0].background && parsed[0].heredoc === null && !parsed[0].redirects.some((r) => r.op.startsWith('<')))
      host = sshLoginHost(parsed[0].words);
  } catch {
    return false;
  }
  if (!host || NO_LOGIN.test(c.output.slice(0, 4_000))) return false;
  w.logins.push({ host, cwd: w.session });
  w.session = '~';
  w.world.cwd.push({ step, session: host, cwd: '~' });
  return true;
}
