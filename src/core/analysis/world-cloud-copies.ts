// Uploads with the cloud providers' own CLIs, as places (world-copies.ts reads the rest):
// `gcloud compute scp --recurse SRC [USER@]VM:DST`, `gcloud storage cp|rsync SRC gs://b/k`,
// `az storage blob upload(-batch)` into a storage account's container, `azcopy copy|sync SRC URL`.
import type { Place } from '../world-types';
import { bucket, canonical, resolve } from './world-paths';
import type { CopyMove } from './world-copies';

/** The value of an option (`--source X`, `--source=X`, `-s X`). */
function option(words: string[], ...names: string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (names.includes(w)) return words[i + 1];
    const eq = w.indexOf('=');
    if (eq > 0 && names.includes(w.slice(0, eq))) return w.slice(eq + 1);
  }
  return undefined;
}

/** Words that are neither options nor their values (`--zone=x` and `--zone x` both skipped when valued). */
function operands(words: string[], valued: RegExp): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith('-')) {
      if (!w.includes('=') && valued.test(w)) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

const GCLOUD_VALUED = /^--(zone|project|ssh-key-file|scp-flag|port|tunnel-through-iap-zone|account|configuration|verbosity|billing-project|impersonate-service-account)$/;

/** Null when `name` is none of these CLIs; otherwise the moves (none for their other sub-commands). */
export function cloudMoves(name: string, words: string[], cwd: string | null, host: string | null): CopyMove[] | null {
  const local = (p: string): Place => ({ host, path: resolve(p, cwd) });
  if (name === 'gcloud') {
    const ops = operands(words, GCLOUD_VALUED);
    if (ops[0] === 'compute' && ops[1] === 'scp' && ops.length >= 4) {
      const side = (a: string): Place => {
        const m = /^(?:[\w.-]+@)?([\w.-]+):(.*)$/.exec(a);
        return m ? { host: m[1], path: resolve(m[2] || '~', '~') } : local(a);
      };
      const all = ops.slice(2).map(side);
      return [{ sources: all.slice(0, -1), dest: all[all.length - 1], kind: 'transfer' }];
    }
    if (ops[0] === 'storage' && /^(cp|rsync|mv)$/.test(ops[1] ?? '') && ops.length >= 4) return [moveTo(ops.slice(2), local)];
    return [];
  }
  if (name === 'az') {
    const ops = operands(words, /^-/);
    if (ops[0] !== 'storage' || ops[1] !== 'blob' || !/^upload(-batch)?$/.test(ops[2] ?? '')) return [];
    const account = option(words, '--account-name') ?? 'storage';
    const container = option(words, '-c', '--container-name', '-d', '--destination') ?? '';
    const src = option(words, '-s', '--source', '-f', '--file');
    if (!src) return [];
    return [{ sources: [local(src)], dest: { host: `az://${account}`, path: canonical(`/${container}`) }, kind: 'transfer' }];
  }
  if (name === 'mc') {
    const sides = mcSides(words);
    if (!sides) return [];
    const all = sides.map((x) => (x.alias ? { host: `mc://${x.alias}`, path: canonical(x.path) } : local(x.path)));
    return [{ sources: all.slice(0, -1), dest: all[all.length - 1], kind: 'transfer' }];
  }
  if (name === 'azcopy') {
    const ops = operands(words, /^--(log-level|include-pattern|exclude-pattern|from-to|block-size-mb|cap-mbps)$/);
    if (!/^(copy|cp|sync)$/.test(ops[0] ?? '') || ops.length < 3) return [];
    return [moveTo(ops.slice(1), local)];
  }
  return null;
}

/** `SRC... DEST`, where a URL (`gs://b/k`, `https://acct.blob.core.windows.net/c?sv=...`, its query a token) is a storage service's place. */
function moveTo(ops: string[], local: (p: string) => Place): CopyMove {
  const all = ops.map((a) => (/^\w+:\/\/[^/?]/.test(a) ? bucket(a.replace(/\?.*$/, '')) : local(a)));
  return { sources: all.slice(0, -1), dest: all[all.length - 1], kind: 'transfer' };
}

/** MinIO's built-in aliases, and `mc`'s options that take a value (global `-C`, and cp/mirror's). */
const MC_BUILTIN = /^(?:play|s3|gcs|local)$/;
const MC_VALUED = /^--(?:config-dir|exclude|storage-class|attr|tags|encrypt-key|limit-upload|limit-download|older-than|newer-than)$|^-C$/;

/**
 * `mc cp|mirror|mv SRC... DST`: its sides, each an `ALIAS/bucket/key` or a local path; null unless
 * one side is local (written `/`, `~` or `.`) beside an alias path, or an alias is one of mc's own
 * (`mc cp build/a dist/a` names no bucket).
 */
export function mcSides(words: string[]): { alias: string | null; path: string }[] | null {
  const ops = operands(words, MC_VALUED);
  if (!/^(cp|mirror|mv)$/.test(ops[0] ?? '') || ops.length < 3) return null;
  const sides = ops.slice(1).map((a) => {
    const m = /^(?:\/|~|\.{1,2}(?:\/|$))/.test(a) ? null : /^([\w.-]+)(\/.*)$/.exec(a);
    return m ? { alias: m[1], path: m[2] } : { alias: null, path: a };
  });
  const remote = sides.filter((x) => x.alias);
  const known = remote.some((x) => MC_BUILTIN.test(x.alias!)) || (remote.length > 0 && sides.some((x) => !x.alias && /^(?:\/|~|\.)/.test(x.path)));
  return known ? sides : null;
}
