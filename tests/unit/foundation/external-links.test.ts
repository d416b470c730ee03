/**
 * The desktop app asks before a link leaves for the system browser (electron mocked: the binary
 * cannot run here), and the packaged app's fuses keep the doors the app does not use shut.
 */
import { describe, expect, test, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

vi.mock('electron', () => ({}));

const { createOpenExternal } = await import('../../../electron/main/external-links.ts');
const { mainLocale } = await import('../../../electron/main/main-text.ts');

function setUp(answer: number, locale: 'en' | 'zh' = 'en') {
  const showMessageBox = vi.fn(async (..._args: unknown[]) => ({ response: answer, checkboxChecked: false }));
  const openExternal = vi.fn(async (_url: string) => undefined);
  const open = createOpenExternal({
    dialog: { showMessageBox } as never,
    shell: { openExternal } as never,
    window: () => undefined,
    locale: () => locale,
  });
  return { open, showMessageBox, openExternal };
}

describe('opening a link in the system browser (desktop)', () => {
  test('asks first, naming the whole address; opens only when the person says yes', async () => {
    const url = 'https://docs.python.org/3/tutorial/?q=for%20loops#lists';
    const yes = setUp(0);
    expect(await yes.open(url)).toBe(true);
    const options = yes.showMessageBox.mock.calls[0]![0] as {
      detail: string;
      buttons: string[];
      defaultId: number;
      cancelId: number;
      message: string;
    };
    expect(options.message).toBe('Open this link in your browser?');
    expect(options.detail).toContain(url);
    expect(options.buttons).toEqual(['Open in browser', 'Cancel']);
    // Enter and Escape both mean "no": opening takes a deliberate choice.
    expect(options.defaultId).toBe(1);
    expect(options.cancelId).toBe(1);
    expect(yes.openExternal).toHaveBeenCalledWith(url);

    const no = setUp(1);
    expect(await no.open(url)).toBe(false);
    expect(no.showMessageBox).toHaveBeenCalledOnce();
    expect(no.openExternal).not.toHaveBeenCalled();
  });

  test('asks in Chinese when the interface is Chinese', async () => {
    const zh = setUp(1, 'zh');
    await zh.open('https://example.org/');
    const options = zh.showMessageBox.mock.calls[0]![0] as { message: string; buttons: string[] };
    expect(options.message).toBe('在浏览器中打开这个链接？');
    expect(options.buttons).toEqual(['在浏览器中打开', '取消']);
  });

  test('an address that looks like another shows as the browser will resolve it', async () => {
    const s = setUp(1);
    await s.open('https://pаypal.example/'); // the second letter is Cyrillic
    const { detail } = s.showMessageBox.mock.calls[0]![0] as { detail: string };
    expect(detail).toContain('https://xn--pypal-4ve.example/');
  });

  test.each(['file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.org/', 'not a url'])(
    '%s is never offered, let alone opened',
    async (url) => {
      const s = setUp(0);
      expect(await s.open(url)).toBe(false);
      expect(s.showMessageBox).not.toHaveBeenCalled();
      expect(s.openExternal).not.toHaveBeenCalled();
    },
  );

  test('the language follows the setting, then the system', () => {
    expect(mainLocale('zh', 'en-US')).toBe('zh');
    expect(mainLocale('en', 'zh-CN')).toBe('en');
    expect(mainLocale('system', 'zh-TW')).toBe('zh');
    expect(mainLocale(undefined, 'de-DE')).toBe('en');
  });
});

describe('the packaged app', () => {
  test('turns off runAsNode and the file:// extra privileges', () => {
    const config = parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../../electron-builder.yml'), 'utf8'),
    ) as { electronFuses: Record<string, boolean> };
    expect(config.electronFuses.runAsNode).toBe(false);
    expect(config.electronFuses.grantFileProtocolExtraPrivileges).toBe(false);
  });
});
