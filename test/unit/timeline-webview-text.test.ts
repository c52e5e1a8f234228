// Pure parts of the timeline webview: ANSI parsing, shell colouring, filters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnsi } from '../../webview/ansi';
import { shellTokens } from '../../webview/shell';
import { buildMatcher, contentPasses, tickPasses } from '../../webview/filter';
import { defaultFilters } from '../../src/protocol/webview';
import type { AnalyzedStep } from '../../src/core/model';

test('ANSI: SGR colours become styles, every other escape is dropped', () => {
  const segs = parseAnsi(
    '\u001b[1;31mERR\u001b[0m ok \u001b[38;5;196mX\u001b[38;2;1;2;300mY\u001b[0m\u001b]0;title\u0007\u001b]8;;javascript:x\u001b\\link\u001b]8;;\u001b\\\u001b[2J\u001b[10;5H!',
  );
  const text = segs.map((s) => s.text).join('');
  assert.equal(text, 'ERR ok XYlink!');
  assert.deepEqual(segs[0], { text: 'ERR', style: { fg: 1, bg: null, bold: true, dim: false, italic: false, underline: false, inverse: false, strike: false } });
  assert.equal(segs[1].style, null);
  assert.equal(segs[2].style?.fg, 'rgb(255, 0, 0)');
  assert.equal(segs[3].style?.fg, 'rgb(1, 2, 255)', 'channels are clamped');
  assert.ok(!text.includes('\u001b'));
});

test('ANSI: carriage-return progress lines keep their last state; plain text is one segment', () => {
  assert.deepEqual(parseAnsi('10%\r50%\r100%\ndone\r\n'), [{ text: '100%\ndone\n', style: null }]);
  const big = 'x'.repeat(100_000);
  assert.deepEqual(parseAnsi(big), [{ text: big, style: null }]);
});

test('shell colouring: command names, flags, strings, variables, operators, comments', () => {
  const cmd = 'sudo kill -9 $(lsof -t -i:8001) && echo "done $X" # bye';
  const by = (cls: string) =>
    shellTokens(cmd)
      .filter((d) => d.cls === cls)
      .map((d) => cmd.slice(d.from, d.to));
  assert.deepEqual(by('sh-cmd'), ['sudo', 'kill', 'lsof', 'echo']);
  assert.deepEqual(by('sh-flag'), ['-9', '-t', '-i:8001']);
  assert.deepEqual(by('sh-str'), ['"done $X"']);
  assert.ok(by('sh-op').includes('&&'));
  assert.deepEqual(by('sh-comment'), ['# bye']);
});

test('filters: labels match categories and obstacles; search covers thoughts, commands, outputs', () => {
  const tick = { index: 0, time: null, categories: ['port-discovery' as const], obstacles: ['command-not-found' as const] };
  const f = defaultFilters();
  assert.ok(tickPasses(tick, { ...f, labels: ['obstacle:command-not-found'] }, false));
  assert.ok(!tickPasses(tick, { ...f, labels: ['process-kill'] }, false));
  assert.ok(tickPasses(tick, { ...f, criticalOnly: true }, false));
  assert.ok(!tickPasses(tick, { ...f, annotated: true }, false));
  const step = {
    id: 's',
    index: 0,
    role: 'assistant',
    time: null,
    thought: 'look at ports',
    source: null,
    commands: [
      { text: 'ss -tlnp', output: 'Address already in use', exitCode: 1, longRunning: false, categories: [], obstacles: [], findings: [], parseError: null, programs: ['ss'] },
    ],
  } as AnalyzedStep;
  for (const [q, regex, hit] of [
    ['PORTS', false, true],
    ['already in', false, true],
    ['ss -t', false, true],
    ['a.d', false, false],
    ['Addr\\w+', true, true],
    ['^ss', true, true],
    ['kill', false, false],
  ] as const) {
    const m = buildMatcher({ ...f, search: q, regex });
    assert.ok(!(m instanceof Error));
    assert.equal(contentPasses(step, { ...f, search: q, regex }, m), hit, q);
  }
  assert.ok(buildMatcher({ ...f, search: 'kill (', regex: true }) instanceof Error);
  assert.ok(!contentPasses(step, { ...f, roles: ['tool'] }, null));
});
