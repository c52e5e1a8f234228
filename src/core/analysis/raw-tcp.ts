// Data fed into nc, ncat or socat bound for another host (`tar cf - w | nc h 9000`, `nc h 9000 <
// w.tar`, `socat - TCP:h:9000`): a transfer over a raw TCP connection. A scan (`-z`), a listener
// (`-l`), a request typed in (`echo ruok | nc zk 2181`) or a proxy sends no data away; a loopback
// address keeps it on this machine.
import { operandsOf } from './argv-operands';
import type { CommandView } from './view';

/** The programs that open a raw TCP connection. */
export const RAW_TCP_CLIENT = /^(?:nc|ncat|netcat|socat)$/;

/** A loopback or any-address host (rules.ts reads local services by it too). */
export const LOOPBACK = /^(localhost|127(\.\d+){3}|0\.0\.0\.0|\[?::1\]?|\[::\])$/i;
/** nc's options that take a value (`-w 3`, `-q 5`, `-p 4000`, `-s addr`). */
const NC_VALUED = new Set(['-w', '-q', '-p', '-s', '-i', '-x', '-X', '-T', '-O', '-I', '-V', '-W', '-e', '-c']);

/** Programs whose output piped into nc is data (an archive, a file, a stream of a disk or an image), not a request typed by hand. */
const PRODUCER = /^(?:tar|bsdtar|cat|dd|pv|gzip|pigz|zstd|xz|bzip2|lz4|zip|cpio|split|base64|openssl|gpg|mbuffer|zfs|btrfs|docker|podman|rsync)$/;
/** socat's addresses that read a file or this command's input. */
const SOCAT_SOURCE = /^(?:-|stdin|stdio|open:|file:|gopen:)/i;

/** Where the data fed to this nc or socat goes, else null: a file redirected in, or a producer piped in. */
export function rawTcpSink(v: CommandView): { host: string; port: string } | null {
  const fromFile = v.cmd.redirects.some((r) => r.op === '<');
  const fromProducer = v.cmd.piped && PRODUCER.test(v.cmd.pipedFrom ?? '');
  if (v.name === 'socat') {
    const ops = v.args.filter((a) => !/^-[a-zA-Z]/.test(a));
    if (ops.length !== 2 || ops.some((a) => /-LISTEN:/i.test(a))) return null;
    const to = ops.map((a) => /^(?:tcp[46]?|openssl):([\w.-]+|\[[0-9a-f:]+\]):(\d{1,5})\b/i.exec(a)).find((m) => m);
    const from = ops.find((a) => SOCAT_SOURCE.test(a));
    const fed = from !== undefined && (/^(?:open|file|gopen):/i.test(from) || fromFile || fromProducer);
    return to && fed && !LOOPBACK.test(to[1]) ? { host: to[1], port: to[2] } : null;
  }
  if (!(fromFile || fromProducer) || v.short('z') || v.short('l')) return null;
  const ops = operandsOf(v.args, NC_VALUED);
  return ops.length >= 2 && /^\d{1,5}$/.test(ops[1]) && !LOOPBACK.test(ops[0]) ? { host: ops[0], port: ops[1] } : null;
}
