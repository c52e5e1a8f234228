// Small page helpers shared by the webview tests.
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openPage, violationsOf } from './harness';

/** Step numbers (`#3`) of the rows in the DOM, in list order. */
export function rowNumbers(page: Page): Promise<string[]> {
  return page.$$eval('.list .row', (rows) =>
    rows
      .map((r) => [Number((r as HTMLElement).dataset.item), r.querySelector('.idx')?.textContent ?? ''] as const)
      .sort((a, b) => a[0] - b[0])
      .map((x) => x[1]),
  );
}

export function selectedNumber(page: Page): Promise<string | null> {
  return page.$eval('.list', (l) => l.querySelector('.row.selected .idx')?.textContent ?? null);
}

export function status(page: Page): Promise<string> {
  return page.$eval('.status', (s) => s.textContent ?? '');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(ROOT, 'test-results/webview');
  mkdirSync(dir, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Waits two animation frames. A scroll the test just set is handled in the next frame, and the
 * list draws for it in an animation frame requested then (webview/list.ts): two frames on, the
 * page has caught up with it.
 */
export async function frames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

/** Waits until the list has drawn for its scroll position and no row waits for its page. */
export async function settled(page: Page): Promise<void> {
  await frames(page);
  await page.waitForFunction(() => !document.querySelector('.list .row.loading'));
}

/** Opens the timeline at `url` with no CSP violation, and waits for its rows. */
export async function openTimeline(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const { page, errors, violations } = await openPage(browser, url);
  assert.deepEqual(violations, []);
  await settled(page);
  return { page, errors };
}

/** Closes a page after checking that it broke no CSP rule and threw no error. */
export async function done(page: Page, errors: string[]): Promise<void> {
  assert.deepEqual(await violationsOf(page), [], 'no CSP violation');
  assert.deepEqual(errors, [], 'no page error');
  await page.close();
}
