/**
 * A teacher adds content packs in Settings (web mode): a good folder is checked, installed and
 * listed, its track appears on the Learn page, and it can be removed; a broken pack is refused
 * with its problems, each naming file, line and field; a zip picked in the browser works too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';
import enApp from '../../shared/i18n/locales/en/app.json';
import en from '../../shared/i18n/locales/en/packs.json';
import zh from '../../shared/i18n/locales/zh/packs.json';
import { openPage, resetSettings, ROOT, SCREENSHOTS, useAppAndBrowser } from './harness.ts';

const PACKS = path.join(ROOT, 'tests/fixtures/packs');
const { app, browser } = useAppAndBrowser();

beforeEach(async () => {
  await resetSettings(app);
});

async function settings(page: Page, lang: 'en' | 'zh' = 'en') {
  await page.getByRole('link', { name: enApp.nav.settings, exact: true }).click();
  if (lang === 'zh') await page.getByTestId('setting-language').selectOption('zh');
  const catalog = lang === 'zh' ? zh : en;
  const packs = page.getByRole('group', { name: catalog.packs.title });
  await packs.waitFor();
  return packs;
}

/** The page scrolls inside the app shell, so the section itself is photographed. */
async function screenshot(page: Page, name: string, lang: 'en' | 'zh' = 'en') {
  const section = page.getByRole('group', { name: (lang === 'zh' ? zh : en).packs.title });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** What the section says once the check is over, with the problems listed if it refused the pack. */
async function outcome(page: Page): Promise<string> {
  const status = page.getByTestId('pack-status');
  const checking = /^(Checking |正在检查 )/;
  await expect
    .poll(
      async () => {
        const text = (await status.textContent()) ?? '';
        return text !== '' && !checking.test(text);
      },
      { timeout: 90_000 },
    )
    .toBe(true);
  const problems = page.getByTestId('pack-errors');
  const listed = (await problems.count()) ? `\n${await problems.innerText()}` : '';
  return `${await status.textContent()}${listed}`;
}

async function addByPath(page: Page, folder: string, lang: 'en' | 'zh' = 'en') {
  const catalog = lang === 'zh' ? zh : en;
  await page.getByLabel(catalog.packs.pathLabel).fill(path.join(PACKS, folder));
  await page.getByRole('button', { name: catalog.packs.addPath, exact: true }).click();
}

describe('content packs in Settings', () => {
  test('a good pack folder is checked, installed, listed, shown on Learn, and removed', async () => {
    const page = await openPage(browser, app.launchUrl);
    const packs = await settings(page);
    await expect.poll(() => packs.getByText(en.packs.none).isVisible()).toBe(true);

    await addByPath(page, 'good-python');
    expect(await outcome(page)).toBe('Added “Fixture Python” with 5 lessons. Find it on the Learn page.');
    const status = page.getByTestId('pack-status');
    const installed = page.getByTestId('installed-packs');
    await expect.poll(() => installed.innerText()).toContain('Fixture Python');
    expect(await installed.innerText()).toContain('fixture-python · python · 5 lessons');
    await screenshot(page, 'packs-added-en');

    await page.getByRole('link', { name: enApp.nav.learn }).click();
    const card = page.locator('[data-track="fixture-python"]');
    await expect.poll(() => card.getByRole('link', { name: 'Fixture Python' }).isVisible()).toBe(true);
    // Its lessons are there, in the order of its track.yaml.
    await card.getByRole('link', { name: 'Fixture Python' }).click();
    await page.getByRole('link', { name: 'Double it' }).waitFor();
    expect(await page.getByRole('link', { name: 'Leap years' }).isVisible()).toBe(true);

    await settings(page);
    await page.getByRole('button', { name: 'Remove Fixture Python' }).click();
    await page.getByRole('button', { name: en.packs.removeYes }).click();
    await expect.poll(() => status.textContent()).toBe('Removed “Fixture Python”.');
    await expect.poll(() => installed.innerText()).not.toContain('Fixture Python');
    await page.getByRole('link', { name: enApp.nav.learn }).click();
    await page.locator('[data-track="python"]').waitFor();
    expect(await page.locator('[data-track="fixture-python"]').count()).toBe(0);
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  });

  test('a broken pack is refused with each problem’s file, line and field, in English and Chinese', async () => {
    const page = await openPage(browser, app.launchUrl);
    await settings(page);
    await addByPath(page, 'broken-python');
    const problems = page.getByTestId('pack-errors');
    await problems.waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('pack-status').textContent()).toBe(en.packs.notAdded);
    const items = await problems.getByRole('listitem').allInnerTexts();
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^lessons\/too-hard\.md:6\s+field\s+difficulty\s+must be at most 10$/);
    expect(items[1]).toMatch(
      /^track\.yaml:9\s+field\s+concepts\[0\]\.prerequisites\[0\]\s+no concept "variables" in this track$/,
    );
    expect(await problems.innerText()).toContain('Problems found: 2');
    await screenshot(page, 'packs-broken-en');
    await page.getByTestId('setting-theme').selectOption('dark');
    await screenshot(page, 'packs-broken-en-dark');

    await settings(page, 'zh');
    await addByPath(page, 'broken-python', 'zh');
    await expect
      .poll(() => page.getByTestId('pack-errors').innerText(), { timeout: 90_000 })
      .toContain('发现的问题：2 个');
    expect(await page.getByTestId('pack-status').textContent()).toBe(zh.packs.notAdded);
    expect(await page.getByTestId('pack-errors').innerText()).toContain('字段 difficulty');
    await screenshot(page, 'packs-broken-zh', 'zh');
    expect(await page.getByTestId('installed-packs').innerText()).not.toContain('broken');
  });

  test('a zip picked in the browser installs the same way (Chinese interface)', async () => {
    const folder = path.join(PACKS, 'good-javascript');
    const files: Record<string, Uint8Array> = {};
    for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      files[`good-javascript/${path.relative(folder, full).split(path.sep).join('/')}`] =
        fs.readFileSync(full);
    }
    const zip = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-zip-')), 'good-javascript.zip');
    fs.writeFileSync(zip, zipSync(files));

    const page = await openPage(browser, app.launchUrl);
    await settings(page, 'zh');
    await page.getByTestId('pack-zip').setInputFiles(zip);
    expect(await outcome(page)).toBe('已添加“测试用 JavaScript”，共 3 课。可以在“学习”页面找到它。');
    await expect.poll(() => page.getByTestId('installed-packs').innerText()).toContain('测试用 JavaScript');
    await screenshot(page, 'packs-added-zh', 'zh');
    await page.getByRole('button', { name: '移除 测试用 JavaScript' }).click();
    await page.getByRole('button', { name: zh.packs.removeYes }).click();
    await expect
      .poll(() => page.getByTestId('installed-packs').innerText())
      .not.toContain('测试用 JavaScript');
  });
});
