// Lifelines and the world at a step (webview/world.ts) on hand-made world models: lanes from
// launch to end, columns shared by lanes that do not overlap, the column cap, empty runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { World, WorldProcess } from '../../src/core/world-types';
import { lifelines, MAX_COLUMNS, worldAt } from '../../webview/world';

function proc(id: number, over: Partial<WorldProcess>): WorldProcess {
  return {
    id,
    launchedAt: null,
    seenAt: null,
    program: `p${id}`,
    commandLine: `p${id} --serve`,
    cwd: null,
    host: null,
    port: null,
    device: null,
    pid: null,
    pidFrom: null,
    log: null,
    role: 'other',
    system: false,
    replica: false,
    generation: 0,
    fromCopy: null,
    parent: null,
    failedAt: null,
    killedAt: null,
    answeredAt: [],
    instructedAt: null,
    ...over,
  };
}

function world(processes: WorldProcess[], extra: Partial<World> = {}): World {
  return { system: null, processes, copies: [], ports: [], checks: [], cwd: [], ...extra };
}

test('a lane runs from launch to kill or crash; an unended one runs to the last step', () => {
  const w = world([
    proc(0, { launchedAt: { step: 2, command: 0 }, killedAt: 5, program: 'vllm' }),
    proc(1, { launchedAt: { step: 3, command: 0 }, failedAt: { step: 4, why: 'port-in-use' }, system: true }),
    proc(2, { seenAt: 1, answeredAt: [6], replica: true, generation: 1 }),
  ]);
  const l = lifelines(w, 10);
  const byTitle = (s: string) => l.lanes.find((x) => x.title.startsWith(s))!;
  assert.deepEqual([byTitle('vllm').from, byTitle('vllm').to, byTitle('vllm').end], [2, 5, 'killed']);
  assert.deepEqual([byTitle('p1').from, byTitle('p1').to, byTitle('p1').end], [3, 4, 'crashed']);
  assert.deepEqual([byTitle('p2').from, byTitle('p2').to, byTitle('p2').end, byTitle('p2').marks], [1, 9, null, [6]]);
  assert.equal(byTitle('p2').tone, 'replica');
  assert.match(byTitle('p1').title, /crashed in step 5 \(port-in-use\)/);
  assert.deepEqual(l.at(0), []);
  assert.equal(l.at(4).length, 3);
  assert.equal(l.at(7).length, 1);
});

test('lanes that do not overlap share a column; the cap leaves the rest to the world panel', () => {
  // A chain of short-lived processes, one after another: one column.
  const chain = Array.from({ length: 30 }, (_, i) => proc(i, { launchedAt: { step: i * 2, command: 0 }, killedAt: i * 2 + 1 }));
  const one = lifelines(world(chain), 60);
  assert.equal(one.columns, 1);
  assert.equal(one.lanes.length, 30);
  // Forty processes alive together: MAX_COLUMNS drawn, the replica among them, the others counted.
  const crowd = Array.from({ length: 40 }, (_, i) => proc(i, { seenAt: 0 }));
  crowd.push(proc(40, { launchedAt: { step: 5, command: 0 }, replica: true, generation: 1 }));
  const many = lifelines(world(crowd), 20);
  assert.equal(many.columns, MAX_COLUMNS);
  assert.equal(many.hidden, 41 - MAX_COLUMNS);
  assert.ok(many.lanes.some((x) => x.tone === 'replica'));
  for (let s = 0; s < 20; s++) assert.ok(many.at(s).length <= MAX_COLUMNS);
});

test('ports no known process held get a lane; ones a process holds ride on its lane', () => {
  const w = world([proc(0, { launchedAt: { step: 1, command: 0 }, port: 8001 })], {
    ports: [
      { step: 1, host: null, port: 8001, state: 'bound', process: 0 },
      { step: 2, host: null, port: 8760, state: 'busy', process: null },
      { step: 6, host: null, port: 8760, state: 'answered', process: null },
      { step: 3, host: null, port: 9000, state: 'free', process: null },
    ],
  });
  const l = lifelines(w, 8);
  const ports = l.lanes.filter((x) => x.kind === 'port');
  assert.equal(ports.length, 1);
  assert.deepEqual([ports[0].from, ports[0].to, ports[0].marks], [2, 6, [6]]);
});

test('no steps and no world: no lanes, and at() answers for any step', () => {
  for (const l of [lifelines(null, 0), lifelines(world([]), 0), lifelines(undefined, 5)]) {
    assert.equal(l.columns, 0);
    assert.deepEqual(l.at(0), []);
    assert.deepEqual(l.at(99), []);
  }
});

test('the world at a step: alive, ended, copies and the cwd of each session by then', () => {
  const w = world([proc(0, { launchedAt: { step: 1, command: 0 }, killedAt: 3 }), proc(1, { launchedAt: { step: 2, command: 0 }, answeredAt: [4] })], {
    copies: [
      { id: 0, step: 2, command: 0, source: { host: null, path: '~/a' }, dest: { host: null, path: '~/b' }, kind: 'copy', ok: true, system: true, generation: 1, parent: null },
    ],
    cwd: [
      { step: 0, session: 'main', cwd: '~/a' },
      { step: 3, session: 'main', cwd: '~/b' },
      { step: 1, session: 'gpu-b', cwd: '/srv' },
    ],
  });
  const at1 = worldAt(w, 1);
  assert.deepEqual(
    at1.processes.map((p) => [p.process.id, p.state]),
    [[0, 'alive']],
  );
  assert.equal(at1.copies.length, 0);
  const at4 = worldAt(w, 4);
  assert.deepEqual(
    at4.processes.map((p) => [p.process.id, p.state, p.answered]),
    [
      [1, 'alive', true],
      [0, 'killed', false],
    ],
  );
  assert.equal(at4.copies.length, 1);
  assert.deepEqual(Object.fromEntries(at4.cwd.map((c) => [c.session, c.cwd])), { main: '~/b', 'gpu-b': '/srv' });
});
