// worldAt (src/core/analysis/world-at.ts): what is alive, which ports are listening, busy or free,
// and the replicated system, as of one step of a run (the hover "World at step N" reads it).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { worldAt } from '../../src/core/analysis/world-at';
import { analyse, ready } from './verdict-helpers';

before(() => ready);

const LSOF_8000 = 'COMMAND   PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME\npython3 4242 dev 7u IPv4 188 0t0 TCP *:8000 (LISTEN)';

test('a process found by a listing is alive until the kill; a launch from then on, its port bound, then answered', () => {
  const t = analyse(null, [
    [['lsof -i :8000', LSOF_8000, 0]],
    [['kill -9 4242', '', 0]],
    [['lsof -i :8001', '', 1]],
    [['nohup python3 server/agent_api.py --port 8001 > api.log 2>&1 &', '[1] 5151']],
    [['curl -s localhost:8001/health', '{"status":"ok"}', 0]],
  ]);
  const w = t.world!;
  const at0 = worldAt(w, 0);
  assert.deepEqual(
    at0.processes.map((p) => [p.pid, p.port, p.seenAt, p.launchedAt]),
    [[4242, 8000, 0, null]],
  );
  assert.deepEqual(
    at0.ports.map((p) => [p.port, p.state, p.step]),
    [[8000, 'busy', 0]],
  );
  const at2 = worldAt(w, 2);
  assert.deepEqual(at2.processes, [], 'killed at step 1: not alive at step 2');
  // 8000 was busy with the killed process: no longer said to be busy; 8001 was probed free.
  assert.deepEqual(
    at2.ports.map((p) => [p.port, p.state]),
    [[8001, 'free']],
  );
  const at4 = worldAt(w, 4);
  assert.deepEqual(
    at4.processes.map((p) => [p.program, p.port, p.pid, p.launchedAt, p.answeredAt]),
    [['agent_api.py', 8001, 5151, 3, 4]],
  );
  assert.deepEqual(
    at4.ports.find((p) => p.port === 8001),
    { host: null, port: 8001, state: 'answered', step: 4, process: at4.processes[0].id },
  );
  assert.equal(at4.system, w.system);
});

test('a launch that failed is not alive, and the port it was to bind is not listed as its', () => {
  const t = analyse(null, [[['python3 app.py --port 8001', 'OSError: [Errno 98] Address already in use', 1]], [['echo next', 'next', 0]]]);
  const at1 = worldAt(t.world!, 1);
  assert.deepEqual(at1.processes, []);
  assert.ok(!at1.ports.some((p) => p.port === 8001 && p.state === 'bound'));
});
