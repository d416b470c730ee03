/** The app itself: information, settings, external links. */
import { z } from 'zod';
import { call } from '../define.ts';

const empty = z.object({}).strict();

export const Locale = z.enum(['en', 'zh']);
export type Locale = z.infer<typeof Locale>;

/**
 * How the lesson page is divided, as the percentage the first pane takes of its group: the prose
 * beside the work, the editor above the console and results (decision 0047).
 */
export const LessonLayout = z.object({
  prose: z.number().min(5).max(95),
  editor: z.number().min(5).max(95),
});
export type LessonLayout = z.infer<typeof LessonLayout>;

/** The learner's own settings: each learner on a machine has theirs (migration 0010). */
export const Settings = z.object({
  /** 'system' follows the OS language. */
  language: z.enum(['system', 'en', 'zh']),
  /** 'system' follows the OS colour scheme. */
  theme: z.enum(['system', 'light', 'dark']),
  /** Editor font size in px. */
  editorFontSize: z.number().int().min(10).max(32),
  lessonLayout: LessonLayout,
});
export type Settings = z.infer<typeof Settings>;

/**
 * A change to some of the settings. The layout changes one split at a time (each separator saves
 * its own), so a change to one never carries a stale value of the other.
 */
export const SettingsPatch = Settings.extend({ lessonLayout: LessonLayout.partial().strict() })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'system',
  theme: 'system',
  editorFontSize: 14,
  lessonLayout: { prose: 38, editor: 50 },
};

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
  /**
   * Things the person should be told once, as codes the page words (`notice.<code>`):
   * database-moved-aside: an unreadable database was moved from `from` to `to`.
   */
  notices: z.array(
    z.object({
      code: z.enum(['database-moved-aside']),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appCalls = {
  getAppInfo: call(empty, AppInfo),
  /** The current learner's settings. */
  getSettings: call(empty, Settings),
  /** Changes the current learner's settings; pushed to every window as `settingsChanged`. */
  updateSettings: call(SettingsPatch, Settings),
  /** Opens an http(s) link in the system browser (desktop) after checks; web mode answers false. */
  openExternal: call(
    z.object({ url: z.url({ protocol: /^https?$/ }) }).strict(),
    z.object({ opened: z.boolean() }),
  ),
} as const;
