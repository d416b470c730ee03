/**
 * Learner profiles: list, create, switch, rename, delete. Every change of the current learner is
 * pushed as `profileChanged`, so each page reloads that learner's data.
 */
import type { HandlersFor } from '../../../shared/api/dispatch.ts';
import type { profileCalls, ProfileList } from '../../../shared/api/calls/profiles.ts';
import type { Profiles } from '../learner/profiles.ts';
import type { Logger } from '../logger.ts';

export interface ProfileDeps {
  profiles: Profiles;
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
      if (profiles.current()?.id !== before) ctx.emit('profileChanged', { profile: created });
      return created;
    },
    switchProfile: ({ id }, ctx) => {
      const profile = profiles.switchTo(id);
      deps.log.info({ profile: id }, 'profile switched');
      ctx.emit('profileChanged', { profile });
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
      if (wasCurrent) ctx.emit('profileChanged', { profile: current() });
      return list();
    },
  };
}
