/** The app itself: information, settings, external links. */
import { DEFAULT_SETTINGS, Settings, type AppInfo } from '../../../shared/api/contract.ts';
import type { appCalls } from '../../../shared/api/calls/app.ts';
import type { HandlersFor } from '../../../shared/api/dispatch.ts';
import type { SettingsStore } from '../store/settings.ts';
import type { Logger } from '../logger.ts';

export interface AppDeps {
  settings: SettingsStore;
  info: () => AppInfo;
  log: Logger;
  openExternal?: (url: string) => Promise<boolean>;
}

const SETTINGS_KEY = 'app.settings';

export function readSettings(store: SettingsStore): Settings {
  // Stored settings from an older version may lack new fields or hold values no longer valid:
  // start from the defaults and keep each stored field that still passes the schema.
  const stored = store.get<Record<string, unknown>>(SETTINGS_KEY) ?? {};
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(stored)) {
    const field = Settings.shape[key as keyof Settings];
    if (field?.safeParse(value).success) merged[key] = value;
  }
  return Settings.parse(merged);
}

export function appHandlers(deps: AppDeps): HandlersFor<typeof appCalls> {
  return {
    getAppInfo: () => deps.info(),
    getSettings: () => readSettings(deps.settings),
    updateSettings: (patch, ctx) => {
      const next = Settings.parse({ ...readSettings(deps.settings), ...patch });
      deps.settings.set(SETTINGS_KEY, next);
      deps.log.info({ changed: Object.keys(patch) }, 'settings updated');
      ctx.emit('settingsChanged', next);
      return next;
    },
    openExternal: async ({ url }) => ({ opened: deps.openExternal ? await deps.openExternal(url) : false }),
  };
}
