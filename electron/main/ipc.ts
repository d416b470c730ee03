/**
 * Binds the handler map to IPC: one channel for calls, one for pushed events. Every call is
 * checked for its sender (only the app's own top-level main document) before its payload is
 * validated against the contract.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { dispatch, type CallContext, type Handlers } from '../../shared/api/dispatch.ts';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../shared/api/channels.ts';
import type { Envelope } from '../../shared/api/contract.ts';
import { isAppUrl } from './security.ts';

/**
 * The app's own main document, top-level: not a frame inside it, and not the hidden sandbox page
 * (app://lantern/sandbox.html), which has no business calling the API.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !isAppUrl(frame.url)) return false;
  return ['/', '/index.html'].includes(new URL(frame.url).pathname);
}

export function eventEmitterFor(contents: WebContents): CallContext['emit'] {
  return (event, payload) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
  };
}

export function bindIpc(
  ipcMain: IpcMain,
  handlers: Handlers,
  onError?: (name: string, err: unknown) => void,
): void {
  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event)) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'Calls are accepted only from the Lantern window.' },
      };
    }
    return dispatch(handlers, name, input, { emit: eventEmitterFor(event.sender) }, onError);
  });
}
