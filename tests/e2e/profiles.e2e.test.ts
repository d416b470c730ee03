/** Learner profiles and backup/restore, driven through the real UI in Chromium (web mode). */
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import en from '../../shared/i18n/locales/en/profiles.json';
import zh from '../../shared/i18n/locales/zh/profiles.json';
import appEn from '../../shared/i18n/locales/en/app.json';
import appZh from '../../shared/i18n/locales/zh/app.json';
import Database from 'better-sqlite3';
import { callApi, openPage, resetSettings, screenshot, useAppAndBrowser } from './harness.ts';

const { app, browser } = useAppAndBrowser();
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-e2e-downloads-'));

beforeEach(async () => {
  await resetSettings(app);
});
afterAll(async () => {
  fs.rmSync(downloads, { recursive: true, force: true });
});

const fill = (s: string, vars: Record<string, string>) =>
  s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k]!);
const learnerButton = (page: Page) => page.getByTestId('profile-open');
const dialog = (page: Page) => page.getByRole('dialog');

async function openSwitcher(page: Page) {
  await learnerButton(page).click();
  await dialog(page).getByRole('heading', { name: en.profiles.title }).waitFor();
}

async function addLearner(page: Page, name: string) {
  await page.getByTestId('profile-new-name').fill(name);
  await dialog(page).getByRole('button', { name: en.profiles.create }).click();
  await expect
    .poll(() => page.getByTestId('profile-status').textContent())
    .toBe(fill(en.profiles.created, { name }));
}

async function saveBackup(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

describe('learner profiles', () => {
  test('a learner can add, switch to, rename and delete profiles from the sidebar', async () => {
    const page = await openPage(browser, app.launchUrl);
    await expect.poll(() => learnerButton(page).innerText()).toContain('Learner');

    await openSwitcher(page);
    await addLearner(page, 'Ana');
    // Adding a learner switches to them, and the sidebar says who is learning now.
    await expect
      .poll(() => learnerButton(page).getAttribute('aria-label'))
      .toBe(fill(en.profiles.open, { name: 'Ana' }));
    await screenshot(page, 'profiles-dialog-en');

    await dialog(page)
      .getByRole('button', { name: fill(en.profiles.renameLabel, { name: 'Ana' }) })
      .click();
    await dialog(page)
      .getByLabel(fill(en.profiles.renameField, { name: 'Ana' }))
      .fill('Ana Li');
    await dialog(page).getByRole('button', { name: en.profiles.save }).click();
    await expect.poll(() => learnerButton(page).innerText()).toContain('Ana Li');

    await dialog(page)
      .getByRole('button', { name: fill(en.profiles.switchLabel, { name: 'Learner' }) })
      .click();
    await expect.poll(() => learnerButton(page).innerText()).toContain('Learner');

    await dialog(page)
      .getByRole('button', { name: fill(en.profiles.deleteLabel, { name: 'Ana Li' }) })
      .click();
    const confirm = page.getByRole('alertdialog', {
      name: fill(en.profiles.confirmTitle, { name: 'Ana Li' }),
    });
    await confirm.waitFor();
    // The backup is offered before anything is lost.
    const backup = await saveBackup(page, () =>
      confirm.getByRole('button', { name: en.profiles.backupFirst }).click(),
    );
    expect(fs.readFileSync(backup).subarray(0, 15).toString()).toBe('SQLite format 3');
    await screenshot(page, 'profiles-delete-confirm-en');
    await confirm.getByRole('button', { name: fill(en.profiles.confirmDelete, { name: 'Ana Li' }) }).click();
    await expect
      .poll(() => page.getByTestId('profile-status').textContent())
      .toBe(fill(en.profiles.deleted, { name: 'Ana Li' }));
    expect(await dialog(page).getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining('Learner'),
    ]);

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).isVisible()).toBe(false);
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  });

  test('the switcher works from the keyboard alone', async () => {
    const page = await openPage(browser, app.launchUrl);
    await learnerButton(page).focus();
    await page.keyboard.press('Enter');
    await dialog(page).getByRole('heading', { name: en.profiles.title }).waitFor();
    await page.getByTestId('profile-new-name').focus();
    await page.keyboard.type('Kim');
    await page.keyboard.press('Enter');
    await expect.poll(() => learnerButton(page).innerText()).toContain('Kim');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('profile-open');
  });

  test('the first learner is called “learner” in the interface’s language until they choose a name', async () => {
    // The learner Lantern made on first use, whom no one has named yet.
    const { profiles } = await callApi<{ profiles: { id: number; name: string | null }[] }>(
      app,
      'listProfiles',
      {},
    );
    const first = profiles.find((p) => p.name === null)!;
    await callApi(app, 'switchProfile', { id: first.id });
    await resetSettings(app);
    const page = await openPage(browser, app.launchUrl);
    const called = (name: string, open: string) =>
      expect.poll(() => learnerButton(page).getAttribute('aria-label')).toBe(fill(open, { name }));
    await called(en.profiles.defaultName, en.profiles.open);

    // Start in English, switch to 简体中文: the switcher, its dialog and Settings say 学习者.
    await page.getByRole('link', { name: appEn.nav.settings, exact: true }).click();
    const language = page.getByTestId('setting-language');
    await language.selectOption('zh');
    await called(zh.profiles.defaultName, zh.profiles.open);
    expect(await learnerButton(page).innerText()).toContain(zh.profiles.defaultName);
    await expect
      .poll(() => page.getByTestId('learner-settings').locator('legend').innerText())
      .toBe(fill(appZh.settings.appearance, { name: zh.profiles.defaultName }));
    await learnerButton(page).click();
    await dialog(page).getByRole('heading', { name: zh.profiles.title }).waitFor();
    const row = dialog(page).locator('.profile-row[aria-current="true"]');
    expect(await row.innerText()).toContain(zh.profiles.defaultName);
    expect(await row.innerText()).not.toContain(en.profiles.defaultName);
    await screenshot(page, 'profiles-first-learner-zh');
    await page.keyboard.press('Escape');

    // And back.
    await language.selectOption('en');
    await called(en.profiles.defaultName, en.profiles.open);

    // 'System language' follows the browser: a Chinese browser calls them 学习者 too.
    await language.selectOption('system');
    await called(en.profiles.defaultName, en.profiles.open);
    const chinese = await openPage(browser, app.launchUrl, 'zh-CN');
    await expect
      .poll(() => learnerButton(chinese).getAttribute('aria-label'))
      .toBe(fill(zh.profiles.open, { name: zh.profiles.defaultName }));
    await chinese.close();

    // Renamed, the name is theirs: a change of language leaves it as it is.
    await openSwitcher(page);
    await dialog(page)
      .getByRole('button', { name: fill(en.profiles.renameLabel, { name: en.profiles.defaultName }) })
      .click();
    await dialog(page)
      .getByLabel(fill(en.profiles.renameField, { name: en.profiles.defaultName }))
      .fill('Mei');
    await dialog(page).getByRole('button', { name: en.profiles.save }).click();
    await called('Mei', en.profiles.open);
    await page.keyboard.press('Escape');
    await language.selectOption('zh');
    await called('Mei', zh.profiles.open);
    await language.selectOption('en');
    await called('Mei', en.profiles.open);
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  });

  test('the dialog reads in Chinese and in the dark theme', async () => {
    const page = await openPage(browser, app.launchUrl);
    await page.getByRole('link', { name: appEn.nav.settings, exact: true }).click();
    await page.getByTestId('setting-language').selectOption('zh');
    await page.getByTestId('setting-theme').selectOption('dark');
    await learnerButton(page).click();
    await dialog(page).getByRole('heading', { name: zh.profiles.title }).waitFor();
    expect(await dialog(page).innerText()).toContain(zh.profiles.create);
    await screenshot(page, 'profiles-dialog-zh-dark');
    await page.keyboard.press('Escape');
    await screenshot(page, 'settings-data-zh-dark');
  });
});

describe('backup and restore from Settings', () => {
  test('a backup restores the learners it held, and a wrong file is refused with its name', async () => {
    const page = await openPage(browser, app.launchUrl);
    await page.getByRole('link', { name: appEn.nav.settings, exact: true }).click();
    const section = page.getByRole('group', { name: en.data.title });
    const backup = await saveBackup(page, () =>
      section.getByRole('button', { name: en.data.backup }).click(),
    );
    await expect.poll(() => page.getByTestId('data-status').textContent()).toContain(path.basename(backup));
    const learnersBefore = await learnerButton(page).innerText();

    await openSwitcher(page);
    await addLearner(page, 'Temporary');
    await page.keyboard.press('Escape');

    await page.getByTestId('restore-file').setInputFiles(backup);
    const confirm = page.getByRole('alertdialog', {
      name: fill(en.data.confirmRestore, { file: path.basename(backup) }),
    });
    await screenshot(page, 'settings-restore-confirm-en');
    await confirm.getByRole('button', { name: en.data.confirmRestoreYes }).click();
    await expect
      .poll(() => page.getByTestId('data-status').textContent())
      .toMatch(/^Restored \d+ learners and \d+ attempts\./);
    // The sidebar follows the restored data: the learner added after the backup is gone.
    await expect.poll(() => learnerButton(page).innerText()).toBe(learnersBefore);
    await openSwitcher(page);
    expect(await dialog(page).innerText()).not.toContain('Temporary');
    await page.keyboard.press('Escape');

    const notes = path.join(downloads, 'notes.txt');
    fs.writeFileSync(notes, 'not a backup');
    await page.getByTestId('restore-file').setInputFiles(notes);
    await page.getByRole('button', { name: en.data.confirmRestoreYes }).click();
    await expect
      .poll(() => page.getByTestId('data-status').textContent())
      .toContain('notes.txt is not a Lantern backup');
    await screenshot(page, 'settings-restore-refused-en');
  });

  test('in the Chinese interface a refused backup is explained in Chinese, naming the object', async () => {
    await callApi(app, 'updateSettings', { language: 'zh' });
    const page = await openPage(browser, app.launchUrl, 'zh-CN');
    await page.getByRole('link', { name: appZh.nav.settings, exact: true }).click();
    const section = page.getByRole('group', { name: zh.data.title });
    const backup = await saveBackup(page, () =>
      section.getByRole('button', { name: zh.data.backup }).click(),
    );
    // The backup with an extra view, as a file edited by another program would have.
    const edited = path.join(downloads, 'edited.db');
    fs.copyFileSync(backup, edited);
    const db = new Database(edited);
    db.exec('CREATE VIEW everyone AS SELECT * FROM profile');
    const version = Number(db.pragma('user_version', { simple: true }));
    db.close();

    await page.getByTestId('restore-file').setInputFiles(edited);
    await page.getByRole('button', { name: zh.data.confirmRestoreYes }).click();
    const expected = fill(zh.data.failed, {
      message: fill(zh.data.errors.restoreExtraObject, {
        file: 'edited.db',
        type: zh.data.objectType.view,
        object: 'everyone',
        version: String(version),
      }),
    });
    await expect.poll(() => page.getByTestId('data-status').textContent()).toBe(expected);
    expect(expected).toContain('视图“everyone”');
    await screenshot(page, 'settings-restore-refused-zh');
  });
});
