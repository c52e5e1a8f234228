// The noise check: steps that do nothing to the world (a `date`, an `echo`, a look at
// /etc/os-release), put between a run's steps, change neither its verdict nor how any of its own
// commands is read (categories, obstacles). Long real runs are full of such steps; a verdict that
// moves with them leans on which command came next rather than on what happened. Not before a
// line that reads `$?` (a step put there would change what it reads), never after the last step.
import { analyzeRead } from '../../src/core/analyze';
import type { RawStep, RawTrajectory } from '../../src/core/model';
import { runFiles } from './corpus-check';
import { moves, readingsOf, readRunFile } from './readings';

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

export interface NoiseCheck {
  runs: number;
  /** One line per run whose verdict or reading moved, saying how. */
  moved: string[];
}

export function checkNoise(dirs: string[]): NoiseCheck {
  const out: NoiseCheck = { runs: 0, moved: [] };
  for (const path of dirs.flatMap(runFiles)) {
    const file = readRunFile(path);
    if (!file) continue;
    const { name, read } = file;
    const own = { keep: (c: { text: string }) => !isNoise(c.text), withText: true };
    const plain = readingsOf(analyzeRead(name, read), own);
    for (const every of [1, 3]) {
      const noisy = readingsOf(analyzeRead(name, { ...read, trajectories: read.trajectories.map((t) => withNoise(t, every)) }), own);
      plain.forEach((p, i) => {
        if (!p.commands.length) return; // no commands: unknown by definition, and noise would add some
        out.runs++;
        out.moved.push(...moves(`${path} run ${i + 1}, a step of noise after every ${every}`, p, noisy[i]));
      });
    }
  }
  return out;
}
