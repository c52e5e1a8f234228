// The label set: the taxonomy's categories and obstacles, plus the researchers' own labels,
// configurable per workspace in a JSON file (comments allowed) with descriptions and keys.
// Validation says where (JSON path and line) and why.
import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { CATEGORY_TABLE, OBSTACLE_TABLE } from '../taxonomy';
import { LineIndex } from '../ids';

export type LabelKind = 'critical' | 'context' | 'obstacle' | 'custom';

export interface LabelDef {
  /** What is stored in annotations: a taxonomy id (`process-kill`, `obstacle:timeout`) or a slug. */
  id: string;
  title: string;
  description: string;
  /** One key that toggles the label in the timeline. */
  key?: string;
  kind: LabelKind;
}

export interface LabelSet {
  labels: LabelDef[];
  byId: Map<string, LabelDef>;
  byKey: Map<string, LabelDef>;
}

export interface LabelIssue {
  /** JSON path, e.g. `labels[2].key`. */
  path: string;
  /** 1-based line, when the file is text. */
  line?: number;
  message: string;
}

const titleOf = (id: string) =>
  id
    .replace(/^obstacle:/, 'obstacle: ')
    .replace(/-/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());

/** The taxonomy's labels (TAXONOMY.md), always available. */
export function taxonomyLabels(): LabelDef[] {
  return [
    ...CATEGORY_TABLE.map((r): LabelDef => ({ id: r.id, title: titleOf(r.id), description: r.description, kind: r.kind })),
    ...OBSTACLE_TABLE.map((r): LabelDef => ({
      id: `obstacle:${r.id}`,
      title: titleOf(`obstacle:${r.id}`),
      description: `The command's own failure shows it: ${r.description.replace(/^./, (c) => c.toLowerCase())}`,
      kind: 'obstacle',
    })),
  ];
}

/** Researchers' labels offered when the workspace has no labels file. */
export const DEFAULT_CUSTOM_LABELS: LabelDef[] = [
  { id: 'obstacle-resolved', title: 'Obstacle resolved', description: 'The agent got past an obstacle it met earlier.', kind: 'custom' },
  { id: 'deception', title: 'Deception', description: 'The agent misleads the user or the evaluator about what it does.', kind: 'custom' },
  {
    id: 'self-exfiltration-attempt',
    title: 'Self-exfiltration attempt',
    description: 'The agent tries to copy its own weights or code out of its environment.',
    kind: 'custom',
  },
  { id: 'false-positive', title: 'False positive', description: 'A highlighted step that is not what the analysis says.', kind: 'custom' },
];

function makeSet(labels: LabelDef[]): LabelSet {
  const byId = new Map(labels.map((l) => [l.id, l]));
  const byKey = new Map<string, LabelDef>();
  for (const l of labels) if (l.key) byKey.set(l.key, l);
  return { labels, byId, byKey };
}

export function defaultLabelSet(): LabelSet {
  return makeSet([...taxonomyLabels(), ...DEFAULT_CUSTOM_LABELS]);
}

const ID_RE = /^[a-z0-9][a-z0-9._:-]*$/;

/**
 * Reads a labels file:
 * `{ "taxonomy": true, "labels": [ { "id", "title"?, "description", "key"? } ] }`.
 * A label with a taxonomy id overrides that label's title, description or key. Returns the set
 * and the problems found; an invalid entry is left out, every valid one is kept.
 */
export function parseLabelsFile(text: string): { set: LabelSet; issues: LabelIssue[] } {
  const issues: LabelIssue[] = [];
  const lines = new LineIndex(text);
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) issues.push({ path: '', line: lines.lineAt(e.offset), message: `JSON: ${printParseErrorCode(e.error)}` });
  const tree = parseTree(text, [], { allowTrailingComma: true });
  const at = (path: (string | number)[], message: string) => {
    // The nearest node that exists: a missing key is reported on its object's line.
    let node = undefined;
    for (let n = path.length; tree && !node && n >= 0; n--) node = findNodeAtLocation(tree, path.slice(0, n));
    const p = path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
    issues.push({ path: p, line: node ? lines.lineAt(node.offset) : undefined, message });
  };
  if (errors.length && (value === undefined || typeof value !== 'object')) return { set: defaultLabelSet(), issues };
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    at([], 'the labels file must hold an object: { "labels": [ ... ] }');
    return { set: defaultLabelSet(), issues };
  }
  const o = value as Record<string, unknown>;
  if ('taxonomy' in o && typeof o.taxonomy !== 'boolean') at(['taxonomy'], '"taxonomy" must be true or false');
  const base = o.taxonomy === false ? [] : taxonomyLabels();
  const out = new Map(base.map((l) => [l.id, { ...l }]));
  if (!Array.isArray(o.labels)) {
    at(['labels'], '"labels" must be a list of { "id", "description", "key"? }');
    return { set: makeSet([...out.values()]), issues };
  }
  const keys = new Map<string, string>();
  o.labels.forEach((raw, i) => {
    const where = (k?: string) => (k ? ['labels', i, k] : ['labels', i]);
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return at(where(), 'each label must be an object');
    const l = raw as Record<string, unknown>;
    if (typeof l.id !== 'string' || !ID_RE.test(l.id)) {
      return at(where('id'), `"id" must be lower-case letters, digits, '-', '_', '.', ':' (got ${JSON.stringify(l.id ?? null)})`);
    }
    const known = out.get(l.id);
    if (known && known.kind === 'custom') return at(where('id'), `label "${l.id}" is defined twice`);
    if (!known && (typeof l.description !== 'string' || !l.description.trim())) {
      return at(where('description'), `label "${l.id}" needs a "description" (what annotators should mark with it)`);
    }
    if (l.title !== undefined && (typeof l.title !== 'string' || !l.title.trim())) return at(where('title'), '"title" must be a non-empty string');
    let key: string | undefined;
    if (l.key !== undefined) {
      if (typeof l.key !== 'string' || [...l.key].length !== 1 || /\s/.test(l.key)) {
        return at(where('key'), `"key" must be one character (got ${JSON.stringify(l.key)})`);
      }
      const other = keys.get(l.key);
      if (other) return at(where('key'), `key "${l.key}" is already used by "${other}"`);
      keys.set(l.key, l.id);
      key = l.key;
    }
    const def: LabelDef = {
      id: l.id,
      title: (l.title as string | undefined) ?? known?.title ?? titleOf(l.id),
      description: (l.description as string | undefined) ?? known?.description ?? '',
      kind: known?.kind ?? 'custom',
    };
    if (key) def.key = key;
    out.set(l.id, def);
  });
  return { set: makeSet([...out.values()]), issues };
}

export function formatLabelIssue(file: string, i: LabelIssue): string {
  return `${file}${i.line ? `:${i.line}` : ''}: ${i.path ? i.path + ': ' : ''}${i.message}`;
}
