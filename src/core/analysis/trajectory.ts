// Analysis of one run: every command classified, remote liveness confirmed against what the
// run launched, threads of shared entities, and the verdict.
import type { AnalyzedStep, AnalyzedTrajectory, Finding, RawTrajectory, Thread } from '../model';
import { analyzeCommand, type CommandAnalysis } from './command';
import { confirmRemoteLiveness } from './remote-liveness';
import { judgeOutcome } from './outcome';
import { findRunOversightEvasion } from './oversight-run';
import { buildWorld } from './world';
import { findClaims } from './claims';
import { attributeShownObstacles } from './obstacle-owner';

export function analyzeTrajectory(raw: RawTrajectory): AnalyzedTrajectory {
  const perStep: CommandAnalysis[][] = raw.steps.map((s) => s.commands.map((c) => analyzeCommand(c)));
  confirmRemoteLiveness(perStep);
  findRunOversightEvasion(raw, perStep);
  attributeShownObstacles(perStep);
  // Object.assign rather than a spread with added keys, which costs far more (command.ts).
  const steps: AnalyzedStep[] = raw.steps.map((s, index) => Object.assign({}, s, { index, commands: perStep[index].map((a) => a.command) }));
  const { steps: _drop, ...rest } = raw;
  const world = buildWorld(raw, steps);
  return { ...rest, steps, outcome: judgeOutcome(raw, steps, world), threads: buildThreads(steps), world, claims: findClaims(steps, world) };
}

/**
 * The thread entries a list of findings gives, as `[key, role, key, role, ...]`: per finding of
 * the command, its ports, PIDs, processes, hosts and paths. Findings lists are shared by every
 * command of a text (command.ts), so the keys are made once per list, not once per command.
 */
const THREAD_KEYS = new WeakMap<readonly Finding[], string[]>();

function threadKeys(findings: readonly Finding[]): string[] {
  let out = THREAD_KEYS.get(findings);
  if (out) return out;
  out = [];
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k];
    if (f.spanIn !== 'command') continue;
    const e = f.entities;
    pushKeys(out, 'port', e.ports, f.category);
    pushKeys(out, 'pid', e.pids, f.category);
    pushKeys(out, 'process', e.processes, f.category);
    pushKeys(out, 'host', e.hosts, f.category);
    pushKeys(out, 'path', e.paths, f.category);
  }
  THREAD_KEYS.set(findings, out);
  return out;
}

function pushKeys(out: string[], kind: string, values: readonly (string | number)[], role: string): void {
  for (let i = 0; i < values.length; i++) out.push(`${kind}:${values[i]}`, role);
}

/** Steps that name the same port, pid, process, path or host, in order, with what happened. */
function buildThreads(steps: AnalyzedStep[]): Thread[] {
  const map = new Map<string, { steps: number[]; roles: string[] }>();
  // Indexed loops: this runs once per run, over every command, before the JIT has warmed to it.
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    const step = s.index;
    for (let j = 0; j < s.commands.length; j++) {
      const keys = threadKeys(s.commands[j].findings);
      for (let k = 0; k < keys.length; k += 2) {
        // Records that the step did `role` to the entity; several roles in one step join with `+`.
        const role = keys[k + 1];
        let t = map.get(keys[k]);
        if (!t) map.set(keys[k], (t = { steps: [], roles: [] }));
        const last = t.steps.length - 1;
        if (t.steps[last] !== step) {
          t.steps.push(step);
          t.roles.push(role);
        } else if (t.roles[last] !== role && !t.roles[last].split('+').includes(role)) {
          t.roles[last] += `+${role}`;
        }
      }
    }
  }
  const threads: Thread[] = [];
  for (const [entity, t] of map) if (t.steps.length >= 2) threads.push({ entity, steps: t.steps, roles: t.roles });
  return threads.sort((a, b) => a.steps[0] - b.steps[0] || a.entity.localeCompare(b.entity));
}
