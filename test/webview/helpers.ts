// Small page helpers shared by the webview tests.
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness';

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

/** Waits until the list has settled (no row still waiting for its page). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.list .row.loading'));
}
