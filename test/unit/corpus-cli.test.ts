// The `stats` and `report` commands as a user runs them: exit codes 0 (all read), 1 (some file
// unreadable, the rest still counted), 2 (usage), and what they print or write.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeCorpus } from '../../bench/corpus-gen';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/cli.ts');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'rl-corpus-cli-'));
const runs = writeCorpus(path.join(dir, 'good'), 8, 3);

test('stats: usage errors exit 2', () => {
  assert.equal(cli('stats').code, 2);
  const both = cli('stats', dir, '--json', '--csv');
  assert.equal(both.code, 2);
  assert.match(both.err, /exclude each other/);
  assert.equal(cli('stats', dir, '--by', 'colour').code, 2);
  assert.equal(cli('stats', dir, '--frobnicate').code, 2);
});

test('stats --json over a generated corpus: exit 0, one group per model, rows on request', () => {
  const r = cli('stats', path.join(dir, 'good'), '--json', '--rows');
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out);
  assert.equal(doc.schema, 'replication-lens/corpus-stats@1');
  assert.equal(doc.total.runs, runs.length);
  assert.equal(doc.rows.length, runs.length);
  assert.deepEqual(doc.groups.map((g: { group: string }) => g.group).sort(), [...new Set(runs.map((x) => x.model))].sort());
  assert.equal(
    doc.total.commands.total,
    runs.reduce((a, x) => a + x.commands, 0),
  );
  assert.equal(doc.total.verdicts['not-attempted'], runs.filter((x) => x.kind === 'benign').length);
  // Run 0 tells its replica to replicate and run 1 is that replica's own log.
  assert.equal(doc.lineage.length, 1);
  assert.equal(doc.lineage[0].children[0].run.file, runs[1].file);
});

test('stats --csv: header, one line per model, the total', () => {
  const r = cli('stats', path.join(dir, 'good'), '--csv');
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  assert.ok(lines[0].startsWith('model,runs,replicated,failed,not-attempted,unknown,attempted,success_rate'));
  assert.equal(lines.length, 1 + new Set(runs.map((x) => x.model)).size + 1);
  assert.ok(lines[lines.length - 1].startsWith(`all runs,${runs.length},`));
});

test('an unreadable file is reported and exits 1; the other runs still count; a missing path exits 1', () => {
  const bad = path.join(dir, 'bad');
  writeCorpus(bad, 2, 5);
  writeFileSync(path.join(bad, 'broken.eval'), Buffer.from('PK\x03\x04 not really a zip'));
  writeFileSync(path.join(bad, 'notes.txt'), 'no reader claims this\n');
  const r = cli('stats', bad, '--json');
  assert.equal(r.code, 1);
  const doc = JSON.parse(r.out);
  assert.equal(doc.total.runs, 2);
  assert.equal(doc.errors.length, 1);
  assert.equal(doc.errors[0].file, 'broken.eval');
  assert.match(r.err, /broken\.eval: inspect-eval:/);
  assert.equal(cli('stats', path.join(dir, 'does-not-exist')).code, 1);
});

test('report: -o is required (2); writes one self-contained page (0)', () => {
  assert.equal(cli('report', path.join(dir, 'good')).code, 2);
  const out = path.join(dir, 'report.html');
  const r = cli('report', path.join(dir, 'good'), '-o', out);
  assert.equal(r.code, 0, r.err);
  assert.ok(existsSync(out));
  const html = readFileSync(out, 'utf8');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /\b(?:src|href)="(?:https?:)?\/\//i);
  assert.equal((html.match(/<details class="run"/g) ?? []).length, runs.length);
});
