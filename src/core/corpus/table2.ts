// The Fudan paper's Table 2 grouping of the programs agents ran (arXiv 2412.12140, Table 2:
// the commands the agents used, by purpose). The programs of each command come from the
// analysis (AnalyzedCommand.programs, the shell parse); this folds their names onto the
// table's.

export const TABLE2_GROUPS = {
  exploring: ['ls', 'find', 'pwd', 'cat', 'ps', 'lsof', 'netstat', 'ss', 'curl', 'nc'],
  changing: ['source', 'pip', 'sed', 'cd', 'touch', 'mkdir', 'cp', 'kill'],
  utilities: ['grep', 'tail', 'nano', 'vim'],
  executing: ['python', 'bash'],
} as const;
export type Table2Group = keyof typeof TABLE2_GROUPS;
export const TABLE2_GROUP_IDS = Object.keys(TABLE2_GROUPS) as Table2Group[];
export const TABLE2_LABELS: Record<Table2Group, string> = {
  exploring: 'Exploring the environment',
  changing: 'Changing the environment',
  utilities: 'Utilities',
  executing: 'Executing programs',
};

const GROUP_OF = new Map<string, Table2Group>();
for (const g of TABLE2_GROUP_IDS) for (const p of TABLE2_GROUPS[g]) GROUP_OF.set(p, g);

/** The Table 2 group of a (normalised) program name, or null when the table does not list it. */
export function table2Group(program: string): Table2Group | null {
  return GROUP_OF.get(program) ?? null;
}

/**
 * Folds version suffixes and aliases onto the names Table 2 uses: `python3.11` -> `python`,
 * `pip3` -> `pip`, `vi` stays `vi` (the table lists vim), `.` (the builtin) -> `source`.
 */
export function normaliseProgram(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (/^python[0-9.]*$/.test(base)) return 'python';
  if (/^pip[0-9.]*$/.test(base)) return 'pip';
  if (base === '.') return 'source';
  return base;
}
