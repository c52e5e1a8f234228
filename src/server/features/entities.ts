// Entities under the cursor (a port, a PID, a path, a process, a host, a URL) and where they
// lead: definition is the first step that names the entity, references every step that does.
import type { Location, Position } from 'vscode-languageserver/node';
import { entityText, type EntityUse, type ServedDocument } from '../document';
import { findToken } from '../locate';

export interface EntityHit {
  run: number;
  key: string;
  uses: EntityUse[];
}

const WORD = /[A-Za-z0-9_.~*@%+=:/\-[\]]/;

/** The word around a position (paths and host:port pairs included). */
function wordAt(d: ServedDocument, pos: Position): string {
  if (!d.doc) return '';
  const lineStart = d.doc.offsetAt({ line: pos.line, character: 0 });
  const text = d.text.slice(lineStart, lineStart + d.lineLength(pos.line));
  let s = Math.min(pos.character, text.length);
  let e = s;
  while (s > 0 && WORD.test(text[s - 1])) s--;
  while (e < text.length && WORD.test(text[e])) e++;
  return text.slice(s, e);
}

/** Entity keys a word could name, most specific first. */
function candidates(word: string): string[] {
  const w = word.replace(/^[\[('"`]+|[\])'"`,.;:]+$/g, '');
  if (!w) return [];
  const out: string[] = [];
  if (/^[a-z]+:\/\//i.test(w)) out.push(`url:${w}`);
  if (w.includes('/')) out.push(`path:${w}`, `path:${w.replace(/\/+$/, '')}`);
  for (const m of w.matchAll(/\d+/g)) out.push(`port:${m[0]}`, `pid:${m[0]}`);
  out.push(`process:${w}`, `host:${w}`);
  const host = /^(?:[a-z]+:\/\/)?([^/:@\s]+@)?([^/:\s]+)/i.exec(w)?.[2];
  if (host && host !== w) out.push(`host:${host}`);
  return out;
}

export function entityAt(d: ServedDocument, pos: Position): EntityHit | null {
  // Inside a command: the entity whose token covers the cursor.
  const inCmd = d.commandAt(pos);
  if (inCmd) {
    const cmd = d.step(inCmd.ref).commands[inCmd.command];
    for (const [key, uses] of d.entities(inCmd.ref.run)) {
      if (!uses.some((u) => u.step === inCmd.ref.step && u.command === inCmd.command)) continue;
      const needle = entityText(key);
      for (let at = findToken(cmd.text, needle, 0, cmd.text.length); at >= 0; at = findToken(cmd.text, needle, at + 1, cmd.text.length)) {
        if (inCmd.offset >= at && inCmd.offset <= at + needle.length) return { run: inCmd.ref.run, key, uses };
      }
    }
  }
  // Elsewhere (thoughts, outputs): the word, if it names an entity of the run there.
  const word = wordAt(d, pos);
  if (!word) return null;
  const here = d.stepAtLine(pos.line);
  const runs = here ? [here.run] : d.runs.map((_, i) => i);
  for (const run of runs) {
    const index = d.entities(run);
    for (const key of candidates(word)) {
      const uses = index.get(key);
      if (uses) return { run, key, uses };
    }
  }
  return null;
}

export function definition(d: ServedDocument, pos: Position): Location | null {
  const hit = entityAt(d, pos);
  if (!hit || !hit.uses.length) return null;
  return { uri: d.uri, range: d.entityRange(hit.uses[0], hit.key) };
}

export function references(d: ServedDocument, pos: Position): Location[] {
  const hit = entityAt(d, pos);
  if (!hit) return [];
  return hit.uses.map((u) => ({ uri: d.uri, range: d.entityRange(u, hit.key) }));
}

/** `port 8001: port-discovery in step 2, process-kill in 14, process-launch in 15` */
export function threadText(d: ServedDocument, hit: EntityHit): string {
  const [kind] = hit.key.split(':', 1);
  const parts = hit.uses.map((u) => `${u.roles.join('+')} in step ${d.step(u).index + 1}`);
  return `${kind} ${entityText(hit.key)}: ${parts.join(', ')}`;
}
