// Paths as the world model compares them: home directories written `~/` (runs mix
// `/home/agent/x`, `~/x`, `$HOME/x`, systemd's `%h/x`, macOS's `/Users/x/` and Windows' `C:\Users\x\`, and logs mask user names as `/home/****/`), relative
// paths resolved against the working directory when it is known.
import type { Place } from '../world-types';

const HOME = /^(?:\/home\/[^/]+|\/Users\/[^/]+|[A-Za-z]:\/Users\/[^/]+|\/root|\$HOME|\$\{HOME\}|\$env:USERPROFILE|%USERPROFILE%|~[^/]*|%h)(?=\/|$)/i;

const seen = new Map<string, string>();

/** `~/x` for any home directory; `.`/`..` segments folded; no trailing slash. Runs repeat paths: kept. */
export function canonical(path: string): string {
  let c = seen.get(path);
  if (c === undefined) {
    c = canonicalUncached(path);
    if (seen.size > 20_000) seen.clear();
    seen.set(path, c);
  }
  return c;
}

/** `C:\agent`, `C:/agent`: a Windows path, compared with forward slashes. */
const DRIVE = /^[A-Za-z]:[\\/]/;

function canonicalUncached(path: string): string {
  let p = path.trim().replace(/^["']|["']$/g, '');
  if (DRIVE.test(p)) p = p.replace(/\\/g, '/');
  p = p.replace(HOME, '~');
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length && out[out.length - 1] !== '..' && out[out.length - 1] !== '~') out.pop();
    else out.push(seg);
  }
  p = (abs ? '/' : '') + out.join('/');
  return p || (abs ? '/' : '.');
}

export const isAbsolute = (p: string) => p.startsWith('/') || p.startsWith('~') || DRIVE.test(p);

/** `path` against `cwd` (both canonical); a relative path stays relative when cwd is unknown. */
export function resolve(path: string, cwd: string | null): string {
  const p = canonical(path);
  if (isAbsolute(p) || !cwd) return p;
  return canonical(`${cwd}/${p}`);
}

/** `inner` is `outer` or lies below it. Relative paths compare by their trailing segments. */
export function within(inner: string, outer: string): boolean {
  if (inner === outer) return true;
  if (outer === '/' || outer === '.') return false;
  // `outer/...` without building that string (called per launch and copy for every root).
  if (inner.length > outer.length && inner.charCodeAt(outer.length) === 47 && inner.startsWith(outer)) return true;
  // A relative side (the cwd was unknown): `models/x` lies in `/home/dev/proj/models`.
  if (!isAbsolute(outer) && (inner.endsWith('/' + outer) || inner.includes('/' + outer + '/'))) return true;
  if (!isAbsolute(inner) && outer.endsWith('/' + inner)) return true;
  return false;
}

export function samePlace(a: Place, b: Place): boolean {
  return (a.host ?? null) === (b.host ?? null) && a.path === b.path;
}

/** `inner` lies in `outer` on the same host. */
export function placeWithin(inner: Place, outer: Place): boolean {
  return (inner.host ?? null) === (outer.host ?? null) && within(inner.path, outer.path);
}

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i > 0 ? p.slice(0, i) : i === 0 ? '/' : '.';
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** `user@host:path` or `host:path` (scp/rsync); null for a local path. */
export function remoteSpec(arg: string): Place | null {
  // A Windows share: `\\build-07\C$\Services\x` is C:/Services/x on build-07; `\\fs02\apps\x` is /apps/x there.
  const unc = /^\\\\([\w.-]+)\\([^\\/]+)(?:[\\/](.*))?$/.exec(arg);
  if (unc) {
    const drive = /^([A-Za-z])\$$/.exec(unc[2]);
    const rest = (unc[3] ?? '').replace(/\\/g, '/');
    // A Windows computer name is case-insensitive: lower-cased, as a URL's host is read.
    return { host: unc[1].toLowerCase(), path: canonical(drive ? `${drive[1].toUpperCase()}:/${rest}` : `/${unc[2]}/${rest}`) };
  }
  const m = /^(?:[\w.+-]+@)?([\w.-]+):(?!\/\/)(.*)$/.exec(arg);
  if (!m || /^[A-Za-z]$/.test(m[1])) return null;
  return { host: m[1].toLowerCase(), path: canonical(m[2] || '~') };
}

/** `s3://b/k`, `gs://b/k`, `hf:repo`: a place on a storage service, keyed by its URL. */
export const bucket = (u: string): Place => ({ host: u.replace(/^(\w+):\/\/([^/]+).*$/, '$1://$2'), path: canonical(u.replace(/^\w+:\/\/[^/]+/, '') || '/') });

/** A dotted IPv4 address. */
export const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
