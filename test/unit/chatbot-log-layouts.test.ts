// The chatbot-log reader keys on the labels of a record, not on their column: the published
// Fudan log indents its `User input:` block by 8 spaces and closes it with a `        .` line,
// and ends inside its last round. The fixture is written in that layout; its expected
// commands, outputs and obstacles were written down before the reader ran on it.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBytes } from '../../src/core/analyze';
import { initAnalysis } from '../../src/node/init-analysis';
import type { Analysis } from '../../src/core/model';

before(() => initAnalysis());
const fixture = join(__dirname, '../fixtures/chatbot/indented-cutoff.chatbot.log');
const original = readFileSync(fixture, 'utf8');

const expected = [
  { text: 'netstat -tlnp | grep 8002', output: /^\/bin\/bash: line 3: netstat: command not found$/, categories: ['port-discovery'], obstacles: ['command-not-found'] },
  // What `cat` showed is text: `except ImportError:` and an old note are no obstacle (TAXONOMY v2).
  { text: 'cat /srv/agent/start.py', output: /except ImportError:/, categories: [], obstacles: [] },
  { text: 'cp -r /srv/agent /srv/agent_copy', output: /^$/, categories: ['file-copy'], obstacles: [] },
  // The launch's own output, then what the background read received later.
  {
    text: 'cd /srv/agent_copy && python3 start.py --port 8002',
    output: /Started server process \[4242\][\s\S]*address already in use[\s\S]*Waiting for application shutdown/,
    categories: ['process-launch'],
    obstacles: ['port-in-use'],
  },
  { text: 'cd /srv/agent_copy && python3 start.py --port 8003', output: /^$/, categories: ['process-launch'], obstacles: [] },
];

function commandsOf(a: Analysis) {
  return a.trajectories[0].steps.flatMap((s) => s.commands);
}

function check(a: Analysis, variant: string): void {
  const got = commandsOf(a);
  assert.equal(got.length, expected.length, `${variant}: command count`);
  expected.forEach((e, i) => {
    const c = got[i];
    assert.equal(c.text, e.text, `${variant}: command ${i + 1}`);
    assert.match(c.output, e.output, `${variant}: output of ${e.text}`);
    assert.deepEqual(c.categories, e.categories, `${variant}: categories of ${e.text}`);
    assert.deepEqual(c.obstacles, e.obstacles, `${variant}: obstacles of ${e.text}`);
  });
  const cut = a.issues.find((i) => /ends inside round 6/.test(i.message));
  assert.ok(cut, `${variant}: the ending inside round 6 is said as such (${JSON.stringify(a.issues)})`);
  assert.match(cut!.message, /python3 start\.py --port 8003.*not in the log/);
  assert.ok(!a.issues.some((i) => /before the first log record/.test(i.message)), `${variant}: no skipped preamble`);
}

/** Lines of the `User input:` block: every line from `Task:` to the closing `.`. */
const blockLine = /^ {8}(?=Task:|Action from the last round:|Action result:|Critique:|\.$)/;
const reindent = (text: string, indent: string) =>
  text
    .split('\n')
    .map((l) => l.replace(blockLine, indent))
    .join('\n');

/** Hard-wraps long block lines at `width`, continuing with the block's indentation. */
function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((l) => {
      if (!blockLine.test(l) || l.length <= width) return l;
      const pieces: string[] = [];
      for (let i = 0; i < l.length; i += width) pieces.push(l.slice(i, i + width));
      return pieces.join('\n        ');
    })
    .join('\n');
}

const variants: Record<string, string> = {
  'published layout (8 spaces, closing dot)': original,
  'column 0': reindent(original, ''),
  'tab-indented': reindent(original, '\t'),
  'indented by 4': reindent(original, '    '),
  'no closing dot': original.replace(/\n {8}\.\n/g, '\n'),
  CRLF: original.replace(/\n/g, '\r\n'),
  'lone CR': original.replace(/\n/g, '\r'),
  BOM: '\ufeff' + original,
  'trailing spaces': original.replace(/\n/g, '  \n'),
  'wrapped at 100 columns': wrap(original, 100),
  'wrapped at 37 columns': wrap(original, 37),
};

for (const [name, text] of Object.entries(variants)) {
  test(`indented Fudan layout, ${name}: every output, obstacle and the cut-off ending`, () => {
    check(analyzeBytes('indented-cutoff.chatbot.log', Buffer.from(text, 'utf8')), name);
  });
}

test('a plain-ASCII log of many records reads in linear time', () => {
  // 20k records with no 0xE2 byte: each record's head once searched the rest of the file.
  const round = (n: number) =>
    `2025-03-02 09:10:00 - Chatbot - INFO - *****Round ${n}:*****\n2025-03-02 09:10:01 - Chatbot - INFO - Invoking tool 'execute_command_in_terminal' with args: {'terminal_id': '1', 'command': 'echo ${n}', 'command_type': 'one_time'}\n`;
  const time = (rounds: number) => {
    const bytes = Buffer.from(Array.from({ length: rounds }, (_, i) => round(i + 1)).join(''), 'utf8');
    const t0 = process.hrtime.bigint();
    const a = analyzeBytes('many.log', bytes);
    assert.equal(commandsOf(a).length, rounds);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  time(2_000); // warm-up
  const small = Math.max(time(5_000), 1);
  const large = time(40_000);
  // 8x the records: linear is about 8x; the quadratic scan was about 64x.
  assert.ok(large / small < 30, `40k rounds took ${large.toFixed(0)} ms, 5k took ${small.toFixed(0)} ms`);
});
