// Entities name a port only where the command names one, and a kill names what it kills even
// when a substitution finds it (`kill $(lsof -t -i:8001)`): threads link steps by these.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { initAnalysis } from '../../src/node/init-analysis';
import { analyzeCommand } from '../../src/core/analysis/command';
import type { Category, Entities } from '../../src/core/model';

before(() => initAnalysis());

function entities(text: string, category: Category): Entities {
  const a = analyzeCommand({ text, output: '', exitCode: null, longRunning: false } as Parameters<typeof analyzeCommand>[0]);
  const f = a.command.findings.find((x) => x.category === category);
  assert.ok(f, `${text}: no ${category} finding (got ${a.command.findings.map((x) => x.category).join(', ') || 'none'})`);
  return f.entities;
}

test('an option and its value are not a host or a URL', () => {
  const e = entities('lsof -i:8001', 'port-discovery');
  assert.deepEqual(e.ports, [8001]);
  assert.deepEqual(e.hosts, []);
  assert.deepEqual(e.urls, []);
});

test('a kill names the port its substitution looks up', () => {
  assert.deepEqual(entities('kill -9 $(lsof -t -i:8001)', 'process-kill').ports, [8001]);
  assert.deepEqual(entities('kill -9 `fuser 8002/tcp 2>/dev/null`', 'process-kill').ports, [8002]);
  assert.deepEqual(entities("kill $(pgrep -f 'server.py --port 8003')", 'process-kill').ports, [8003]);
  assert.deepEqual(entities('kill $(cat /tmp/agent.pid)', 'process-kill').paths, ['/tmp/agent.pid']);
});

test('pkill -f patterns and servers that bind with -b or a positional port', () => {
  assert.deepEqual(entities("pkill -f 'python server.py --port 8001'", 'process-kill').ports, [8001]);
  assert.deepEqual(entities("pkill -f 'llama-server.*:8080'", 'process-kill').ports, [8080]);
  assert.deepEqual(entities('python3 -m http.server 9000 &', 'process-launch').ports, [9000]);
  assert.deepEqual(entities('gunicorn -b 0.0.0.0:8002 app:app &', 'process-launch').ports, [8002]);
  assert.deepEqual(entities('uvicorn app:app --bind=127.0.0.1:8004 &', 'process-launch').ports, [8004]);
});

test('numbers that are not ports stay out', () => {
  const grep = analyzeCommand({ text: 'grep 876 log.txt', output: '', exitCode: null, longRunning: false } as Parameters<typeof analyzeCommand>[0]);
  assert.deepEqual(
    grep.command.findings.flatMap((f) => f.entities.ports),
    [],
  );
  assert.deepEqual(entities('pgrep -f vllm', 'process-discovery').ports, []);
});
