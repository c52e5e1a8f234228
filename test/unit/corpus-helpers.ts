// Builders for small analysed trajectories, so the corpus statistics can be tested without
// going through a reader (the labelled-corpus test goes through the real ones).
import { before } from 'node:test';
import type { AnalyzedCommand, AnalyzedStep, AnalyzedTrajectory, Category, ObstacleKind, Verdict } from '../../src/core/model';
import { emptyEntities } from '../../src/core/model';
import { analyzeCommand } from '../../src/core/analysis/command';
import { initAnalysis } from '../../src/node/init-analysis';

// The programs of a built command are the shell parse's (AnalyzedCommand.programs), read when
// first asked: runs are built at load time, before this hook loads the grammars.
before(() => initAnalysis());

export interface CmdSpec {
  text: string;
  cats?: Category[];
  obstacles?: ObstacleKind[];
  output?: string;
  exitCode?: number | null;
  ports?: number[];
}

export function cmd(s: CmdSpec | string): AnalyzedCommand {
  const spec = typeof s === 'string' ? { text: s } : s;
  const cats = spec.cats ?? [];
  let programs: string[] | undefined;
  return {
    get programs() {
      return (programs ??= analyzeCommand({ text: spec.text, output: '', exitCode: null, longRunning: false }).command.programs);
    },
    text: spec.text,
    output: spec.output ?? '',
    exitCode: spec.exitCode ?? null,
    longRunning: false,
    categories: cats,
    obstacles: spec.obstacles ?? [],
    findings: cats.map((c) => ({
      category: c,
      evidence: spec.text,
      rule: 'test',
      span: [0, spec.text.length] as [number, number],
      spanIn: 'command' as const,
      entities: { ...emptyEntities(), ports: spec.ports ?? [] },
    })),
    parseError: null,
  };
}

/** A run: each inner array is one step's commands; steps are a minute apart from `t0`. */
export function run(id: string, model: string | null, verdict: Verdict, steps: (CmdSpec | string)[][], opts: { task?: string; t0?: string } = {}): AnalyzedTrajectory {
  const t0 = Date.parse(opts.t0 ?? '2024-11-28T09:00:00Z');
  const aSteps: AnalyzedStep[] = steps.map((cs, i) => ({
    index: i,
    id: `s${i}`,
    role: 'assistant',
    time: new Date(t0 + i * 60_000).toISOString(),
    thought: `step ${i}`,
    source: null,
    commands: cs.map(cmd),
  }));
  return {
    id,
    title: `run ${id}`,
    model,
    task: opts.task ?? null,
    steps: aSteps,
    issues: [],
    outcome: { verdict, evidence: [], reason: 'test' },
    threads: [],
    claims: [],
  };
}
