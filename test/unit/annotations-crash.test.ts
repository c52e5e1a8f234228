// Crash and concurrency (issue 15): writer processes appending through the real store code, a
// compactor rewriting the store meanwhile, and SIGKILLs at random moments with the store checked
// after each. No acknowledged event may be lost or stored twice, no line may be torn, and no lock
// may be left behind. A smaller size than bench/annotations-crash.ts (10 x 10,000), same harness.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanUp, crashTrial } from '../../bench/annotations-crash';

test('4 writers x 1,000 appends with a compactor, SIGKILLs in between: nothing acknowledged is lost or duplicated', { timeout: 300_000 }, async () => {
  const r = await crashTrial({ writers: 4, appends: 1000 });
  try {
    assert.equal(r.acked, 4000);
    assert.equal(r.lost, 0);
    assert.equal(r.duplicated, 0);
    assert.equal(r.failedChecks, 0, 'a check after a kill found a lost or duplicated event');
    assert.equal(r.issues, 0, 'a torn or unreadable line');
    assert.equal(r.leftoverClaims, 0);
    // The test means something only if both kinds of process were killed and compactions ran.
    assert.ok(r.kills.writer > 0 && r.kills.compactor > 0, JSON.stringify(r.kills));
    assert.ok(r.compactions > 0);
    // At most one unacknowledged event per writer kill (killed between the append and its acknowledgement).
    assert.ok(r.unacked <= r.kills.writer, `${r.unacked} unacknowledged events for ${r.kills.writer} writer kills`);
  } finally {
    cleanUp(r);
  }
});
