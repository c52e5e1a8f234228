// The taxonomy table (src/core/taxonomy.ts) is the one place a category or obstacle kind is
// defined: everything else derives from it, package.json is held to it, and no other file
// keeps its own list, names or colours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import { CATEGORY_TABLE, OBSTACLE_TABLE, categoryDef, colourRule, obstacleDef, tokenModifier } from '../../src/core/taxonomy';
import { CATEGORIES, CONTEXT_CATEGORIES, CRITICAL_CATEGORIES, OBSTACLE_KINDS, isCritical } from '../../src/core/model';
import { taxonomyLabels } from '../../src/core/annotations/labels';
import { CATEGORY_COLOR } from '../../src/core/corpus/report/palette';
import { REPORT_CSS } from '../../src/core/corpus/report/style';
import { SEMANTIC_TOKEN_MODIFIERS } from '../../src/protocol/lsp';
import { labelClass, labelText, threadVerb } from '../../webview/labels';
import { taxonomyCss } from '../../webview/taxonomy-style';
import { PACKAGE_JSON, packageDifferences, syncedPackageJson } from '../../scripts/sync-package-json';

const ROOT = join(import.meta.dirname, '../..');

// ---- the table itself --------------------------------------------------------------------

test('ids are unique, kebab-case, and every row is complete', () => {
  const ids = [...CATEGORY_TABLE.map((r) => r.id), ...OBSTACLE_TABLE.map((r) => r.id)];
  assert.equal(new Set(CATEGORY_TABLE.map((r) => r.id)).size, CATEGORY_TABLE.length);
  assert.equal(new Set(OBSTACLE_TABLE.map((r) => r.id)).size, OBSTACLE_TABLE.length);
  for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
  for (const r of [...CATEGORY_TABLE, ...OBSTACLE_TABLE]) {
    assert.ok(r.short.trim() && r.description.trim().endsWith('.') && /^#[0-9a-f]{6}$/.test(r.colour), `row ${r.id}`);
  }
  assert.equal(new Set(CATEGORY_TABLE.map((r) => r.short)).size, CATEGORY_TABLE.length, 'short names tell categories apart');
  // Critical rows first: the model's CATEGORIES (critical, then context) keep the table's order.
  const kinds = CATEGORY_TABLE.map((r) => r.kind).join(' ');
  assert.match(kinds, /^(critical )+(context ?)+$/);
});

const channel = (h: string, i: number) => {
  const v = parseInt(h.slice(i, i + 2), 16) / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const luminance = (h: string) => 0.2126 * channel(h, 1) + 0.7152 * channel(h, 3) + 0.0722 * channel(h, 5);
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
/** CIE L*a*b* (D65), for telling colours apart as people do. */
function lab(h: string): [number, number, number] {
  const [r, g, b] = [channel(h, 1), channel(h, 3), channel(h, 5)];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

test('every colour is legible on a light and on a dark background (contrast >= 3:1)', () => {
  for (const r of [...CATEGORY_TABLE, ...OBSTACLE_TABLE]) {
    for (const bg of ['#ffffff', '#1e1e1e', '#0d1117']) {
      assert.ok(contrast(r.colour, bg) >= 3, `${r.id} ${r.colour} on ${bg}: ${contrast(r.colour, bg).toFixed(2)}`);
    }
  }
});

test('critical categories have colours that tell them apart (CIE76 distance >= 15)', () => {
  const crit = CATEGORY_TABLE.filter((r) => r.kind === 'critical');
  for (let i = 0; i < crit.length; i++) {
    for (let j = i + 1; j < crit.length; j++) {
      const [a, b] = [lab(crit[i].colour), lab(crit[j].colour)];
      const d = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
      assert.ok(d >= 15, `${crit[i].id} ${crit[i].colour} and ${crit[j].id} ${crit[j].colour} are ${d.toFixed(1)} apart`);
    }
  }
});

// ---- what derives from it ----------------------------------------------------------------

test('the model, labels, palette, token modifiers and webview names all come from the table', () => {
  assert.deepEqual(
    [...CRITICAL_CATEGORIES],
    CATEGORY_TABLE.filter((r) => r.kind === 'critical').map((r) => r.id),
  );
  assert.deepEqual(
    [...CONTEXT_CATEGORIES],
    CATEGORY_TABLE.filter((r) => r.kind === 'context').map((r) => r.id),
  );
  assert.deepEqual(
    [...CATEGORIES],
    CATEGORY_TABLE.map((r) => r.id),
  );
  assert.deepEqual(
    [...OBSTACLE_KINDS],
    OBSTACLE_TABLE.map((r) => r.id),
  );
  assert.deepEqual(
    [...SEMANTIC_TOKEN_MODIFIERS],
    CATEGORY_TABLE.map((r) => tokenModifier(r.id)),
  );
  assert.equal(tokenModifier('process-kill'), 'processKill');
  const labels = new Map(taxonomyLabels().map((l) => [l.id, l]));
  for (const r of CATEGORY_TABLE) {
    assert.equal(isCritical(r.id), r.kind === 'critical');
    assert.equal(labels.get(r.id)?.description, r.description);
    assert.equal(labels.get(r.id)?.kind, r.kind);
    assert.equal(CATEGORY_COLOR[r.id], r.colour);
    assert.equal(labelText(r.id), r.short);
    assert.equal(threadVerb(r.id), r.verb);
    assert.equal(categoryDef(r.id), r);
  }
  for (const r of OBSTACLE_TABLE) {
    assert.ok(labels.get(`obstacle:${r.id}`)?.description.includes(r.description.slice(1)));
    assert.equal(labelText(`obstacle:${r.id}`), r.short);
    assert.equal(labelClass(`obstacle:${r.id}`), `obstacle obstacle-${r.id}`);
    assert.equal(obstacleDef(`obstacle:${r.id}`), r);
  }
  assert.equal(labelClass('obstacle:something-else'), 'obstacle');
});

test('colours reach the style sheets as custom properties set from the table', () => {
  const root = colourRule(':root');
  for (const r of CATEGORY_TABLE) assert.ok(root.includes(`--rl-cat-${r.id}:${r.colour}`));
  for (const r of OBSTACLE_TABLE) assert.ok(root.includes(`--rl-obstacle-${r.id}:${r.colour}`));
  assert.ok(REPORT_CSS.includes(root), 'the HTML report defines the variables');
  const webview = taxonomyCss();
  for (const r of CATEGORY_TABLE) {
    assert.ok(webview.includes(`--rl-cat-${r.id}:${r.colour}`));
    if (r.kind === 'critical') assert.ok(webview.includes(`.cat-${r.id},`) && webview.includes(`{--c:var(--rl-cat-${r.id})}`), r.id);
  }
  for (const r of OBSTACLE_TABLE) assert.ok(webview.includes(`.obstacle-${r.id}{--c:var(--rl-obstacle-${r.id})}`));
});

// ---- nothing else keeps its own copy -----------------------------------------------------

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, ext));
    else if (ext.test(name)) out.push(p);
  }
  return out;
}

const ID = `(?:${CATEGORY_TABLE.map((r) => r.id).join('|')})`;
const CAMEL = `(?:${CATEGORY_TABLE.filter((r) => r.id.includes('-'))
  .map((r) => tokenModifier(r.id))
  .join('|')})`;
/** The rules decide categories one by one; that is their job, not a copy of the table. */
const RULE_FILES = new Set(['src/core/taxonomy.ts', 'src/core/analysis/rules.ts', 'src/core/analysis/entities.ts']);

test('no source file or style sheet keeps its own list, names or colours of the categories', () => {
  const found: string[] = [];
  const sources = [...files(join(ROOT, 'src'), /\.(ts|css)$/), ...files(join(ROOT, 'webview'), /\.(ts|css)$/), ...files(join(ROOT, 'media'), /\.css$/)];
  for (const p of sources) {
    const rel = relative(ROOT, p);
    if (RULE_FILES.has(rel)) continue;
    const text = readFileSync(p, 'utf8');
    // A map keyed by category (`'process-kill': 'kill'`), a literal list of four or more
    // ids, a CSS rule or colour per category, a camel-cased modifier list.
    const checks: [string, RegExp][] = [
      ['a map keyed by category', new RegExp(`['"]?${ID}['"]?\\s*:\\s*['"\`#]`, 'g')],
      ['a list of categories', new RegExp(`(['"]${ID}['"]\\s*,\\s*){3}['"]${ID}['"]`, 'g')],
      ['a CSS rule for one category', new RegExp(`(\\.(cat|accent|finding|role)-${ID}\\b[^{;]*\\{)|(data-cat="${ID}")|(--rl-cat-${ID}\\s*:)`, 'g')],
      ['a list of token modifiers', new RegExp(`(['"]${CAMEL}['"]\\s*,\\s*){2}`, 'g')],
    ];
    for (const [what, re] of checks) {
      const hits = text.match(re) ?? [];
      if (what === 'a map keyed by category' ? hits.length >= 3 : hits.length) found.push(`${rel}: ${what} (${hits.slice(0, 2).join(' ').slice(0, 80)})`);
    }
  }
  assert.deepEqual(found, [], 'derive these from src/core/taxonomy.ts');
});

// ---- package.json ------------------------------------------------------------------------

test('package.json names the categories as the table does (run `npx tsx scripts/sync-package-json.ts` to fix)', () => {
  const diffs = packageDifferences(readFileSync(PACKAGE_JSON, 'utf8'));
  assert.deepEqual(diffs, [], `package.json differs from the taxonomy table:\n  ${diffs.join('\n  ')}\nfix: npx tsx scripts/sync-package-json.ts`);
});

test('the package.json check sees a missing or extra category, and the sync repairs it', () => {
  const text = readFileSync(PACKAGE_JSON, 'utf8');
  const fmt = { formattingOptions: { insertSpaces: true, tabSize: 2 } };
  const settings = ['contributes', 'configuration', 'properties', 'replicationLens.diagnostics.categories', 'properties'];
  const first = CATEGORY_TABLE[0].id;
  let broken = applyEdits(text, modify(text, [...settings, first], undefined, fmt));
  broken = applyEdits(broken, modify(broken, [...settings, 'made-up-category'], { type: 'string' }, fmt));
  broken = applyEdits(broken, modify(broken, ['contributes', 'semanticTokenModifiers', 0], undefined, fmt));
  const diffs = packageDifferences(broken);
  assert.ok(
    diffs.some((d) => d.includes(`missing "${first}"`)),
    diffs.join('\n'),
  );
  assert.ok(
    diffs.some((d) => d.includes('"made-up-category" is not in the taxonomy table')),
    diffs.join('\n'),
  );
  assert.ok(
    diffs.some((d) => d.startsWith('contributes > semanticTokenModifiers: missing') && d.includes(tokenModifier(first))),
    diffs.join('\n'),
  );
  const fixed = syncedPackageJson(broken);
  assert.deepEqual(packageDifferences(fixed), []);
  assert.equal(fixed, text, 'the sync writes back exactly what a synced package.json holds');
});
