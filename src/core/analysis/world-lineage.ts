// Copies in the world model and their lineage: which copy a path lives in, which copy another
// was made from, and which copies are the system's (its directory, something in it, or a copy).
import { mountedElsewhere } from './world-mounts';
import type { Place, WorldCopy } from '../world-types';
import { basename, dirname, isAbsolute, placeWithin, within } from './world-paths';
import type { Walk } from './world-walk';
import { unitIsSystem } from './world-units';

export const placeKey = (host: string | null, path: string) => `${host ?? ''}\u0000${path}`;

export function addCopy(w: Walk, step: number, command: number, sources: Place[], dest: Place, kind: WorldCopy['kind'], ok: boolean, fromContainer = false): void {
  const roots = w.world.system?.roots ?? [];
  let system = false;
  let parent: number | null = null;
  for (let src of sources) {
    // Parts `split` cut a file into (`/tmp/w.*`, `/tmp/w.aa`) are that file.
    if (w.parts.size) src = partsOf(w, src) ?? src;
    // A copy of the system: its directory, something in it, a directory holding it, or a copy of those.
    if (roots.some((r) => placeWithin(src, r) || placeWithin(r, src))) system = true;
    // Out of a container or pod: the paths the run gives for an agent that runs in one are inside it.
    if (fromContainer && roots.some((r) => r.host === null && within(src.path, r.path))) system = true;
    // An image the run says the agent runs as, or that an instance of it ran from (`docker save`, `docker push`).
    if (src.path.startsWith('image:') && (w.scan.images.has(src.path.slice(6)) || w.before.has(src.path.slice(6)) || w.scan.presumed.shownImage(src.path.slice(6)))) system = true;
    // A container, VM or machine the system ran in (or the run showed holds an LLM stack), copied whole.
    if (!system && unitIsSystem(w, src)) system = true;
    const from = latestCopyHolding(w, src);
    if (from && from.system) {
      system = true;
      parent = from.id;
    }
  }
  // A copy inside the system itself (`cp config.example config`) goes to no new place.
  // A transfer from another host or a container always lands somewhere new.
  const sameHost = sources.every((s) => (s.host ?? null) === (dest.host ?? null));
  if (system && sameHost && roots.some((r) => placeWithin(dest, r)) && !sources.some((s) => roots.some((r) => placeWithin(r, s)))) system = false;
  const source = sources[0] ?? { host: null, path: '.' };
  w.world.copies.push({ id: w.world.copies.length, step, command, source, dest, kind, ok, system, generation: 1, parent });
  const id = w.world.copies.length - 1;
  w.byDest.set(placeKey(dest.host, dest.path), id);
  w.byMade.set(placeKey(dest.host, `${dest.path}/${basename(source.path)}`), id);
}

/** How many copies back a relative path's copy is looked for (absolute ones use the index). */
const COPY_LOOK_BACK = 200;

/** The copy a path lives in: the latest that made it exactly, else the latest whose destination holds it. */
export function latestCopyHolding(w: Walk, place: Place): WorldCopy | null {
  const here = copyHoldingHere(w, place);
  if (here || !w.mounts.length) return here;
  // A share mounted here and elsewhere: the copy made into it on another host (world-mounts.ts).
  let best: WorldCopy | null = null;
  for (const other of mountedElsewhere(w, place)) {
    const c = copyHoldingHere(w, other);
    if (c && (!best || c.id > best.id)) best = c;
  }
  return best;
}

function copyHoldingHere(w: Walk, place: Place): WorldCopy | null {
  const copies = w.world.copies;
  if (!copies.length) return null;
  const exact = Math.max(w.byDest.get(placeKey(place.host, place.path)) ?? -1, w.byMade.get(placeKey(place.host, place.path)) ?? -1);
  if (exact >= 0) return copies[exact];
  if (isAbsolute(place.path)) {
    // The destinations above the path, nearest first; the latest copy among them.
    let best = -1;
    for (let p = dirname(place.path); p !== '/' && p !== '.' && p !== '~'; p = dirname(p)) best = Math.max(best, w.byDest.get(placeKey(place.host, p)) ?? -1);
    best = Math.max(best, w.byDest.get(placeKey(place.host, place.path.startsWith('~') ? '~' : '/')) ?? -1);
    return best >= 0 ? copies[best] : null;
  }
  const stop = Math.max(0, copies.length - COPY_LOOK_BACK);
  for (let i = copies.length - 1; i >= stop; i--) if (placeWithin(place, copies[i].dest)) return copies[i];
  return null;
}

/** Marks a copy and the copies it came from as copies of the system (found from what ran from it). */
export function markSystemCopy(w: Walk, copy: WorldCopy): void {
  w.marked++;
  for (let c: WorldCopy | null = copy; c && !c.system; c = c.parent !== null ? w.world.copies[c.parent] : null) c.system = true;
}

/** The file a path's parts were split from, if `split` made it (`/tmp/sp.aa`, `/tmp/sp.*` of prefix `/tmp/sp.`). */
function partsOf(w: Walk, place: Place): Place | null {
  for (const [key, file] of w.parts) {
    const prefix = key.slice(key.indexOf('\u0000') + 1);
    if ((place.host ?? '') === key.slice(0, key.indexOf('\u0000')) && place.path.startsWith(prefix) && place.path.length > prefix.length) return file;
  }
  return null;
}

/** Options of `split` that take a value. */
const SPLIT_VALUED = new Set([
  '-b',
  '-l',
  '-n',
  '-a',
  '-C',
  '-t',
  '--bytes',
  '--lines',
  '--number',
  '--suffix-length',
  '--line-bytes',
  '--separator',
  '--additional-suffix',
  '--filter',
]);

/** `split -b 1G FILE PREFIX`: notes the parts' prefix (default `x`) as standing for FILE. */
export function noteSplit(w: Walk, words: string[], cwd: string | null, host: string | null, resolvePath: (p: string, cwd: string | null) => string): void {
  const ops: string[] = [];
  for (let i = 1; i < words.length; i++) {
    if (words[i] === '--') {
      ops.push(...words.slice(i + 1));
      break;
    }
    if (words[i].startsWith('-') && words[i] !== '-') i += SPLIT_VALUED.has(words[i]) ? 1 : 0;
    else ops.push(words[i]);
  }
  if (!ops[0] || ops[0] === '-' || w.parts.size >= 64) return;
  const prefix = resolvePath(ops[1] ?? 'x', cwd);
  w.parts.set(placeKey(host, prefix), { host, path: resolvePath(ops[0], cwd) });
}
