// What the noise and rename checks compare, written once: a run file read as the CLI reads it,
// each run's verdict and its commands' readings (categories, obstacles), and the lines that say
// where a changed run's readings moved.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readFile, sourceFile } from '../../src/core/formats';
import type { Analysis, AnalyzedCommand, ReadResult } from '../../src/core/model';

/** The file read by its format's reader, or null when no reader takes it. */
export function readRunFile(path: string): { name: string; read: ReadResult } | null {
  const name = basename(path);
  try {
    return { name, read: readFile(sourceFile(name, new Uint8Array(readFileSync(path)))) };
  } catch {
    return null;
  }
}

export interface Reading {
  verdict: string;
  /** One line per command kept: its categories and obstacles, after its text when asked. */
  commands: string[];
}

/** Each run's verdict and its commands' readings; `keep` leaves commands out, `withText` puts each command's text in its line. */
export function readingsOf(a: Analysis, opts: { keep?: (c: AnalyzedCommand) => boolean; withText?: boolean } = {}): Reading[] {
  const keep = opts.keep ?? (() => true);
  return a.trajectories.map((t) => ({
    verdict: t.outcome.verdict,
    commands: t.steps.flatMap((s) =>
      s.commands.filter(keep).map((c) => `${opts.withText ? `${c.text} :: ` : ''}${[...c.categories].sort().join(',')} :: ${[...c.obstacles].sort().join(',')}`),
    ),
  }));
}

/** Where a run's verdict and its first differing command moved between `before` and `after`, a line each; `where` names the run and the change. */
export function moves(where: string, before: Reading, after: Reading | undefined): string[] {
  const out: string[] = [];
  if (before.verdict !== after?.verdict) out.push(`${where}: ${before.verdict} -> ${after?.verdict}`);
  const j = before.commands.findIndex((c, k) => c !== after?.commands[k]);
  if (j >= 0) out.push(`${where}, command ${j + 1}: ${before.commands[j].slice(0, 160)} -> ${after?.commands[j]?.slice(0, 160)}`);
  return out;
}
