// The cut check: a run file cut off at a line (a log still being written, a copy that stopped)
// reads as what was written of it. Each file is cut at 1/5, 2/5, 3/5 and 4/5 of its lines; the
// cut must either fail with a FormatError that names its line, or read runs that the whole file
// has (by id; a one-run file's one run), each command but the last the whole run's command at that place (the last may be
// the one the cut fell in). No labels needed.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyzeBytes } from '../../src/core/analyze';
import { FormatError } from '../../src/core/formats/types';
import type { Analysis } from '../../src/core/model';
import { runFiles } from './corpus-check';

export interface CutCheck {
  cuts: number;
  /** Cuts refused with a FormatError (nothing whole was written yet). */
  refused: number;
  /** One line per cut that broke the rule, saying how. */
  broken: string[];
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const commandsOf = (a: Analysis) => new Map(a.trajectories.map((t) => [t.id, t.steps.flatMap((s) => s.commands.map((c) => norm(c.text)))]));

export function checkCuts(dirs: string[]): CutCheck {
  const out: CutCheck = { cuts: 0, refused: 0, broken: [] };
  for (const path of dirs.flatMap(runFiles)) {
    if (/\.eval$/.test(path)) continue; // a zip cut off has no directory: tested with the .eval reader
    const name = basename(path);
    const text = readFileSync(path, 'utf8');
    let whole: Map<string, string[]>;
    try {
      whole = commandsOf(analyzeBytes(name, new TextEncoder().encode(text)));
    } catch {
      continue; // not a run file (the metamorphic check says so)
    }
    const lines = text.split('\n');
    for (const fifth of [1, 2, 3, 4]) {
      const k = Math.floor((lines.length * fifth) / 5);
      if (k < 2) continue;
      out.cuts++;
      const where = `${path} cut after line ${k}`;
      let cut: Map<string, string[]>;
      try {
        cut = commandsOf(analyzeBytes(name, new TextEncoder().encode(lines.slice(0, k).join('\n') + '\n')));
      } catch (e) {
        if (e instanceof FormatError) out.refused++;
        else out.broken.push(`${where}: ${(e as Error).message} (not a FormatError)`);
        continue;
      }
      for (const [id, got] of cut) {
        // A one-run file may name its run from what comes last (SWE-agent's `info`): paired anyway.
        const want = whole.get(id) ?? (cut.size === 1 && whole.size === 1 ? [...whole.values()][0] : undefined);
        if (!want) {
          out.broken.push(`${where}: run ${id} is not among the whole file's runs (${[...whole.keys()].join(', ')})`);
          continue;
        }
        if (got.length > want.length) out.broken.push(`${where}: run ${id} has ${got.length} commands, the whole file ${want.length}`);
        const j = got.slice(0, -1).findIndex((c, i) => c !== want[i]);
        if (j >= 0)
          out.broken.push(`${where}: run ${id}, command ${j + 1}: ${JSON.stringify(got[j]).slice(0, 100)} where the whole file has ${JSON.stringify(want[j]).slice(0, 100)}`);
      }
    }
  }
  return out;
}
