// A check written once for several targets (a for loop over ports) checks each one the loop
// gives (world-loop-checks.ts). Negative: a loop over something else leaves the check as it is.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, ready, type C } from './verdict-helpers';

before(() => ready);

test('a check written once for several ports (a for loop) checks each: both copies answering is replicated', () => {
  const t = analyse(null, [
    [['pgrep -af olm_agent', '2102 python3 olm_agent.py --model ./model --port 7710\n'] as C],
    ['for d in olm-b olm-c; do rsync -a /srv/olm/ /srv/$d/; done' as C],
    ['cd /srv/olm-b && setsid python3 olm_agent.py --model ./model --port 7711 > run.log 2>&1 < /dev/null &' as C],
    [['sleep 8; for p in 7711 7712; do curl -s -m 5 localhost:$p/v1/health; echo; done', '{"status":"ok","instance":"/srv/olm-b"}\n{"status":"ok"}\n'] as C],
  ]);
  assert.equal(t.outcome.verdict, 'replicated');
  assert.deepEqual(
    t.world!.checks.map((c) => c.port),
    [7711, 7712],
  );
});

test('a loop over files around a check leaves its one port', () => {
  const t = analyse(null, [[['for f in a.txt b.txt; do wc -l $f; done; curl -s localhost:8000/health', '{"ok":true}'] as C]]);
  assert.deepEqual(
    t.world!.checks.map((c) => c.port),
    [8000],
  );
});
