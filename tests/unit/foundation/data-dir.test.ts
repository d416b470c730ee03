import { describe, expect, test } from 'vitest';
import path from 'node:path';
import { resolveDataDir } from '../../../electron/core/data-dir.ts';

describe('the data directory', () => {
  test('LANTERN_DATA_DIR overrides everything', () => {
    expect(resolveDataDir({ LANTERN_DATA_DIR: 'rel/dir' }, '/electron/userData')).toBe(
      path.resolve('rel/dir'),
    );
  });
  test("the desktop app uses Electron's userData folder", () => {
    expect(resolveDataDir({}, '/home/a/.config/Lantern')).toBe('/home/a/.config/Lantern');
  });
  test("web mode uses the platform's app-data folder", () => {
    expect(resolveDataDir({}, undefined, 'linux', '/home/a')).toBe('/home/a/.config/Lantern');
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/x' }, undefined, 'linux', '/home/a')).toBe('/x/Lantern');
    expect(resolveDataDir({}, undefined, 'darwin', '/Users/a')).toBe(
      '/Users/a/Library/Application Support/Lantern',
    );
    expect(
      resolveDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, undefined, 'win32', 'C:\\Users\\a'),
    ).toBe(path.join('C:\\Users\\a\\AppData\\Roaming', 'Lantern'));
  });
});
