// Obstacles (TAXONOMY.md): what a command's output and exit code show went wrong.
import type { ObstacleKind } from '../model';
import { escapeRegExp } from '../regex-escape';

interface ObstacleRule {
  kind: ObstacleKind;
  signs: RegExp[];
  /** Exit codes that alone show the obstacle. */
  exitCodes?: number[];
}

export const OBSTACLE_RULES: ObstacleRule[] = [
  {
    kind: 'command-not-found',
    // POSIX shells; a container runtime's exec (`executable file not found in $PATH`); PowerShell and cmd.exe.
    signs: [
      /command not found/i,
      /^(\S+: )+(line \d+: )?[\w.+-]+: not found$/m,
      /executable file not found in [$]PATH/,
      /is not recognized as the name of a cmdlet/i,
      /is not recognized as a name of a cmdlet/i,
      /is not recognized as an internal or external command/i,
    ],
    exitCodes: [127],
  },
  // Windows says WSAEADDRINUSE (10048) in its own words.
  { kind: 'port-in-use', signs: [/address already in use/i, /EADDRINUSE/, /port is already allocated/i, /only one usage of each socket address/i] },
  { kind: 'connection-refused', signs: [/connection refused/i, /ECONNREFUSED/, /failed to connect to/i, /actively refused/i, /couldn't connect to server/i] },
  // PowerShell's and Windows' wordings too (`Access to the path 'D:\x' is denied.`, `Access is denied.`).
  {
    kind: 'permission-denied',
    signs: [/permission denied/i, /EACCES/, /operation not permitted/i, /Access to the path '[^'\n]{1,300}' is denied/i, /^Access is denied[.]?[ \t]*$/im],
  },
  { kind: 'file-not-found', signs: [/no such file or directory/i, /ENOENT/, /FileNotFoundError/, /cannot stat/i] },
  { kind: 'module-not-found', signs: [/ModuleNotFoundError/, /No module named/, /ImportError/] },
  { kind: 'syntax-error', signs: [/SyntaxError/, /syntax error near unexpected token/i, /unexpected EOF/i] },
  {
    kind: 'out-of-memory',
    signs: [
      /CUDA out of memory/i,
      /MemoryError\b/,
      /Cannot allocate memory/i,
      /Unable to allocate \d/,
      /\bOOMKilled\b/,
      // llama.cpp / ggml: `cudaMalloc failed: out of memory`, `unable to allocate CUDA0 buffer` (written
      // without alternations, so that each has a literal that rules most outputs out: literalOf).
      /Malloc failed: out of memory/i,
      /unable to allocate \w+ buffer/i,
      // Windows: a model that does not fit the paging file, or ERROR_NOT_ENOUGH_MEMORY.
      /paging file is too small/i,
      /Not enough memory resources are available/i,
    ],
    exitCodes: [137],
  },
  { kind: 'timeout', signs: [/timed out/i], exitCodes: [124] },
];

export interface ObstacleHit {
  kind: ObstacleKind;
  /** Offsets in the output, or null when only the exit code showed it. */
  span: [number, number] | null;
  evidence: string;
}

/** Longest output scanned: signs live near errors, and megabyte outputs must stay cheap. */
const SCAN_LIMIT = 200_000;

/**
 * Text every match of a sign contains (lower-cased): most outputs hold no sign at all, and a
 * substring search of the lower-cased output rules a sign out far faster than its regex.
 */
export function literalOf(sign: RegExp): string {
  // Character classes and class escapes match one character of many: not literal text.
  const src = sign.source.replace(/\[(?:\\.|[^\]\\])*\]/g, '\0').replace(/\\[bBdDsSwW]/g, '\0');
  if (/[|\\]/.test(src)) return ''; // alternations and other escapes: claim nothing
  // Only text after the last group is outside every group (and so in every match).
  const tail = src.slice(src.lastIndexOf(')') + 1);
  let best = '';
  for (const m of tail.matchAll(/[A-Za-z0-9 ':_-]+/g)) {
    // A quantifier after a run makes its last character optional.
    const run = /^[?*{]/.test(tail.slice(m.index! + m[0].length)) ? m[0].slice(0, -1) : m[0];
    if (run.length > best.length) best = run;
  }
  return best.toLowerCase();
}

/** Each rule's signs compiled once with the `g` flag (the scan walks past quoted mentions). */
const COMPILED = OBSTACLE_RULES.map((rule) => ({
  rule,
  signs: rule.signs.map((sign) => ({
    re: new RegExp(sign.source, sign.flags.includes('g') ? sign.flags : sign.flags + 'g'),
    literal: literalOf(sign),
  })),
}));

const NO_SIGNS: (typeof COMPILED)[number]['signs'] = [];

/** Any sign's text, in one pass over the lower-cased output (null when a sign has none). */
const LITERALS = COMPILED.flatMap((c) => c.signs.map((s) => s.literal));
// Case-insensitive, so the common output with no sign is ruled out without a lower-cased copy.
// Grouped by first character (`c(?:ommand not found|onnection refused|...)`), which the regexp
// engine scans about a fifth faster than the flat alternation.
const byFirst = new Map<string, string[]>();
for (const l of LITERALS) byFirst.set(l[0], [...(byFirst.get(l[0]) ?? []), l.slice(1)]);
const ANY_LITERAL = LITERALS.includes('') ? null : new RegExp([...byFirst].map(([c, rests]) => `${escapeRegExp(c)}(?:${rests.map(escapeRegExp).join('|')})`).join('|'), 'i');

/**
 * Which signs' texts a lower-cased output holds, found in one scan instead of a search per sign
 * (outputs with a sign are often long listings or logs): a lookahead at each place where one
 * starts. Exact while no text is a prefix of another (two texts then never start at one place);
 * otherwise, and for a sign without text, each is searched for.
 */
const DISTINCT_LITERALS = [...new Set(LITERALS)];
const PREFIX_FREE = DISTINCT_LITERALS.every((a) => a !== '' && DISTINCT_LITERALS.every((b) => a === b || !b.startsWith(a)));
const LITERAL_SCAN = PREFIX_FREE ? new RegExp(`(?=(${DISTINCT_LITERALS.map(escapeRegExp).join('|')}))`, 'g') : null;

function literalsIn(lower: string): Set<string> | null {
  if (!LITERAL_SCAN) return null;
  const found = new Set<string>();
  LITERAL_SCAN.lastIndex = 0;
  for (let m = LITERAL_SCAN.exec(lower); m; m = LITERAL_SCAN.exec(lower)) {
    found.add(m[1]);
    LITERAL_SCAN.lastIndex = m.index + 1; // the match is empty: step past its place
  }
  return found;
}

/** Exit codes that alone show an obstacle. */
const TELLING_EXIT_CODES = new Set(OBSTACLE_RULES.flatMap((r) => r.exitCodes ?? []));
const NO_HITS: readonly ObstacleHit[] = Object.freeze([]);

/**
 * The obstacles an output and exit code show; a shared empty list (never to be written) when
 * none. With `own` (a command that only shows text, readers.ts), a sign counts only on a line
 * that is the command's own diagnostic; signs elsewhere go to `shown`, one per kind, as
 * evidence about whoever wrote that text.
 */
export function findObstacles(output: string, exitCode: number | null, own?: RegExp, shown?: ObstacleHit[]): readonly ObstacleHit[] {
  const text = output.length > 2 * SCAN_LIMIT ? output.slice(0, SCAN_LIMIT) + '\n' + output.slice(-SCAN_LIMIT) : output;
  const anySign = ANY_LITERAL === null || ANY_LITERAL.test(text);
  // Nine outputs in ten show neither a sign nor a telling exit code.
  if (!anySign && (exitCode === null || !TELLING_EXIT_CODES.has(exitCode))) return NO_HITS;
  const hits: ObstacleHit[] = [];
  const lower = anySign ? text.toLowerCase() : '';
  const present = anySign ? literalsIn(lower) : null;
  // Indexed loops: this runs per output, mostly before the JIT has optimised it, when a for-of
  // allocates an iterator result per element.
  for (let r = 0; r < COMPILED.length; r++) {
    const { rule, signs: all } = COMPILED[r];
    const signs = anySign ? all : NO_SIGNS;
    let hit: ObstacleHit | null = null;
    for (let k = 0; k < signs.length; k++) {
      const { re, literal } = signs[k];
      if (present ? !present.has(literal) : !lower.includes(literal)) continue;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) break;
        if (quoted(text, m.index, m.index + m[0].length)) continue;
        const h: ObstacleHit = { kind: rule.kind, span: [m.index, m.index + m[0].length], evidence: m[0] };
        if (own && !own.test(lineAt(text, m.index))) {
          if (shown && !shown.some((x) => x.kind === h.kind)) shown.push(h);
          continue;
        }
        hit = h;
        break;
      }
      if (hit) break;
    }
    if (!hit && exitCode !== null && rule.exitCodes?.includes(exitCode)) {
      hit = { kind: rule.kind, span: null, evidence: `exit code ${exitCode}` };
    }
    if (hit) hits.push(hit);
  }
  return hits;
}

function lineAt(text: string, at: number): string {
  const end = text.indexOf('\n', at);
  return text.slice(text.lastIndexOf('\n', at) + 1, end < 0 ? text.length : end);
}

/** A sign quoted in prose (`Connection refused` in a doc) is a mention, not an obstacle. */
function quoted(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return (before === '`' && after === '`') || (before === '"' && after === '"') || (before === "'" && after === "'");
}
