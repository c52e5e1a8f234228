// The timeline in a real VS Code (code-server with the packaged VSIX): opened from the command
// palette on a Fudan-style log, critical steps highlighted, "Go to source", annotating a step
// into the sidecar file, a reload that restores the view, an .eval that opens in the timeline
// by default, and a log opened from the explorer's menu (read from disk, not as text). One code-server for the whole file; tests run in order.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  activeTab,
  commandTitle,
  cursorLine,
  e2eSkipReason,
  editorLines,
  launchVSCode,
  openFile,
  pickQuickItem,
  reloadWindow,
  ROOT,
  sidecarRecords,
  runCommand,
  screenshot,
  timelineRow,
  timeline,
  waitUntil,
  withScreenshotOnFailure,
  type VSCode,
} from './harness';

const skip = e2eSkipReason();
const LOG = 'fudan-style-replication.log';
const KILL = 'kill -9 4127';

describe('real VS Code: timeline', { skip, timeout: 400_000 }, () => {
  let vs: VSCode;
  let lines: string[];
  before(
    async () => {
      vs = await launchVSCode();
      lines = readFileSync(join(vs.workspace, LOG), 'utf8').split('\n');
    },
    { timeout: 180_000 },
  );
  after(async () => {
    await vs?.close();
  });

  test('the timeline opens from the command palette and highlights the critical steps', async () => {
    const page = vs.page;
    await withScreenshotOnFailure(vs, 'timeline-open', async () => {
      await openFile(page, LOG);
      await runCommand(page, commandTitle('replicationLens.openTimeline'));
      const tl = timeline(page);
      await tl.locator('.row:not(.loading)').first().waitFor({ timeout: 60_000 });
      await tl.locator('.row.critical').first().waitFor();
      // The step that kills the stale server is critical, with a process-kill badge...
      const kill = await timelineRow(tl, KILL);
      assert.match((await kill.getAttribute('class')) ?? '', /\bcritical\b/);
      await kill.locator('.badge[title="process-kill"]').waitFor();
      // ...and the first step (ls of its own folder) is not.
      const ls = await timelineRow(tl, 'ls -la /home/****/agent');
      assert.doesNotMatch((await ls.getAttribute('class')) ?? '', /\bcritical\b/);
      await timelineRow(tl, 'cp -r /home/****/agent');
      await screenshot(page, 'timeline-chatbot-log');
    });
  });

  test('"Go to source" reveals the lines of the step', async () => {
    const page = vs.page;
    await withScreenshotOnFailure(vs, 'go-to-source', async () => {
      const tl = timeline(page);
      const kill = await timelineRow(tl, KILL);
      await kill.dblclick();
      const go = tl.locator('.detail .go-source');
      await go.waitFor();
      const m = /lines (\d+)\D+(\d+)/.exec((await go.textContent()) ?? '');
      assert.ok(m, 'the button names the lines');
      const [from, to] = [Number(m[1]), Number(m[2])];
      assert.ok(
        lines.slice(from - 1, to).some((l) => l.includes(KILL)),
        `lines ${from}-${to} hold the command`,
      );
      assert.ok(!lines.slice(from - 1, to).some((l) => l.includes('ls -la /home/****/agent')), 'and not another step');
      await go.click();
      await activeTab(page, LOG).waitFor();
      const at = await waitUntil(
        async () => {
          const l = await cursorLine(page).catch(() => 0);
          return l >= from && l <= to ? l : null;
        },
        30_000,
        `the cursor within lines ${from}-${to}`,
      );
      assert.ok(
        (await editorLines(page)).some((t) => t.includes(KILL)),
        `line ${at}: the command is on screen`,
      );
      await page.mouse.move(1, 1); // no hover tooltips in the picture
      await screenshot(page, 'go-to-source');
    });
  });

  test('annotating a step writes the sidecar LOG.annotations.jsonl', async () => {
    const page = vs.page;
    const sidecar = join(vs.workspace, `${LOG}.annotations.jsonl`);
    assert.ok(!existsSync(sidecar));
    await withScreenshotOnFailure(vs, 'annotate', async () => {
      const tl = timeline(page);
      const kill = await timelineRow(tl, KILL);
      const index = Number(/#(\d+)/.exec((await kill.locator('.idx').textContent()) ?? '')?.[1]);
      await kill.click();
      await kill.press('a');
      // The in-page form: a label chip, a verdict on the step's finding, a note; Save.
      const form = tl.locator('dialog.annotate-form[open]');
      await form.waitFor({ timeout: 15_000 });
      await form.locator('.label-chip[data-label="false-positive"]').click();
      await form.locator('.verdict-row[data-finding="process-kill"] .seg-confirm').click();
      await form.locator('.label-chip[data-missed="persistence"]').click();
      await form.locator('.form-note').fill('e2e: kills the stale http.server that held 8001');
      await screenshot(page, 'annotate-form');
      await form.locator('.form-save').click();
      // Two verdicts: the host writes two annotations, the second one carrying the miss.
      const records = await waitUntil(
        async () => {
          const r = await sidecarRecords(sidecar);
          return r.filter((x) => x.op === 'create').length >= 2 ? r : null;
        },
        15_000,
        'two create events',
      );
      const [create, missed] = records.filter((r) => r.op === 'create');
      assert.ok(create, 'a create event');
      assert.equal(missed.verdict, 'missed:persistence');
      assert.equal(missed.stepId, create.stepId);
      assert.match(String(create.type), /^replication-lens\/annotation@\d+$/);
      // The row shows `#N` (1-based); the store keeps the 0-based step index.
      assert.equal(create.stepIndex, index - 1, 'the annotation points at the step that was annotated');
      assert.deepEqual(create.labels, ['false-positive']);
      assert.equal(create.verdict, 'confirm');
      assert.equal(create.note, 'e2e: kills the stale http.server that held 8001');
      // The timeline marks the step as annotated, with its label as a chip, and the expanded
      // step's notes panel lists it.
      await kill.locator('.badge.annotation').waitFor({ timeout: 15_000 });
      await kill.locator('.badge.note-chip', { hasText: 'False positive' }).waitFor();
      if (!(await tl.locator('.row.expanded', { hasText: KILL }).count())) await kill.dblclick();
      const note = tl.locator('.detail .notes .note', { hasText: 'e2e: kills the stale' });
      await note.waitFor({ timeout: 15_000 });
      await screenshot(page, 'annotate');
      // Edit it from the notes panel: an update event for the same annotation.
      await note.locator('.note-edit').click();
      await form.waitFor();
      await form.locator('.form-note').fill('e2e: edited in the timeline');
      await form.locator('.form-save').click();
      await tl.locator('.detail .notes .note', { hasText: 'e2e: edited in the timeline' }).waitFor({ timeout: 15_000 });
      const update = (await sidecarRecords(sidecar)).find((r) => r.op === 'update');
      assert.equal(update?.id, create.id);
      assert.equal(update?.note, 'e2e: edited in the timeline');
      // Delete the miss (two clicks): a delete event; the panel drops it.
      const miss = tl.locator(`.detail .notes .note[data-id="${String(missed.id)}"]`);
      await miss.locator('.note-delete').click();
      await miss.locator('.note-delete').click();
      await miss.waitFor({ state: 'detached', timeout: 15_000 });
      const del = (await sidecarRecords(sidecar)).find((r) => r.op === 'delete');
      assert.equal(del?.id, missed.id);
    });
  });

  test('a reload restores the timeline and its selected step', async () => {
    const page = vs.page;
    await withScreenshotOnFailure(vs, 'reload', async () => {
      const tl = timeline(page);
      const kill = await timelineRow(tl, KILL);
      await kill.click();
      await tl.locator('.row.selected', { hasText: KILL }).waitFor();
      await reloadWindow(page);
      const back = timeline(page);
      await back.locator('.row:not(.loading)').first().waitFor({ timeout: 60_000 });
      await back.locator('.row.selected', { hasText: KILL }).waitFor({ timeout: 30_000 });
      await screenshot(page, 'reload-restored');
    });
  });

  test('a chat transcript (.json) reopens in the timeline with "Reopen Editor With..."', async () => {
    const page = vs.page;
    await withScreenshotOnFailure(vs, 'timeline-json', async () => {
      await openFile(page, 'openai-chat-replication.json');
      await runCommand(page, 'View: Reopen Editor With...');
      await pickQuickItem(page, /^\s*Replication Timeline/);
      const tl = timeline(page);
      await tl.locator('.row:not(.loading)').first().waitFor({ timeout: 60_000 });
      const kill = await timelineRow(tl, 'kill 5512');
      await kill.locator('.badge[title="process-kill"]').waitFor();
      const cp = await timelineRow(tl, 'cp -r /opt/agent /tmp/agent-copy');
      assert.match((await cp.getAttribute('class')) ?? '', /\bcritical\b/);
      await timelineRow(tl, 'crontab -');
      await screenshot(page, 'timeline-json');
    });
  });

  test('an .eval opens in the timeline by default, one run per sample', async () => {
    const page = vs.page;
    await withScreenshotOnFailure(vs, 'timeline-eval', async () => {
      await openFile(page, 'inspect-replication.eval');
      const tl = timeline(page);
      await tl.locator('.row:not(.loading)').first().waitFor({ timeout: 60_000 });
      // Two samples: the run picker offers both.
      const picker = tl.locator('.run-picker');
      await picker.waitFor();
      const text = (await picker.textContent()) ?? '';
      assert.ok(text.includes('replicate_to_second_host') || (await picker.locator('vscode-option, option').count()) >= 2, `runs: ${text}`);
      const rsync = await timelineRow(tl, 'rsync -az');
      assert.match((await rsync.getAttribute('class')) ?? '', /\bcritical\b/);
      const fuser = await timelineRow(tl, 'fuser -k 8000/tcp');
      await fuser.locator('.badge[title="process-kill"]').waitFor();
      await screenshot(page, 'timeline-eval');
      // The second sample is listed, not read, until it is picked: then the server reads it.
      const second = picker.locator('vscode-option[value="summarise_error_log#1"]');
      assert.match((await second.textContent()) ?? '', /not read yet/);
      await picker.evaluate((el: HTMLElement & { value: string }) => {
        el.value = 'summarise_error_log#1';
        el.dispatchEvent(new Event('change'));
      });
      await timelineRow(tl, 'wc -l /var/log/app/app.log');
      assert.doesNotMatch((await second.textContent()) ?? '', /not read yet/);
    });
  });

  test("a log opens in the timeline from the explorer's menu, read from disk (not opened as text)", async () => {
    const page = vs.page;
    await withScreenshotOnFailure(vs, 'timeline-from-disk', async () => {
      const name = 'from-disk.log';
      copyFileSync(join(vs.workspace, LOG), join(vs.workspace, name));
      // The whole editor area for it (earlier tests leave editors split and a panel open).
      await runCommand(page, 'View: Close All Editors');
      await runCommand(page, 'View: Hide Panel').catch(() => undefined);
      const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`).first();
      await row.waitFor({ timeout: 30_000 });
      await row.click({ button: 'right' });
      // Focused by the pointer, run by Enter (a click on a menu still laying out can be lost).
      const item = page.locator('.context-view .action-item').filter({ hasText: 'Open Replication Timeline' }).first();
      await item.hover();
      await page.waitForTimeout(200);
      await page.keyboard.press('Enter');
      await activeTab(page, name).waitFor();
      const tl = timeline(page);
      await tl.locator('.row:not(.loading)').first().waitFor({ timeout: 60_000 });
      const kill = await timelineRow(tl, KILL);
      await kill.locator('.badge[title="process-kill"]').waitFor();
      // No text editor was opened for it: the only tab of that name is the timeline's.
      assert.equal(await page.locator(`.tabs-container .tab[aria-label^="${name}"]`).count(), 1);
      assert.equal(await page.locator('.editor-group-container.active .monaco-editor').count(), 0);
      // Its lines are still a click away.
      await kill.dblclick();
      await tl.locator('.detail .go-source').waitFor();
    });
  });

  after(() => {
    // The overview screenshot for the README, refreshed when asked (UPDATE_SCREENSHOTS=1).
    const shot = join(ROOT, 'test-results/e2e/go-to-source.png');
    if (process.env.UPDATE_SCREENSHOTS && existsSync(shot)) {
      mkdirSync(join(ROOT, 'media/screenshots'), { recursive: true });
      copyFileSync(shot, join(ROOT, 'media/screenshots/vscode.png'));
    }
  });
});
