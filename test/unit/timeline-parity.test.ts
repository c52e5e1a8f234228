// The timeline shows what `analyze --json` shows: for every file of ../shared/corpus (and the
// project's blind corpus), the language server's own store and timeline requests (runs, each
// run read on request, pages of steps) give the same runs, steps and commands as the CLI, both
// for the file read from disk and for a text file open in the editor.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { normaliseText } from '../../src/node/read-path';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { initAnalysis } from '../../src/node/init-analysis';
import type { Analysis } from '../../src/core/model';
import { DocumentStore } from '../../src/server/store';
import { run, runs, steps } from '../../src/server/features/timeline';

const ROOT = resolve(__dirname, '../..');
const SHARED = resolve(ROOT, '../shared/corpus');
const BLIND = resolve(ROOT, 'test/corpus/blind');
const CLI = resolve(ROOT, 'dist/cli.js');

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...(n === 'gen' ? [] : files(p)));
    else if (!/\.(md|txt|py)$|\.labels\.json$/.test(n)) out.push(p);
  }
  return out;
}

const all = [...files(SHARED), ...files(BLIND)];
before(() => initAnalysis());

test(
  'the timeline shows the runs, steps and commands of analyze --json, for every corpus file',
  { skip: !existsSync(SHARED) ? 'no ../shared/corpus' : !existsSync(CLI) ? 'run npm run build first' : false },
  async () => {
    const out = execFileSync(process.execPath, [CLI, 'analyze', '--json', ...all], { maxBuffer: 1 << 30, encoding: 'utf8' });
    const analyses = JSON.parse(out) as Analysis[];
    assert.equal(analyses.length, all.length);
    const store = new DocumentStore();
    // Both ways the product reads a file: from disk (an .eval, or the explorer's timeline) and,
    // for text, as a document open in the editor (its text; siblings such as sub-agents from disk).
    const ways = analyses.flatMap((a) => [{ a, how: 'disk' as const }, ...(/\.eval$/i.test(a.file) ? [] : [{ a, how: 'open' as const }])]);
    for (const { a, how } of ways) {
      const uri = pathToFileURL(a.file).toString();
      if (how === 'open') store.close(uri);
      const d =
        how === 'disk'
          ? await store.get(uri)
          : store.update(uri, 1, Buffer.from(normaliseText(readFileSync(a.file)).bytes).toString('utf8'), /\.log$/.test(a.file) ? 'chatbot-log' : 'json').doc;
      // A large log from disk is served from its top first: the whole is what must match.
      if (d?.analyseWhole) d.analyseWhole();
      const listed = runs(how === 'disk' ? await store.get(uri) : d, uri);
      assert.equal(listed.error, null, `${how} ${a.file}`);
      assert.deepEqual(
        listed.runs.map((r) => r.id),
        a.trajectories.map((t) => t.id),
        `${how} ${a.file}: runs`,
      );
      const served = how === 'disk' ? await store.get(uri) : d;
      for (const t of a.trajectories) {
        const summary = run(served, t.id)!;
        assert.equal(summary.read, true);
        assert.equal(summary.stepCount, t.steps.length, `${how} ${a.file} ${t.id}: steps`);
        assert.deepEqual(summary.outcome, t.outcome, `${how} ${a.file} ${t.id}: outcome`);
        const page = steps(served, { uri, runId: t.id, start: 0, count: t.steps.length, maxOutput: 1e9 });
        assert.deepEqual(
          page.steps.map((s) => s.id),
          t.steps.map((s) => s.id),
          `${how} ${a.file} ${t.id}: step ids`,
        );
        assert.deepEqual(
          page.steps.map((s) => s.commands.map((c) => [c.text, c.categories, c.obstacles, c.output])),
          t.steps.map((s) => s.commands.map((c) => [c.text, c.categories, c.obstacles, c.output])),
          `${how} ${a.file} ${t.id}: commands`,
        );
      }
    }
  },
);
