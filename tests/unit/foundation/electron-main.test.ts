/**
 * The Electron binary cannot run here, so the main process is tested with `electron` mocked:
 * the window's security options, the app:// handler's path checks, the IPC sender check and
 * navigation denial.
 */
import { describe, expect, test, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

vi.mock('electron', () => ({}));

const { mainWindowOptions, guardNavigation, isAppUrl, isSafeExternalUrl, denyAllPermissions } =
  await import('../../../electron/main/security.ts');
const { createAppProtocolHandler } = await import('../../../electron/main/app-protocol.ts');
const { bindIpc, isTrustedSender } = await import('../../../electron/main/ipc.ts');
const { CALL_CHANNEL } = await import('../../../shared/api/channels.ts');
const { menuTemplate } = await import('../../../electron/main/menu.ts');

describe('the main window', () => {
  test('runs with every Electron security setting on', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });

  test('opens where it was last closed', () => {
    const opts = mainWindowOptions('/p', { x: 40, y: 50, width: 1000, height: 700 });
    expect(opts).toMatchObject({ x: 40, y: 50, width: 1000, height: 700 });
  });
});

describe('the app:// protocol', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-proto-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<title>Lantern</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  const handle = createAppProtocolHandler(rendererDir);

  test('serves the renderer with CSP and cross-origin isolation headers', async () => {
    const res = await handle(new Request('app://lantern/index.html'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Lantern');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(res.headers.get('content-security-policy')).toContain("object-src 'none'");
  });

  test.each([
    'app://lantern/%2e%2e/secret.txt',
    'app://lantern/..%2fsecret.txt',
    'app://lantern/..%5csecret.txt',
    'app://other/index.html',
  ])('%s is not served', async (url) => {
    const res = await handle(new Request(url));
    expect(res.status).toBe(404);
  });
});

describe('IPC', () => {
  const frame = (url: string, parent: unknown = null) =>
    ({ senderFrame: { url, parent } }) as { senderFrame: never };

  test('only the top frame of the app is a trusted sender', () => {
    expect(isTrustedSender(frame('app://lantern/index.html'))).toBe(true);
    expect(isTrustedSender(frame('app://lantern/'))).toBe(true);
    expect(isTrustedSender(frame('app://lantern/sandbox.html'))).toBe(false);
    expect(isTrustedSender(frame('https://evil.example/'))).toBe(false);
    expect(isTrustedSender(frame('app://lantern/index.html', {}))).toBe(false);
    expect(isTrustedSender(frame('file:///etc/passwd'))).toBe(false);
    expect(isTrustedSender({ senderFrame: null } as never)).toBe(false);
  });

  test('calls from a foreign frame are refused before the handler runs; bad payloads get a typed error', async () => {
    const getSettings = vi.fn(() => ({ language: 'en', theme: 'system', editorFontSize: 14 }));
    const handlers = { getSettings } as never;
    let registered: ((event: unknown, name: unknown, input: unknown) => Promise<unknown>) | undefined;
    const ipcMain = {
      handle: (channel: string, fn: typeof registered) => channel === CALL_CHANNEL && (registered = fn),
    };
    bindIpc(ipcMain as never, handlers);
    const sender = { send: vi.fn(), isDestroyed: () => false };
    const foreign = await registered!({ ...frame('https://evil.example/'), sender }, 'getSettings', {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(getSettings).not.toHaveBeenCalled();
    const bad = await registered!({ ...frame('app://lantern/index.html'), sender }, 'getSettings', {
      extra: 1,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const good = await registered!({ ...frame('app://lantern/index.html'), sender }, 'getSettings', {});
    expect(good).toMatchObject({ ok: true, value: { language: 'en' } });
  });
});

describe('navigation', () => {
  function fakeContents() {
    const contents = new EventEmitter() as EventEmitter & { windowOpen?: (d: { url: string }) => unknown };
    Object.assign(contents, {
      setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => (contents.windowOpen = fn),
    });
    return contents;
  }

  test('navigating away from the app is denied; safe links go to the system browser', () => {
    const contents = fakeContents();
    const opened: string[] = [];
    guardNavigation(contents as never, (url) => opened.push(url));
    const nav = (url: string) => {
      const event = { preventDefault: vi.fn() };
      contents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(nav('app://lantern/index.html#/learn')).toBe(false);
    expect(nav('https://docs.python.org/3/')).toBe(true);
    expect(nav('file:///etc/passwd')).toBe(true);
    expect(nav('javascript:alert(1)')).toBe(true);
    expect(opened).toEqual(['https://docs.python.org/3/']);
  });

  test('new windows are always denied', () => {
    const contents = fakeContents();
    const opened: string[] = [];
    guardNavigation(contents as never, (url) => opened.push(url));
    expect(contents.windowOpen!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpen!({ url: 'app://lantern/index.html' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/']);
  });

  test('which URLs count as the app and as safe external links', () => {
    expect(isAppUrl('app://lantern/x')).toBe(true);
    expect(isAppUrl('app://lantern.evil/x')).toBe(false);
    expect(isSafeExternalUrl('https://user:pw@example.com/')).toBe(false);
    expect(isSafeExternalUrl('smb://server/share')).toBe(false);
  });

  test('every permission request is denied', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session as never);
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read'])
      request!(null, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(check!()).toBe(false);
  });

  test('the menu has the standard roles on every platform and the app menu on macOS', () => {
    const roles = (p: NodeJS.Platform) => menuTemplate(p, 'Lantern').map((m) => m.role);
    expect(roles('linux')).toEqual(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help']);
    expect(roles('darwin')[0]).toBe('appMenu');
  });
});
