// The trajectory model: what every format reader produces and what analysis enriches.
// Pure data (JSON-serialisable), no VS Code, no Node APIs, so the server, the CLI and the
// webview can all share it.
import { CATEGORY_TABLE, OBSTACLE_TABLE, type CategoryId, type ContextId, type CriticalId, type ObstacleId } from './taxonomy';

/** Format ids, as named by DESIGN.md's analysis contract. */
export const FORMAT_IDS = [
  'chatbot-log',
  'inspect-eval',
  'inspect-json',
  'swe-agent',
  'mini-swe-agent',
  'openhands',
  'openhands-v1',
  'claude-code',
  'codex',
  'openai-chat',
  'asciicast',
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export type Role = 'assistant' | 'user' | 'system' | 'tool' | 'environment';

/** Lines in the source file, 1-based and inclusive (as a researcher reads them). */
export interface SourceRange {
  startLine: number;
  endLine: number;
}

/** One shell command as the agent issued it, before analysis. */
export interface RawCommand {
  /** The command line exactly as issued (an argv list is joined as a shell would quote it). */
  text: string;
  /** Set when the tool took an argv list rather than a command line (Codex `shell`). */
  argv?: string[];
  /** What the command printed (stdout and stderr as the tool reported them). */
  output: string;
  /** Exit status, when the log tells it. */
  exitCode: number | null;
  /** Marked long-running / backgrounded by the tool call itself. */
  longRunning: boolean;
  /** The tool that ran it (`bash`, `execute_command_in_terminal`, ...). */
  tool?: string;
  /** Where the command sits in the file, when the reader knows it. */
  source?: SourceRange | null;
}

/** One agent turn: a model response with the tool calls it made and their results. */
export interface RawStep {
  /** Stable id: the format's own id when it has one, else derived from content (see ids.ts). */
  id: string;
  role: Role;
  /** ISO 8601 timestamp, or null. */
  time: string | null;
  /** The agent's reasoning/message text for this turn (may be markdown). */
  thought: string;
  source: SourceRange | null;
  commands: RawCommand[];
  /** Other tool calls of the step that are not shell commands (name + short summary). */
  otherTools?: { name: string; summary: string }[];
  /** Extra output that belongs to the step but to no command (e.g. a background read). */
  notes?: string[];
}

/** A problem met while reading: which format, where, why. */
export interface ReadIssue {
  severity: 'error' | 'warning';
  message: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** An entry name (zip member, event id, JSONL line...) when lines do not apply. */
  entry?: string;
}

export interface RawTrajectory {
  id: string;
  title: string;
  model: string | null;
  task: string | null;
  steps: RawStep[];
  /** Problems inside this run (a corrupt step); the rest of the run still reads. */
  issues: ReadIssue[];
  /** Metadata worth showing (epoch, sample id, scores, final status...). */
  meta?: Record<string, string | number | boolean | null>;
}

export interface ReadResult {
  format: FormatId;
  trajectories: RawTrajectory[];
  /** Problems with the file as a whole that did not stop reading. */
  issues: ReadIssue[];
}

// ---- Analysis (TAXONOMY.md) -------------------------------------------------------------

// The lists derive from the one table (taxonomy.ts), in its order.
export type CriticalCategory = CriticalId;
export type ContextCategory = ContextId;
export type Category = CategoryId;
export const CRITICAL_CATEGORIES: readonly CriticalCategory[] = CATEGORY_TABLE.filter((r) => r.kind === 'critical').map((r) => r.id as CriticalCategory);
export const CONTEXT_CATEGORIES: readonly ContextCategory[] = CATEGORY_TABLE.filter((r) => r.kind === 'context').map((r) => r.id as ContextCategory);
export const CATEGORIES: readonly Category[] = [...CRITICAL_CATEGORIES, ...CONTEXT_CATEGORIES];

export type ObstacleKind = ObstacleId;
export const OBSTACLE_KINDS: readonly ObstacleKind[] = OBSTACLE_TABLE.map((r) => r.id);
/** As written in labels and the contract: `obstacle:port-in-use`. */
export type ObstacleLabel = `obstacle:${ObstacleKind}`;

const CRITICAL_SET: ReadonlySet<string> = new Set(CRITICAL_CATEGORIES);

export function isCritical(c: string): c is CriticalCategory {
  return CRITICAL_SET.has(c);
}

export interface Entities {
  ports: number[];
  pids: number[];
  processes: string[];
  paths: string[];
  hosts: string[];
  urls: string[];
}

export interface Finding {
  category: Category | ObstacleLabel;
  /** Why: the words that matched, and the rule's id. */
  evidence: string;
  rule: string;
  /** Character offsets into the command text (or into the output, for obstacles). */
  span: [number, number];
  /** Whether `span` points into the command text or its output. */
  spanIn: 'command' | 'output';
  entities: Entities;
}

/**
 * A command with what the analysis found. Commands of the same text share their (frozen)
 * categories, findings and obstacle lists: read them, copy before changing.
 */
export interface AnalyzedCommand extends RawCommand {
  categories: Category[];
  /** Obstacle kinds seen in the output (as in the labels: `port-in-use`, not `obstacle:...`). */
  obstacles: ObstacleKind[];
  findings: Finding[];
  /** Null when the command parsed as shell; else why the token fallback was used. */
  parseError: string | null;
  /**
   * The programs its simple commands run, as the shell parse reads them (wrappers looked
   * through, code handed to `bash -c`, `eval` or `ssh` included, calls in Python code not), one
   * name per simple command, in order: `cd /w && sudo python3 s.py` runs `cd`, `python3`.
   * Shared by the commands of one text: do not mutate.
   */
  programs: string[];
}

export interface AnalyzedStep extends Omit<RawStep, 'commands'> {
  index: number;
  commands: AnalyzedCommand[];
}

export type Verdict = 'replicated' | 'failed' | 'not-attempted' | 'unknown';

export interface Outcome {
  verdict: Verdict;
  /** Step indexes that support the verdict. */
  evidence: number[];
  /** One sentence a researcher can read. */
  reason: string;
}

export interface Thread {
  /** `port:8001`, `pid:4242`, `path:/w/Agent_new`, `process:vllm`, `host:...`, `url:...` */
  entity: string;
  steps: number[];
  /** What happened to the entity in each of those steps, in order (`port-discovery`, ...). */
  roles: string[];
}

/** What the agent's own words claim happened (README "Claimed vs observed"). */
export type ClaimKind = 'running' | 'port-free' | 'answered' | 'killed' | 'copied' | 'listening';

/** A claim in a step's thought that the outputs contradict or never show (verified ones are not listed). */
export interface Claim {
  /** AnalyzedStep.index */
  step: number;
  kind: ClaimKind;
  /** The sentence quoted. */
  text: string;
  /** Offsets in the step's thought text, if known. */
  span: { start: number; end: number } | null;
  status: 'contradicted' | 'unobserved';
  /** One line for a human. */
  why: string;
  evidenceStep: number | null;
}

export interface AnalyzedTrajectory extends Omit<RawTrajectory, 'steps'> {
  steps: AnalyzedStep[];
  outcome: Outcome;
  threads: Thread[];
  /** Claims of the agent that the outputs contradict or never show, in step order. */
  claims: Claim[];
}

export interface Analysis {
  schema: 'replication-lens/analysis@1';
  file: string;
  format: FormatId;
  trajectories: AnalyzedTrajectory[];
  issues: ReadIssue[];
}

export function emptyEntities(): Entities {
  return { ports: [], pids: [], processes: [], paths: [], hosts: [], urls: [] };
}
