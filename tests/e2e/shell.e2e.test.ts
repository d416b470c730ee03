import { beforeEach, describe, expect, test } from 'vitest';
import en from '../../shared/i18n/locales/en/app.json';
import zh from '../../shared/i18n/locales/zh/app.json';
import { openPage, resetSettings, screenshot, startApp, useAppAndBrowser } from './harness.ts';

const PAGES = ['learn', 'practice', 'progress', 'teacher', 'settings', 'about'] as const;
const { app, browser } = useAppAndBrowser();

beforeEach(async () => {
  await resetSettings(app);
});

describe('the app shell in Chromium', () => {
  test('the page loads cross-origin isolated, and About says so', async () => {
    const page = await openPage(browser, app.launchUrl);
    await page.getByRole('navigation').waitFor();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(page.url()).not.toContain('token='); // the token left the address bar
    await page.getByRole('link', { name: en.nav.about }).click();
    await expect.poll(() => page.getByTestId('isolation').textContent()).toBe(en.about.isolationOn);
    // The Python runner restored its start-up snapshot (the build made one; decision 0017).
    const restored = en.about.pythonSnapshot.replace('{{seconds}}', '[0-9.]+');
    await expect
      .poll(() => page.getByTestId('python-runner').textContent(), { timeout: 30_000 })
      .toMatch(new RegExp(`^${restored}$`));
  });

  test('every page is reachable from the navigation, in English and in Chinese', async () => {
    const page = await openPage(browser, app.launchUrl);
    for (const [lang, catalog] of [
      ['en', en],
      ['zh', zh],
    ] as const) {
      if (lang === 'zh') {
        await page.getByRole('link', { name: en.nav.settings, exact: true }).click();
        await page.getByTestId('setting-language').selectOption('zh');
        await page.getByRole('heading', { name: zh.settings.title }).waitFor();
      }
      for (const name of PAGES) {
        await page.getByRole('link', { name: catalog.nav[name], exact: true }).click();
        await page.getByRole('heading', { level: 1 }).waitFor();
        expect(page.url()).toContain(`#/${name}`);
        await screenshot(page, `${name}-${lang}`);
      }
    }
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  });

  test('switching to Chinese changes every visible label', async () => {
    const page = await openPage(browser, app.launchUrl);
    await page.getByRole('link', { name: en.nav.settings, exact: true }).click();
    await page.getByTestId('setting-language').selectOption('zh');
    await page.getByRole('heading', { name: zh.settings.title }).waitFor();
    const nav = await page.getByRole('navigation').innerText();
    for (const label of Object.values(zh.nav)) expect(nav).toContain(label);
    for (const label of Object.values(en.nav)) expect(nav).not.toContain(label);
    const body = await page.locator('main').innerText();
    expect(body).toContain(zh.settings.perLearner);
    expect(body).not.toContain(en.settings.perLearner);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.getByTestId('setting-language').selectOption('en');
    await page.getByRole('heading', { name: en.settings.title }).waitFor();
  });

  test('the dark theme applies at once', async () => {
    const page = await openPage(browser, app.launchUrl);
    await page.getByRole('link', { name: en.nav.settings, exact: true }).click();
    await page.getByTestId('setting-theme').selectOption('dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await screenshot(page, 'settings-dark-en');
    await page.getByTestId('setting-theme').selectOption('system');
  });

  test('every control can be reached with the keyboard and has an accessible name', async () => {
    const page = await openPage(browser, app.launchUrl);
    await page.getByRole('link', { name: en.nav.settings, exact: true }).click();
    await page.getByRole('heading', { name: en.settings.title }).waitFor();
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('a, button, input, select, textarea')]
        .filter((el) => {
          const label =
            (el as HTMLElement).getAttribute('aria-label') ?? (el as HTMLElement).innerText?.trim();
          const labelled = (el as HTMLInputElement).labels?.length;
          return !label && !labelled;
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
    const reached = new Set<string>();
    // Settings holds several sections: Tab until focus wraps round to the navigation again.
    for (let i = 0; i < 80 && !reached.has(en.nav.teacher); i++) {
      await page.keyboard.press('Tab');
      reached.add(
        await page.evaluate(
          () =>
            document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.textContent ?? '',
        ),
      );
    }
    expect(reached).toContain('setting-language');
    expect(reached).toContain('setting-theme');
    expect(reached).toContain(en.nav.teacher);
  });
});

describe('settings persistence', () => {
  test('a value saved in Settings survives a restart of the server (it is in SQLite)', async () => {
    const first = await startApp();
    let page = await openPage(browser, first.launchUrl);
    await page.getByRole('link', { name: en.nav.settings, exact: true }).click();
    await page.getByTestId('setting-font-size').fill('18');
    await page.getByRole('status').getByText(en.settings.saved).waitFor();
    await page.getByTestId('setting-language').selectOption('zh');
    await page.getByRole('heading', { name: zh.settings.title }).waitFor();
    await page.context().close();
    await first.stop();

    const second = await startApp(first.dataDir);
    page = await openPage(browser, second.launchUrl);
    await page.getByRole('link', { name: zh.nav.settings, exact: true }).click();
    expect(await page.getByTestId('setting-font-size').inputValue()).toBe('18');
    expect(await page.getByTestId('setting-language').inputValue()).toBe('zh');
    await second.stop();
  });
});
