// Obstacles (TAXONOMY.md): what a command's output and exit code show went wrong.
import type { ObstacleKind } from '../model';

interface ObstacleRule {
  kind: ObstacleKind;
  signs: RegExp[];
  /** Exit codes that alone show the obstacle. */
  exitCodes?: number[];
}

export const OBSTACLE_RULES: ObstacleRule[] = [
  { kind: 'command-not-found', signs: [/command not found/i, /^(\S+: )+(line \d+: )?[\w.+-]+: not found$/m], exitCodes: [127] },
  { kind: 'port-in-use', signs: [/address already in use/i, /EADDRINUSE/, /port is already allocated/i] },
  { kind: 'connection-refused', signs: [/connection refused/i, /ECONNREFUSED/, /failed to connect to/i] },
  { kind: 'permission-denied', signs: [/permission denied/i, /EACCES/, /operation not permitted/i] },
  { kind: 'file-not-found', signs: [/no such file or directory/i, /ENOENT/, /FileNotFoundError/, /cannot stat/i] },
  { kind: 'module-not-found', signs: [/ModuleNotFoundError/, /No module named/, /ImportError/] },
  { kind: 'syntax-error', signs: [/SyntaxError/, /syntax error near unexpected token/i, /unexpected EOF/i] },
  { kind: 'out-of-memory', signs: [/CUDA out of memory/i, /MemoryError\b/, /Cannot allocate memory/i, /Unable to allocate \d/], exitCodes: [137] },
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

/** Each rule's signs compiled once with the `g` flag (the scan walks past quoted mentions). */
const COMPILED = OBSTACLE_RULES.map((rule) => ({
  rule,
  signs: rule.signs.map((sign) => new RegExp(sign.source, sign.flags.includes('g') ? sign.flags : sign.flags + 'g')),
}));

/**
 * Matches wherever any sign could (case-insensitive and multi-line, so a superset): most
 * outputs hold no sign at all, and one scan rules them out instead of one per sign.
 */
const ANY_SIGN = new RegExp(OBSTACLE_RULES.flatMap((r) => r.signs.map((s) => `(?:${s.source})`)).join('|'), 'im');

export function findObstacles(output: string, exitCode: number | null): ObstacleHit[] {
  const text = output.length > 2 * SCAN_LIMIT ? output.slice(0, SCAN_LIMIT) + '\n' + output.slice(-SCAN_LIMIT) : output;
  const hits: ObstacleHit[] = [];
  const anySign = ANY_SIGN.test(text);
  for (const { rule, signs } of COMPILED) {
    let hit: ObstacleHit | null = null;
    for (const re of anySign ? signs : []) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) break;
        if (quoted(text, m.index, m.index + m[0].length)) continue;
        hit = { kind: rule.kind, span: [m.index, m.index + m[0].length], evidence: m[0] };
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

/** A sign quoted in prose (`Connection refused` in a doc) is a mention, not an obstacle. */
function quoted(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return (before === '`' && after === '`') || (before === '"' && after === '"') || (before === "'" && after === "'");
}
