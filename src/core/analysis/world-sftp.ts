// sftp's batch commands, fed by `-b FILE` (a file the run wrote), a heredoc or a pipe: `put -r
// /opt/x /data` sends a directory to the host as `scp -r /opt/x host:/data` would, `get` brings one
// back, `cd` and `lcd` move the remote and local directories. Only text the run showed is read.
import type { SimpleCommand } from '../shell/types';
import type { Place } from '../world-types';
import { operandsOf } from './argv-operands';
import type { CopyMove } from './world-copies';
import { writtenFile } from './world-launch';
import { canonical, resolve } from './world-paths';

/** sftp's options that take a value (the batch file's `-b` is read apart). */
const SFTP_VALUED = new Set(['-B', '-c', '-D', '-F', '-i', '-J', '-l', '-o', '-P', '-R', '-S', '-s']);

/** The text `printf FORMAT` or `echo -e` prints, for a batch or file written with them (`\n` a line break). */
export function printed(name: string, args: string[]): string {
  if (name === 'printf') {
    // `printf FORMAT ARGS...`: the format again for each group of arguments (`%s\n` once per word).
    const [format = '', ...values] = args;
    const slots = (format.match(/%[sdb]/g) ?? []).length;
    let out = '';
    let k = 0;
    do {
      out += format.replace(/%[sdb]/g, () => values[k++] ?? '');
    } while (slots > 0 && k < values.length);
    return unescape(out);
  }
  const flags = /^-[neE]+$/.test(args[0] ?? '') ? args[0] : '';
  const text = (flags ? args.slice(1) : args).join(' ');
  return /^-[nE]*e/.test(flags) ? unescape(text) : text;
}

const unescape = (text: string) => text.replace(/\\n/g, '\n').replace(/\\t/g, '\t');

/**
 * The moves of an sftp session whose commands the run shows: `piped` is what an echo or printf
 * before it in a pipe printed. Null when the session's commands are not shown (interactive).
 */
export function sftpMoves(sc: SimpleCommand, files: Map<string, string>, piped: string | null, cwd: string | null, host: string | null): CopyMove[] | null {
  const argv = sc.words.slice(1).map((w) => w.value);
  const b = argv.indexOf('-b');
  const file = b >= 0 ? argv[b + 1] : undefined;
  const batch = sc.heredoc ?? (file === '-' || (file === undefined && sc.piped) ? piped : file ? (writtenFile(files, host, file, cwd) ?? null) : null);
  if (batch === null) return null;
  const target = operandsOf(
    argv.filter((_, i) => b < 0 || (i !== b && i !== b + 1)),
    SFTP_VALUED,
  ).pop();
  if (!target) return null;
  const m = /^(?:[\w.+-]+@)?(\[[^\]]+\]|[\w.-]+)(?::(.*))?$/.exec(target);
  if (!m) return null;
  const remote = m[1];
  let rdir = canonical(m[2] || '~');
  let ldir = cwd;
  const out: CopyMove[] = [];
  const there = (p: string): Place => ({ host: remote, path: resolve(p, rdir) });
  const here = (p: string): Place => ({ host, path: resolve(p, ldir) });
  for (const raw of batch.split('\n')) {
    const words = raw.trim().replace(/^[-@]/, '').split(/\s+/).filter(Boolean);
    const [verb, ...rest] = words;
    const ops = rest.filter((w) => !w.startsWith('-'));
    if (!verb || !ops.length) continue;
    if (verb === 'cd') rdir = resolve(ops[0], rdir);
    else if (verb === 'lcd') ldir = resolve(ops[0], ldir);
    else if (verb === 'put' || verb === 'mput' || verb === 'reput')
      out.push({ sources: [here(ops[0])], dest: ops[1] ? there(ops[1]) : { host: remote, path: rdir }, kind: 'transfer' });
    else if (verb === 'get' || verb === 'mget' || verb === 'reget')
      out.push({ sources: [there(ops[0])], dest: ops[1] ? here(ops[1]) : { host, path: ldir ?? '.' }, kind: 'transfer' });
  }
  return out;
}
