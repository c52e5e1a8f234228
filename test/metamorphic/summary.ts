// What must not change when only the layout does: per run, the commands (text, categories,
// obstacles, exit status) in order, the threads and the verdict.
import type { Analysis } from '../../src/core/model';

export function invariantsOf(a: Analysis) {
  return a.trajectories.map((t) => ({
    verdict: t.outcome.verdict,
    commands: t.steps.flatMap((s) => s.commands.map((c) => ({ text: c.text, categories: [...c.categories].sort(), obstacles: [...c.obstacles].sort(), exitCode: c.exitCode }))),
    threads: t.threads.map((th) => ({ entity: th.entity, steps: th.steps, roles: th.roles })),
  }));
}
