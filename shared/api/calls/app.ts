/** The app itself: information, settings, external links. */
import { z } from 'zod';
import { call } from '../define.ts';

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

export const appCalls = {
  getAppInfo: call(empty, AppInfo),
  getSettings: call(empty, Settings),
  updateSettings: call(Settings.partial().strict(), Settings),
  /** Opens an http(s) link in the system browser (desktop) after checks; web mode answers false. */
  openExternal: call(
    z.object({ url: z.url({ protocol: /^https?$/ }) }).strict(),
    z.object({ opened: z.boolean() }),
  ),
} as const;
