/**
 * Handing a link to the system browser, in the desktop app. Every way a link can leave (the
 * `openExternal` call, a link the page tries to navigate to or open in a new window) comes here,
 * and the person is asked first in a native dialog that names the whole address: the page cannot
 * draw over it or answer it, so pack content or a compromised page cannot send anyone to a site
 * unseen.
 */
import type { BrowserWindow, Dialog, Shell } from 'electron';
import { isSafeExternalUrl } from './security.ts';
import { mainText, type MainLocale } from './main-text.ts';

export interface ExternalLinkDeps {
  dialog: Pick<Dialog, 'showMessageBox'>;
  shell: Pick<Shell, 'openExternal'>;
  /** The window the question belongs to, when there is one. */
  window: () => BrowserWindow | undefined;
  locale: () => MainLocale;
}

export function createOpenExternal(deps: ExternalLinkDeps): (url: string) => Promise<boolean> {
  return async (url) => {
    if (!isSafeExternalUrl(url)) return false;
    // The parsed form: the host as the browser will resolve it (an IDN shows as punycode).
    const shown = new URL(url).href;
    const locale = deps.locale();
    const options = {
      type: 'question' as const,
      title: mainText(locale, 'externalLink', 'title'),
      message: mainText(locale, 'externalLink', 'title'),
      detail: `${mainText(locale, 'externalLink', 'intro')}\n\n${shown}`,
      buttons: [mainText(locale, 'externalLink', 'open'), mainText(locale, 'externalLink', 'cancel')],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    };
    const win = deps.window();
    const { response } = win
      ? await deps.dialog.showMessageBox(win, options)
      : await deps.dialog.showMessageBox(options);
    if (response !== 0) return false;
    await deps.shell.openExternal(shown);
    return true;
  };
}
