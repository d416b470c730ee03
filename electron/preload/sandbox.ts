/**
 * The preload of the hidden sandbox window (electron/main/browser-sandbox.ts): the page receives
 * run requests and sends back results and "ready", on three fixed channels. No other IPC, and
 * raw ipcRenderer never reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { RunRequest, RunResult } from '../../shared/runner/protocol.ts';
import { SANDBOX_CHANNELS, type SandboxBridge } from '../../shared/runner/sandbox-bridge.ts';

const bridge: SandboxBridge = {
  onRun(listener) {
    ipcRenderer.on(SANDBOX_CHANNELS.run, (_event: IpcRendererEvent, id: number, request: RunRequest) =>
      listener(id, request),
    );
  },
  result: (id: number, result: RunResult) => ipcRenderer.send(SANDBOX_CHANNELS.result, id, result),
  ready: () => ipcRenderer.send(SANDBOX_CHANNELS.ready),
};

contextBridge.exposeInMainWorld('lanternSandbox', bridge);
