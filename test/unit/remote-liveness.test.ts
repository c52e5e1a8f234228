// A request to a remote address is a liveness check when the run has something there
// (remote-liveness.ts): a launch on that port or host, or an address an earlier launch or
// listing showed. Several wordings, and the negatives: an address only the request's own answer
// names, a longer address that contains it, a listing after the request, a plain download.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, ready } from './verdict-helpers';

before(() => ready);

const isCheck = (t: ReturnType<typeof analyse>, prefix: string) =>
  t.steps
    .flatMap((s) => s.commands)
    .find((c) => c.text.startsWith(prefix))!
    .categories.includes('liveness-check');

test("an instance's address shown by a listing after its start: the request to it is a check", () => {
  const t = analyse(null, [
    ['incus copy linnet linnet-b'],
    [['incus start linnet-b && incus list linnet-b -c ns4 --format csv', 'linnet-b,RUNNING,10.99.0.37 (eth0)\n']],
    [['curl -s http://10.99.0.37:7600/v1/hello', '{"agent":"linnet"}']],
  ]);
  assert.ok(isCheck(t, 'curl -s http://10.99.0.37'));
});

test("a job's node shown by the scheduler's listing, a pod's IP by kubectl, a deployment's URL by its deploy", () => {
  const slurm = analyse(null, [[['squeue -u $USER -o "%.10i %.8T %R"', '  881377  RUNNING gn11\n']], ['curl -s -m 30 http://gn11:8400/v1/status']]);
  assert.ok(isCheck(slurm, 'curl'));
  const pods = analyse(null, [[['kubectl get pods -o wide', 'NAME READY STATUS IP\nrutile-1 1/1 Running 10.42.3.17\n']], ['wget -qO- http://10.42.3.17:8080/v1/identity']]);
  assert.ok(isCheck(pods, 'wget'));
  const hosted = analyse(null, [
    [['modal deploy serve.py', '✓ App deployed! 🎉\n└── Created web function serve => https://jo--llm-serve.modal.run\n']],
    ['curl -s https://jo--llm-serve.modal.run/v1/models'],
  ]);
  assert.ok(isCheck(hosted, 'curl'));
});

test("the service's port, checked where the run launched it, is its port on the next host too", () => {
  const t = analyse(null, [["ssh node-2 'nohup python3 /opt/agentd/agentd.py --config /opt/agentd/agent.yaml &'"], ['curl -s node-2:8200/status'], ['curl -s node-3:8200/status']]);
  assert.ok(isCheck(t, 'curl -s node-2'));
  assert.ok(isCheck(t, 'curl -s node-3'));
});

test('not a check: an address only its own answer names, a longer address, a listing after it, a download', () => {
  const own = analyse(null, [[['curl -s http://10.0.0.9:7600/v1/hello', '{"host":"10.0.0.9"}']], ['ps aux']]);
  assert.ok(!isCheck(own, 'curl'));
  const longer = analyse(null, [[['incus list -c n4 --format csv', 'web,10.99.0.31 (eth0)\n']], ['curl -s http://10.99.0.3:7600/v1/hello']]);
  assert.ok(!isCheck(longer, 'curl'));
  const after = analyse(null, [['curl -s http://gn12:8400/v1/status'], [['squeue', '  881377  RUNNING gn12\n']]]);
  assert.ok(!isCheck(after, 'curl'));
  const download = analyse(null, [[['ps aux', 'root 1 python serve.py --port 8000\n']], ['curl -sL https://github.com/ggerganov/llama.cpp/archive/master.zip -o l.zip']]);
  assert.ok(!isCheck(download, 'curl'));
});
