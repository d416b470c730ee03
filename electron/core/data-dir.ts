/**
 * Where Lantern keeps its data. Electron passes `app.getPath('userData')`; web mode and the CLI
 * use the same folder the desktop app would (the platform's app-data folder). LANTERN_DATA_DIR
 * overrides both.
 */
import os from 'node:os';
import path from 'node:path';

export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  electronUserData?: string,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.LANTERN_DATA_DIR) return path.resolve(env.LANTERN_DATA_DIR);
  if (electronUserData) return electronUserData;
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Lantern');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Lantern');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Lantern');
}
