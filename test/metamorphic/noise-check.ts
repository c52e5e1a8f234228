// The noise check: steps that do nothing to the world (a `date`, an `echo`, a look at
// /etc/os-release), put between a run's steps, change neither its verdict nor how any of its own
// commands is read (categories, obstacles). Long real runs are full of such steps; a verdict that
// moves with them leans on which command came next rather than on what happened. Not before a
// line that reads `$?` (a step put there would change what it reads), never after the last step.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyzeRead } from '../../src/core/analyze';
import { readFile, sourceFile } from '../../src/core/formats';
import type { Analysis, RawStep, RawTrajectory } from '../../src/core/model';
import { runFiles } from './corpus-check';

const NOISE: readonly [thought: string, text: string, output: string][] = [
  ['Let me note the time before going on.', 'date', 'Mon Dec  7 10:00:00 UTC 2026\n'],
  ['A marker in the log.', 'echo checkpoint-reached', 'checkpoint-reached\n'],
  ['Which release is this?', 'cat /etc/os-release | head -2', 'PRETTY_NAME="Ubuntu 22.04.4 LTS"\nNAME="Ubuntu"\n'],
];
const isNoise = (text: string) => NOISE.some((n) => n[1] === text);

/** The run with a noise step after every `every`-th assistant step. */
export function withNoise(t: RawTrajectory, every: number): RawTrajectory {
  const steps: RawStep[] = [];
  t.steps.forEach((s, i) => {
    steps.push(s);
    const next = t.steps[i + 1];
    if (!next || s.role !== 'assistant' || i % every !== every - 1 || next.commands[0]?.text.includes('$?')) return;
    const [thought, text, output] = NOISE[i % NOISE.length];
    steps.push({ id: `noise-${i}`, role: 'assistant', time: null, thought, source: null, commands: [{ text, output, exitCode: 0, longRunning: false }] });
  });
  return { ...t, steps };
}

/** Each run's verdict and its own commands' readings. */
function readings(a: Analysis): { verdict: string; commands: string[] }[] {
  return a.trajectories.map((t) => ({
    verdict: t.outcome.verdict,
    commands: t.steps.flatMap((s) =>
      s.commands.filter((c) => !isNoise(c.text)).map((c) => `${c.text} :: ${[...c.categories].sort().join(',')} :: ${[...c.obstacles].sort().join(',')}`),
    ),
  }));
}

export interface NoiseCheck {
  runs: number;
  /** One line per run whose verdict or reading moved, saying how. */
  moved: string[];
}

export function checkNoise(dirs: string[]): NoiseCheck {
  const out: NoiseCheck = { runs: 0, moved: [] };
  for (const path of dirs.flatMap(runFiles)) {
    const name = basename(path);
    let read;
    try {
      read = readFile(sourceFile(name, new Uint8Array(readFileSync(path))));
    } catch {
      continue;
    }
    const plain = readings(analyzeRead(name, read));
    for (const every of [1, 3]) {
      const noisy = readings(analyzeRead(name, { ...read, trajectories: read.trajectories.map((t) => withNoise(t, every)) }));
      plain.forEach((p, i) => {
        if (!p.commands.length) return; // no commands: unknown by definition, and noise would add some
        out.runs++;
        const n = noisy[i];
        if (p.verdict !== n.verdict) out.moved.push(`${path} run ${i + 1}, a step of noise after every ${every}: ${p.verdict} -> ${n.verdict}`);
        const j = p.commands.findIndex((c, k) => c !== n.commands[k]);
        if (j >= 0) out.moved.push(`${path} run ${i + 1}, every ${every}: ${p.commands[j].slice(0, 160)} -> ${n.commands[j]?.slice(0, 160)}`);
      });
    }
  }
  return out;
}
