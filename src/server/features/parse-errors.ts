// What stopped the shell parser on a command, from its parse error (core/shell): a bound of
// limits.ts (the line is well-formed shell, only too deep, long or wide to read whole) or the
// grammar's own error (the text is not shell), and where: the code it was handed to (`bash -c`,
// `ssh`, ...) and the column the grammar stopped at. The bounds are matched against OVER itself,
// so a bound added or reworded there is recognised without a change here.
import { OVER } from '../../core/shell/limits';

export interface ParseProblem {
  kind: 'limit' | 'syntax';
  /** The error without the nesting prefixes. */
  why: string;
  /** The programs that handed the code on, outermost first (`in bash -c code: ...`). */
  via: string[];
  /** 1-based column in the code the grammar read (the command itself when `via` is empty). */
  column: number | null;
}

/** A sentinel no real error carries: OVER's templates called with it become patterns. */
const SENTINEL = 987654321;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pattern per bound, built from OVER's own wording. */
const LIMITS: RegExp[] = Object.values(OVER).map((v) => {
  const sample = typeof v === 'string' ? v : (v as (x: number) => string)(SENTINEL);
  return new RegExp(`^${escape(sample).replace(String(SENTINEL), '[^]+')}$`);
});

const NESTED = /^in (.+?) code: /;
const COLUMN = / at column (\d+)$/;

export function parseProblem(error: string): ParseProblem {
  const via: string[] = [];
  let why = error;
  for (let m = NESTED.exec(why); m; m = NESTED.exec(why)) {
    via.push(m[1]);
    why = why.slice(m[0].length);
  }
  const kind = LIMITS.some((re) => re.test(why)) ? 'limit' : 'syntax';
  const col = kind === 'syntax' ? COLUMN.exec(why) : null;
  return { kind, why, via, column: col ? Number(col[1]) : null };
}

/** The diagnostic's message: which kind of stop, which bound or error, and in which code. */
export function parseProblemMessage(p: ParseProblem): string {
  const where = p.via.length ? ` in the code handed to ${p.via.join(' → ')}` : '';
  return p.kind === 'limit'
    ? `A parser limit, not a syntax error, stopped a full reading of this command${where}: ${p.why}; what lies past the limit comes from its words alone`
    : `This command did not parse as shell${where}: ${p.why.replace(/^does not parse as shell: /, '')}; its categories come from a token fallback`;
}
