// git as a way to move a directory: `git push REMOTE` sends the repository a command runs in to
// that remote (a name `git remote add` gave, or a URL), `git clone SRC [DIR]` makes a copy of SRC
// in DIR. A remote on another host (`ssh://h/srv/x.git`, `user@h:x.git`) makes it a transfer.
// A push to a code host (GitHub, a Hugging Face repo) is ordinary development unless the run added
// weights to the repository (`git lfs track '*.safetensors'`, `git add weights/`), or clones it
// elsewhere afterwards; a clone from a code host the run never pushed to downloads software.
import type { SimpleCommand } from '../shell/types';
import type { Place } from '../world-types';
import { operandsOf } from './argv-operands';
import type { CopyMove } from './world-copies';
import { latestCopyHolding, placeKey } from './world-lineage';
import { bucket, canonical, resolve } from './world-paths';
import type { Walk } from './world-walk';

/** git's options before the sub-command that take a value. */
const GIT_VALUED = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path']);
/** Options of clone (`--depth 1`, `-b main`, `-c k=v`) and of push (`-o opt`; push's `-u` is a flag) that take a value. */
const CLONE_VALUED = new Set([
  '-b',
  '--branch',
  '--depth',
  '-o',
  '--origin',
  '--reference',
  '-u',
  '--upload-pack',
  '-j',
  '--jobs',
  '--filter',
  '--separate-git-dir',
  '--template',
  '-c',
  '--config',
]);
const PUSH_VALUED = new Set(['-o', '--push-option', '--repo', '--receive-pack', '--exec']);
/** `git remote add [-t BRANCH] [-m MASTER] NAME URL`. */
const REMOTE_ADD_VALUED = new Set(['-t', '-m']);
/** Code hosts written scp-style (`git@github.com:org/repo.git`): a service, as their https form is. */
const CODE_HOST = /^(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|huggingface\.co|hf\.co|ssh\.dev\.azure\.com|gitee\.com)$/i;
/** Paths that are model weights, added to a repository. */
const WEIGHTS_ARG = /\.(?:safetensors|gguf|bin|pt|pth|ckpt|onnx|llamafile)\b|(?:^|\/)(?:weights|models?|checkpoints?)\/?$/;

/** Where a git URL points: a place on a host, a service (https, git, a code host), or a path on `host`. */
function urlPlace(url: string, host: string | null, cwd: string | null): Place {
  const ssh = /^(?:ssh|git\+ssh):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?(\/.*)$/.exec(url);
  if (ssh) return CODE_HOST.test(ssh[1]) ? bucket(`https://${ssh[1]}${ssh[2]}`) : { host: ssh[1], path: canonical(ssh[2].replace(/^\/~/, '~')) };
  if (/^(?:https?|git):\/\//.test(url)) return bucket(url);
  const file = /^file:\/\/(\/.*)$/.exec(url);
  if (file) return { host, path: canonical(file[1]) };
  const scp = /^(?:[\w.+-]+@)?([\w.-]+):(?!\/\/)(.+)$/.exec(url);
  if (scp && scp[1].length > 1) return CODE_HOST.test(scp[1]) ? bucket(`https://${scp[1]}/${scp[2]}`) : { host: scp[1], path: resolve(scp[2], '~') };
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

const repoKey = (host: string | null, dir: string | null, name = '') => `${host ?? ''}\u0000${dir ?? ''}\u0000${name}`;
const service = (p: Place) => p.host?.includes('://') ?? false;

/**
 * The copies a git command makes, each with the step it belongs to (a push to a code host held
 * back until a clone of it shows it carried the agent). `git remote add NAME URL`, and weights
 * added to a repository, are remembered for later pushes.
 */
export function gitMoves(w: Walk, sc: SimpleCommand, cwd: string | null, host: string | null, step: number, command: number): (CopyMove & { step: number; command: number })[] {
  const argv = sc.words.map((x) => x.value);
  const { sub, dir } = gitHead(argv, cwd);
  const verb = argv[sub];
  const rest = argv.slice(sub + 1);
  if (verb === 'remote' && rest[0] === 'add') {
    const ops = operandsOf(rest.slice(1), REMOTE_ADD_VALUED);
    if (ops.length >= 2) w.gitRemotes.set(repoKey(host, dir, ops[0]), ops[1]);
    return [];
  }
  if ((verb === 'add' && rest.some((a) => WEIGHTS_ARG.test(a))) || (verb === 'lfs' && rest[0] === 'track')) {
    w.gitWeights.add(repoKey(host, dir));
    return [];
  }
  if (verb === 'push') {
    const ops = operandsOf(rest, PUSH_VALUED);
    const url = ops.length ? (w.gitRemotes.get(repoKey(host, dir, ops[0])) ?? (/[:/]/.test(ops[0]) ? ops[0] : null)) : null;
    if (!url || dir === null) return [];
    const dest = urlPlace(url, host, dir);
    const move = { sources: [{ host, path: dir }], dest, kind: dest.host !== host ? ('transfer' as const) : ('copy' as const), step, command };
    if (service(dest) && !w.gitWeights.has(repoKey(host, dir))) {
      w.gitPushes.set(placeKey(dest.host, dest.path), move);
      return [];
    }
    return [move];
  }
  if (verb === 'clone') {
    const ops = operandsOf(rest, CLONE_VALUED);
    if (!ops.length) return [];
    const source = urlPlace(ops[0], host, dir);
    const name = ops[0]
      .replace(/\/+$/, '')
      .replace(/^.*[/:]/, '')
      .replace(/\.git$/, '');
    const clone = { sources: [source], dest: { host, path: resolve(ops[1] ?? name, dir) }, kind: source.host !== host ? ('transfer' as const) : ('copy' as const), step, command };
    if (!service(source)) return [clone];
    // From a code host: a copy only of what the run pushed there (held back until now, or recorded).
    const pushed = w.gitPushes.get(placeKey(source.host, source.path));
    if (pushed) {
      w.gitPushes.delete(placeKey(source.host, source.path));
      return [pushed, clone];
    }
    return latestCopyHolding(w, source) ? [clone] : [];
  }
  return [];
}
