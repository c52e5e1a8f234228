// The zip-bomb cap guards one member, not the sum of the members read: a large `.eval` whose
// samples inflate past the cap in total, but not one by one, lists and reads every sample.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceFile } from '../../src/core/formats';
import { inspectEvalReader, evalZipOptions } from '../../src/core/formats/inspect-eval';
import { buildZip, header } from '../fixtures/inspect/make-eval';

function sample(id: number) {
  return {
    id,
    epoch: 1,
    messages: [
      { role: 'user', content: `task ${id} ` + 'x'.repeat(400_000) },
      { role: 'assistant', content: '', tool_calls: [{ id: `c${id}`, function: 'bash', arguments: { cmd: `ls /srv/run${id}` } }] },
      { role: 'tool', tool_call_id: `c${id}`, function: 'bash', content: 'ok' },
    ],
  };
}

test('every sample reads when the samples together inflate past the cap', () => {
  const members: Record<string, unknown> = { 'header.json': header() };
  for (let i = 1; i <= 12; i++) members[`samples/${i}_epoch_1.json`] = sample(i);
  const file = sourceFile('many.eval', buildZip(members));
  const saved = evalZipOptions.maxMemberBytes;
  evalZipOptions.maxMemberBytes = 1_000_000; // 12 samples of ~400 KB: ~4.8 MB in total
  try {
    assert.equal(inspectEvalReader.listRuns!(file).length, 12);
    const read = inspectEvalReader.read(file);
    assert.deepEqual(
      read.issues.filter((i) => i.severity === 'error'),
      [],
    );
    assert.equal(read.trajectories.length, 12);
    assert.deepEqual(
      read.trajectories.map((t) => t.steps.flatMap((s) => s.commands.map((c) => c.text))[0]).sort(),
      Array.from({ length: 12 }, (_, i) => `ls /srv/run${i + 1}`).sort(),
    );
  } finally {
    evalZipOptions.maxMemberBytes = saved;
  }
});

test('one member over the cap is reported, and the others still read', () => {
  const members: Record<string, unknown> = { 'header.json': header(), 'samples/1_epoch_1.json': sample(1) };
  members['samples/2_epoch_1.json'] = { ...sample(2), messages: [{ role: 'user', content: 'y'.repeat(2_000_000) }] };
  members['samples/3_epoch_1.json'] = sample(3);
  const file = sourceFile('one-big.eval', buildZip(members));
  const saved = evalZipOptions.maxMemberBytes;
  evalZipOptions.maxMemberBytes = 1_000_000;
  try {
    const read = inspectEvalReader.read(file);
    assert.equal(read.trajectories.length, 2);
    assert.ok(read.issues.some((i) => i.entry === 'samples/2_epoch_1.json' && /over the 1000000-byte limit for one member/.test(i.message)));
  } finally {
    evalZipOptions.maxMemberBytes = saved;
  }
});
