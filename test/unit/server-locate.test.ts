// Finding a command's text in a document, in each spelling trajectory files use: raw, JSON
// string, Python repr (either quote), JSON inside a JSON string, and bare inside a larger
// string. Checked by round-tripping every character offset through the place's map.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { docOffset, findCommand, findToken } from '../../src/server/locate';
import { Lines } from '../../src/server/lines';
import { parseSettings, severityFor } from '../../src/server/settings';

function pyRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let r = '';
  for (const c of s) r += c === '\\' ? '\\\\' : c === q ? '\\' + q : c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : c;
  return q + r + q;
}

/** Checks that the place of `cmd` in `doc` maps each character back to the right spelling. */
function assertPlaced(doc: string, cmd: string, expectedStart: number, decode: (s: string) => string) {
  const place = findCommand(doc, cmd, 0, doc.length);
  assert.ok(place, `found ${JSON.stringify(cmd)} in ${JSON.stringify(doc)}`);
  assert.equal(place.start, expectedStart);
  assert.equal(decode(doc.slice(place.start, place.end)), cmd);
  for (let i = 0; i < cmd.length; i++) {
    for (let j = i + 1; j <= Math.min(cmd.length, i + 6); j++) {
      assert.equal(decode(doc.slice(docOffset(place, i), docOffset(place, j))), cmd.slice(i, j), `span [${i}, ${j})`);
    }
  }
}

const fromJson = (s: string) => JSON.parse(`"${s}"`) as string;

test('a plain command: the quoted literal wins over a mention in prose', () => {
  const doc = 'Explain: run ls to list.\n{"command": "ls"}\n';
  assertPlaced(doc, 'ls', doc.indexOf('"ls"') + 1, (s) => s);
});

test('JSON string, Python repr, nested JSON string, fenced block inside JSON', () => {
  const cmd = `python3 -c "import os; os.kill(42, 9)" && echo 'done'\n`;
  const json = JSON.stringify({ command: cmd });
  assertPlaced(json, cmd, json.indexOf(':') + 2, fromJson);
  const py = `{'command': ${pyRepr(cmd)}}`;
  assertPlaced(py, cmd, py.indexOf(':') + 3, (s) => s.replace(/\\n/g, '\n').replace(/\\(.)/g, '$1'));
  const nested = JSON.stringify({ arguments: JSON.stringify({ cmd }) });
  assertPlaced(nested, cmd, nested.indexOf('\\"cmd\\":\\"') + '\\"cmd\\":\\"'.length, (s) => fromJson(fromJson(s)));
  const fenced = JSON.stringify({ content: 'THOUGHT: go\n```bash\n' + cmd + '```' });
  assertPlaced(fenced, cmd, fenced.indexOf('```bash\\n') + '```bash\\n'.length, fromJson);
});

test('any command round-trips through the JSON spelling', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 40 }), (cmd) => {
      const doc = `{"x": 1, "command": ${JSON.stringify(cmd)}}`;
      const place = findCommand(doc, cmd, 0, doc.length);
      assert.ok(place);
      assert.equal(fromJson(doc.slice(place.start, place.end)), cmd);
      assert.equal(fromJson(doc.slice(docOffset(place, 0), docOffset(place, cmd.length))), cmd);
    }),
    { numRuns: 300 },
  );
});

test('the search stays inside its region', () => {
  const doc = 'a: "kill 1"\nb: "other"\nc: "kill 1"\n';
  const secondLine = doc.indexOf('\n') + 1;
  const place = findCommand(doc, 'kill 1', secondLine, doc.length);
  assert.equal(place?.start, doc.lastIndexOf('kill 1'));
  assert.equal(findCommand(doc, 'kill 1', secondLine, doc.indexOf('c:')), null);
});

test('tokens are whole: port 800 is not inside 8001, a path not inside a longer one', () => {
  assert.equal(findToken('curl localhost:8001 8000', '800', 0, 24), -1);
  assert.equal(findToken('kill 8001; echo 800', '800', 0, 19), 16);
  assert.equal(findToken('cp -r /w/Agent /w/Agent_new', '/w/Agent_new', 0, 27), 15);
  assert.equal(findToken('cp -r /w/Agent_new /w/Agent', '/w/Agent', 0, 27), 19);
});

test('line index: positions and offsets agree, CRLF lines end before the CR', () => {
  const text = 'one\r\ntwo\n\nfour';
  const lines = new Lines(text);
  assert.equal(lines.lineCount, 4);
  for (let o = 0; o <= text.length; o++) {
    const p = lines.positionAt(o);
    if (text[o - 1] !== '\r' || text[o] !== '\n') assert.equal(lines.offsetAt(p), o);
  }
  assert.equal(lines.lineLength(0), 3);
  assert.equal(lines.getText({ start: { line: 1, character: 0 }, end: { line: 3, character: 2 } }), 'two\n\nfo');
});

test('settings: defaults, overrides, and nonsense falls back', () => {
  const d = parseSettings(undefined);
  assert.equal(severityFor(d, 'process-kill'), 2);
  assert.equal(severityFor(d, 'obstacle:timeout'), 3);
  assert.equal(severityFor(d, 'resource-probe'), null);
  const s = parseSettings({ diagnostics: { critical: 'hint', context: 'warning', categories: { 'file-copy': 'off', 'obstacle:timeout': 'error', bogus: 'loud' } } });
  assert.equal(severityFor(s, 'restart'), 4);
  assert.equal(severityFor(s, 'file-copy'), null);
  assert.equal(severityFor(s, 'obstacle:timeout'), 1);
  assert.equal(severityFor(s, 'resource-probe'), 2);
  assert.deepEqual(parseSettings({ diagnostics: { critical: 42 } }).diagnostics.critical, 'warning');
  assert.equal(severityFor(parseSettings({ diagnostics: { enabled: false } }), 'process-kill'), null);
});

test('hover code spans cannot be broken out of by the transcript', async () => {
  const { code } = await import('../../src/server/features/hover');
  const { marked } = await import('marked');
  for (const s of ['plain', 'a`b', 'x``y`', '``[link](command:workbench.action.quit)``', '<img src=x onerror=alert(1)>']) {
    const html = marked.parseInline(code(s)) as string;
    assert.match(html, /^<code>[^<]*<\/code>$/, `${s} -> ${html}`);
  }
});
