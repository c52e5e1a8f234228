// The relational schema of a study (README "SQL over a study"): one table per kind of thing
// the analysis finds, each row keyed by the run's file and id so a run is named the same in
// every table and every export. Steps and commands are numbered from 1, as a reader counts.
// Pure data: the Node side (src/node/study) turns it into DuckDB tables and Parquet files.

/** Bumped whenever a column changes meaning, is renamed or removed (adding one is compatible). */
export const STUDY_SCHEMA_VERSION = 1;
export const STUDY_SCHEMA_ID = `replication-lens/study@${STUDY_SCHEMA_VERSION}`;

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'VARCHAR[]';

export interface ColumnDef {
  name: string;
  type: ColumnType;
  doc: string;
}

export interface TableDef {
  name: TableName;
  doc: string;
  columns: ColumnDef[];
}

export const TABLE_NAMES = ['runs', 'milestones', 'steps', 'commands', 'findings', 'obstacles', 'entities', 'processes', 'copies', 'port_events', 'checks', 'annotations'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** A cell: lists are VARCHAR[] columns. */
export type Cell = string | number | boolean | null | readonly string[];
export type Row = Cell[];

const c = (name: string, type: ColumnType, doc: string): ColumnDef => ({ name, type, doc });
/** Every table starts with the run's identity; `model` is repeated so each table partitions and filters by it alone. */
const RUN_KEY = [
  c('file', 'VARCHAR', 'path of the log, relative to the study folder'),
  c('run_id', 'VARCHAR', "the run's id inside the file (an Inspect sample id and epoch, a session id...)"),
  c('model', 'VARCHAR', 'model the run names (null when the log does not say)'),
];
const STEP = c('step', 'INTEGER', 'step number, 1-based');
const COMMAND = c('command', 'INTEGER', 'command number within the step, 1-based');

export const TABLES: readonly TableDef[] = [
  {
    name: 'runs',
    doc: 'one row per run',
    columns: [
      ...RUN_KEY,
      c('format', 'VARCHAR', 'reader that read the log (chatbot-log, inspect-eval, ...)'),
      c('title', 'VARCHAR', "the run's title"),
      c('task', 'VARCHAR', 'the task given to the agent (first user turn), when known'),
      c('epoch', 'INTEGER', 'Inspect epoch, when the log has one'),
      c('start_time', 'VARCHAR', 'ISO time of the first step that has one'),
      c('duration_s', 'DOUBLE', 'seconds from the first to the last timed step'),
      c('steps', 'INTEGER', 'number of steps'),
      c('commands', 'INTEGER', 'number of shell commands'),
      c('critical_commands', 'INTEGER', 'commands with at least one replication-critical category'),
      c('verdict', 'VARCHAR', "replicated | failed | not-attempted | unknown: an annotation's verdict when set, else the analysis'"),
      c('analysis_verdict', 'VARCHAR', "the analysis' own verdict"),
      c('verdict_from', 'VARCHAR', 'analysis | annotation'),
      c('reason', 'VARCHAR', "the analysis' one-sentence reason"),
      c('task_asks_replication', 'BOOLEAN', 'the task asks for replication in so many words'),
      c('eval_score', 'VARCHAR', "the evaluation's own score of the sample (Inspect), as text; null when the log has none"),
      c(
        'eval_agrees',
        'BOOLEAN',
        'the eval score (success) and our verdict (replicated) agree; null when the score reads as neither, or the run neither attempted nor was asked to replicate',
      ),
      c('obstacles_met', 'INTEGER', 'obstacles met (one per kind per command)'),
      c('obstacles_overcome', 'INTEGER', 'of those, overcome by a later command that succeeded'),
      c('explored_step', 'INTEGER', 'first step of each milestone (null: not reached); see the milestones table'),
      c('copied_step', 'INTEGER', 'first step that copied the system (or started a replica straight from it)'),
      c('model_server_step', 'INTEGER', 'first step that launched a model server replica that did not fail on the spot'),
      c('agent_step', 'INTEGER', 'first step that launched an agent replica that did not fail on the spot'),
      c('answered_step', 'INTEGER', 'first step where a liveness check got an answer from a replica'),
      c('replicas', 'INTEGER', 'new instances of the system the run launched (world model)'),
      c('max_generation', 'INTEGER', 'deepest generation of copy a process ran from (0: none)'),
      c('issues', 'INTEGER', 'problems met reading the run'),
    ],
  },
  {
    name: 'milestones',
    doc: 'one row per run and milestone reached: explored, copied, model-server, agent, answered',
    columns: [
      ...RUN_KEY,
      c('milestone', 'VARCHAR', 'explored | copied | model-server | agent | answered'),
      c('ordinal', 'INTEGER', 'position in the chain (1 explored ... 5 answered)'),
      STEP,
      c('seconds', 'DOUBLE', 'seconds from the start of the run, when the steps are timed'),
      c('how', 'VARCHAR', 'what reached it (the command, the process, the copy)'),
    ],
  },
  {
    name: 'steps',
    doc: 'one row per step',
    columns: [
      ...RUN_KEY,
      STEP,
      c('step_id', 'VARCHAR', "the step's stable id"),
      c('role', 'VARCHAR', 'assistant | user | system | tool | environment'),
      c('time', 'VARCHAR', 'ISO time, when the log has one'),
      c('seconds', 'DOUBLE', 'seconds from the start of the run'),
      c('commands', 'INTEGER', 'shell commands in the step'),
      c('categories', 'VARCHAR[]', "categories of the step's commands"),
      c('thought', 'VARCHAR', "the agent's text for the step"),
      c('line', 'INTEGER', 'first line of the step in the file'),
    ],
  },
  {
    name: 'commands',
    doc: 'one row per shell command',
    columns: [
      ...RUN_KEY,
      STEP,
      COMMAND,
      c('text', 'VARCHAR', 'the command line as issued'),
      c('programs', 'VARCHAR[]', 'program names of its simple commands (python3 read as python)'),
      c('categories', 'VARCHAR[]', 'taxonomy categories (critical and context)'),
      c('obstacles', 'VARCHAR[]', 'obstacle kinds its output shows'),
      c('critical', 'BOOLEAN', 'carries a replication-critical category'),
      c('succeeded', 'BOOLEAN', 'no obstacle and exit status 0 or unknown'),
      c('exit_code', 'INTEGER', 'exit status, when known'),
      c('long_running', 'BOOLEAN', 'backgrounded or marked long-running by the tool'),
      c('tool', 'VARCHAR', 'the tool that ran it'),
      c('parse_error', 'VARCHAR', 'why the shell parser fell back to tokens (null: parsed)'),
      c('output_chars', 'INTEGER', 'length of its output'),
      c('line', 'INTEGER', 'line of the command in the file'),
    ],
  },
  {
    name: 'findings',
    doc: 'one row per finding (a category or an obstacle on a command, with its evidence)',
    columns: [
      ...RUN_KEY,
      STEP,
      COMMAND,
      c('category', 'VARCHAR', 'the category, or obstacle:KIND'),
      c('kind', 'VARCHAR', 'critical | context | obstacle'),
      c('rule', 'VARCHAR', "the rule's id"),
      c('evidence', 'VARCHAR', 'the words that matched'),
      c('span_in', 'VARCHAR', 'command | output'),
      c('span_start', 'INTEGER', 'character offset of the evidence'),
      c('span_end', 'INTEGER', 'end offset (exclusive)'),
    ],
  },
  {
    name: 'obstacles',
    doc: 'one row per obstacle met (kind on a command), and whether it was overcome',
    columns: [
      ...RUN_KEY,
      STEP,
      COMMAND,
      c('kind', 'VARCHAR', 'port-in-use, command-not-found, ...'),
      c('overcome', 'BOOLEAN', 'a later command with a category (or program) in common succeeded'),
      c('overcome_step', 'INTEGER', 'step of that command'),
    ],
  },
  {
    name: 'entities',
    doc: 'one row per entity a finding names (port, pid, process, path, host, url)',
    columns: [...RUN_KEY, STEP, COMMAND, c('type', 'VARCHAR', 'port | pid | process | path | host | url'), c('value', 'VARCHAR', 'the entity as written')],
  },
  {
    name: 'processes',
    doc: 'world model: one row per process the run launched or saw',
    columns: [
      ...RUN_KEY,
      c('process_id', 'INTEGER', "the process' id in the run's world model"),
      c('program', 'VARCHAR', 'the program as a researcher names it'),
      c('command_line', 'VARCHAR', 'the command line that started it'),
      c('role', 'VARCHAR', 'model-server | agent | other'),
      c('system', 'BOOLEAN', 'an instance of the replicated system'),
      c('replica', 'BOOLEAN', 'a new instance of the system (a replication step)'),
      c('generation', 'INTEGER', '0 original; n: runs from a copy n copies away'),
      c('host', 'VARCHAR', 'null: the machine the agent runs on'),
      c('port', 'INTEGER', 'port it serves on'),
      c('pid', 'INTEGER', 'process id, when an output showed it'),
      c('launched_step', 'INTEGER', 'null: found running'),
      c('launched_command', 'INTEGER', 'command number within the launching step'),
      c('seen_step', 'INTEGER', 'first step an output showed it (processes not launched by the run)'),
      c('failed_step', 'INTEGER', 'step where it failed to start or crashed'),
      c('failed_why', 'VARCHAR', 'obstacle kind of the failure'),
      c('killed_step', 'INTEGER', 'step that killed it'),
      c('first_answer_step', 'INTEGER', 'first step a liveness check got an answer from it'),
      c('answers', 'INTEGER', 'liveness checks it answered'),
      c('from_copy', 'INTEGER', 'copy_id it runs from'),
      c('parent', 'INTEGER', 'process_id whose request made it'),
      c('instructed_step', 'INTEGER', 'step where a request asked it to replicate in turn'),
    ],
  },
  {
    name: 'copies',
    doc: 'world model: one row per copy or transfer',
    columns: [
      ...RUN_KEY,
      c('copy_id', 'INTEGER', "the copy's id in the run's world model"),
      STEP,
      COMMAND,
      c('kind', 'VARCHAR', 'copy | transfer'),
      c('source_host', 'VARCHAR', ''),
      c('source_path', 'VARCHAR', ''),
      c('dest_host', 'VARCHAR', ''),
      c('dest_path', 'VARCHAR', ''),
      c('ok', 'BOOLEAN', 'the command succeeded'),
      c('system', 'BOOLEAN', 'a copy of the replicated system'),
      c('generation', 'INTEGER', '1: a copy of the original, 2: of that copy...'),
      c('parent', 'INTEGER', 'copy_id it was made from'),
    ],
  },
  {
    name: 'port_events',
    doc: 'world model: what a step showed of a port',
    columns: [
      ...RUN_KEY,
      STEP,
      c('host', 'VARCHAR', ''),
      c('port', 'INTEGER', ''),
      c('state', 'VARCHAR', 'free | busy | bound | answered | refused'),
      c('process_id', 'INTEGER', 'the process it belongs to, when known'),
    ],
  },
  {
    name: 'checks',
    doc: 'world model: one row per liveness check',
    columns: [
      ...RUN_KEY,
      STEP,
      COMMAND,
      c('host', 'VARCHAR', ''),
      c('port', 'INTEGER', ''),
      c('url', 'VARCHAR', ''),
      c('answered', 'BOOLEAN', 'the check got an answer'),
      c('why', 'VARCHAR', 'why it did or did not count as an answer'),
      c('process_id', 'INTEGER', 'the process it reached'),
    ],
  },
  {
    name: 'annotations',
    doc: "one row per live annotation from the log's sidecar store",
    columns: [
      ...RUN_KEY,
      STEP,
      c('annotation_id', 'VARCHAR', ''),
      c('status', 'VARCHAR', 'attached | moved | orphaned'),
      c('author', 'VARCHAR', ''),
      c('labels', 'VARCHAR[]', ''),
      c('verdict', 'VARCHAR', 'confirm | reject | missed:CATEGORY'),
      c('finding', 'VARCHAR', 'the category a verdict is about'),
      c('note', 'VARCHAR', ''),
      c('updated_at', 'VARCHAR', ''),
    ],
  },
];

export function tableDef(name: TableName): TableDef {
  return TABLES.find((t) => t.name === name)!;
}

/** Rows of every table, in column order. */
export type StudyTables = Record<TableName, Row[]>;

export function emptyTables(): StudyTables {
  return Object.fromEntries(TABLE_NAMES.map((n) => [n, [] as Row[]])) as unknown as StudyTables;
}
