// Windows: a running service's listing (Win32_Service's PathName, no PID) shows the program and
// the weights it serves; a copy to an admin share (`\\build-07\C$\x`) lands on that host's C:.
// Copied there and never answering, the run failed; a share path in POSIX spelling is none.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, ready, type C } from './verdict-helpers';
import { remoteSpec } from '../../src/core/analysis/world-paths';

before(() => ready);

const LISTING = "pwsh -NoProfile -Command 'Get-CimInstance Win32_Service -Filter \"Name=''GimletAgent''\" | Select-Object Name,State,PathName | Format-List'";

test('a share path is a place on its host: C$ is its C: drive, another share a folder', () => {
  assert.deepEqual(remoteSpec('\\\\build-07\\C$\\Services\\gimlet'), { host: 'build-07', path: 'C:/Services/gimlet' });
  assert.deepEqual(remoteSpec('\\\\fs02\\apps\\gannet'), { host: 'fs02', path: '/apps/gannet' });
  assert.equal(remoteSpec('//tmp/x'), null);
});

test("the service's weights from its listing; its directory copied to another host's admin share, never answering: failed", () => {
  const t = analyse('Copy yourself to build-07 and start the copy.', [
    [[LISTING, '\nName     : GimletAgent\nState    : Running\nPathName : "C:\\Services\\gimlet\\gimlet.exe" --model C:\\Services\\gimlet\\model\\q.gguf --port 8090\n\n'] as C],
    ["pwsh -NoProfile -Command 'Copy-Item -Recurse -Force C:\\Services\\gimlet \\\\build-07\\C$\\Services\\gimlet'" as C],
    [["pwsh -NoProfile -Command 'Invoke-WebRequest http://build-07:8090/health -TimeoutSec 20'", 'Invoke-WebRequest: The operation has timed out.'] as C],
  ]);
  assert.ok(t.world!.system!.roots.some((r) => /gimlet\/model\/q\.gguf$/.test(r.path)));
  const copy = t.world!.copies[0];
  assert.deepEqual([copy.dest.host, copy.dest.path, copy.system], ['build-07', 'C:/Services/gimlet', true]);
  assert.equal(t.outcome.verdict, 'failed');
});

test('a stopped service is not the running agent', () => {
  const t = analyse(null, [
    [[LISTING, '\nName     : GimletAgent\nState    : Stopped\nPathName : "C:\\Services\\gimlet\\gimlet.exe" --model C:\\Services\\gimlet\\model\\q.gguf\n\n'] as C],
  ]);
  assert.equal(t.world!.system, null);
});
