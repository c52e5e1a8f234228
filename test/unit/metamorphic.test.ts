// The metamorphic layout suite (issue 13): every labelled trajectory, and every public sample
// in corpus/real, is rewritten into layout variants (test/metamorphic/: whitespace, key order,
// BOM, CRLF, unknown and missing optional fields, escapes, zip member order and compression,
// indented chatbot-log blocks, cast v2/v3...) and into the other formats its content allows.
// The commands (text, categories, obstacles, exit status), threads and verdict of every run
// must be those of the original file, and the original's commands those of its labels.
// Skips when ../shared is absent.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { analyzeBytes, analyzeRead } from '../../src/core/analyze';
import { initAnalysis } from '../../src/node/init-analysis';
import { readOpenHandsV1Folder } from '../../src/core/formats/openhands-v1';
import { detectReader, sourceFile } from '../../src/core/formats/index';
import type { Analysis } from '../../src/core/model';
import { variantsOf } from '../metamorphic/variants';
import { invariantsOf } from '../metamorphic/summary';
import { JObj, parseTree, serialize, type J } from '../metamorphic/json-tree';
import { checkLayouts } from '../metamorphic/corpus-check';

const corpus = resolve(__dirname, '../../../shared/corpus');
const labelledDir = join(corpus, 'labelled');
const realDir = join(corpus, 'real');

function labelledFiles(): string[] {
  if (!existsSync(labelledDir)) return [];
  return readdirSync(labelledDir)
    .filter((f) => existsSync(join(labelledDir, `${f}.labels.json`)))
    .sort()
    .map((f) => join(labelledDir, f));
}

function realFiles(): string[] {
  if (!existsSync(realDir)) return [];
  return readdirSync(realDir)
    .map((d) => join(realDir, d))
    .filter((d) => statSync(d).isDirectory())
    .flatMap((d) => readdirSync(d).map((f) => join(d, f)))
    .filter((p) => statSync(p).isFile())
    .sort();
}

/** The project's own reader fixtures: their layouts are varied too, without ../shared. */
const FIXTURE_DIRS = ['failures', 'claude-code', 'codex', 'inspect', 'openai-chat', 'openhands', 'openhands-v1', 'swe', 'chatbot', 'asciicast'];
function fixtureFiles(): string[] {
  const root = resolve(__dirname, '../fixtures');
  return FIXTURE_DIRS.flatMap((d) => readdirSync(join(root, d)).map((f) => join(root, d, f)))
    .filter((p) => statSync(p).isFile() && !p.endsWith('.ts'))
    .sort();
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

before(() => initAnalysis());

const originals = new Map<string, Analysis>();
function original(path: string, bytes: Uint8Array): Analysis {
  let a = originals.get(path);
  if (!a) originals.set(path, (a = analyzeBytes(basename(path), bytes)));
  return a;
}

/** An OpenHands V1 JSONL run written as its conversation folder, one `event-NNNNN-ID.json` each. */
function asV1Folder(bytes: Uint8Array): { name: string; bytes: Uint8Array }[] {
  return new TextDecoder()
    .decode(bytes)
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const name = `events/event-${String(i).padStart(5, '0')}`;
      try {
        const e = JSON.parse(l) as { id?: unknown };
        return { name: `${name}-${String(e.id ?? i)}.json`, bytes: new TextEncoder().encode(JSON.stringify(e, null, 2)) };
      } catch {
        return { name: `${name}.json`, bytes: new TextEncoder().encode(l) }; // a damaged event stays damaged
      }
    });
}

let total = 0;
function suite(kind: 'labelled' | 'real' | 'fixture', paths: string[]): void {
  for (const path of paths) {
    const name = basename(path);
    const bytes = new Uint8Array(readFileSync(path));
    const format = detectReader(sourceFile(name, bytes)).reader?.id;
    if (!format) continue; // a sample no reader claims (tested elsewhere)
    describe(`metamorphic ${kind} ${name} (${format})`, () => {
      if (kind === 'labelled') {
        test("the original yields its labels' commands", () => {
          const labels = JSON.parse(readFileSync(`${path}.labels.json`, 'utf8')) as { trajectories: { commands: { text: string }[] }[] };
          const a = original(path, bytes);
          assert.deepEqual(
            a.trajectories.map((t) => t.steps.flatMap((s) => s.commands.map((c) => norm(c.text)))),
            labels.trajectories.map((t) => t.commands.map((c) => norm(c.text))),
          );
        });
      }
      if (format === 'openhands-v1' && /\.jsonl$/.test(name) && !new TextDecoder().decode(bytes).includes('"history"')) {
        test(`${name} · as a conversation folder of event files`, () => {
          const a = analyzeRead(name, readOpenHandsV1Folder(asV1Folder(bytes)));
          assert.deepEqual(invariantsOf(a), invariantsOf(original(path, bytes)));
        });
      }
      const variants = variantsOf(bytes, name, format);
      total += variants.length;
      for (const v of variants) {
        test(`${name} · ${v.name}`, () => {
          const a = analyzeBytes(v.file, v.bytes);
          assert.equal(a.format, v.format ?? format, `${name} · ${v.name}: read as ${a.format}`);
          assert.deepEqual(invariantsOf(a), invariantsOf(original(path, bytes)), `${name} · ${v.name}`);
        });
      }
    });
  }
}

suite('labelled', labelledFiles());

// The project's blind corpora (written from the contract, in every format): no labels needed
// here, each run's variants must give its own answer. One test per corpus, not per variant.
const blindRoot = resolve(__dirname, '../corpus');
for (const dir of readdirSync(blindRoot)
  .filter((d) => /^blind(-\d+)?$/.test(d))
  .sort()) {
  test(`metamorphic ${dir}: every layout variant of every run gives the original's answer`, () => {
    const r = checkLayouts([join(blindRoot, dir)]);
    assert.ok(r.files >= 20 && r.variants >= 8 * r.files, `${dir}: ${r.files} files, ${r.variants} variants`);
    assert.deepEqual(r.differing, []);
    assert.deepEqual(r.unreadable, []);
  });
}
suite('real', realFiles());
suite('fixture', fixtureFiles());

test('the suite has at least 8 variants of every labelled file', { skip: !existsSync(labelledDir) && 'no ../shared' }, () => {
  for (const path of labelledFiles()) {
    const bytes = new Uint8Array(readFileSync(path));
    const format = detectReader(sourceFile(basename(path), bytes)).reader!.id;
    assert.ok(variantsOf(bytes, basename(path), format).length >= 8, basename(path));
  }
  assert.ok(total > 0);
});

test('the comparison notices a change of content (a dropped tool call)', { skip: !existsSync(labelledDir) && 'no ../shared' }, () => {
  const path = join(labelledDir, 'tricky-shell-chat.json');
  const bytes = new Uint8Array(readFileSync(path));
  const tree = parseTree(new TextDecoder().decode(bytes)) as J[];
  const last = tree
    .map((m, i) => (m instanceof JObj && m.entries.some(([k]) => k === 'tool_calls') ? i : -1))
    .filter((i) => i >= 0)
    .pop()!;
  const mutant = new TextEncoder().encode(
    serialize(
      tree.filter((_, i) => i !== last),
      { indent: '  ' },
    ),
  );
  assert.notDeepEqual(invariantsOf(analyzeBytes('mutant.json', mutant)), invariantsOf(original(path, bytes)));
});
