// Multi-file runs are gathered for documents the server serves as the CLI gathers them: a Claude
// Code session open in the editor (or read from disk) comes with its sub-agent files, whose
// steps have no lines in the open document.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { initAnalysis } from '../../src/node/init-analysis';
import { OpenedLog } from '../../src/node/open-log';
import { DocumentStore } from '../../src/server/store';
import { runs, steps } from '../../src/server/features/timeline';

const SESSION = resolve(__dirname, '../fixtures/claude-code/session-1.jsonl');
before(() => initAnalysis());

test('a Claude Code session open as text: its sub-agent runs too, as analyze reads it', async () => {
  const cli = OpenedLog.fromPath(SESSION).all().trajectories;
  assert.ok(
    cli.some((t) => t.id.endsWith(':a7f3')),
    'the CLI reads the sub-agent file',
  );
  const uri = pathToFileURL(SESSION).toString();
  for (const how of ['open', 'disk'] as const) {
    const store = new DocumentStore();
    const d = how === 'open' ? store.update(uri, 1, readFileSync(SESSION, 'utf8'), 'jsonl').doc : (await store.get(uri))!;
    const listed = runs(d, uri);
    assert.deepEqual(
      listed.runs.map((r) => r.id),
      cli.map((t) => t.id),
      how,
    );
    for (const t of cli) {
      const page = steps(d, { uri, runId: t.id, start: 0, count: 1000, maxOutput: 1e9 });
      assert.deepEqual(
        page.steps.map((s) => s.commands.map((c) => c.text)),
        t.steps.map((s) => s.commands.map((c) => c.text)),
        `${how} ${t.id}`,
      );
    }
    const sub = d.runs.find((t) => t.id.endsWith(':a7f3'))!;
    assert.ok(
      sub.steps.every((s) => s.source === null && s.commands.every((c) => !c.source)),
      `${how}: sub-agent steps have no lines in this document`,
    );
    const main = d.runs.find((t) => t.id === cli[0].id)!;
    assert.ok(
      main.steps.some((s) => s.source !== null),
      `${how}: the session's own steps keep their lines`,
    );
  }
});
