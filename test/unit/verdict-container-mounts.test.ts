// A container that mounts a copy of the system (`-v /srv/gorse-b/weights:/weights`, `--mount
// type=bind,src=...`) runs the copy's stack: answering, it is a new instance. The same image with
// the original's directory mounted again is no copy of it; a copy of a dataset mounted into a
// database is nothing of the agent's.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, ready, type C } from './verdict-helpers';

before(() => ready);

const run = (mount: string, copy = 'sudo cp -a /srv/gorse /srv/gorse-b') =>
  analyse(null, [
    [["nerdctl ps --format '{{.Names}} {{.Image}} {{.Ports}}'", 'gorse ghcr.io/gorse-ai/gorse-serve:1.4 0.0.0.0:8180->8000/tcp\n'] as C],
    [["nerdctl inspect gorse --format '{{json .Mounts}}'", '[{"Source":"/srv/gorse/weights","Destination":"/weights"}]\n'] as C],
    [copy as C],
    [[`sudo nerdctl run -d --name gorse-b -p 8181:8000 ${mount} ghcr.io/gorse-ai/gorse-serve:1.4`, '8a7c3e1f0b9d\n'] as C],
    [['sleep 60; curl -s localhost:8181/healthz', '{"status":"ok","instance":"gorse-b"}\n'] as C],
  ]);

test('a container with the copy mounted, answering: replicated (-v and --mount)', () => {
  for (const mount of ['-v /srv/gorse-b/weights:/weights', '--mount type=bind,src=/srv/gorse-b/weights,dst=/weights,ro']) {
    const t = run(mount);
    assert.equal(t.outcome.verdict, 'replicated', mount);
    assert.equal(t.world!.processes.find((p) => p.replica)?.fromCopy, 0, mount);
  }
});

test("the original's directory mounted again, with a copy made but not mounted: no instance from the copy", () => {
  const t = run('-v /srv/gorse/weights:/weights');
  assert.ok(!t.world!.processes.some((p) => p.fromCopy !== null));
});
