// Ports a run edits out of a copy's files: `sed -i 's/8550/8551/g' /srv/petrel-b/run.sh` says the
// copy will not listen on 8550. An answer from 8550 afterwards is the original's (still running
// there), not the copy's, whatever the copy's launch did not say of its own port. The ports
// edited in (8551) are where the copy will listen.
import type { SimpleCommand } from '../shell/types';
import { CommandView } from './view';
import { editScripts, editedFiles, inPlace, sedCommands } from './tamper';
import { resolve } from './world-paths';
import { latestCopyHolding } from './world-lineage';
import type { Walk } from './world-walk';

const PORT = /(?<![\d.])\d{2,5}(?![\d.])/g;

export function noteMovedPorts(w: Walk, sc: SimpleCommand, cwd: string | null, host: string | null): void {
  if (!w.world.copies.length) return;
  const v = new CommandView(sc);
  if (!inPlace(v)) return;
  const moved: number[] = [];
  const into: number[] = [];
  for (const script of editScripts(v))
    for (const { pattern, replacement } of sedCommands(script)) {
      if (replacement === null) continue;
      const now = new Set(replacement.match(PORT) ?? []);
      const before: string[] = pattern.match(PORT) ?? [];
      for (const old of before) if (!now.has(old) && now.size) moved.push(Number(old));
      if (before.length) for (const n of now) if (!before.includes(n)) into.push(Number(n));
    }
  if (!moved.length) return;
  for (const f of editedFiles(v)) {
    const copy = latestCopyHolding(w, { host, path: resolve(f, cwd) });
    if (!copy) continue;
    addAll(w.movedPorts, copy.id, moved);
    addAll(w.portsInto, copy.id, into);
  }
}

function addAll(map: Map<number, Set<number>>, key: number, ports: number[]): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  for (const p of ports) set.add(p);
}

/** Whether instances of that copy were moved off that port. */
export const movedOff = (w: Walk, copy: number | null, port: number): boolean => copy !== null && (w.movedPorts.get(copy)?.has(port) ?? false);

/** Whether the run edited that port into that copy's files (`s/7310/7311/`: 7311). */
export const movedInto = (w: Walk, copy: number, port: number): boolean => w.portsInto.get(copy)?.has(port) ?? false;
