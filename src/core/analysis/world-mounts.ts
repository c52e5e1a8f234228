// Network shares mounted by the run (`mount -t nfs4 nas:/export/x /mnt/x`, CIFS `//nas/x`, `sshfs
// h:/x /mnt/x`): one share mounted on two hosts is one place, so what a copy put into it on one
// host is there, under the other host's mount point, too.
import type { SimpleCommand } from '../shell/types';
import type { Place } from '../world-types';
import { operandsOf } from './argv-operands';
import { canonical, resolve, within } from './world-paths';
import type { Walk } from './world-walk';

export interface Mount {
  host: string | null;
  /** The mount point. */
  dir: string;
  /** The share, as one key for every host that mounts it (`nas-2:/export/agents`, `//nas-2/agents`). */
  share: string;
}

const MOUNT_VALUED = new Set(['-t', '-o', '-O', '-L', '-U', '--types', '--options', '-p']);

/** Records a share the command mounts, if it mounts one. */
export function noteMount(w: Walk, sc: SimpleCommand, cwd: string | null, host: string | null): void {
  const name = sc.name;
  if (name === 'umount' || (name === 'fusermount' && sc.words.some((x) => x.value === '-u'))) {
    // Unmounted: the directory is this host's own again.
    const dirs = sc.words
      .slice(1)
      .filter((x) => !x.value.startsWith('-'))
      .map((x) => resolve(x.value, cwd));
    w.mounts = w.mounts.filter((m) => !(m.host === host && dirs.includes(m.dir)));
    return;
  }
  if (name !== 'mount' && name !== 'sshfs' && !name.startsWith('mount.')) return;
  const ops = operandsOf(
    sc.words.slice(1).map((x) => x.value),
    MOUNT_VALUED,
  );
  if (ops.length !== 2) return;
  const share = shareKey(ops[0]);
  if (!share) return;
  const dir = resolve(ops[1], cwd);
  w.mounts = w.mounts.filter((m) => !(m.host === host && m.dir === dir));
  w.mounts.push({ host, dir, share });
  // The share's own server sees it at its export path (`sshfs gpu-5:/srv /mnt/g5`: /srv on gpu-5).
  const served = /^([\w.-]+):(\/.*)$/.exec(share);
  if (served && !w.mounts.some((m) => m.host === served[1] && m.dir === served[2])) w.mounts.push({ host: served[1], dir: canonical(served[2]), share });
}

/** `host:/path` (NFS, sshfs; a user before it dropped) or `//host/share` (CIFS), else null. */
function shareKey(source: string): string | null {
  const nfs = /^(?:[\w.+-]+@)?([\w.-]+):(\/.*)?$/.exec(source);
  if (nfs && nfs[1].length > 1) return `${nfs[1]}:${canonical(nfs[2] ?? '/')}`;
  const cifs = /^(?:\/\/|\\\\)([\w.-]+)[/\\](.+)$/.exec(source);
  return cifs ? `//${cifs[1]}/${cifs[2].replace(/\\/g, '/').replace(/\/+$/, '')}` : null;
}

/** The same place seen through the other hosts' mounts of a share `place` lies in. */
export function mountedElsewhere(w: Walk, place: Place): Place[] {
  const out: Place[] = [];
  const host = place.host ?? null;
  for (const m of w.mounts) {
    if (m.host !== host || !within(place.path, m.dir)) continue;
    const rest = place.path.slice(m.dir.length);
    for (const o of w.mounts) if (o.share === m.share && (o.host !== m.host || o.dir !== m.dir)) out.push({ host: o.host, path: canonical(o.dir + rest) });
  }
  return out;
}
