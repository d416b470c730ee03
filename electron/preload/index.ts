/**
 * The only bridge between the page and the app: `window.lantern`, one method per API call plus
 * `on(event, listener)`. Raw ipcRenderer never reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../shared/api/channels.ts';
import { CALL_NAMES, EVENT_NAMES, type Envelope } from '../../shared/api/contract.ts';

const api: Record<string, unknown> = {};
for (const name of CALL_NAMES) {
  api[name] = async (input: unknown) => {
    const envelope = (await ipcRenderer.invoke(CALL_CHANNEL, name, input ?? {})) as Envelope<unknown>;
    if (envelope.ok) return envelope.value;
    // Errors cross the bridge as plain Errors; the code and fields travel in the message.
    throw new Error(JSON.stringify(envelope.error));
  };
}
api.on = (event: string, listener: (payload: unknown) => void) => {
  if (!(EVENT_NAMES as string[]).includes(event)) throw new Error(`Unknown event ${event}`);
  const relay = (_e: IpcRendererEvent, name: string, payload: unknown) => {
    if (name === event) listener(payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, relay);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, relay);
};

contextBridge.exposeInMainWorld('lantern', api);
