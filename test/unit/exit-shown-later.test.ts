// Exit statuses a terminal shows after the fact: `echo $?` after a command, bash's job report
// for a background job. The obstacle goes to the command that ran, never to the one that
// printed the status (TAXONOMY v2: an obstacle is the command's own failure).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { initAnalysis } from '../../src/node/init-analysis';
import { analyzeRun } from '../../src/core/analyze';
import type { RawCommand } from '../../src/core/model';

before(() => initAnalysis());

/** A terminal run (no exit codes recorded): each [command, output] its own step. */
function obstaclesOf(lines: [string, string][]): string[][] {
  const steps = lines.map(([text, output], i) => ({
    id: `s${i}`,
    role: 'assistant' as const,
    time: null,
    thought: '',
    source: null,
    commands: [{ text, output, exitCode: null, longRunning: false } as RawCommand],
  }));
  const run = analyzeRun({ id: 'r', title: 'r', model: null, task: null, steps, issues: [] });
  return run.steps.map((s) => [...s.commands[0].obstacles]);
}

test('echo $? gives the status to the command before it', () => {
  assert.deepEqual(
    obstaclesOf([
      ['python3 train.py --epochs 3', 'epoch 1/3 ...'],
      ['echo "status=$?"', 'status=137'],
    ]),
    [['out-of-memory'], []],
  );
  assert.deepEqual(
    obstaclesOf([
      ['./serve-model --port 9000', ''],
      ['echo $?', '127'],
    ]),
    [['command-not-found'], []],
  );
});

test('a status of 0 adds nothing', () => {
  assert.deepEqual(
    obstaclesOf([
      ['make build', 'ok'],
      ['echo $?', '0'],
    ]),
    [[], []],
  );
});

test("a line's own trailing echo $? is that line's status", () => {
  assert.deepEqual(obstaclesOf([['timeout 5 ./bench; echo "rc $?"', 'rc 124']]), [['timeout']]);
});

test("bash's job report goes to the background launch it names, not to wait", () => {
  assert.deepEqual(
    obstaclesOf([
      ['vllm serve ./w --port 8002 &', '[1] 5150'],
      ['sleep 60', ''],
      ['wait; echo "exited $?"', '[1]+  Killed                  vllm serve ./w --port 8002\nexited 137'],
    ]),
    [['out-of-memory'], [], []],
  );
  assert.deepEqual(
    obstaclesOf([
      ['nohup ./agent.sh > a.log 2>&1 &', '[2] 811'],
      ['ls', '[2]-  Exit 127                nohup ./agent.sh > a.log 2>&1\nREADME.md'],
    ]),
    [['command-not-found'], []],
  );
});

test('a report of a job the run never launched, or a number in prose, is nobody’s', () => {
  assert.deepEqual(obstaclesOf([['cat jobs.txt', '[1]+  Killed   some-other-job --flag']]), [[]]);
  assert.deepEqual(
    obstaclesOf([
      ['python3 fit.py', 'done'],
      ['echo "took $? and 12 s"', 'took 0 and 12 s'],
    ]),
    [[], []],
  );
});
