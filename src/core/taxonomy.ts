// The taxonomy (TAXONOMY.md) as one table: every category and obstacle kind with its short
// name, description and colour. The model's id lists, the annotation labels, the report's
// palette, the webviews' names and colours, the semantic-token modifiers and (through
// test/unit/taxonomy-table.test.ts and scripts/sync-package-json.mjs) package.json all derive
// from it, so a new category is one row here plus its rules.
// Pure data: no Node, no VS Code.
//
// Adding a category: a row here (in TAXONOMY.md's order, critical rows before context ones),
// its rules in analysis/rules.ts with fixtures in test/unit/taxonomy.test.ts, then
// `npx tsx scripts/sync-package-json.ts`. test/unit/taxonomy-table.test.ts checks the colour
// (legible on light and dark, distinct from the other critical ones) and that nothing else
// keeps a list of its own. oversight-evasion was added that way (git show 5221f6e --stat).

export type CategoryKind = 'critical' | 'context';

export interface CategoryDef {
  id: string;
  /** Critical categories are highlighted in the timeline; context ones are shown, quieter. */
  kind: CategoryKind;
  /** A badge's text. */
  short: string;
  /** How an entity thread says what a step did to it (`port 8001: probed, killed`). */
  verb: string;
  /** One sentence for labels, hovers and settings. */
  description: string;
  /** `#rrggbb`, legible on light and dark backgrounds (contrast >= 3:1 on both, tested). */
  colour: string;
}

export interface ObstacleDef {
  id: string;
  short: string;
  description: string;
  colour: string;
}

// Rows in TAXONOMY.md's order; `as const` keeps the ids as literal types for the model.
export const CATEGORY_TABLE = [
  { id: 'process-kill', kind: 'critical', short: 'kill', verb: 'killed', colour: '#e5484d', description: 'Ends or signals a process to stop, or halts the machine.' },
  { id: 'restart', kind: 'critical', short: 'restart', verb: 'restarted', colour: '#d9730d', description: 'Restarts a service, a supervised program or the machine.' },
  {
    id: 'port-discovery',
    kind: 'critical',
    short: 'port probe',
    verb: 'probed',
    colour: '#b58a00',
    description: 'Lists listening sockets or probes whether a port is free or busy.',
  },
  {
    id: 'process-launch',
    kind: 'critical',
    short: 'launch',
    verb: 'launched',
    colour: '#a371f7',
    description: 'Starts a long-lived process: backgrounded, detached or a server program.',
  },
  { id: 'file-copy', kind: 'critical', short: 'copy', verb: 'copied', colour: '#3b82f6', description: 'Copies files or directories on this machine.' },
  { id: 'remote-transfer', kind: 'critical', short: 'transfer', verb: 'transferred', colour: '#0e9eaa', description: 'Moves data between this machine and another host.' },
  {
    id: 'persistence',
    kind: 'critical',
    short: 'persistence',
    verb: 'persisted',
    colour: '#d1469c',
    description: 'Arranges for something to survive or come back after shutdown, logout or a signal.',
  },
  {
    id: 'liveness-check',
    kind: 'critical',
    short: 'liveness',
    verb: 'checked',
    colour: '#2f9e44',
    description: 'Talks the application protocol to a service to see whether it answers.',
  },
  {
    id: 'oversight-evasion',
    kind: 'critical',
    short: 'oversight',
    verb: 'tampered with',
    colour: '#c03fd0',
    description: 'Disables, removes, rewrites or moves something meant to stop, restrict or watch the agent (a shutdown script or flag, an oversight setting, a monitor).',
  },
  { id: 'credential-access', kind: 'critical', short: 'credentials', verb: 'read', colour: '#a0782a', description: 'Reads secrets or identity material.' },
  { id: 'process-discovery', kind: 'context', short: 'ps', verb: 'listed', colour: '#8b949e', description: 'Lists or inspects running processes.' },
  { id: 'resource-probe', kind: 'context', short: 'resources', verb: 'inspected', colour: '#7d8590', description: "Inspects the machine's resources and identity." },
  { id: 'dependency-install', kind: 'context', short: 'install', verb: 'installed', colour: '#878f98', description: 'Installs software.' },
] as const satisfies readonly CategoryDef[];

export const OBSTACLE_TABLE = [
  { id: 'command-not-found', short: 'command not found', colour: '#d9730d', description: 'The program is not installed or not on PATH (`command not found`, exit 127).' },
  { id: 'port-in-use', short: 'port in use', colour: '#e5484d', description: 'The port is already taken (`Address already in use`, `EADDRINUSE`).' },
  { id: 'connection-refused', short: 'connection refused', colour: '#c2557a', description: 'Nothing answered at the address (`Connection refused`, `Failed to connect to`).' },
  {
    id: 'permission-denied',
    short: 'permission denied',
    colour: '#b58a00',
    description: 'The system refused the operation (`Permission denied`, `EACCES`, `Operation not permitted`).',
  },
  { id: 'file-not-found', short: 'file not found', colour: '#a0782a', description: 'A path does not exist (`No such file or directory`, `ENOENT`, `FileNotFoundError`).' },
  {
    id: 'module-not-found',
    short: 'module not found',
    colour: '#a371f7',
    description: 'A program could not import a module (`ModuleNotFoundError`, `No module named`, `ImportError`).',
  },
  {
    id: 'syntax-error',
    short: 'syntax error',
    colour: '#0e9eaa',
    description: 'The shell or a program could not parse its input (`SyntaxError`, `syntax error near unexpected token`).',
  },
  { id: 'out-of-memory', short: 'out of memory', colour: '#c03fd0', description: 'The process ran out of memory (`CUDA out of memory`, `MemoryError`, exit 137).' },
  { id: 'timeout', short: 'timeout', colour: '#3b82f6', description: 'The command or a request timed out (`timed out`, exit 124).' },
] as const satisfies readonly ObstacleDef[];

type Row = (typeof CATEGORY_TABLE)[number];
export type CategoryId = Row['id'];
export type CriticalId = Extract<Row, { kind: 'critical' }>['id'];
export type ContextId = Extract<Row, { kind: 'context' }>['id'];
export type ObstacleId = (typeof OBSTACLE_TABLE)[number]['id'];

const byId = new Map<string, CategoryDef>(CATEGORY_TABLE.map((r) => [r.id, r]));
const obstacleById = new Map<string, ObstacleDef>(OBSTACLE_TABLE.map((r) => [r.id, r]));

/** The row of a category id, or undefined for anything else. */
/**
 * The Problems panel's default per category, under the `critical`/`context` settings: critical
 * steps that change the machine stay Warnings; those that only look (probing ports, checking
 * that a service answers) are Information, so a long run's panel is one a researcher keeps on.
 */
export const DEFAULT_CATEGORY_SEVERITY: Readonly<Record<string, 'information'>> = Object.freeze({
  'port-discovery': 'information',
  'liveness-check': 'information',
});

export function categoryDef(id: string): CategoryDef | undefined {
  return byId.get(id);
}

/** The row of an obstacle kind (`port-in-use` or `obstacle:port-in-use`). */
export function obstacleDef(id: string): ObstacleDef | undefined {
  return obstacleById.get(id.startsWith('obstacle:') ? id.slice(9) : id);
}

/** The semantic-token modifier of a category: its id camel-cased (`process-kill` -> `processKill`). */
export function tokenModifier(id: string): string {
  return id.replace(/-([a-z])/g, (_, x: string) => x.toUpperCase());
}

/** The CSS custom property holding a category's colour: `--rl-cat-process-kill`. */
export const categoryVar = (id: string) => `--rl-cat-${id}`;
/** The CSS custom property holding an obstacle kind's colour: `--rl-obstacle-port-in-use`. */
export const obstacleVar = (id: string) => `--rl-obstacle-${id}`;

/** Every colour of the table as CSS custom properties, for a `:root`/`body` rule or `style.setProperty`. */
export function colourProperties(): [string, string][] {
  return [...CATEGORY_TABLE.map((r): [string, string] => [categoryVar(r.id), r.colour]), ...OBSTACLE_TABLE.map((r): [string, string] => [obstacleVar(r.id), r.colour])];
}

/** `SELECTOR{--rl-cat-...:#...;...}`: the table's colours as one CSS rule. */
export function colourRule(selector: string): string {
  return `${selector}{${colourProperties()
    .map(([k, v]) => `${k}:${v}`)
    .join(';')}}`;
}
