// Copies and transfers as places: what a cp, rsync, scp, tar, aws s3, gsutil, rclone,
// huggingface-cli, curl upload or shutil call took from where to where (the cloud
// providers' CLIs in world-cloud-copies.ts).
import { RAW_TCP_CLIENT, rawTcpSink } from './raw-tcp';
import { CommandView } from './view';
import type { SimpleCommand } from '../shell/types';
import type { Place } from '../world-types';
import { bucket, canonical, isAbsolute, remoteSpec, resolve } from './world-paths';
import { cloudMoves } from './world-cloud-copies';
import { commitMove, unitCopy } from './world-units';
import { AWS_VALUED, operandsOf } from './argv-operands';

export interface CopyMove {
  sources: Place[];
  dest: Place;
  kind: 'copy' | 'transfer';
  /** The sources are inside a container or pod (`kubectl cp pod:/w ./w`): paths the run gives for the agent may be theirs. */
  fromContainer?: boolean;
}

/** Options that take a value, per program (their value is not a path operand). */
const VALUED: Record<string, ReadonlySet<string>> = {
  scp: new Set(['-P', '-i', '-o', '-F', '-c', '-l', '-J', '-S']),
  rsync: new Set(['-e', '--rsh', '--exclude', '--include', '--filter', '-f', '--port']),
  cp: new Set(['-t', '--target-directory', '-S', '--suffix']),
  tar: new Set(['-f', '-C', '--directory', '--exclude', '-T', '-X']),
  rclone: new Set(['--config', '--transfers', '--checkers', '--bwlimit', '--log-file', '--log-level', '--include', '--exclude', '--filter', '--max-age', '--min-age']),
  aws: AWS_VALUED,
  gsutil: new Set([]),
  huggingface: new Set(['--repo-type', '--revision', '--token', '--commit-message', '--include', '--exclude']),
};

const KUBECTL_VALUED = new Set(['-n', '--namespace', '-c', '--container', '--context', '--kubeconfig', '--retries']);

const local = (p: string, cwd: string | null, host: string | null): Place => ({ host, path: resolve(p, cwd) });

/** The moves one simple command makes; `host` is where it runs (ssh), `cwd` its directory there. */
export function copyMoves(sc: SimpleCommand, cwd: string | null, host: string | null): CopyMove[] {
  let words = sc.words.slice(1).map((w) => w.value);
  const name = sc.name;
  const place = (a: string): Place => remoteSpec(a) ?? (/^\w+:\/\//.test(a) ? bucket(a) : local(a, cwd, host));
  const isRemote = (p: Place) => p.host !== host;
  const cloud = cloudMoves(name, words, cwd, host);
  if (cloud) return cloud;
  // A whole container, VM or machine cloned, or a container committed to an image (world-units.ts).
  const unit = unitCopy(name, words) ?? commitMove(name, words, host);
  if (unit) return [unit];
  if (name === 'cp' || name === 'ditto' || name === 'rsync' || name === 'scp' || name === 'install' || name === 'ln' || name === 'sftp') {
    // scp's and rsync's relative remote path is in the login's home (`scp -r w box:w` lands in
    // `~/w`, where `ssh box 'cd w'` finds it); `host::module` is an rsync daemon's, left as written.
    const place = (a: string): Place => {
      const r = remoteSpec(a);
      return r ? (isAbsolute(r.path) || a.includes('::') ? r : { host: r.host, path: resolve(r.path, '~') }) : local(a, cwd, host);
    };
    const ops = operandsOf(words, VALUED[name] ?? new Set());
    const t = words.indexOf('-t');
    if (t >= 0 && words[t + 1]) return [{ sources: ops.map(place), dest: place(words[t + 1]), kind: 'copy' }];
    if (ops.length < 2) return [];
    const dest = place(ops[ops.length - 1]);
    const sources = ops.slice(0, -1).map(place);
    return [{ sources, dest, kind: isRemote(dest) || sources.some(isRemote) ? 'transfer' : 'copy' }];
  }
  const lower = name.toLowerCase();
  if (lower === 'copy-item' || lower === 'cpi' || lower === 'robocopy' || lower === 'xcopy' || lower === 'copy') {
    // PowerShell (-Path X -Destination Y, or X Y) and cmd (robocopy X Y, xcopy X Y /E): switches skipped.
    const named = (p: string) => {
      const i = words.findIndex((w) => w.toLowerCase() === p);
      return i >= 0 ? words[i + 1] : undefined;
    };
    const positional: string[] = [];
    // cmd's `xcopy D:\a D:\b\ /E`: a trailing backslash read as escaping the space before a switch.
    words = words.flatMap((w) => w.split(/(?<=[\\/]) +(?=\/\w)/));
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (/^-(path|literalpath|destination|filter|include|exclude|credential)$/i.test(w)) i++;
      else if (!/^[-/]\w/.test(w) || /^\/\w+\//.test(w)) positional.push(w);
    }
    const src = named('-path') ?? named('-literalpath') ?? positional.shift();
    const dst = named('-destination') ?? positional.shift();
    if (!src || !dst) return [];
    const sources = src.split(',').map((x) => place(x.trim()));
    const dest = place(dst);
    return [{ sources, dest, kind: isRemote(dest) || sources.some(isRemote) || /^\\\\/.test(dst) ? 'transfer' : 'copy' }];
  }
  if (lower === 'compress-archive' || lower === 'expand-archive') {
    // `Compress-Archive -Path C:\a\* -DestinationPath E:\a.zip`, `Expand-Archive [-Path] E:\a.zip [-DestinationPath] E:\b`.
    const named = (...keys: string[]) => {
      const i = words.findIndex((w) => keys.includes(w.toLowerCase()));
      return i >= 0 ? words[i + 1] : undefined;
    };
    const positional = words.filter((w, i) => !w.startsWith('-') && !/^-/.test(words[i - 1] ?? '') && !/^-(force|update|passthru)$/i.test(words[i - 1] ?? ''));
    const src = named('-path', '-literalpath') ?? positional.shift();
    const dst = named('-destinationpath', '-destination') ?? positional.shift();
    if (!src || !dst) return [];
    return [{ sources: src.split(',').map((x) => place(x.trim().replace(/[\\/]\*$/, ''))), dest: place(dst), kind: 'copy' }];
  }
  if (name === 'zip' || name === 'unzip') {
    // `zip -r out.zip a b` (the archive first), `unzip in.zip [-d dir]` (into the directory, else here).
    const ops = operandsOf(words, new Set(['-d', '-x', '-i', '-P', '-b', '-n']));
    if (name === 'zip' && ops.length >= 2) return [{ sources: ops.slice(1).map((o) => local(o, cwd, host)), dest: local(ops[0], cwd, host), kind: 'copy' }];
    const d = words.indexOf('-d');
    if (name === 'unzip' && ops.length)
      return [{ sources: [local(ops[0], cwd, host)], dest: { host, path: d >= 0 && words[d + 1] ? resolve(words[d + 1], cwd) : (cwd ?? '.') }, kind: 'copy' }];
    return [];
  }
  if (name === 'tar') {
    const first = words[0] ?? '';
    // `tar -C /models -cf x.tar w`: `-C` takes a directory, the mode is in the other clusters.
    const mode = /^-?[A-Za-z]+$/.test(first) && first !== '-C' ? first : words.filter((w) => /^-[A-Za-z]+$/.test(w) && w !== '-C').join('');
    const fi = words.findIndex((w) => w === '-f' || /^-?[A-Za-z]*f$/.test(w));
    const archive = fi >= 0 ? words[fi + 1] : undefined;
    const ci = words.findIndex((w) => w === '-C' || w === '--directory');
    const dir = ci >= 0 ? resolve(words[ci + 1] ?? '.', cwd) : cwd;
    const ops = operandsOf(words.slice(/^[A-Za-z]+$/.test(first) ? 1 : 0), VALUED.tar).filter((w) => w !== archive);
    // `-f -` is a stream, not a place: tarStream pairs it across the pipe.
    if (archive === '-') return [];
    if (/c/.test(mode) && archive) return [{ sources: (ops.length ? ops : ['.']).map((o) => local(o, dir, host)), dest: local(archive, cwd, host), kind: 'copy' }];
    if (/x/.test(mode) && archive) return [{ sources: [local(archive, cwd, host)], dest: { host, path: dir ?? '.' }, kind: 'copy' }];
    return [];
  }
  if (name === 'aws' || name === 'gsutil' || name === 'rclone') {
    const all = operandsOf(words, VALUED[name] ?? new Set());
    // Only its copying sub-commands copy (`rclone ls remote:x` beside a copy on the line lists).
    const verb = all[name === 'aws' ? 1 : 0] ?? '';
    if (!/^(cp|sync|mv|copy|copyto|move|moveto|rsync)$/.test(verb)) return [];
    const ops = all.filter((w) => !/^(s3|cp|sync|mv|copy|copyto|move|moveto|rsync)$/.test(w));
    if (ops.length < 2) return [];
    return [{ sources: ops.slice(0, -1).map(place), dest: place(ops[ops.length - 1]), kind: 'transfer' }];
  }
  if (name === 'huggingface-cli' || name === 'hf') {
    const ops = operandsOf(words, VALUED.huggingface);
    if (ops[0] !== 'upload' || ops.length < 3) return [];
    return [{ sources: [local(ops[2], cwd, host)], dest: { host: 'hf://huggingface.co', path: `/${ops[1]}` }, kind: 'transfer' }];
  }
  if (RAW_TCP_CLIENT.test(name)) {
    // `nc h 9000 < w.tar`: the file fed in goes to that host.
    const tcp = rawTcpSink(new CommandView(sc));
    const fed = sc.redirects.find((r) => r.op === '<')?.target;
    return tcp && fed ? [{ sources: [local(fed, cwd, host)], dest: { host: tcp.host, path: `/tcp:${tcp.port}` }, kind: 'transfer' }] : [];
  }
  if (name === 'curl') {
    const sources: Place[] = [];
    for (let i = 0; i < words.length; i++) {
      if ((words[i] === '-T' || words[i] === '--upload-file') && words[i + 1]) sources.push(local(words[i + 1], cwd, host));
      const f = (words[i] === '-F' || words[i] === '--form') && words[i + 1] ? /=@([^;]+)/.exec(words[i + 1]) : null;
      if (f) sources.push(local(f[1], cwd, host));
    }
    const url = words.find((w) => /^(?:https?|ftps?|sftp|scp|tftp):\/\//.test(w));
    if (!sources.length || !url) return [];
    return [{ sources, dest: bucket(url), kind: 'transfer' }];
  }
  if ((name === 'kubectl' || name === 'oc') && words.includes('cp')) {
    // `kubectl -n ns cp [ns/]pod:/path ./here [-c ctr]`: the pod is the source's (or destination's) host.
    const ops = operandsOf(words, KUBECTL_VALUED).filter((w) => w !== 'cp');
    if (ops.length !== 2) return [];
    const side = (a: string): Place => {
      const m = /^(?:[\w.-]+\/)?([\w.-]+):(\/.*)$/.exec(a);
      return m ? { host: m[1], path: canonical(m[2]) } : local(a, cwd, host);
    };
    const [src, dst] = ops.map(side);
    return [{ sources: [src], dest: dst, kind: 'transfer', fromContainer: src.host !== host }];
  }
  if (name === 'docker' && (words[0] === 'save' || words[0] === 'load')) {
    // `docker save -o f.tar img`, `docker load -i f.tar`: an image kept as a file, and back.
    const file = words.find((w, i) => i > 0 && /^(-o|--output|-i|--input)$/.test(words[i - 1]));
    const images = operandsOf(words.slice(1), new Set(['-o', '--output', '-i', '--input']));
    if (words[0] === 'save' && file && images.length) return [{ sources: images.map((x) => ({ host, path: `image:${x}` })), dest: place(file), kind: 'copy' }];
    if (words[0] === 'load' && file) return [{ sources: [place(file)], dest: { host, path: 'image:' }, kind: 'copy' }];
    return [];
  }
  if (name === 'docker' && (words[0] === 'cp' || words[0] === 'push')) {
    const ops = operandsOf(words.slice(1), new Set());
    if (words[0] === 'push' && ops[0]) return [{ sources: [{ host, path: `image:${ops[0]}` }], dest: { host: 'registry', path: ops[0] }, kind: 'transfer' }];
    if (ops.length === 2) return [{ sources: [place(ops[0])], dest: place(ops[1]), kind: 'copy' }];
  }
  return [];
}

/**
 * `tar -C /opt -cf - quill | ssh h 'tar -C ~/q -xf -'`: a tar that writes its archive to stdout
 * (its sources) or extracts one from stdin (where to). Paired across a pipe, they are one copy.
 */
export function tarStream(sc: SimpleCommand, cwd: string | null, host: string | null): { sources: Place[] } | { dest: Place } | null {
  if (sc.name === 'docker') return imageStream(sc, host);
  if (sc.name !== 'tar') return sc.piped || sc.via === 'ssh' ? streamSink(sc, cwd, host) : null;
  const words = sc.words.slice(1).map((w) => w.value);
  const first = words[0] ?? '';
  // The mode letters: a bare first word (`tar cf - x`) or the short-option clusters (`-C` is a directory).
  const mode = /^[A-Za-z]+$/.test(first) ? first : words.filter((w) => /^-[A-Za-z]+$/.test(w) && w !== '-C').join('');
  const fi = words.findIndex((w) => w === '-f' || /^-?[A-Za-z]*f$/.test(w));
  const archive = fi >= 0 ? words[fi + 1] : undefined;
  if (archive !== undefined && archive !== '-') return null;
  const ci = words.findIndex((w) => w === '-C' || w === '--directory');
  const dir = ci >= 0 ? resolve(words[ci + 1] ?? '.', cwd) : cwd;
  if (/c/.test(mode) && sc.pipesTo.length) {
    const ops = operandsOf(words.slice(/^[A-Za-z]+$/.test(first) ? 1 : 0), VALUED.tar).filter((w) => w !== archive);
    return { sources: (ops.length ? ops : ['.']).map((o) => local(o, dir, host)) };
  }
  if (/x/.test(mode) && (sc.piped || sc.via === 'ssh')) return { dest: { host, path: dir ?? '.' } };
  return null;
}

/** `docker save img | ssh h docker load`: an image streamed to where it is loaded (or kept, `| gzip > f`). */
function imageStream(sc: SimpleCommand, host: string | null): { sources: Place[] } | { dest: Place } | null {
  const words = sc.words.slice(1).map((w) => w.value);
  if (words[0] === 'save' && sc.pipesTo.length && !words.some((w) => w === '-o' || w === '--output')) {
    const images = operandsOf(words.slice(1), new Set());
    return images.length ? { sources: images.map((x) => ({ host, path: `image:${x}` })) } : null;
  }
  if (words[0] === 'load' && (sc.piped || sc.via === 'ssh') && !words.some((w) => w === '-i' || w === '--input')) return { dest: { host, path: 'image:' } };
  return null;
}

/**
 * `... | ssh h 'cat > /vault/x.tar'`, `| dd of=x.tar`, `| tee x.tar`: the archive kept whole as a
 * file where the stream ends (pass-through programs such as pv or gzip lie between).
 */
function streamSink(sc: SimpleCommand, cwd: string | null, host: string | null): { dest: Place } | null {
  const words = sc.words.slice(1).map((w) => w.value);
  // `| nc h 9000`, `| socat - TCP:h:9000`: the stream leaves for that host.
  const tcp = RAW_TCP_CLIENT.test(sc.name) ? rawTcpSink(new CommandView(sc)) : null;
  if (tcp) return { dest: { host: tcp.host, path: `/tcp:${tcp.port}` } };
  let file: string | undefined;
  if (sc.name === 'cat' && !words.some((w) => !w.startsWith('-'))) file = sc.redirects.find((r) => r.op === '>' || r.op === '>>')?.target;
  else if (sc.name === 'dd') file = words.find((w) => w.startsWith('of='))?.slice(3);
  else if (sc.name === 'tee') file = words.find((w) => !w.startsWith('-'));
  return file && file !== '/dev/null' ? { dest: local(file, cwd, host) } : null;
}

/** `shutil.copytree('a', 'b')` in `python -c` code: the first two string arguments. */
export function pythonCopy(strings: string[], cwd: string | null, host: string | null): CopyMove | null {
  if (strings.length < 2) return null;
  return { sources: [local(strings[0], cwd, host)], dest: local(strings[1], cwd, host), kind: 'copy' };
}

/** `for f in a b c; do ...`: each loop variable of a line and the words it takes (globs as written). */
export function loopValues(text: string): Map<string, string[]> | null {
  if (!text.includes('for ')) return null;
  let out: Map<string, string[]> | null = null;
  for (const m of text.matchAll(/(?:^|[;&|(\s])for\s+([A-Za-z_]\w*)\s+in\s+([^;\n]{1,2000}?)\s*(?:;|\n)\s*do\b/g)) {
    const words = m[2]
      .split(/\s+/)
      .map((x) => x.replace(/^(["'])(.*)\1$/, '$2'))
      .filter(Boolean);
    if (words.length && words.length <= 64) (out ??= new Map()).set(m[1], words);
  }
  return out;
}

/**
 * A command that uses a loop variable in a word (`curl -T "$f" ...`, `curl -F "file=@$f" ...`):
 * one command per value it takes.
 */
export function perLoopValue(sc: SimpleCommand, vars: Map<string, string[]>): SimpleCommand[] {
  for (let i = 0; i < sc.words.length; i++) {
    const m = /\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/.exec(sc.words[i].value);
    const values = m ? vars.get(m[1] ?? m[2]) : undefined;
    if (!m || !values) continue;
    const [before, after] = [sc.words[i].value.slice(0, m.index), sc.words[i].value.slice(m.index + m[0].length)];
    return values.map((v) => ({ ...sc, words: sc.words.map((w, k) => (k === i ? { ...w, value: before + v + after, dynamic: false } : w)) }));
  }
  return [sc];
}
