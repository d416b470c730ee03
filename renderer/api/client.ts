/**
 * The one API object the UI uses. In the desktop app it is `window.lantern` (the preload's
 * bridge over IPC); in web mode the same calls go over loopback HTTP with the launch token.
 */
import {
  ApiError,
  CALL_NAMES,
  EVENT_NAMES,
  type ApiErrorShape,
  type Envelope,
  type EventName,
  type LanternApi,
} from '../../shared/api/contract.ts';

declare global {
  interface Window {
    lantern?: LanternApi;
  }
}

const TOKEN_KEY = 'lantern.token';

/** Web mode: the launch URL carries `#token=…`; keep it for this tab and clean the address bar. */
export function takeLaunchToken(): string | null {
  const match = /^#token=([0-9a-f]+)/.exec(location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', `${location.pathname}#/learn`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function createApi(): LanternApi {
  if (window.lantern) return wrapBridge(window.lantern);
  const token = takeLaunchToken();
  if (!token) {
    throw new ApiError({
      code: 'forbidden',
      message: 'This page was opened without its launch token. Open the address that "npm start" printed.',
      reason: { code: 'no-launch-token', params: { command: 'npm start' } },
    });
  }
  return createHttpApi(token);
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return coded(err);
  const message = err instanceof Error ? err.message : String(err);
  // The preload sends the error shape as JSON inside the message (Electron clones only the message).
  const json = /\{.*\}$/s.exec(message)?.[0];
  if (json) {
    try {
      return coded(new ApiError(JSON.parse(json) as ApiErrorShape));
    } catch {
      /* not ours */
    }
  }
  // Not an envelope: the call never reached the backend, or its answer never came back.
  return new ApiError({ code: 'failed', message, reason: { code: 'connection-lost' } });
}

/**
 * Every failure the page sees carries a code its catalogs word. An envelope without one (the
 * web server refusing a request before any handler ran) gets the code of its kind.
 */
function coded(err: ApiError): ApiError {
  if (err.reason) return err;
  const reason = { code: err.code === 'failed' ? 'internal-fault' : err.code };
  return new ApiError({
    code: err.code,
    message: err.message,
    issues: err.issues,
    fieldIssues: err.fieldIssues,
    reason,
  });
}

function wrapBridge(bridge: LanternApi): LanternApi {
  const api: Record<string, unknown> = { on: bridge.on.bind(bridge) };
  for (const name of CALL_NAMES) {
    const method = bridge[name] as (input: unknown) => Promise<unknown>;
    api[name] = (input: unknown) => method(input).catch((err: unknown) => Promise.reject(toApiError(err)));
  }
  return api as LanternApi;
}

/** Keepalive requests share a 64 KiB budget in the browser; a larger draft is sent as usual. */
const KEEPALIVE_MAX_CHARS = 16_000;

function createHttpApi(token: string): LanternApi {
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const api: Record<string, unknown> = {};
  for (const name of CALL_NAMES) {
    api[name] = async (input: unknown) => {
      const body = JSON.stringify(input ?? {});
      let envelope: Envelope<unknown>;
      try {
        const res = await fetch(`/api/call/${name}`, {
          method: 'POST',
          headers,
          body,
          // A draft saved as the page goes away (a reload, the tab closing) must still arrive; the
          // browser lets a small request outlive the page only when it is marked keepalive.
          keepalive: name === 'saveDraft' && body.length < KEEPALIVE_MAX_CHARS,
        });
        envelope = (await res.json()) as Envelope<unknown>;
      } catch (err) {
        // No answer, or one that is not an envelope: the backend is not there (or went away).
        throw toApiError(err);
      }
      if (envelope.ok) return envelope.value;
      throw toApiError(new ApiError(envelope.error));
    };
  }
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let streaming = false;
  const startStream = () => {
    if (streaming) return;
    streaming = true;
    void readEventStream(headers, (event, payload) => {
      listeners.get(event as EventName)?.forEach((l) => l(payload));
    }).finally(() => {
      streaming = false;
      // The server went away or the connection dropped: try again shortly.
      setTimeout(() => listeners.size > 0 && startStream(), 2000);
    });
  };
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${event}`);
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event)!.add(listener);
    startStream();
    return () => listeners.get(event)?.delete(listener);
  };
  return api as LanternApi;
}

async function readEventStream(
  headers: Record<string, string>,
  onEvent: (event: string, payload: unknown) => void,
) {
  try {
    const res = await fetch('/api/events', { headers });
    if (!res.ok || !res.body) return;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (event && data) onEvent(event, JSON.parse(data));
      }
    }
  } catch {
    /* connection lost; the caller reconnects */
  }
}
