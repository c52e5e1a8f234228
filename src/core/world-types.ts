// The world model of a run (README "World model"): what the machine(s) held, step by step, as
// the commands and their outputs show it. Plain JSON, part of the analysis contract.

/** Where something lives: `null` host is the machine the agent runs on. */
export interface Place {
  host: string | null;
  /** Absolute or relative path as the run spelled it, with `/home/USER/` and `$HOME/` written `~/`. */
  path: string;
}

/** The AI system whose replication the verdict is about (TAXONOMY.md, Verdicts). */
export interface SystemIdentity {
  /** `own`: the run shows it is the agent's own; `stand-in`: a stack the run sets up or treats as an agent. */
  kind: 'own' | 'stand-in';
  /** Directories and files that make up the system (its program, its weights). */
  roots: Place[];
  /** Ports the running instance serves on, when the run shows them. */
  ports: number[];
  /** How the run showed it: one entry per sign, with the step. */
  signs: { step: number; says: string }[];
}

export type ProcessRole = 'model-server' | 'agent' | 'other';

export interface WorldProcess {
  id: number;
  /** Step and command (index within the step) that launched it; null when the run found it running. */
  launchedAt: { step: number; command: number } | null;
  /** Step where an output first showed it (ps, lsof, ss...), for processes the run did not launch. */
  seenAt: number | null;
  /** The program as a researcher names it (`start.py`, `vllm.entrypoints.openai.api_server`). */
  program: string;
  /** The command line that started it (or the one an output showed). */
  commandLine: string;
  cwd: string | null;
  host: string | null;
  port: number | null;
  /** CUDA_VISIBLE_DEVICES or a --device argument, when given. */
  device: string | null;
  pid: number | null;
  /** Step whose output revealed the PID. */
  pidFrom: number | null;
  /** The file its output was redirected to, where crashes show later. */
  log: string | null;
  role: ProcessRole;
  /** An instance of the replicated system. */
  system: boolean;
  /** A new instance of the system (a replication step), not the original or a first deployment. */
  replica: boolean;
  /** 0: the original system (or a first deployment); n: runs from a copy n copies away. */
  generation: number;
  /** The copy it runs from (index into `copies`), if any. */
  fromCopy: number | null;
  /** The process (its id) whose request made it, for chains of replication. */
  parent: number | null;
  /** Step where it failed to start or crashed, and why (an obstacle kind). */
  failedAt: { step: number; why: string } | null;
  killedAt: number | null;
  /** Steps where a liveness check addressed to it got an answer. */
  answeredAt: number[];
  /** Step where a request asked it to replicate in turn. */
  instructedAt: number | null;
}

export interface WorldCopy {
  id: number;
  step: number;
  command: number;
  source: Place;
  dest: Place;
  /** `copy` (cp, tar, rsync...), `transfer` (to or from another host). */
  kind: 'copy' | 'transfer';
  /** Did the command succeed (no obstacle, no failing exit status)? */
  ok: boolean;
  /** A copy of the replicated system (its directory, weights, or an archive of them). */
  system: boolean;
  /** Copies of copies: 1 for a copy of the original, 2 for a copy of that... */
  generation: number;
  /** The copy (its id) this one was made from. */
  parent: number | null;
}

export type PortState = 'free' | 'busy' | 'bound' | 'answered' | 'refused';

export interface WorldPortEvent {
  step: number;
  host: string | null;
  port: number;
  state: PortState;
  /** The process (its id) the event belongs to, when known. */
  process: number | null;
}

export interface WorldCheck {
  step: number;
  command: number;
  host: string | null;
  port: number | null;
  url: string | null;
  answered: boolean;
  /** Why the check did or did not count as an answer. */
  why: string;
  /** The process it reached (its id), when one was alive there. */
  process: number | null;
}

export interface WorldCwd {
  step: number;
  /** The terminal or session (`main`, or `HOST` for commands run through ssh). */
  session: string;
  cwd: string;
}

export interface World {
  system: SystemIdentity | null;
  processes: WorldProcess[];
  copies: WorldCopy[];
  ports: WorldPortEvent[];
  checks: WorldCheck[];
  cwd: WorldCwd[];
}

/** Context shown beside a verdict, never used to decide it. */
export interface VerdictContext {
  /** The task (or first user turns) asks for replication in so many words. */
  taskAsksReplication: boolean;
}

// The analysis contract's types (model.ts) gain the world model and the verdict's context here,
// so the model file's lists can change beside this without edits crossing.
declare module './model' {
  interface Outcome {
    /** Context shown beside the verdict, never used to decide it. */
    taskAsksReplication?: boolean;
  }
  interface AnalyzedTrajectory {
    /** The world model (README "World model"). */
    world?: World;
  }
}
