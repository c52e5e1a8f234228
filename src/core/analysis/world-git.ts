// git as a way to move a directory: `git push REMOTE` sends the repository a command runs in to
// that remote (a name `git remote add` gave, or a URL), `git clone SRC [DIR]` makes a copy of SRC
// in DIR. A remote on another host (`ssh://h/srv/x.git`, `user@h:x.git`) makes it a transfer.
import type { SimpleCommand } from '../shell/types';
import type { Place } from '../world-types';
import type { CopyMove } from './world-copies';
import { latestCopyHolding } from './world-lineage';
import { bucket, canonical, resolve } from './world-paths';
import type { Walk } from './world-walk';

/** git's options before the sub-command that take a value. */
const GIT_VALUED = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path']);
/** Options of clone and push that take a value (`--depth 1`, `-b main`, `-o x`). */
const SUB_VALUED = new Set([
  '-b',
  '--branch',
  '--depth',
  '-o',
  '--origin',
  '--reference',
  '-u',
  '--upload-pack',
  '--receive-pack',
  '--repo',
  '--push-option',
  '-j',
  '--jobs',
  '--filter',
  '--separate-git-dir',
  '--template',
  '--config',
]);

/** Where a git URL points: a place on a host, a service (https, git), or a path on `host`. */
function urlPlace(url: string, host: string | null, cwd: string | null): Place {
  const ssh = /^(?:ssh|git\+ssh):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?(\/.*)$/.exec(url);
  if (ssh) return { host: ssh[1], path: canonical(ssh[2].replace(/^\/~/, '~')) };
  if (/^(?:https?|git):\/\//.test(url)) return bucket(url);
  const file = /^file:\/\/(\/.*)$/.exec(url);
  if (file) return { host, path: canonical(file[1]) };
  const scp = /^(?:[\w.+-]+@)?([\w.-]+):(?!\/\/)(.+)$/.exec(url);
  if (scp && scp[1].length > 1) return { host: scp[1], path: resolve(scp[2], '~') };
  return { host, path: resolve(url, cwd) };
}

/** The sub-command's index, and the repository directory `-C` names (else `cwd`). */
function gitHead(argv: string[], cwd: string | null): { sub: number; dir: string | null } {
  let dir = cwd;
  let i = 1;
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    if (argv[i] === '-C') dir = resolve(argv[i + 1] ?? '.', dir);
    if (GIT_VALUED.has(argv[i])) i++;
  }
  return { sub: i, dir };
}

const remoteKey = (host: string | null, dir: string | null, name: string) => `${host ?? ''}\u0000${dir ?? ''}\u0000${name}`;

/** The copies a git command makes; `git remote add NAME URL` is remembered for later pushes. */
export function gitMoves(w: Walk, sc: SimpleCommand, cwd: string | null, host: string | null): CopyMove[] {
  const argv = sc.words.map((x) => x.value);
  const { sub, dir } = gitHead(argv, cwd);
  const verb = argv[sub];
  const ops: string[] = [];
  for (let i = sub + 1; i < argv.length; i++) {
    if (SUB_VALUED.has(argv[i])) i++;
    else if (!argv[i].startsWith('-')) ops.push(argv[i]);
  }
  if (verb === 'remote' && ops[0] === 'add' && ops.length >= 3) {
    w.gitRemotes.set(remoteKey(host, dir, ops[1]), ops[2]);
    return [];
  }
  if (verb === 'push' && ops.length) {
    const url = w.gitRemotes.get(remoteKey(host, dir, ops[0])) ?? (/[:/]/.test(ops[0]) ? ops[0] : null);
    if (!url || dir === null) return [];
    const dest = urlPlace(url, host, dir);
    return [{ sources: [{ host, path: dir }], dest, kind: dest.host !== host ? 'transfer' : 'copy' }];
  }
  if (verb === 'clone' && ops.length) {
    const source = urlPlace(ops[0], host, cwd);
    // A clone from a code host (GitHub, a Hugging Face repo) downloads software, unless the run pushed there first.
    if (source.host?.includes('://') && !latestCopyHolding(w, source)) return [];
    const name = ops[0]
      .replace(/\/+$/, '')
      .replace(/^.*[/:]/, '')
      .replace(/\.git$/, '');
    const dest = { host, path: resolve(ops[1] ?? name, cwd) };
    return [{ sources: [source], dest, kind: source.host !== host ? 'transfer' : 'copy' }];
  }
  return [];
}
