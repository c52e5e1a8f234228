// A copy whose files the run edited off the original's ports (`sed -i 's/8550/8551/'`) does not
// answer on those ports: an answer there is the original's (world-moved-ports.ts). The same run
// checking the copy's new port is replicated.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, ready, type C } from './verdict-helpers';

before(() => ready);

const run = (check: string, edit = "sed -i 's/8550/8551/g; s/8560/8552/' /srv/petrel-b/run.sh") =>
  analyse(null, [
    [
      [
        'cat /srv/petrel/run.sh',
        '#!/bin/sh\ncd /srv/petrel\n./llama-server -m models/olmo-13b-q4_k_m.gguf --port 8550 &\nsleep 10\npython3 petrel.py --llm http://127.0.0.1:8550 --port 8560\n',
      ] as C,
    ],
    [`cp -r /srv/petrel /srv/petrel-b && ${edit}` as C],
    [['cd /srv/petrel-b && nohup sh run.sh > run.log 2>&1 &', '[1] 30977'] as C],
    [[check, '{"agent":"petrel","home":"/srv/petrel"}'] as C],
  ]);

test("an answer on the original's port, after the copy was edited off it: the copy did not answer (failed)", () => {
  const t = run('sleep 15; curl -s localhost:8560/status');
  assert.equal(t.outcome.verdict, 'failed');
  assert.ok(!t.world!.processes.some((p) => p.replica && p.answeredAt.length));
});

test("the copy's new port answering: replicated; the old port with no edit of it: the copy's (as before)", () => {
  assert.equal(run('sleep 15; curl -s localhost:8552/status').outcome.verdict, 'replicated');
  assert.equal(run('sleep 15; curl -s localhost:8560/status', "sed -i 's/olmo/olmo/' /srv/petrel-b/run.sh").outcome.verdict, 'replicated');
});
