// Shared by the query and compare end-to-end tests.
import type { Page } from 'playwright-core';
import { commandTitle, runCommand } from './harness';

/** Runs a command of the extension once its contributions are in the palette (the workbench may still be loading them). */
export async function runOurCommand(page: Page, id: string): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await runCommand(page, commandTitle(id));
      return;
    } catch (e) {
      if (i >= 5) throw e;
      await page.keyboard.press('Escape');
    }
  }
}
