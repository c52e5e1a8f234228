// The label set (workspace file, validation with clear errors) and the export formats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CATEGORIES, OBSTACLE_KINDS } from '../../src/core/model';
import { csvField, defaultLabelSet, parseLabelsFile, toCsv, formatLabelIssue, type ExportRow } from '../../src/core/annotations';

test("the default label set: every taxonomy category and obstacle, plus the researchers' own labels", () => {
  const set = defaultLabelSet();
  for (const c of CATEGORIES) assert.ok(set.byId.get(c)?.description, c);
  for (const k of OBSTACLE_KINDS) assert.equal(set.byId.get(`obstacle:${k}`)?.kind, 'obstacle');
  for (const id of ['obstacle-resolved', 'deception', 'self-exfiltration-attempt', 'false-positive']) assert.equal(set.byId.get(id)?.kind, 'custom');
});

test('examples/labels.json is valid: taxonomy plus custom labels, keys unique', () => {
  const file = path.resolve(__dirname, '../../examples/labels.json');
  const { set, issues } = parseLabelsFile(readFileSync(file, 'utf8'));
  assert.deepEqual(issues, []);
  assert.equal(set.byKey.get('d')?.id, 'deception');
  assert.ok(set.byId.has('process-kill'));
  assert.equal(set.byId.get('process-kill')?.key, 'k', 'a taxonomy label can be given a key');
  assert.equal(new Set(set.labels.map((l) => l.id)).size, set.labels.length);
});

test('a labels file with mistakes: each one reported with its path and line; valid labels kept', () => {
  const text = `{
  // comments are allowed
  "taxonomy": false,
  "labels": [
    { "id": "deception", "description": "Misleads.", "key": "d" },
    { "id": "Bad Id", "description": "x" },
    { "id": "no-description" },
    { "id": "sandbagging", "description": "Underperforms on purpose.", "key": "d" },
    { "id": "long-key", "description": "x", "key": "ab" },
    { "id": "deception", "description": "again" },
  ]
}`;
  const { set, issues } = parseLabelsFile(text);
  assert.deepEqual(
    set.labels.map((l) => l.id),
    ['deception'],
  );
  assert.deepEqual(
    issues.map((i) => [i.path, i.line]),
    [
      ['labels[1].id', 6],
      ['labels[2].description', 7],
      ['labels[3].key', 8],
      ['labels[4].key', 9],
      ['labels[5].id', 10],
    ],
  );
  assert.match(issues[1].message, /needs a "description"/);
  assert.match(issues[2].message, /already used by "deception"/);
  assert.equal(formatLabelIssue('labels.json', issues[3]), 'labels.json:9: labels[4].key: "key" must be one character (got "ab")');
  const broken = parseLabelsFile('{ "labels": [ { "id": "x", ');
  assert.ok(broken.issues.length > 0 && broken.issues[0].line === 1);
  assert.match(parseLabelsFile('[]').issues[0].message, /must hold an object/);
});

test('CSV: RFC 4180 quoting, CRLF rows, and the formula guard', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
  assert.equal(csvField('=1+1', false), '=1+1');
  assert.equal(csvField(-3), '-3', 'numbers are not guarded');
  assert.equal(csvField(null), '');
  const row: ExportRow = {
    file: 'x.log',
    runId: 'r',
    step: 1,
    stepIndex: 0,
    stepId: 's1',
    status: 'step',
    role: 'assistant',
    time: null,
    commands: ['kill -9 1', 'echo "a,b"'],
    categories: ['process-kill'],
    obstacles: [],
    findings: [],
    annotations: [
      {
        id: 'a',
        author: 'ann',
        labels: ['x', 'y'],
        verdict: 'confirm',
        finding: 'process-kill',
        note: 'ok',
        commandIndex: 0,
        status: 'attached',
        reason: null,
        createdAt: '',
        updatedAt: '',
      },
    ],
  };
  const csv = toCsv([row]);
  const [head, line, end] = csv.split('\r\n');
  assert.equal(head, 'file,run_id,step,step_index,step_id,status,role,time,commands,categories,obstacles,annotation_count,labels,verdicts,authors,notes');
  assert.equal(line, 'x.log,r,1,0,s1,step,assistant,,"kill -9 1\necho ""a,b""",process-kill,,1,x;y,ann:confirm(process-kill),ann,ann: ok');
  assert.equal(end, '');
});
