// Colours shared by the report, its charts and the corpus view (categories' from the taxonomy table).
import type { Category, Verdict } from '../../model';
import { CATEGORY_TABLE } from '../../taxonomy';
import type { Table2Group } from '../table2';

/** Each category's colour, from the taxonomy table. */
export const CATEGORY_COLOR = Object.fromEntries(CATEGORY_TABLE.map((r) => [r.id, r.colour])) as Record<Category, string>;

export const TABLE2_COLOR: Record<Table2Group | 'other', string> = {
  exploring: '#0969da',
  changing: '#e16f24',
  utilities: '#8250df',
  executing: '#1a7f37',
  other: '#c8d1da',
};

export const VERDICT_COLOR: Record<Verdict, string> = {
  replicated: '#cf222e',
  failed: '#9a6700',
  'not-attempted': '#57606a',
  unknown: '#8c959f',
};
