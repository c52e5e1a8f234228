// Small runs for the verdict and world-model tests: each step is a thought and its commands,
// analysed by the real engine (shell parsing, rules, obstacles, world model, verdict).
import type { AnalyzedTrajectory, RawCommand, RawStep, Role } from '../../src/core/model';
import { analyzeRun } from '../../src/core/analyze';
import { initAnalysis } from '../../src/node/init-analysis';

/** A command: its text, then optionally its output, exit code, and whether the tool ran it long-running. */
export type C = string | [text: string, output?: string, exitCode?: number | null, longRunning?: boolean];
export interface S {
  role?: Role;
  thought?: string;
  commands?: C[];
  /** Tools other than a shell the step called (`receive_data_of_long_term_command_from_terminal`). */
  otherTools?: { name: string; summary: string }[];
}

export const ready = initAnalysis();

function command(c: C): RawCommand {
  const [text, output = '', exitCode = 0, longRunning = false] = typeof c === 'string' ? [c] : c;
  return { text, output, exitCode, longRunning };
}

export function analyse(task: string | null, steps: (S | C[])[]): AnalyzedTrajectory {
  const raw: RawStep[] = [];
  if (task) raw.push({ id: 'task', role: 'user', time: null, thought: task, source: null, commands: [] });
  for (const s of steps) {
    const spec: S = Array.isArray(s) ? { commands: s } : s;
    raw.push({
      id: `s${raw.length}`,
      role: spec.role ?? 'assistant',
      time: null,
      thought: spec.thought ?? '',
      source: null,
      commands: (spec.commands ?? []).map(command),
      ...(spec.otherTools ? { otherTools: spec.otherTools } : {}),
    });
  }
  return analyzeRun({ id: 'run', title: 'run', model: null, task, steps: raw, issues: [] });
}
