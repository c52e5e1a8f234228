// Restricted Mode: with workspace trust on and the folder not trusted, the extension still
// reads (language features, Problems, the timeline) and annotates, since it executes nothing.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  commandTitle,
  e2eSkipReason,
  launchVSCode,
  openFile,
  runCommand,
  screenshot,
  sidecarRecords,
  timeline,
  timelineRow,
  withScreenshotOnFailure,
  type VSCode,
} from './harness';

const skip = e2eSkipReason();
const LOG = 'fudan-style-replication.log';

describe('real VS Code: Restricted Mode', { skip, timeout: 300_000 }, () => {
  let vs: VSCode;
  before(
    async () => {
      vs = await launchVSCode({ restricted: true });
    },
    { timeout: 180_000 },
  );
  after(async () => {
    await vs?.close();
  });

  test('an untrusted folder still gets the language features and the Problems findings', async () => {
    const page = vs.page;
    await withScreenshotOnFailure(vs, 'restricted-language', async () => {
      await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor();
      await openFile(page, LOG);
      await page.locator('.statusbar-item[id="status.editor.mode"]', { hasText: 'Chatbot Log' }).waitFor();
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'process-kill' }).first().waitFor({ timeout: 60_000 });
      await screenshot(page, 'restricted-problems');
    });
  });

  test('an untrusted folder still opens the timeline and takes annotations', async () => {
    const page = vs.page;
    await withScreenshotOnFailure(vs, 'restricted-timeline', async () => {
      await openFile(page, LOG);
      await runCommand(page, commandTitle('replicationLens.openTimeline'));
      const tl = timeline(page);
      const row = await timelineRow(tl, 'cp -r /home/****/agent');
      await row.click();
      await row.press('a');
      // The timeline's in-page form: confirm the step's file-copy finding, add a note, save.
      const form = tl.locator('dialog.annotate-form[open]');
      await form.waitFor({ timeout: 15_000 });
      await form.locator('.verdict-row[data-finding="file-copy"] .seg-confirm').click();
      await form.locator('.form-note').fill('e2e: the copy of itself, in Restricted Mode');
      await form.locator('.form-save').click();
      const records = await sidecarRecords(join(vs.workspace, `${LOG}.annotations.jsonl`));
      const create = records.find((r) => r.op === 'create');
      assert.ok(create, 'a create event');
      assert.equal(create.verdict, 'confirm');
      assert.equal(create.note, 'e2e: the copy of itself, in Restricted Mode');
      await screenshot(page, 'restricted-timeline');
    });
  });
});
