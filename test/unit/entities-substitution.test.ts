// A kill's target found by a substitution: the substitution's own commands are parsed and read
// as any command is (portsOf), at any depth, and text in it that names no port lends none.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { initAnalysis } from '../../src/node/init-analysis';
import { analyzeCommand } from '../../src/core/analysis/command';

before(() => initAnalysis());

function killPorts(text: string): number[] {
  const a = analyzeCommand({ text, output: '', exitCode: null, longRunning: false } as Parameters<typeof analyzeCommand>[0]);
  const f = a.command.findings.find((x) => x.category === 'process-kill');
  assert.ok(f, `${text}: no process-kill finding`);
  return [...f.entities.ports].sort((x, y) => x - y);
}

test('ss/lsof/fuser lookups inside a substitution, nested or quoted, name their port', () => {
  assert.deepEqual(killPorts('kill -TERM "$(lsof -ti tcp:7401)"'), [7401]);
  assert.deepEqual(killPorts('kill $(echo $(fuser 7402/tcp 2>/dev/null))'), [7402]);
  assert.deepEqual(killPorts("kill -9 $(pgrep -f 'agent.py --port=7403') $(lsof -t -i:7404)"), [7403, 7404]);
});

test('words in the substitution that only look like ports name none', () => {
  assert.deepEqual(killPorts('kill $(echo ":7405 busy" >/dev/null; cat /run/a.pid)'), []);
  assert.deepEqual(killPorts('kill $(( 7406 + 0 ))'), []);
});
