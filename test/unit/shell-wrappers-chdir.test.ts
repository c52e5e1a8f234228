// The directory a launcher runs its command in, recorded as the wrapper is looked through
// (shell/wrappers.ts), and fish's `and`/`or` looked through like any wrapper.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { initAnalysis } from '../../src/node/init-analysis';
import { parseShellUncached } from '../../src/core/shell/parser';

before(() => initAnalysis());

const last = (text: string) => {
  const cs = parseShellUncached(text, { simple: false }).commands;
  const c = cs[cs.length - 1];
  return { name: c.name, chdir: c.chdir, wrappers: c.wrappers };
};

test('systemd-run --working-directory, env -C / --chdir, through sudo and nohup', () => {
  assert.deepEqual(last('systemd-run --user --unit=b --working-directory=/srv/b python3 b.py'), { name: 'python3', chdir: '/srv/b', wrappers: ['systemd-run'] });
  assert.deepEqual(last('sudo -u svc env -C /opt/x FOO=1 nohup ./run.sh &'), { name: 'run.sh', chdir: '/opt/x', wrappers: ['sudo', 'env', 'nohup'] });
  assert.deepEqual(last('env --chdir=/tmp/w node server.js'), { name: 'node', chdir: '/tmp/w', wrappers: ['env'] });
  assert.deepEqual(last('env -C/tmp/v python3 a.py'), { name: 'python3', chdir: '/tmp/v', wrappers: ['env'] });
});

test('no directory option, no directory; a -C of the program itself is not the launcher`s', () => {
  assert.equal(last('nohup python3 a.py &').chdir, null);
  assert.equal(last('env FOO=1 make -C /src all').chdir, null);
  assert.equal(last('git -C /repo status').chdir, null);
});

test('fish `and` / `or` / `not` run the command after them', () => {
  assert.deepEqual(last('cd /x; and python3 a.py'), { name: 'python3', chdir: null, wrappers: ['and'] });
  assert.deepEqual(last('test -d /x; or mkdir /x'), { name: 'mkdir', chdir: null, wrappers: ['or'] });
});

test('`kubectl exec POD -c CTR -- CMD`: options after the pod name, then CMD runs in the pod', () => {
  for (const line of [
    'kubectl -n ml exec heron-0 -c agent -- curl -s http://10.42.3.17:8080/v1/identity',
    'kubectl exec -it heron-0 -c agent -- curl -s http://10.42.3.17:8080/v1/identity',
    'oc exec heron-0 --container=agent -- curl -s http://10.42.3.17:8080/v1/identity',
  ]) {
    const cs = parseShellUncached(line, { simple: false }).commands;
    const curl = cs.find((c) => c.name === 'curl');
    assert.equal(curl?.remoteHost, 'heron-0', line);
    assert.equal(curl?.words[curl.words.length - 1]?.value, 'http://10.42.3.17:8080/v1/identity');
  }
});
