// package.json names the taxonomy in four places VS Code reads without running our code: the
// per-category severity setting's properties, the critical/context severity settings'
// descriptions, and the semantic-token modifiers. This derives them from the taxonomy table,
// and the timeline's editor selectors and menu conditions from the one list of trajectory
// file names (src/core/file-names.ts).
//   npx tsx scripts/sync-package-json.ts          rewrites package.json (only those values)
//   npx tsx scripts/sync-package-json.ts --check  exits 1 and prints the differences
// test/unit/taxonomy-table.test.ts runs the check.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyEdits, modify, parse } from 'jsonc-parser';
import { CATEGORY_TABLE, DEFAULT_CATEGORY_SEVERITY, OBSTACLE_TABLE, tokenModifier } from '../src/core/taxonomy';
import { SIDECAR_SUFFIXES, TRAJECTORY_FILE_NAMES, extensionNames } from '../src/core/file-names';

export const PACKAGE_JSON = fileURLToPath(new URL('../package.json', import.meta.url));

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];
const SETTINGS = ['contributes', 'configuration', 'properties'];
const ids = (kind: string) =>
  CATEGORY_TABLE.filter((r) => r.kind === kind)
    .map((r) => `\`${r.id}\``)
    .join(', ');

/** The values package.json must hold, by JSON path. */
export function expectedValues(): { path: (string | number)[]; value: unknown }[] {
  const perCategory: Record<string, unknown> = {};
  for (const r of CATEGORY_TABLE) perCategory[r.id] = { type: 'string', enum: SEVERITIES, markdownDescription: r.description };
  for (const r of OBSTACLE_TABLE) perCategory[`obstacle:${r.id}`] = { type: 'string', enum: SEVERITIES, markdownDescription: r.description };
  return [
    {
      path: [...SETTINGS, 'replicationLens.diagnostics.critical', 'markdownDescription'],
      value: `Severity of each replication-critical finding (${ids('critical')}).`,
    },
    {
      path: [...SETTINGS, 'replicationLens.diagnostics.context', 'markdownDescription'],
      value: `Severity of context categories (${ids('context')}).`,
    },
    { path: [...SETTINGS, 'replicationLens.diagnostics.categories', 'properties'], value: perCategory },
    { path: [...SETTINGS, 'replicationLens.diagnostics.categories', 'default'], value: { ...DEFAULT_CATEGORY_SEVERITY } },
    {
      path: ['contributes', 'semanticTokenModifiers'],
      value: CATEGORY_TABLE.map((r) => ({ id: tokenModifier(r.id), description: `Finding category ${r.id}` })),
    },
    ...fileNameValues(),
  ];
}

/** The timeline's editor selectors and menu conditions, from the list of trajectory file names. */
function fileNameValues(): { path: (string | number)[]; value: unknown }[] {
  const selector = (byDefault: boolean) => TRAJECTORY_FILE_NAMES.filter((n) => n.timelineByDefault === byDefault).map((n) => ({ filenamePattern: `*${n.suffix}` }));
  const alt = (xs: string[]) => xs.map((x) => x.replace(/\./g, '\\.')).join('|');
  // Names that say "trajectory" by themselves and open as text: the editor title offers the timeline.
  const named = TRAJECTORY_FILE_NAMES.filter((n) => n.byName && !n.timelineByDefault);
  const single = extensionNames(named.filter((n) => n.suffix.lastIndexOf('.') === 0));
  const multi = named.filter((n) => n.suffix.lastIndexOf('.') > 0).map((n) => n.suffix);
  const titleWhen = [
    'resourceLangId == chatbot-log',
    ...(single.length ? [`resourceExtname =~ /^\\.(${alt(single)})$/`] : []),
    ...(multi.length ? [`resourceFilename =~ /${multi.length > 1 ? `(${alt(multi)})` : alt(multi)}$/`] : []),
  ].join(' || ');
  // Annotation sidecars and label files end like logs (.jsonl, .json) but are not: no timeline
  // there (a negative lookahead, as when clauses have no not-match operator).
  const notSidecar = `resourceFilename =~ /^(?!.*(${alt([...SIDECAR_SUFFIXES])})$)/`;
  return [
    { path: ['contributes', 'customEditors', 0, 'selector'], value: selector(false) },
    { path: ['contributes', 'customEditors', 1, 'selector'], value: selector(true) },
    { path: ['contributes', 'menus', 'editor/title', 0, 'when'], value: `activeCustomEditorId != replicationLens.timeline && (${titleWhen}) && ${notSidecar}` },
    { path: ['contributes', 'menus', 'explorer/context', 0, 'when'], value: `!explorerResourceIsFolder && resourceExtname =~ /^\\.(${alt(extensionNames())})$/ && ${notSidecar}` },
  ];
}

function at(obj: unknown, path: (string | number)[]): unknown {
  let o = obj;
  for (const k of path) o = o && typeof o === 'object' ? (o as Record<string, unknown>)[k as string] : undefined;
  return o;
}

const show = (v: unknown) => JSON.stringify(v);

/** Where package.json's text differs from the table, one readable line per difference. */
export function packageDifferences(text: string): string[] {
  const pkg = parse(text);
  const out: string[] = [];
  for (const { path, value } of expectedValues()) {
    const actual = at(pkg, path);
    const where = path.join(' > ');
    if (value && typeof value === 'object' && !Array.isArray(value) && actual && typeof actual === 'object' && !Array.isArray(actual)) {
      const want = value as Record<string, unknown>;
      const have = actual as Record<string, unknown>;
      for (const k of Object.keys(want)) if (!(k in have)) out.push(`${where}: missing "${k}"`);
      for (const k of Object.keys(have)) if (!(k in want)) out.push(`${where}: "${k}" is not in the taxonomy table`);
      for (const k of Object.keys(want)) if (k in have && show(have[k]) !== show(want[k])) out.push(`${where} > ${k}: ${show(have[k])}, the table says ${show(want[k])}`);
      if (!out.length && show(Object.keys(have)) !== show(Object.keys(want))) out.push(`${where}: keys out of the table's order`);
    } else if (Array.isArray(value) && Array.isArray(actual)) {
      const have = actual.map(show);
      const want = value.map(show);
      for (const w of want) if (!have.includes(w)) out.push(`${where}: missing ${w}`);
      for (const h of have) if (!want.includes(h)) out.push(`${where}: ${h} is not in the taxonomy table`);
      if (!out.length && show(have) !== show(want)) out.push(`${where}: entries out of the table's order`);
    } else if (show(actual) !== show(value)) {
      out.push(`${where}: ${show(actual)}, the table says ${show(value)}`);
    }
  }
  return out;
}

/** package.json's text with the table's values written in, the rest of its formatting kept. */
export function syncedPackageJson(text: string): string {
  let out = text;
  for (const { path, value } of expectedValues()) {
    out = applyEdits(out, modify(out, path, value, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } }));
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = readFileSync(PACKAGE_JSON, 'utf8');
  const diffs = packageDifferences(text);
  if (process.argv.includes('--check')) {
    for (const d of diffs) console.log(d);
    process.exit(diffs.length ? 1 : 0);
  }
  if (diffs.length) writeFileSync(PACKAGE_JSON, syncedPackageJson(text));
  console.log(diffs.length ? `package.json: ${diffs.length} difference(s) from the taxonomy table written` : 'package.json already follows the taxonomy table');
}
