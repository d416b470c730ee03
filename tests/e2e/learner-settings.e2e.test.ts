/**
 * Settings per learner (issue 13), in real Chromium against web mode: two learners with their own
 * language, theme and font size; choosing the other learner in the sidebar turns the whole page
 * into theirs at once, and it is still so after the server restarts on the same data folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './harness.ts';
import { englishIn } from './latin.ts';
import appEn from '../../shared/i18n/locales/en/app.json';
import appZh from '../../shared/i18n/locales/zh/app.json';
import profilesEn from '../../shared/i18n/locales/en/profiles.json';
import profilesZh from '../../shared/i18n/locales/zh/profiles.json';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-e2e-learner-settings-'));
let app: RunningApp;
let browser: Browser;
beforeAll(async () => {
  app = await startApp(dataDir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const LOOK = {
  en: { app: appEn, profiles: profilesEn, lang: 'en' },
  zh: { app: appZh, profiles: profilesZh, lang: 'zh-CN' },
} as const;
type Language = keyof typeof LOOK;

const fill = (s: string, vars: Record<string, string>) =>
  s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k]!);
const dialog = (page: Page) => page.getByRole('dialog');

/** What a person sees of the current learner's settings, read from the page as it is now. */
async function shown(page: Page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    theme: document.documentElement.dataset.theme,
    nav: document.querySelector('nav.sidebar')?.textContent ?? '',
    legend: document.querySelector('[data-testid="learner-settings"] legend')?.textContent ?? '',
    fontSize: (document.querySelector('[data-testid="setting-font-size"]') as HTMLInputElement | null)?.value,
  }));
}

/** Waits until the Settings page shows `name`'s settings: their language, theme and font size. */
async function expectLearnerLook(
  page: Page,
  name: string,
  look: { language: Language; theme: 'light' | 'dark'; fontSize: number },
) {
  const { app: catalog, lang } = LOOK[look.language];
  await expect
    .poll(() => shown(page))
    .toEqual({
      lang,
      theme: look.theme,
      nav: expect.stringContaining(catalog.nav.settings),
      legend: fill(catalog.settings.appearance, { name }),
      fontSize: String(look.fontSize),
    });
  const other = LOOK[look.language === 'en' ? 'zh' : 'en'].app;
  expect((await shown(page)).nav).not.toContain(other.nav.progress);
}

/** Chooses a learner in the sidebar's dialog, worded in the language the page shows now. */
async function switchTo(page: Page, name: string, wording: Language) {
  const catalog = LOOK[wording].profiles;
  await page.getByTestId('profile-open').click();
  await dialog(page).getByRole('heading', { name: catalog.profiles.title }).waitFor();
  await dialog(page)
    .getByRole('button', { name: fill(catalog.profiles.switchLabel, { name }) })
    .click();
}

async function addLearner(page: Page, name: string, wording: Language) {
  const catalog = LOOK[wording].profiles;
  await page.getByTestId('profile-open').click();
  await page.getByTestId('profile-new-name').fill(name);
  await dialog(page).getByRole('button', { name: catalog.profiles.create }).click();
  await expect
    .poll(() => page.getByTestId('profile-status').textContent())
    .toBe(fill(catalog.profiles.created, { name }));
  await page.keyboard.press('Escape');
}

async function choose(page: Page, look: { language: Language; theme: 'light' | 'dark'; fontSize: number }) {
  await page.getByTestId('setting-language').selectOption(look.language);
  await page.getByTestId('setting-theme').selectOption(look.theme);
  await page.getByTestId('setting-font-size').fill(String(look.fontSize));
}

const ANA = { language: 'zh', theme: 'dark', fontSize: 18 } as const;
const BO = { language: 'en', theme: 'light', fontSize: 14 } as const;

describe('each learner has their own language, theme and font size', () => {
  test('switching learners changes the whole page at once, and survives a restart', async () => {
    let page = await openPage(browser, app.launchUrl);
    await page.getByRole('link', { name: appEn.nav.settings, exact: true }).click();
    await addLearner(page, 'Ana', 'en');
    await choose(page, ANA);
    await expectLearnerLook(page, 'Ana', ANA);

    // A new learner starts from what the screen shows, then chooses their own.
    await addLearner(page, 'Bo', 'zh');
    await expectLearnerLook(page, 'Bo', ANA);
    await choose(page, BO);
    await expectLearnerLook(page, 'Bo', BO);

    for (const size of [
      { width: 1024, height: 640 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await switchTo(page, 'Ana', 'en');
      await expectLearnerLook(page, 'Ana', ANA);
      await page.keyboard.press('Escape');
      await screenshot(page, `learner-settings-ana-zh-dark-${size.width}`);
      await switchTo(page, 'Bo', 'zh');
      await expectLearnerLook(page, 'Bo', BO);
      await page.keyboard.press('Escape');
      await screenshot(page, `learner-settings-bo-en-light-${size.width}`);
    }
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);

    // The server stops and starts again on the same data folder.
    await page.context().close();
    await app.stop();
    app = await startApp(dataDir);
    page = await openPage(browser, app.launchUrl);
    await page.getByRole('link', { name: appEn.nav.settings, exact: true }).click();
    await expectLearnerLook(page, 'Bo', BO);
    await switchTo(page, 'Ana', 'en');
    await expectLearnerLook(page, 'Ana', ANA);
    // A reload keeps the learner who is on screen.
    await page.reload();
    await expectLearnerLook(page, 'Ana', ANA);
  });
});

describe('the font size box', () => {
  const fontBox = (page: Page) => page.getByTestId('setting-font-size');
  const problem = (page: Page) => page.getByRole('alert');

  test('takes a size typed digit by digit, and says why a size out of range is not used', async () => {
    const own = await startApp();
    try {
      const page = await openPage(browser, own.launchUrl);
      await page.setViewportSize({ width: 1024, height: 640 });
      await page.getByRole('link', { name: appEn.nav.settings, exact: true }).click();
      await expect.poll(() => fontBox(page).inputValue()).toBe('14');
      const range = fill(appEn.settings.fontSizeRange, { min: '10', max: '32' });
      await expect.poll(() => page.getByText(range).isVisible()).toBe(true);

      // "1" on the way to "16" is neither refused aloud nor thrown away.
      await fontBox(page).fill('');
      await fontBox(page).pressSequentially('1');
      expect(await fontBox(page).inputValue()).toBe('1');
      expect(await problem(page).count()).toBe(0);
      await fontBox(page).pressSequentially('6');
      await page.getByRole('status').getByText(appEn.settings.saved).waitFor();
      expect(await fontBox(page).inputValue()).toBe('16');

      // Past the largest size: said at once, the typing kept, the last good size still saved.
      await fontBox(page).fill('40');
      await problem(page)
        .getByText(fill(appEn.settings.fontSizeRefused, { value: '40', min: '10', max: '32' }))
        .waitFor();
      expect(await fontBox(page).inputValue()).toBe('40');
      expect(await fontBox(page).getAttribute('aria-invalid')).toBe('true');
      await screenshot(page, 'settings-font-size-refused-en-light-1024');

      // Too small is said once the learner leaves the box.
      await fontBox(page).fill('9');
      expect(await problem(page).count()).toBe(0);
      await page.keyboard.press('Tab');
      await problem(page)
        .getByText(fill(appEn.settings.fontSizeRefused, { value: '9', min: '10', max: '32' }))
        .waitFor();

      await page.reload();
      await expect.poll(() => fontBox(page).inputValue()).toBe('16');

      // The same in Chinese, with no English beyond the number typed.
      await page.getByTestId('setting-language').selectOption('zh');
      await page.getByTestId('setting-theme').selectOption('dark');
      await page.getByRole('heading', { name: appZh.settings.title }).waitFor();
      await page.setViewportSize({ width: 1920, height: 1080 });
      await fontBox(page).fill('12.5');
      await page.keyboard.press('Tab');
      const zhText = fill(appZh.settings.fontSizeRefused, { value: '12.5', min: '10', max: '32' });
      await problem(page).getByText(zhText).waitFor();
      expect(englishIn((await problem(page).textContent()) ?? '', ['12.5'])).toEqual([]);
      await screenshot(page, 'settings-font-size-refused-zh-dark-1920');
      await fontBox(page).fill('20');
      await page.getByRole('status').getByText(appZh.settings.saved).waitFor();
      expect(await problem(page).count()).toBe(0);
      expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    } finally {
      await own.stop();
    }
  });
});
