// A query's result and its three printed forms: an aligned text table, CSV (RFC 4180) and
// JSON. Pure, shared by the CLI and the corpus view's host.

export type QueryValue = string | number | boolean | null | QueryValue[] | { [k: string]: QueryValue };

export interface QueryResult {
  columns: string[];
  /** DuckDB's type of each column (`VARCHAR`, `BIGINT`, `VARCHAR[]`...). */
  types: string[];
  rows: QueryValue[][];
  /** Rows the query gave (more than `rows` when capped). */
  total: number;
  ms: number;
}

/** A cell as one line of text: lists in brackets, control characters shown, never live. */
export function cellText(v: QueryValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function oneLine(s: string, width: number): string {
  // eslint-disable-next-line no-control-regex
  const flat = s.replace(/\r\n|\r|\n/g, '⏎').replace(/[\u0000-\u001f\u007f]/g, '·');
  return flat.length > width ? flat.slice(0, width - 1) + '…' : flat;
}

/** A text table: each column as wide as its widest cell, up to `width` characters; numbers right-aligned. */
export function toTextTable(r: QueryResult, width = 60): string {
  const cells = r.rows.map((row) => row.map((v) => (v === null ? 'NULL' : oneLine(cellText(v), width))));
  const widths = r.columns.map((c, i) => Math.max(oneLine(c, width).length, ...cells.map((row) => row[i].length)));
  const numeric = r.columns.map((_, i) => r.rows.length > 0 && r.rows.every((row) => row[i] === null || typeof row[i] === 'number'));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [line(r.columns.map((c) => oneLine(c, width))), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
  const more = r.total > r.rows.length ? ` (first ${r.rows.length} shown)` : '';
  out.push(`(${r.total} row${r.total === 1 ? '' : 's'}${more})`);
  return out.join('\n') + '\n';
}

/** CSV; `formulaGuard` prefixes cells starting with = + - @ (a spreadsheet would run them) with an apostrophe. */
export function toCsv(r: QueryResult, formulaGuard = true): string {
  const q = (v: QueryValue): string => {
    let s = cellText(v);
    if (formulaGuard && typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [r.columns.map(q), ...r.rows.map((row) => row.map(q))].map((l) => l.join(',')).join('\r\n') + '\r\n';
}

/** JSON: an array of objects keyed by column name. */
export function toJson(r: QueryResult): string {
  return (
    JSON.stringify(
      r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c, row[i]]))),
      null,
      2,
    ) + '\n'
  );
}
