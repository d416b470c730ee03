/** The app itself: information, the current learner's settings, external links. */
import type { AppInfo } from '../../../shared/api/contract.ts';
import type { appCalls } from '../../../shared/api/calls/app.ts';
import type { HandlersFor } from '../../../shared/api/dispatch.ts';
import type { LearnerSettings } from '../learner/learner-settings.ts';
import type { Logger } from '../logger.ts';

export interface AppDeps {
  learnerSettings: LearnerSettings;
  /** The current profile's id (one is made on first use). */
  profileId: () => number;
  info: () => AppInfo;
  log: Logger;
  openExternal?: (url: string) => Promise<boolean>;
}

export function appHandlers(deps: AppDeps): HandlersFor<typeof appCalls> {
  return {
    getAppInfo: () => deps.info(),
    getSettings: () => deps.learnerSettings.of(deps.profileId()),
    updateSettings: (patch, ctx) => {
      const profile = deps.profileId();
      const next = deps.learnerSettings.update(profile, patch);
      deps.log.info({ profile, changed: Object.keys(patch) }, 'settings updated');
      ctx.emit('settingsChanged', next);
      return next;
    },
    openExternal: async ({ url }) => ({ opened: deps.openExternal ? await deps.openExternal(url) : false }),
  };
}
