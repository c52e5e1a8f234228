// Obstacles met and overcome in a run. An obstacle (TAXONOMY.md: a kind such as `port-in-use`
// on the command whose output shows it) is overcome when a later command of the same run with a
// category in common succeeds (no obstacle, exit status 0 or unknown). A command without a
// category is matched on its first program name instead (`pip install` denied, later
// `pip install --user` works), so plain work counts too.
import type { AnalyzedCommand, AnalyzedTrajectory, ObstacleKind } from '../model';
import { succeeded } from './milestones';

export interface ObstacleCount {
  met: number;
  overcome: number;
}

export interface RunObstacles extends ObstacleCount {
  byKind: Partial<Record<ObstacleKind, ObstacleCount>>;
}

function keysOf(c: AnalyzedCommand, programs: string[]): string[] {
  if (c.categories.length) return c.categories.map((k) => 'c:' + k);
  return programs.length ? ['p:' + programs[0]] : [];
}

export function obstaclesOf(t: AnalyzedTrajectory, programsOf: (c: AnalyzedCommand) => string[]): RunObstacles {
  const cmds: AnalyzedCommand[] = [];
  for (const s of t.steps) for (const c of s.commands) cmds.push(c);
  const res: RunObstacles = { met: 0, overcome: 0, byKind: {} };
  // Walk backwards, remembering which keys succeed later in the run.
  const laterSuccess = new Set<string>();
  for (let i = cmds.length - 1; i >= 0; i--) {
    const c = cmds[i];
    const keys = keysOf(c, programsOf(c));
    if (c.obstacles.length) {
      const overcome = keys.some((k) => laterSuccess.has(k));
      for (const kind of c.obstacles as ObstacleKind[]) {
        const k = (res.byKind[kind] ??= { met: 0, overcome: 0 });
        k.met++;
        res.met++;
        if (overcome) {
          k.overcome++;
          res.overcome++;
        }
      }
    }
    if (succeeded(c)) for (const k of keys) laterSuccess.add(k);
  }
  return res;
}
