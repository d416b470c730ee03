/**
 * The Electron security checklist, as code: window options, which URLs belong to the app,
 * navigation and window-open denial, permission denial, and which external links may open.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'lantern';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function mainWindowOptions(
  preloadPath: string,
  bounds?: WindowBounds,
): BrowserWindowConstructorOptions {
  return {
    width: bounds?.width ?? 1280,
    height: bounds?.height ?? 820,
    ...(bounds?.x !== undefined && bounds?.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Lantern',
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/**
 * The hidden window the backend's untrusted code runs in (browser-sandbox.ts): the main window's
 * web preferences with the sandbox preload, never shown, and not throttled while hidden (its
 * time limits are timers).
 */
export function sandboxWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  const main = mainWindowOptions(preloadPath);
  return {
    show: false,
    width: 400,
    height: 300,
    title: 'Lantern sandbox',
    webPreferences: { ...main.webPreferences, preload: preloadPath, backgroundThrottling: false },
  };
}

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

/** True only for documents served by the app's own protocol. */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** External links the app may hand to the system browser: plain http(s) with a host, no credentials. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (
      (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '' && !u.username && !u.password
    );
  } catch {
    return false;
  }
}

/** Denies every navigation and new window that is not the app itself; links go to the browser. */
export function guardNavigation(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      if (isSafeExternalUrl(url)) openExternal(url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** The app asks for no camera, microphone, location, notifications or anything else. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
