import { createContext, useContext } from 'react';
import type { AppInfo, LanternApi, Settings, SettingsPatch } from '../../shared/api/contract.ts';

export interface AppContextValue {
  api: LanternApi;
  info: AppInfo;
  settings: Settings;
  /** Saves a change to the current learner's settings and applies it (language, theme) at once. */
  updateSettings(patch: SettingsPatch): Promise<Settings>;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside <AppContext>');
  return value;
}
