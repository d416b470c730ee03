/**
 * Watches the hint panel from inside the page: every change to its text is recorded the moment
 * it happens (a MutationObserver), so a test can prove a text never appeared, not only that it is
 * gone at the end.
 */
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    __hintTexts?: string[];
  }
}

export async function watchHintPanel(page: Page): Promise<void> {
  await page.getByTestId('hint-panel').waitFor();
  await page.evaluate(() => {
    const panel = document.querySelector('[data-testid="hint-panel"]')!;
    const texts: string[] = [panel.textContent ?? ''];
    window.__hintTexts = texts;
    new MutationObserver(() => texts.push(panel.textContent ?? '')).observe(panel, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

/** Every text the panel has shown since it was watched, in order. */
export async function hintPanelTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__hintTexts ?? []);
}
