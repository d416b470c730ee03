/**
 * What a person sees of Lantern's trust boundaries (web mode, real Chromium):
 * - a link in pack content asks before it leaves Lantern: the question names the whole address in
 *   the interface language, is reachable and answerable from the keyboard, Cancel (or Escape)
 *   opens nothing, and "Open in browser" opens exactly that address;
 * - the Teacher page says what "verified" guarantees and what it does not, in both languages, and
 *   refuses a report dated in the future with the reason.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import en from '../../shared/i18n/locales/en/trust.json';
import zh from '../../shared/i18n/locales/zh/trust.json';
import enApp from '../../shared/i18n/locales/en/app.json';
import zhApp from '../../shared/i18n/locales/zh/app.json';
import enTeacher from '../../shared/i18n/locales/en/teacher.json';
import { signReport } from '../../electron/core/reports/signing.ts';
import { callApi, launchBrowser, openPage, ROOT, SCREENSHOTS, startApp, type RunningApp } from './harness.ts';

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

describe('the Teacher page', () => {
  test('says what “verified” guarantees and what it does not, in English and Chinese', async () => {
    for (const [locale, catalog, nav, name] of [
      ['en-US', en, enApp.nav.teacher, 'teacher-verified-en'],
      ['zh-CN', zh, zhApp.nav.teacher, 'teacher-verified-zh'],
    ] as const) {
      const page = await openPage(browser, app.launchUrl, locale);
      await page.getByRole('link', { name: nav }).click();
      const box = page.getByTestId('verified-means');
      await box.waitFor();
      const text = await box.innerText();
      expect(text).toContain(catalog.reportTrust.title);
      expect(text).toContain(catalog.reportTrust.guarantees);
      expect(text).toContain(catalog.reportTrust.limits);
      await photograph(page, name);
      await page.context().close();
    }
  });

  test('a report dated in the future is not imported, and the page says why', async () => {
    const { files } = await callApi<{ files: { name: string; content: string }[] }>(app, 'exportReport', {
      format: 'json',
    });
    // A learner's own install can sign anything: here, a report from next week.
    const report = JSON.parse(files[0]!.content) as Record<string, unknown>;
    const future = new Date(Date.now() + 7 * 86_400_000);
    report.exportedAt = future.toISOString();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const signed = signReport(report, privateKey, publicKey.export({ format: 'der', type: 'spki' }));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-future-')), 'next-week.json');
    fs.writeFileSync(file, JSON.stringify(signed));

    const page = await openPage(browser, app.launchUrl);
    await page.getByRole('link', { name: enApp.nav.teacher }).click();
    await page.getByLabel(enTeacher.classroom.newClassLabel).fill('Future class');
    await page.getByRole('button', { name: enTeacher.classroom.createClass }).click();
    await page.getByTestId('class-select').waitFor();
    await page.getByLabel(enTeacher.classroom.chooseFiles).setInputFiles(file);
    await page.getByTestId('import-results').waitFor();
    const results = await page.getByTestId('import-results').innerText();
    const shown = await page.evaluate((iso) => new Date(iso).toLocaleString('en'), future.toISOString());
    expect(results).toContain(
      `next-week.json (Learner) — ${enTeacher.classroom.results.rejected}: ${enTeacher.classroom.statuses.future.replace('{{date}}', shown)}`,
    );
    expect(await page.getByTestId('import-summary').innerText()).toBe('0 of 1 files merged into the class.');
    await page
      .getByTestId('import-results')
      .screenshot({ path: path.join(SCREENSHOTS, 'teacher-future-report-en.png') });
    await page.context().close();
  });
});
