// Saved queries in a plain SQL file a team shares through git
// (`.vscode/replication-lens.queries.sql`): each query starts with a `-- name: TITLE` line and
// runs to the next one. Anything before the first such line is a preamble and kept as is.
import { EXAMPLE_QUERIES } from './examples';

export interface SavedQuery {
  name: string;
  sql: string;
}

export const SAVED_QUERIES_FILE = '.vscode/replication-lens.queries.sql';
const HEADER = /^--\s*name:\s*(.*?)\s*$/;

export function parseSavedQueries(text: string): SavedQuery[] {
  const out: SavedQuery[] = [];
  let cur: { name: string; lines: string[] } | null = null;
  const flush = () => {
    if (cur && cur.lines.join('\n').trim()) out.push({ name: cur.name || `query ${out.length + 1}`, sql: cur.lines.join('\n').trim() });
  };
  for (const line of text.split(/\r?\n/)) {
    const m = HEADER.exec(line);
    if (m) {
      flush();
      cur = { name: m[1], lines: [] };
    } else if (cur) {
      cur.lines.push(line);
    }
  }
  flush();
  return out;
}

/** The text to append for one more saved query (a name on one line, no header look-alikes inside). */
export function savedQueryBlock(name: string, sql: string): string {
  const safeName = name.replace(/[\r\n]+/g, ' ').trim() || 'query';
  const body = sql
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((l) => (HEADER.test(l) ? `-- ${l}` : l))
    .join('\n');
  return `-- name: ${safeName}\n${body}\n\n`;
}

export const EXAMPLES_AS_SAVED: SavedQuery[] = EXAMPLE_QUERIES.map((e) => ({ name: `${e.name}: ${e.title}`, sql: e.sql.trim() }));
