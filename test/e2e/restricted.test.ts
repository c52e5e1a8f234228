// Restricted Mode: with workspace trust on and the folder not trusted, the extension still
// reads (language features, Problems, the timeline) and annotates, since it executes nothing.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  answerAnnotationPrompts, commandTitle, e2eSkipReason, launchVSCode, openFile, runCommand, screenshot, sidecarRecords,
  timeline, timelineRow, withScreenshotOnFailure, type VSCode,
} from './harness';

const skip = e2eSkipReason();
const LOG = 'fudan-style-replication.log';

describe('real VS Code: Restricted Mode', { skip, timeout: 300_000 }, () => {
  let vs: VSCode;
  before(async () => {
    vs = await launchVSCode({ restricted: true });
  }, { timeout: 180_000 });
  after(async () => {
    await vs?.close();
  });

  test('an untrusted folder still gets the language features and the Problems findings', async () => {
    const page = vs.page;
    await withScreenshotOnFailure(page, 'restricted-language', async () => {
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
    await withScreenshotOnFailure(page, 'restricted-timeline', async () => {
      await openFile(page, LOG);
      await runCommand(page, commandTitle('replicationLens.openTimeline'));
      const tl = timeline(page);
      const row = await timelineRow(tl, 'cp -r /home/****/agent');
      await row.click();
      await row.press('a');
      await answerAnnotationPrompts(page, 'file-copy', 'e2e: the copy of itself, in Restricted Mode');
      const records = await sidecarRecords(join(vs.workspace, `${LOG}.annotations.jsonl`));
      assert.ok(records.some((r) => r.op === 'create'));
      await screenshot(page, 'restricted-timeline');
    });
  });
});
