/**
 * Learner profiles: list, create, switch, rename, delete. Every change of the current learner is
 * pushed as `settingsChanged` with that learner's settings, so the page takes their language,
 * theme and layout at once, then as `profileChanged`, so each page reloads their data.
 */
import type { CallContext, HandlersFor } from '../../../shared/api/dispatch.ts';
import type { LearnerProfile, profileCalls, ProfileList } from '../../../shared/api/calls/profiles.ts';
import type { Profiles } from '../learner/profiles.ts';
import type { LearnerSettings } from '../learner/learner-settings.ts';
import type { Logger } from '../logger.ts';

export interface ProfileDeps {
  profiles: Profiles;
  learnerSettings: LearnerSettings;
  /** The current profile's id (one is made on first use). */
  profileId: () => number;
  log: Logger;
}

export function profileHandlers(deps: ProfileDeps): HandlersFor<typeof profileCalls> {
  const { profiles } = deps;
  const current = () => {
    const id = deps.profileId();
    const profile = profiles.get(id);
    if (!profile) throw new Error(`The current learner profile (id ${id}) could not be read.`);
    return profile;
  };
  const changed = (ctx: CallContext, profile: LearnerProfile) => {
    ctx.emit('settingsChanged', deps.learnerSettings.of(profile.id));
    ctx.emit('profileChanged', { profile });
  };
  const list = (): ProfileList => {
    const currentId = deps.profileId();
    return { profiles: profiles.list(), currentId };
  };

  return {
    listProfiles: () => list(),
    currentProfile: () => current(),
    createProfile: ({ name, switchTo }, ctx) => {
      // Not profileId(): that would make a default learner just before this one.
      const before = profiles.current()?.id;
      const created = profiles.create(name);
      deps.log.info({ profile: created.id }, 'profile created');
      if (switchTo) profiles.switchTo(created.id);
      // The very first profile becomes current by itself.
      if (profiles.current()?.id !== before) changed(ctx, created);
      return created;
    },
    switchProfile: ({ id }, ctx) => {
      const profile = profiles.switchTo(id);
      deps.log.info({ profile: id }, 'profile switched');
      changed(ctx, profile);
      return profile;
    },
    renameProfile: ({ id, name }, ctx) => {
      const profile = profiles.rename(id, name);
      if (id === deps.profileId()) ctx.emit('profileChanged', { profile });
      return profile;
    },
    deleteProfile: ({ id }, ctx) => {
      const wasCurrent = id === deps.profileId();
      profiles.delete(id);
      deps.log.info({ profile: id }, 'profile deleted');
      // Deleting the last learner leaves none; the next call makes a fresh default one.
      if (wasCurrent) changed(ctx, current());
      return list();
    },
  };
}
