/**
 * A link in pack content asks before it leaves Lantern (web mode, real Chromium): the question
 * names the whole address in the interface language, is reachable and answerable from the
 * keyboard, Cancel (or Escape) opens nothing, and "Open in browser" opens exactly that address.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import en from '../../renderer/i18n/locales/en/trust.json';
import zh from '../../renderer/i18n/locales/zh/trust.json';
import { launchBrowser, openPage, ROOT, SCREENSHOTS, startApp, type RunningApp } from './harness.ts';

// The link points at a small server of the test's own: what the new tab asked for is recorded,
// and nothing leaves the machine.
let LINK = '';
const requested: string[] = [];
const site = http.createServer((req, res) => {
  requested.push(req.url ?? '');
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<title>Loops</title>Loops');
});
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  LINK = `http://127.0.0.1:${(site.address() as AddressInfo).port}/reference/loops?topic=for%20loops#range`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-e2e-links-'));
  const pack = path.join(dataDir, 'packs', 'fixture-python');
  fs.cpSync(path.join(ROOT, 'tests/fixtures/packs/good-python'), pack, { recursive: true });
  const intro = path.join(pack, 'lessons/intro.md');
  fs.writeFileSync(
    intro,
    fs
      .readFileSync(intro, 'utf8')
      .replace('from top to bottom.', `from top to bottom. [Read more about loops](${LINK}).`)
      .replace('依次执行。', `依次执行。[进一步了解循环](${LINK})。`),
  );
  app = await startApp(dataDir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  site.close();
});

async function openIntro(page: Page) {
  await page.evaluate(() => (location.hash = '#/learn/fixture-python/intro'));
  await page.locator('.lesson-body a').waitFor();
}

async function photograph(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

describe('a link in lesson text', () => {
  test('asks first, naming the whole address; Cancel and Escape open nothing', async () => {
    const page = await openPage(browser, app.launchUrl);
    await openIntro(page);
    const opened: string[] = [];
    page.context().on('page', (p) => opened.push(p.url()));

    await page.getByRole('link', { name: 'Read more about loops' }).click();
    const dialog = page.getByRole('dialog', { name: en.externalLink.title });
    await dialog.waitFor();
    expect(await page.getByTestId('external-link-url').textContent()).toBe(LINK);
    expect(await dialog.textContent()).toContain(en.externalLink.intro);
    await photograph(page, 'link-confirm-en');
    // Cancel has the focus: Enter keeps the person in Lantern.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(en.externalLink.cancel);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(false);

    // From the keyboard: focus the link, open the question, Escape.
    await page.getByRole('link', { name: 'Read more about loops' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(opened).toEqual([]);
    expect(requested).toEqual([]);
    await page.context().close();
  });

  test('"Open in browser" opens exactly that address, reached with the keyboard', async () => {
    const page = await openPage(browser, app.launchUrl);
    await openIntro(page);
    await page.getByRole('link', { name: 'Read more about loops' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: en.externalLink.title });
    await dialog.waitFor();
    const popup = page.context().waitForEvent('page');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(en.externalLink.open);
    await page.keyboard.press('Enter');
    const tab = await popup;
    await tab.waitForLoadState();
    expect(tab.url()).toBe(LINK);
    expect(requested).toContain('/reference/loops?topic=for%20loops');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.context().close();
  });

  test('asks in Chinese when the interface is Chinese', async () => {
    const page = await openPage(browser, app.launchUrl, 'zh-CN');
    await openIntro(page);
    await page.getByRole('link', { name: '进一步了解循环' }).click();
    const dialog = page.getByRole('dialog', { name: zh.externalLink.title });
    await dialog.waitFor();
    expect(await page.getByTestId('external-link-url').textContent()).toBe(LINK);
    expect(await dialog.textContent()).toContain(zh.externalLink.intro);
    expect(await dialog.getByRole('button', { name: zh.externalLink.open }).isVisible()).toBe(true);
    await photograph(page, 'link-confirm-zh');
    await page.keyboard.press('Escape');
    await page.context().close();
  });
});
