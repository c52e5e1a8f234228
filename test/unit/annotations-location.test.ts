// Where the extension puts a log's store (issue 15): `replicationLens.annotations.directory`
// comes from the workspace's own settings, so it is confined to the workspace folder: `..`
// escapes, absolute paths elsewhere and folders that are links to elsewhere are refused with a
// message that says so; package.json declares it restricted in untrusted workspaces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { workspaceSidecarPath } from '../../src/node/annotation-file';
import { tempDirs } from './temp-dirs';

const dir = tempDirs('rl-loc-');

test('inside the workspace: beside the log, or under the folder with the log path mirrored', async () => {
  const w = dir();
  const log = path.join(w, 'runs', 'a.log');
  assert.equal(await workspaceSidecarPath(log, { root: w }), log + '.annotations.jsonl');
  assert.equal(await workspaceSidecarPath(log, { root: w, directory: 'notes' }), path.join(w, 'notes', 'runs', 'a.log.annotations.jsonl'));
  assert.equal(await workspaceSidecarPath(log, { root: w, directory: path.join(w, 'abs') }), path.join(w, 'abs', 'runs', 'a.log.annotations.jsonl'));
  assert.equal(await workspaceSidecarPath(log, { root: w, directory: 'x/../notes' }), path.join(w, 'notes', 'runs', 'a.log.annotations.jsonl'));
});

test('a folder outside the workspace is refused, with the setting and the folder named', async () => {
  const w = dir();
  const log = path.join(w, 'a.log');
  for (const bad of ['../..', '..', '../sibling', '/etc', path.join(path.dirname(w), 'other'), `notes/../../x`]) {
    await assert.rejects(
      workspaceSidecarPath(log, { root: w, directory: bad }),
      (e: Error) => {
        assert.match(e.message, /replicationLens\.annotations\.directory/);
        assert.match(e.message, /outside the workspace folder/);
        return true;
      },
      bad,
    );
  }
  // A log opened from outside any workspace folder: a folder relative to the log's, confined to it.
  await assert.rejects(workspaceSidecarPath(log, { directory: '../up' }), /outside the log's folder/);
});

test('a folder in the workspace that is a symbolic link to elsewhere is refused', async (t) => {
  const w = dir();
  const elsewhere = dir();
  try {
    symlinkSync(elsewhere, path.join(w, 'notes'));
    mkdirSync(path.join(w, 'runs'));
    symlinkSync(elsewhere, path.join(w, 'runs', 'linked'));
  } catch {
    t.skip('no symlinks here');
    return;
  }
  await assert.rejects(workspaceSidecarPath(path.join(w, 'a.log'), { root: w, directory: 'notes' }), /symbolic link/);
  // Beside a log whose folder is a link out of the workspace: refused too.
  await assert.rejects(workspaceSidecarPath(path.join(w, 'runs', 'linked', 'a.log'), { root: w }), /symbolic link/);
});

test('package.json declares the folder and labels-file settings restricted in untrusted workspaces', () => {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8'));
  assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('replicationLens.annotations.directory'));
  assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('replicationLens.labelsFile'));
  assert.equal(pkg.contributes.configuration.properties['replicationLens.annotations.directory'].scope, 'resource');
});
