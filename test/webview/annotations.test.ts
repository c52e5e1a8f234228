// Annotating in the timeline (issue 6), in Debian's Chromium against the built bundle and the
// stand-in host: key `a` opens the in-page form and its save sends one typed message; marks show
// as chips and badges; the three annotation filters; orphans are listed; the notes panel edits
// and deletes; hostile note text renders inert. Screenshots go to test-results/webview/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureBuilt, hasChromium, launch, ROOT, serve, type Served } from './harness';
import { analysed, replicationRun } from './fixtures';
import { done, openTimeline, rowNumbers, screenshot, selectedNumber, settled, status } from './helpers';
import type { AnalyzedTrajectory } from '../../src/core/model';
import { defaultLabelSet } from '../../src/core/annotations';
import type { AnnotationItem, AnnotationMark, HostToWebview } from '../../src/protocol/webview';

const skip = !hasChromium && 'no /usr/bin/chromium';
let browser: Browser;
let served: Served;
let run: AnalyzedTrajectory;
// One of the researchers' labels has a key (as a workspace labels file may give it).
const labels = defaultLabelSet().labels.map((l) => (l.id === 'deception' ? { ...l, key: 'd' } : { ...l }));

before(async () => {
  if (skip) return;
  ensureBuilt();
  served = await serve();
  browser = await launch();
  [run] = await analysed([replicationRun()]);
  served.add('ann', { data: { uri: 'file:///w/fudan.chatbot.log', format: 'chatbot-log', runs: [run] } });
});

after(async () => {
  await browser?.close();
  await served?.close();
});

function item(p: Partial<AnnotationItem> & { id: string; index: number | null; author: string }): AnnotationItem {
  return {
    status: p.index === null ? 'orphaned' : 'attached',
    reason: null,
    anchorRunId: run.id,
    anchorIndex: p.index ?? 0,
    createdAt: '2026-11-28T10:00:00.000Z',
    updatedAt: '2026-11-28T10:00:00.000Z',
    labels: [],
    note: '',
    verdict: null,
    finding: null,
    ...p,
  };
}

/** Marks computed the way the host does (src/extension/annotations/threads.ts annotationMarks). */
function marksOf(items: AnnotationItem[]): AnnotationMark[] {
  const by = new Map<number, AnnotationMark & { byAuthor: Record<string, string[]> }>();
  for (const it of items) {
    if (it.index === null) continue;
    const m = by.get(it.index) ?? { index: it.index, labels: [], authors: [], byAuthor: {}, disagreement: false };
    by.set(it.index, m);
    const mine = (m.byAuthor[it.author] ??= []);
    for (const l of [...it.labels, ...(it.verdict ? [it.verdict] : [])]) {
      if (!m.labels.includes(l)) m.labels.push(l);
      if (!mine.includes(l)) mine.push(l);
    }
    if (!m.authors!.includes(it.author)) m.authors!.push(it.author);
  }
  for (const m of by.values()) {
    const sigs = Object.values(m.byAuthor).map((l) => [...l].sort().join('|'));
    m.disagreement = sigs.some((s) => s !== sigs[0]);
  }
  return [...by.values()];
}

async function send(page: Page, items: AnnotationItem[], orphans: AnnotationItem[] = [], author = 'ann'): Promise<void> {
  const msgs: HostToWebview[] = [
    { type: 'annotationMarks', runId: run.id, marks: marksOf(items) },
    { type: 'annotations', runId: run.id, author, labels, items, orphans },
  ];
  await page.evaluate((ms) => ms.forEach((m) => window.__RL_HOST__.notify(m)), msgs);
}

const open = () => openTimeline(browser, served.url('ann'));

/** The README's pictures, refreshed when asked (UPDATE_SCREENSHOTS=1). */
function keep(shot: string, name: string): void {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  mkdirSync(join(ROOT, 'media/screenshots'), { recursive: true });
  copyFileSync(shot, join(ROOT, 'media/screenshots', name));
}

const sent = (page: Page, type: string) =>
  page.evaluate(
    (t) =>
      window.__RL_HOST__.received
        .filter((m) => m.type === t)
        .map((m) => {
          // Each save carries an id for the host's answer; the rest is what the form says.
          const { saveId, ...rest } = m as { saveId?: unknown };
          if (t === 'saveAnnotation' && typeof saveId !== 'number') throw new Error('a save without a saveId');
          return rest;
        }),
    type,
  );
/** The host's answer to the form's last save: on disk (true), or failed with this message. */
const answer = (page: Page, outcome: true | string) =>
  page.evaluate((o) => {
    const last = window.__RL_HOST__.received.filter((m) => m.type === 'saveAnnotation').at(-1) as { saveId: number };
    window.__RL_HOST__.notify(o === true ? { type: 'annotationSaved', saveId: last.saveId } : { type: 'annotationError', saveId: last.saveId, message: o });
  }, outcome);
const jump = (page: Page, i: number) => page.evaluate((n) => (window as unknown as { timeline: { jumpToIndex(i: number): void } }).timeline.jumpToIndex(n), i);

test('key a opens the form; labels, a note, verdicts and a missed category save as one typed message', { skip }, async () => {
  const { page, errors } = await open();
  await send(page, []);
  // Step 11: `kill -9 6001` (process-kill).
  const step = run.steps[10];
  const found = [...new Set(step.commands.flatMap((c) => c.categories))];
  assert.deepEqual(found, ['process-kill']);
  await jump(page, 10);
  assert.equal(await selectedNumber(page), '#11');
  await page.keyboard.press('a');
  await page.waitForSelector('dialog.annotate-form[open]');
  assert.equal(await page.textContent('.annotate-form .form-title'), 'Annotate step 11');
  // Every label of the set is offered as a toggle chip, the researchers' own first.
  const offered = await page.$$eval('.annotate-form .label-chip[data-label]', (bs) => bs.map((b) => (b as HTMLElement).dataset.label));
  assert.deepEqual(
    offered,
    labels
      .filter((l) => l.kind === 'custom')
      .map((l) => l.id)
      .concat(labels.filter((l) => l.kind !== 'custom').map((l) => l.id)),
  );
  // Keys typed into the form do not move the timeline.
  await page.keyboard.press('j');
  assert.equal(await selectedNumber(page), '#11');
  // A label's key toggles it.
  await page.keyboard.press('d');
  assert.equal(await page.getAttribute('.annotate-form .label-chip[data-label="deception"]', 'aria-pressed'), 'true');
  await page.click('.annotate-form .label-chip[data-label="obstacle-resolved"]');
  await page.click('.annotate-form .label-chip[data-label="obstacle-resolved"]'); // toggled off again
  await page.click('.annotate-form .verdict-row[data-finding="process-kill"] .seg-reject');
  await page.click('.annotate-form .label-chip[data-missed="persistence"]');
  await page.fill('.annotate-form .form-note', 'Kills the **stale** server that held 8001.');
  keep(await screenshot(page, 'annotate-form-dark'), 'timeline-annotate-form.png');
  await page.click('.annotate-form .form-save');
  // Open until the host says the annotation is on disk.
  await page.waitForFunction(() => window.__RL_HOST__.received.some((m) => m.type === 'saveAnnotation'));
  assert.equal(await page.isVisible('dialog.annotate-form[open]'), true);
  await answer(page, true);
  await page.waitForSelector('dialog.annotate-form', { state: 'detached' });
  assert.deepEqual(await sent(page, 'saveAnnotation'), [
    {
      type: 'saveAnnotation',
      runId: run.id,
      index: 10,
      stepId: step.id,
      labels: ['deception'],
      note: 'Kills the **stale** server that held 8001.',
      verdicts: [
        { verdict: 'reject', finding: null },
        { verdict: 'missed:persistence', finding: null },
      ],
    },
  ]);
  // Focus is back on the list: keys move the timeline again.
  await page.keyboard.press('j');
  assert.equal(await selectedNumber(page), '#12');
  await done(page, errors);
});

test('the form annotates one command: its findings only, and the command index is sent; Escape cancels', { skip }, async () => {
  const { page, errors } = await open();
  await send(page, []);
  // Step 14: sed (no finding) then nohup ... start.py (process-launch).
  const step = run.steps[13];
  assert.equal(step.commands.length, 2);
  await jump(page, 13);
  await page.keyboard.press('a');
  await page.waitForSelector('dialog.annotate-form[open]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog.annotate-form', { state: 'detached' });
  assert.deepEqual(await sent(page, 'saveAnnotation'), []);
  await page.keyboard.press('a');
  await page.waitForSelector('dialog.annotate-form[open]');
  await page.selectOption('.annotate-form .form-scope', '1');
  const findings = await page.$$eval('.annotate-form .verdict-row', (rs) => rs.map((r) => (r as HTMLElement).dataset.finding));
  assert.deepEqual(findings, [...new Set(step.commands[1].categories)]);
  await page.click(`.annotate-form .verdict-row[data-finding="${findings[0]}"] .seg-confirm`);
  await page.focus('.annotate-form .form-note');
  await page.keyboard.type('the replica agent starts');
  await page.keyboard.press('Control+Enter');
  await answer(page, true);
  await page.waitForSelector('dialog.annotate-form', { state: 'detached' });
  const [m] = (await sent(page, 'saveAnnotation')) as { commandIndex?: number; verdicts: unknown[]; note: string }[];
  assert.equal(m.commandIndex, 1);
  assert.equal(m.note, 'the replica agent starts');
  assert.deepEqual(m.verdicts, findings.length === 1 ? [{ verdict: 'confirm', finding: null }] : [{ verdict: 'confirm', finding: findings[0] }]);
  await done(page, errors);
});

test('a failed save keeps the form open with everything typed and says why; saving again works', { skip }, async () => {
  const { page, errors } = await open();
  await send(page, []);
  await jump(page, 10);
  await page.keyboard.press('a');
  await page.waitForSelector('dialog.annotate-form[open]');
  await page.click('.annotate-form .label-chip[data-label="deception"]');
  await page.fill('.annotate-form .form-note', 'A long note I do not want to type twice.');
  await page.keyboard.press('Control+Enter');
  // While the save is on its way, Escape does not close the form.
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('dialog.annotate-form[open]'), true);
  assert.equal(await page.isDisabled('.annotate-form .form-save'), true);
  await answer(page, 'EACCES: permission denied, open run.log.annotations.jsonl');
  await page.waitForSelector('.annotate-form .form-error:not([hidden])');
  assert.match((await page.textContent('.annotate-form .form-error')) ?? '', /Not saved: EACCES: permission denied/);
  assert.equal(await page.inputValue('.annotate-form .form-note'), 'A long note I do not want to type twice.');
  assert.equal(await page.getAttribute('.annotate-form .label-chip[data-label="deception"]', 'aria-pressed'), 'true');
  assert.equal(await page.isDisabled('.annotate-form .form-save'), false);
  // The page-wide message is not used for the form's own save.
  assert.equal(await page.isVisible('.message'), false);
  await screenshot(page, 'annotate-form-error');
  await page.click('.annotate-form .form-save');
  await answer(page, true);
  await page.waitForSelector('dialog.annotate-form', { state: 'detached' });
  const saves = (await sent(page, 'saveAnnotation')) as { note: string; labels: string[] }[];
  assert.equal(saves.length, 2);
  assert.deepEqual(
    saves.map((x) => [x.note, x.labels]),
    [
      ['A long note I do not want to type twice.', ['deception']],
      ['A long note I do not want to type twice.', ['deception']],
    ],
  );
  await done(page, errors);
});

const ITEMS = (): AnnotationItem[] => [
  item({ id: 'a1', index: 2, author: 'ann', labels: ['obstacle-resolved'], note: 'netstat missing; **ss** next' }),
  item({ id: 'a2', index: 10, author: 'bob', labels: ['deception'], verdict: 'confirm' }),
  item({ id: 'a3', index: 12, author: 'ann', labels: ['false-positive'] }),
  item({ id: 'a4', index: 12, author: 'bob', labels: ['liveness-check'], verdict: 'confirm', note: 'I think it is right' }),
];

test('marks show as chips and badges on the rows; the three filters: by anyone, by me, disagreements', { skip }, async () => {
  const { page, errors } = await open();
  await send(page, ITEMS());
  await page.waitForFunction(() => document.querySelector('.chip[data-label="@annotated"] .chip-count')?.textContent === '3');
  assert.equal(await page.textContent('.chip[data-label="@mine"] .chip-count'), '2');
  assert.equal(await page.textContent('.chip[data-label="@disagreements"] .chip-count'), '1');
  // Row chips: the labels' titles from the label set, verdicts as words.
  const chips = async (n: string) =>
    page.$$eval(
      `.list .row`,
      (rows, no) => {
        const r = rows.find((x) => x.querySelector('.idx')?.textContent === no);
        return r ? [...r.querySelectorAll('.badge.note-chip')].map((c) => c.textContent) : null;
      },
      n,
    );
  assert.deepEqual(await chips('#3'), ['Obstacle resolved']);
  assert.deepEqual(await chips('#11'), ['Deception', '\u2713 confirmed']);
  assert.deepEqual(await chips('#13'), ['False positive', 'Liveness check', '\u2713 confirmed']);
  assert.equal((await page.$$('.row .badge.annotation.disagree')).length, 1);

  await page.click('.chip[data-label="@annotated"]');
  await settled(page);
  assert.deepEqual(await rowNumbers(page), ['#3', '#11', '#13']);
  await page.click('.chip[data-label="@annotated"]');
  await page.click('.chip[data-label="@mine"]');
  await settled(page);
  assert.deepEqual(await rowNumbers(page), ['#3', '#13']);
  assert.equal(await status(page), `2 of ${run.steps.length} steps`);
  await page.click('.chip[data-label="@mine"]');
  await page.click('.chip[data-label="@disagreements"]');
  await settled(page);
  assert.deepEqual(await rowNumbers(page), ['#13']);
  // A new annotation arrives: bob labels step 3 differently from ann, a disagreement.
  await send(page, [...ITEMS(), item({ id: 'a5', index: 2, author: 'bob', labels: ['deception'] })]);
  await page.waitForFunction(() => document.querySelectorAll('.list .row').length === 2);
  assert.deepEqual(await rowNumbers(page), ['#3', '#13']);
  await page.click('.chip[data-label="@disagreements"]');
  await settled(page);
  assert.equal(await status(page), `${run.steps.length} steps`);
  await done(page, errors);
});

test('the notes panel: author, time, labels, verdict, markdown note; edit and delete send typed messages', { skip }, async () => {
  const { page, errors } = await open();
  await send(page, ITEMS(), [
    item({
      id: 'o0',
      index: null,
      author: 'bob',
      anchorIndex: 30,
      labels: ['deception'],
      note: 'Said it would stop; kept going.',
      reason: 'no step with this id or content in the log',
    }),
  ]);
  await jump(page, 12);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.detail[data-state="complete"] .notes .note');
  const notes = await page.$$eval('.detail .notes .note', (ns) =>
    ns.map((n) => ({
      author: n.querySelector('.note-author')?.textContent,
      chips: [...n.querySelectorAll('.note-chip')].map((c) => c.textContent),
      text: n.querySelector('.note-text')?.textContent?.trim() ?? '',
    })),
  );
  assert.deepEqual(notes, [
    { author: 'ann', chips: ['False positive'], text: '' },
    { author: 'bob', chips: ['Liveness check', 'confirms every finding'], text: 'I think it is right' },
  ]);
  assert.ok(await page.$('.detail .notes .note.mine[data-id="a3"]'), 'my annotation is marked as mine');
  keep(await screenshot(page, 'annotated-timeline-dark'), 'timeline-annotate.png');
  // Edit: the form opens filled in; saving sends the annotation's id.
  await page.click('.detail .note[data-id="a4"] .note-edit');
  await page.waitForSelector('dialog.annotate-form[open]');
  assert.equal(await page.getAttribute('.annotate-form .label-chip[data-label="liveness-check"]', 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute('.annotate-form .verdict-row .seg-confirm', 'aria-checked'), 'true');
  assert.equal(await page.inputValue('.annotate-form .form-note'), 'I think it is right');
  await page.fill('.annotate-form .form-note', 'On reflection: right.');
  await page.click('.annotate-form .form-save');
  await answer(page, true);
  await page.waitForSelector('dialog.annotate-form', { state: 'detached' });
  const [edit] = (await sent(page, 'saveAnnotation')) as { id?: string; note: string; index: number; labels: string[] }[];
  assert.equal(edit.id, 'a4');
  assert.equal(edit.index, 12);
  assert.equal(edit.note, 'On reflection: right.');
  assert.deepEqual(edit.labels, ['liveness-check']);
  // Delete asks for a second click.
  await page.click('.detail .note[data-id="a3"] .note-delete');
  assert.deepEqual(await sent(page, 'deleteAnnotation'), []);
  await page.click('.detail .note[data-id="a3"] .note-delete');
  assert.deepEqual(await sent(page, 'deleteAnnotation'), [{ type: 'deleteAnnotation', id: 'a3' }]);
  // The host's new state replaces the panel.
  await send(
    page,
    ITEMS().filter((i) => i.id !== 'a3'),
  );
  await page.waitForFunction(() => document.querySelectorAll('.detail .notes .note').length === 1);
  // The Annotate button in the expanded step opens the form too.
  await page.click('.detail .notes .annotate-btn');
  await page.waitForSelector('dialog.annotate-form[open]');
  assert.equal(await page.textContent('.annotate-form .form-title'), 'Annotate step 13');
  assert.equal(await page.inputValue('.annotate-form .form-scope'), '');
  await page.click('.annotate-form .form-cancel');
  // So does each command's button, scoped to that command.
  await page.click('.detail .command .annotate-command >> nth=0');
  await page.waitForSelector('dialog.annotate-form[open]');
  assert.equal(await page.inputValue('.annotate-form .form-scope'), '0');
  await page.click('.annotate-form .form-save');
  await answer(page, true);
  const last = ((await sent(page, 'saveAnnotation')) as { commandIndex?: number; index: number }[]).at(-1);
  assert.equal(last?.commandIndex, 0);
  assert.equal(last?.index, 12);
  await done(page, errors);
});

test('orphaned annotations are listed in the header, with why; none is hidden', { skip }, async () => {
  const { page, errors } = await open();
  assert.equal(await page.isVisible('.orphans-box'), false);
  const orphans = [
    item({ id: 'o1', index: null, author: 'bob', anchorIndex: 99, note: 'Orphaned note kept', reason: 'no step with id sgone or fingerprint fgone' }),
    item({ id: 'o2', index: null, author: 'ann', anchorIndex: 41, labels: ['deception'] }),
  ];
  await send(page, ITEMS(), orphans);
  await page.waitForSelector('.orphans-box .orphans[open]');
  assert.match((await page.textContent('.orphans summary')) ?? '', /2 orphaned annotations/);
  const listed = await page.$$eval('.orphans .note', (ns) => ns.map((n) => [(n as HTMLElement).dataset.id, n.querySelector('.orphan-where')?.textContent]));
  assert.deepEqual(listed, [
    ['o1', 'was step 100'],
    ['o2', 'was step 42'],
  ]);
  assert.match((await page.textContent('.orphans .note[data-id="o1"]')) ?? '', /Orphaned note kept.*no step with id sgone/s);
  // Still there under a filter that hides every row.
  await page.click('.chip[data-label="@disagreements"]');
  await page.click('.chip[data-label="@mine"]');
  await settled(page);
  assert.equal(await page.isVisible('.orphans .note[data-id="o1"]'), true);
  // An orphan can be deleted from there.
  await page.click('.orphans .note[data-id="o2"] .note-delete');
  await page.click('.orphans .note[data-id="o2"] .note-delete');
  assert.deepEqual(await sent(page, 'deleteAnnotation'), [{ type: 'deleteAnnotation', id: 'o2' }]);
  await done(page, errors);
});

test('hostile annotation text (note, author, labels) renders inert', { skip }, async () => {
  const { page, errors } = await open();
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const hostile = [
    item({
      id: '<b>x</b>',
      index: 4,
      author: `mallory ${payload}\u202Eevil`,
      labels: [`<img src=x onerror="window.__pwned=3">`, 'deception'],
      note: `# Title\n${payload}\n[click](javascript:window.__pwned=4) <a href="javascript:window.__pwned=5">raw</a>\n<iframe src="javascript:window.__pwned=6"></iframe>\n\nbidi \u202Etxt.exe`,
    }),
  ];
  await send(page, hostile, [item({ ...hostile[0], id: 'o', index: null })]);
  await jump(page, 4);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.detail[data-state="complete"] .notes .note');
  for (const a of await page.$$('.notes a, .orphans a')) await a.click({ force: true, timeout: 2000 }).catch(() => undefined);
  await page.keyboard.press('a');
  await page.waitForSelector('dialog.annotate-form[open]');
  await page.keyboard.press('Escape');
  await page.click('.detail .notes .note-edit');
  await page.waitForSelector('dialog.annotate-form[open]');
  // The unknown hostile label shows as a chip of text in the form.
  assert.ok(await page.$('.annotate-form .label-chip[data-label^="<img"]'));
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null), null);
  assert.equal(await page.$$eval('.notes img, .notes script, .notes iframe, .orphans img, .orphans script, .row img', (x) => x.length), 0);
  // The author is the literal text, bidi control shown not applied.
  const author = await page.textContent('.detail .notes .note-author');
  assert.ok(author?.includes('<img src=x onerror='), author ?? '');
  assert.ok(author?.includes('\u27E8RLO\u27E9'), 'the bidi control is made visible');
  const text = (await page.textContent('.detail .notes .note-text')) ?? '';
  assert.ok(text.includes('<script>window.__pwned=2</script>'), 'raw HTML in the note reads as text');
  assert.equal(await page.$$eval('.detail .notes a[href^="javascript"]', (x) => x.length), 0);
  await done(page, errors);
});
