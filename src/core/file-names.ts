// The file names trajectory logs come with, in one list read by package.json (the timeline's
// editor selectors and menu conditions, written by scripts/sync-package-json.ts and checked by
// test/unit/taxonomy-table.test.ts), the language client's document selector and start gate,
// and the server's workspace search. A new format's file name is added here, once.

export interface TrajectoryFileName {
  /** The name's ending, with its dot: `.traj.json`. */
  suffix: string;
  /**
   * The language server reads it as a text document. A `.log` is served only in the
   * chatbot-log language (VS Code's log language claims `.log` by extension); an `.eval` is a zip.
   */
  served: boolean;
  /** The name alone says it is a trajectory; a `.json` or `.log` needs its content read. */
  byName: boolean;
  /** Opens in the timeline by default (its own custom editor) rather than as text. */
  timelineByDefault: boolean;
}

export const TRAJECTORY_FILE_NAMES: readonly TrajectoryFileName[] = [
  { suffix: '.log', served: false, byName: false, timelineByDefault: false },
  { suffix: '.json', served: true, byName: false, timelineByDefault: false },
  { suffix: '.jsonl', served: true, byName: true, timelineByDefault: false },
  { suffix: '.traj', served: true, byName: true, timelineByDefault: false },
  { suffix: '.traj.json', served: true, byName: true, timelineByDefault: false },
  { suffix: '.cast', served: false, byName: true, timelineByDefault: false },
  { suffix: '.eval', served: false, byName: true, timelineByDefault: true },
];

const endsWithOne = (names: readonly TrajectoryFileName[]) => (name: string) => {
  const lower = name.toLowerCase();
  return names.some((n) => lower.endsWith(n.suffix));
};

/** A name a trajectory log may have (the workspace search's candidates). */
export const isTrajectoryFileName = endsWithOne(TRAJECTORY_FILE_NAMES);

/** A text document the language server is started for by its name alone. */
export const isServedByName = endsWithOne(TRAJECTORY_FILE_NAMES.filter((n) => n.served && n.byName));

/** Glob patterns of the text documents the language server reads (besides the chatbot-log language). */
export function servedPatterns(): string[] {
  return TRAJECTORY_FILE_NAMES.filter((n) => n.served).map((n) => `**/*${n.suffix}`);
}

/** The last extensions (`resourceExtname` in a `when` clause) of the names, once each. */
export function extensionNames(names: readonly TrajectoryFileName[] = TRAJECTORY_FILE_NAMES): string[] {
  return [...new Set(names.map((n) => n.suffix.slice(n.suffix.lastIndexOf('.') + 1)))];
}
