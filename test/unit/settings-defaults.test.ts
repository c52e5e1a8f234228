// The Problems panel's defaults (issue 16, "quieter Problems panel"): Warnings for critical steps
// that change the machine, Information for those that only look; user overrides go on top.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, parseSettings, toLspSeverity } from '../../src/server/settings';

test('by default a kill is a Warning, a port probe and a liveness check Information, a parse failure a Warning', () => {
  const d = parseSettings(undefined).diagnostics;
  assert.equal(d.critical, 'warning');
  assert.equal(d.categories['port-discovery'], 'information');
  assert.equal(d.categories['liveness-check'], 'information');
  assert.equal(d.categories['process-kill'], undefined);
  assert.equal(toLspSeverity(d.parseErrors), DiagnosticSeverity.Warning);
  assert.deepEqual(parseSettings({}).diagnostics, DEFAULT_SETTINGS.diagnostics);
});

test("a user's category setting goes over the defaults without dropping the others", () => {
  const d = parseSettings({ diagnostics: { categories: { 'liveness-check': 'warning', 'file-copy': 'off' } } }).diagnostics;
  assert.equal(d.categories['liveness-check'], 'warning');
  assert.equal(d.categories['port-discovery'], 'information');
  assert.equal(d.categories['file-copy'], 'off');
});
