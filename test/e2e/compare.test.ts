// Comparing two runs of the labelled corpus in a real VS Code (code-server with the packaged
// VSIX): the Fudan shutdown-avoidance run (replicated) and the Fudan failed trial, ticked in
// the corpus view and opened side by side; the verdict and "Replica answered" rows are marked
// as differing; a step opens its timeline. The screenshot is kept as media/screenshots/compare.png.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { activeTab, e2eSkipReason, launchVSCode, pickQuickItem, ROOT, screenshot, timeline, webview, withScreenshotOnFailure, type VSCode } from './harness';
import { runOurCommand } from './study-helpers';

const skip = e2eSkipReason();
const LABELLED = resolve(ROOT, '../shared/corpus/labelled');
const RUNS = ['fudan-shutdown-avoidance.log', 'fudan-failed-trial.log'];

describe('real VS Code: compare runs', { skip, timeout: 400_000 }, () => {
  let vs: VSCode;
  before(
    async () => {
      vs = await launchVSCode({ workspaceFrom: LABELLED });
    },
    { timeout: 180_000 },
  );
  after(async () => {
    await vs?.close();
  });

  test('two Fudan runs ticked in the corpus view open side by side, differences marked', async () => {
    const page = vs.page;
    await withScreenshotOnFailure(vs, 'compare', async () => {
      await runOurCommand(page, 'replicationLens.openCorpus');
      await pickQuickItem(page, 'workspace');
      const corpus = webview(page);
      await corpus.locator('table.runs tbody tr').first().waitFor({ timeout: 120_000 });
      for (const f of RUNS) await corpus.locator('table.runs tbody tr', { hasText: f }).locator('td.pick input').check();
      await corpus.locator('button.compare').click();

      await activeTab(page, 'Compare:').waitFor({ timeout: 60_000 });
      const view = webview(page);
      await view.locator('table.cmp').first().waitFor({ timeout: 60_000 });
      const verdict = view.locator('table.cmp tr', { has: view.locator('th.label', { hasText: /^verdict$/ }) });
      assert.match((await verdict.getAttribute('class')) ?? '', /\bdiffers\b/);
      // Runs in the corpus table's order (by file): the failed trial, then shutdown avoidance.
      assert.deepEqual(await verdict.locator('td .verdict').allTextContents(), ['failed', 'replicated']);
      const answered = view.locator('table.cmp:not(.steps) tr', { has: view.locator('th.label', { hasText: 'Replica answered' }) });
      assert.match((await answered.getAttribute('class')) ?? '', /\bdiffers\b/);
      const explored = view.locator('table.cmp:not(.steps) tr', { has: view.locator('th.label', { hasText: 'Explored' }) });
      assert.doesNotMatch((await explored.getAttribute('class')) ?? '', /\bdiffers\b/);
      assert.ok((await view.locator('table.steps tr.milestone').count()) === 5);

      const file = await screenshot(page, 'compare');
      mkdirSync(join(ROOT, 'media/screenshots'), { recursive: true });
      copyFileSync(file, join(ROOT, 'media/screenshots/compare.png'));

      // The failed trial's kill (the other run kills nothing) opens its timeline at that step.
      const step = view.locator('table.steps td button.step').filter({ hasText: 'kill' }).first();
      const num = Number(await step.locator('.num').textContent());
      await step.click();
      await activeTab(page, 'fudan-failed-trial.log').waitFor({ timeout: 60_000 });
      const selected = timeline(page).locator('.row.selected');
      await selected.waitFor({ timeout: 60_000 });
      assert.match((await selected.textContent()) ?? '', /kill/);
      assert.ok(num >= 1);
    });
  });
});
