/**
 * The desktop app's lifecycle: one window, the app:// protocol, IPC, menu, and the settings the
 * window remembers. Everything that is not Electron-specific lives in electron/core.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend, type Backend } from '../core/app-services.ts';
import { resolveDataDir } from '../core/data-dir.ts';
import { DataFolderInUseError } from '../core/data-lock.ts';
import { createOpenExternal } from './external-links.ts';
import { mainLocale, mainText } from './main-text.ts';
import { createAppProtocolHandler } from './app-protocol.ts';
import { SafeStorageSecretStore, safeStorageKeySealer } from './secret-store.ts';
import { bindIpc, eventEmitterFor } from './ipc.ts';
import { BrowserSandbox } from './browser-sandbox.ts';
import { menuTemplate } from './menu.ts';
import {
  APP_ORIGIN,
  APP_SCHEME,
  denyAllPermissions,
  guardNavigation,
  mainWindowOptions,
  sandboxWindowOptions,
  type WindowBounds,
} from './security.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');
const sandboxPreloadPath = path.join(here, '../preload/sandbox.cjs');
const BOUNDS_KEY = 'window.bounds';

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
  },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let backend: Backend | undefined;
  let win: BrowserWindow | undefined;
  // The backend's untrusted code runs in a hidden sandboxed window: Electron cannot start the
  // Node sandbox child (decision 0003).
  const sandbox = new BrowserSandbox({
    ipc: ipcMain,
    createWindow: () => {
      const hidden = new BrowserWindow(sandboxWindowOptions(sandboxPreloadPath));
      void hidden.loadURL(`${APP_ORIGIN}/sandbox.html`);
      return hidden;
    },
  });

  // Dialogs speak the current learner's language.
  const locale = () => {
    const learner = backend?.profiles.current();
    return mainLocale(learner && backend?.learnerSettings.of(learner.id).language, app.getLocale());
  };
  const openExternal = createOpenExternal({ dialog, shell, window: () => win, locale });

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  function startBackend(dataDir: string): Backend {
    return createBackend({
      dataDir,
      mode: 'electron',
      version: app.getVersion(),
      exercisesDir: path.join(app.getAppPath(), 'exercises'),
      systemLocale: app.getLocale(),
      openExternal,
      runCode: (request) => sandbox.run(request),
      createSecretStore: (log) => new SafeStorageSecretStore(dataDir, log),
      keySealer: safeStorageKeySealer(),
      choosePackPath: async () => {
        const result = await dialog.showOpenDialog({
          properties: ['openFile', 'openDirectory'],
          filters: [{ name: 'Lantern pack', extensions: ['zip'] }],
        });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
    });
  }

  app.whenReady().then(() => {
    const dataDir = resolveDataDir(process.env, app.getPath('userData'));
    try {
      backend = startBackend(dataDir);
    } catch (err) {
      // Another Lantern (web mode, the CLI) holds the folder: say who, and do not touch it.
      if (!(err instanceof DataFolderInUseError)) throw err;
      const l = locale();
      const holder = err.holder;
      dialog.showErrorBox(
        mainText(l, 'dataFolder', 'inUseTitle'),
        holder
          ? mainText(l, 'dataFolder', 'inUse', {
              folder: dataDir,
              pid: holder.pid,
              mode: holder.mode,
              since: new Date(holder.startedAt).toLocaleString(app.getLocale()),
            })
          : mainText(l, 'dataFolder', 'inUseUnknown', { folder: dataDir }),
      );
      app.quit();
      return;
    }
    protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
    denyAllPermissions(session.defaultSession);
    bindIpc(ipcMain, backend.handlers, (name, err) =>
      backend?.log.error({ err, call: name }, 'API call failed'),
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, 'Lantern')));

    const bounds = backend.settings.get<WindowBounds>(BOUNDS_KEY);
    win = new BrowserWindow(mainWindowOptions(preloadPath, bounds));
    guardNavigation(win.webContents, (url) => void openExternal(url));
    backend.attachEmitter(eventEmitterFor(win.webContents));
    if (bounds?.maximized) win.maximize();
    win.once('ready-to-show', () => win?.show());
    const saveBounds = () => {
      if (!win || !backend) return;
      backend.settings.set(BOUNDS_KEY, { ...win.getNormalBounds(), maximized: win.isMaximized() });
    };
    win.on('close', saveBounds);
    // The hidden sandbox window would keep the app running after the last visible one closes.
    win.on('closed', () => sandbox.close());
    void win.loadURL(`${APP_ORIGIN}/index.html`);
  });

  app.on('web-contents-created', (_event, contents) => {
    guardNavigation(contents, (url) => void openExternal(url));
  });

  app.on('window-all-closed', () => {
    backend?.close();
    app.quit();
  });
}
