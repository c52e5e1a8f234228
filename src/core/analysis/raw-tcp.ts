// Data fed into nc, ncat or socat bound for another host (`tar cf - w | nc h 9000`, `nc h 9000 <
// w.tar`, `socat - TCP:h:9000`): a transfer over a raw TCP connection. A scan (`-z`) or a listener
// (`-l`) sends nothing away; a loopback address keeps it on this machine.
import { operandsOf } from './argv-operands';
import type { CommandView } from './view';

/** A loopback or any-address host (rules.ts reads local services by it too). */
export const LOOPBACK = /^(localhost|127(\.\d+){3}|0\.0\.0\.0|\[?::1\]?|\[::\])$/i;
/** nc's options that take a value (`-w 3`, `-q 5`, `-p 4000`, `-s addr`). */
const NC_VALUED = new Set(['-w', '-q', '-p', '-s', '-i', '-x', '-X', '-T', '-O', '-I', '-V', '-W', '-e', '-c']);

/** Where the data fed to this nc or socat goes, else null. */
export function rawTcpSink(v: CommandView): { host: string; port: string } | null {
  const fed = v.cmd.piped || v.cmd.heredoc !== null || v.cmd.redirects.some((r) => r.op === '<' || r.op === '<<<');
  if (v.name === 'socat') {
    const to = v.args.map((a) => /^(?:tcp[46]?|openssl):([\w.-]+|\[[0-9a-f:]+\]):(\d{1,5})\b/i.exec(a)).find((m) => m);
    return to && (fed || v.args.some((a) => /^(?:-|stdin|open:|file:)/i.test(a))) && !LOOPBACK.test(to[1]) ? { host: to[1], port: to[2] } : null;
  }
  if (!fed || v.short('z') || v.short('l')) return null;
  const ops = operandsOf(v.args, NC_VALUED);
  return ops.length >= 2 && /^\d{1,5}$/.test(ops[1]) && !LOOPBACK.test(ops[0]) ? { host: ops[0], port: ops[1] } : null;
}
