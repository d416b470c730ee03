/**
 * The one API contract between the UI and the backend. Each call has a name, an input schema
 * and an output schema; each pushed event has a payload schema. Electron binds the handler map
 * to IPC, web mode binds the very same map to loopback HTTP, and the renderer gets one client
 * that works over either. Adding a call means adding it here and writing one handler.
 */
import { z } from 'zod';

const empty = z.object({}).strict();

export const Locale = z.enum(['en', 'zh']);
export type Locale = z.infer<typeof Locale>;

export const Settings = z.object({
  /** 'system' follows the OS language. */
  language: z.enum(['system', 'en', 'zh']),
  /** 'system' follows the OS colour scheme. */
  theme: z.enum(['system', 'light', 'dark']),
  /** Editor font size in px. */
  editorFontSize: z.number().int().min(10).max(32),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { language: 'system', theme: 'system', editorFontSize: 14 };

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** How this copy runs: the desktop app or web mode in a browser. */
  mode: z.enum(['electron', 'web']),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number().int(),
  /** The OS language, for language 'system'. */
  systemLocale: z.string(),
  platform: z.string(),
  versions: z.record(z.string(), z.string()),
  /** Things the person should be told once, e.g. an unreadable database that was moved aside. */
  notices: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type AppInfo = z.infer<typeof AppInfo>;

function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const calls = {
  getAppInfo: call(empty, AppInfo),
  getSettings: call(empty, Settings),
  updateSettings: call(Settings.partial().strict(), Settings),
  /** Opens an http(s) link in the system browser (desktop) after checks; web mode answers false. */
  openExternal: call(
    z.object({ url: z.url({ protocol: /^https?$/ }) }).strict(),
    z.object({ opened: z.boolean() }),
  ),
} as const;

export const events = {
  /** Text of a hint as it streams in. */
  hintDelta: z.object({ requestId: z.string(), text: z.string() }),
  /** A background job (e.g. a prefetched practice problem) finished. */
  jobDone: z.object({ job: z.string(), ok: z.boolean(), detail: z.string().optional() }),
  /** Settings changed (from another window or the menu). */
  settingsChanged: Settings,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<K extends EventName> = z.output<(typeof events)[K]>;

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}

/** What a call answers on the wire, in both bindings. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export interface ApiErrorShape {
  /** bad-input: the payload failed the schema; unknown-call; forbidden; failed: the handler threw. */
  code: 'bad-input' | 'unknown-call' | 'forbidden' | 'failed';
  message: string;
  /** For bad-input: each problem with the field path, e.g. "theme". */
  issues?: { field: string; message: string }[];
}

/** The typed API object the renderer uses (window.lantern in Electron, HTTP in web mode). */
export type LanternApi = {
  [K in CallName]: (input: CallInput<K>) => Promise<CallOutput<K>>;
} & {
  on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void;
};

export class ApiError extends Error {
  readonly code: ApiErrorShape['code'];
  readonly issues: ApiErrorShape['issues'];
  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.issues = shape.issues;
  }
}
