// The metamorphic layout check over a folder of runs, with no labels needed: every file is
// rewritten into its layout variants and the other formats its content allows, and each variant
// must give the original's commands, categories, obstacles, threads and verdicts. Used by
// test/unit/metamorphic.test.ts for the blind corpora and by scripts/metamorphic-corpus.ts for
// any folder (runs never seen before among them).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { analyzeBytes } from '../../src/core/analyze';
import { detectReader, sourceFile } from '../../src/core/formats/index';
import { variantsOf } from './variants';
import { invariantsOf } from './summary';

/** The run files under a folder: generators, READMEs and labels left out. */
export function runFiles(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) {
      if (n !== 'gen') out.push(...runFiles(p));
    } else if (!/\.(md|txt|py)$|labels\.json$/.test(n)) out.push(p);
  }
  return out;
}

export interface CorpusCheck {
  files: number;
  variants: number;
  /** One line per variant whose answer differs from its original's (or that cannot be read), saying where. */
  differing: string[];
  /** Files whose original cannot be read (not a run, or damaged): nothing to compare. */
  unreadable: string[];
}

/** Every variant of every run file under `dirs`, compared with its original. Needs initAnalysis. */
export function checkLayouts(dirs: string[]): CorpusCheck {
  const out: CorpusCheck = { files: 0, variants: 0, differing: [], unreadable: [] };
  for (const path of dirs.flatMap(runFiles)) {
    const name = basename(path);
    const bytes = new Uint8Array(readFileSync(path));
    const format = detectReader(sourceFile(name, bytes)).reader?.id;
    if (!format) {
      out.unreadable.push(`${path}: no reader claims it`);
      continue;
    }
    let original;
    try {
      original = invariantsOf(analyzeBytes(name, bytes));
    } catch (e) {
      out.unreadable.push(`${path}: ${(e as Error).message}`);
      continue;
    }
    out.files++;
    for (const v of variantsOf(bytes, name, format)) {
      out.variants++;
      let a;
      try {
        a = analyzeBytes(v.file, v.bytes);
      } catch (e) {
        out.differing.push(`${path} · ${v.name}: cannot be read (${(e as Error).message})`);
        continue;
      }
      const got = invariantsOf(a);
      if (a.format === (v.format ?? format) && isDeepStrictEqual(got, original)) continue;
      const why = a.format !== (v.format ?? format) ? ` read as ${a.format}` : firstDifference(JSON.stringify(original), JSON.stringify(got));
      out.differing.push(`${path} · ${v.name}:${why}`);
    }
  }
  return out;
}

/** Where two JSON texts first differ, with some context on each side. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `\n    original: …${a.slice(Math.max(0, i - 80), i + 120)}\n    variant:  …${b.slice(Math.max(0, i - 80), i + 120)}`;
}
