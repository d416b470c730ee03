/**
 * Issue 16 point 2, for what the backend API sends the page: with the Chinese interface, a
 * failed call reads in Chinese whatever went wrong. Each path is driven through the real page
 * in Chromium (web mode): a setting a person typed that the call refuses, a practice request
 * that cannot be served, a garbled link, a corrupted row in the database (a fault no handler
 * coded), and the backend going away. Each test fails if an English word, other than what the
 * message quotes, reaches the page.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import faultsZh from '../../shared/i18n/locales/zh/faults.json';
import practiceZh from '../../shared/i18n/locales/zh/practiceui.json';
import tutorZh from '../../shared/i18n/locales/zh/tutor.json';
import appZh from '../../shared/i18n/locales/zh/app.json';
import { LOG_FILE } from '../../renderer/i18n/failure.ts';
import { englishIn } from './latin.ts';
import { callApi, launchBrowser, openPage, startApp, useAppAndBrowser } from './harness.ts';

const { app, browser } = useAppAndBrowser();

beforeAll(async () => {
  await callApi(app, 'updateSettings', { language: 'zh' });
});
afterAll(async () => {
  await callApi(app, 'updateSettings', { language: 'en' });
});

const fill = (s: string, vars: Record<string, string>) =>
  s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k]!);

async function settingsPage(): Promise<Page> {
  const page = await openPage(browser, app.launchUrl, 'zh-CN');
  await page.getByRole('link', { name: appZh.nav.settings, exact: true }).click();
  await page.getByTestId('tutor-settings').waitFor();
  return page;
}

describe('with the Chinese interface, a failed call says what went wrong in Chinese', () => {
  test('a budget or a region the tutor settings refuse names the field and the limit', async () => {
    const page = await settingsPage();
    const status = page.getByTestId('tutor-settings').locator('p[role="status"]');

    await page.getByTestId('tutor-budget').fill('20000');
    await page.getByTestId('tutor-budget').blur();
    await expect
      .poll(() => status.textContent())
      .toBe(fill(tutorZh.tutor.settings.saveFailed, { message: '每月预算：大于上限 10000。' }));
    expect(englishIn((await status.textContent())!)).toEqual([]);

    await page.getByTestId('tutor-provider').selectOption('bedrock');
    await expect.poll(() => status.textContent()).toBe(tutorZh.tutor.settings.saved);
    const region = page.getByLabel(tutorZh.tutor.settings.region, { exact: true });
    await region.fill('us-east-1-'.repeat(6));
    await region.blur();
    await expect
      .poll(() => status.textContent())
      .toBe(fill(tutorZh.tutor.settings.saveFailed, { message: '区域：超过 50 个字符的上限。' }));
    expect(englishIn((await status.textContent())!)).toEqual([]);
    await page.getByTestId('tutor-provider').selectOption('anthropic');
    await expect.poll(() => status.textContent()).toBe(tutorZh.tutor.settings.saved);
    await page.context().close();
  });

  test('practice that cannot be served (no offline templates for the track) is said in Chinese', async () => {
    const page = await openPage(browser, app.launchUrl, 'zh-CN');
    await page.getByRole('link', { name: appZh.nav.practice, exact: true }).click();
    await page.getByTestId('practice-track').selectOption('typescript');
    await page.getByRole('button', { name: practiceZh.practicePage.practiseWeakSpots }).click();
    const alert = page.locator('.practice-start [role="alert"]');
    await alert.waitFor({ timeout: 60_000 });
    const text = (await alert.textContent())!;
    expect(text.startsWith(fill(practiceZh.practicePage.failed, { message: '' }))).toBe(true);
    expect(text).toContain('离线练习模板');
    // The concept's id and the language are what it quotes.
    expect(englishIn(text, ['type-annotations', 'typescript', 'Claude'])).toEqual([]);
    await page.context().close();
  });

  test('a garbled link to a practice problem: the field and its limit, in Chinese', async () => {
    const page = await openPage(browser, app.launchUrl, 'zh-CN');
    await page.getByRole('link', { name: appZh.nav.practice, exact: true }).waitFor();
    await page.evaluate((h) => (location.hash = h), `#/practice/${'x'.repeat(300)}`);
    const alert = page.locator('[role="alert"]').first();
    await alert.waitFor();
    const text = (await alert.textContent())!;
    expect(text).toContain('id：超过 200 个字符的上限');
    expect(englishIn(text, ['id'])).toEqual([]);
    await page.context().close();
  });

  test('a corrupted row in the database: a fault no handler coded is said in Chinese, and is in the log', async () => {
    // A second connection, as a crash or a disk fault might leave it: the tutor's settings are
    // no longer JSON, so reading them throws an error no handler gave a code.
    const db = new Database(path.join(app.dataDir, 'lantern.db'));
    db.prepare('INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)').run(
      'tutor.settings',
      '{"provider":',
    );
    db.close();
    try {
      const page = await openPage(browser, app.launchUrl, 'zh-CN');
      await page.getByRole('link', { name: appZh.nav.settings, exact: true }).click();
      const failed = page.locator('fieldset.tutor-settings p.status.error');
      const text = (await failed.textContent())!;
      expect(text).toBe(
        fill(tutorZh.tutor.settings.loadFailed, {
          message: fill(faultsZh.apiErrors['internal-fault'], { log: LOG_FILE }),
        }),
      );
      expect(englishIn(text, [LOG_FILE])).toEqual([]);
      // What the page promises: the details are in the log.
      const log = path.join(app.dataDir, LOG_FILE);
      await expect
        .poll(() => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : ''), { timeout: 10_000 })
        .toMatch(
          /"call":"getTutorSettings"[^\n]*API call failed|API call failed[^\n]*"call":"getTutorSettings"/,
        );
      await page.context().close();
    } finally {
      const repair = new Database(path.join(app.dataDir, 'lantern.db'));
      repair.prepare('DELETE FROM setting WHERE key = ?').run('tutor.settings');
      repair.close();
    }
  });

  test('the backend gone away: the page says so in Chinese', async () => {
    const other = await startApp();
    const own = await launchBrowser();
    try {
      await callApi(other, 'updateSettings', { language: 'zh' });
      const page = await openPage(own, other.launchUrl, 'zh-CN');
      await page.getByRole('link', { name: appZh.nav.settings, exact: true }).click();
      await page.getByTestId('tutor-settings').waitFor();
      await other.stop();
      await page.getByTestId('tutor-budget').fill('7');
      await page.getByTestId('tutor-budget').blur();
      const status = page.getByTestId('tutor-settings').locator('p[role="status"]');
      await expect
        .poll(() => status.textContent())
        .toBe(fill(tutorZh.tutor.settings.saveFailed, { message: faultsZh.apiErrors['connection-lost'] }));
      expect(englishIn((await status.textContent())!)).toEqual([]);
    } finally {
      await own.close();
      await other.stop();
    }
  });
});
