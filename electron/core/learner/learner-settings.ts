/**
 * Each learner's own settings — language, theme, editor font size, the lesson's pane sizes —
 * kept with their profile (migration 0010), so a shared classroom computer shows every learner
 * the app as they left it. The machine keeps a copy of the last settings anyone set
 * (`app.settings`): a learner made when there is no current learner to start from takes it.
 */
import type { z } from 'zod';
import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from '../../../shared/api/calls/app.ts';
import type { Db } from '../store/database.ts';
import type { SettingsStore } from '../store/settings.ts';

/** The machine's copy: the settings last set on this machine. */
export const MACHINE_SETTINGS = 'app.settings';

/**
 * Settings from what was stored, which an older version may have written without a newer field
 * or with a value no longer valid: the defaults, with each stored field that still passes.
 */
export function settingsFrom(stored: unknown): Settings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (stored && typeof stored === 'object' && !Array.isArray(stored))
    for (const [key, value] of Object.entries(stored)) {
      if (!Object.hasOwn(Settings.shape, key)) continue;
      const field = (Settings.shape as Record<string, z.ZodType>)[key]!;
      if (field.safeParse(value).success) merged[key] = value;
    }
  return Settings.parse(merged);
}

function parsed(json: string | undefined): unknown {
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

export class LearnerSettings {
  private readonly db: Db;
  private readonly machine: SettingsStore;

  constructor(db: Db, machine: SettingsStore) {
    this.db = db;
    this.machine = machine;
  }

  /** The learner's settings (the defaults for a learner that does not exist). */
  of(profileId: number): Settings {
    const json = this.db.prepare('SELECT settings FROM profile WHERE id = ?').pluck().get(profileId) as
      string | undefined;
    return settingsFrom(parsed(json));
  }

  /** Changes the learner's settings; the machine keeps them as the last ones set. */
  update(profileId: number, patch: SettingsPatch): Settings {
    return this.db.transaction(() => {
      const now = this.of(profileId);
      const next = Settings.parse({
        ...now,
        ...patch,
        lessonLayout: { ...now.lessonLayout, ...patch.lessonLayout },
      });
      this.db.prepare('UPDATE profile SET settings = ? WHERE id = ?').run(JSON.stringify(next), profileId);
      this.machine.set(MACHINE_SETTINGS, next);
      return next;
    })();
  }
}
