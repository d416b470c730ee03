/** Learner profiles on one machine: who is learning, and switching between them. */
import { z } from 'zod';
import { call } from '../define.ts';
import { LearnerName } from '../learner-name.ts';

const empty = z.object({}).strict();

/**
 * Why a profile action was refused: the code a ProfileError carries, worded by the page's
 * catalogs (`profiles.errors.<code>`; a name problem by `profiles.nameProblem.<problem>`).
 */
export const PROFILE_REFUSALS = [
  'profile-missing',
  'profile-name-empty',
  'profile-name-problem',
  'profile-name-taken',
] as const;
export type ProfileRefusal = (typeof PROFILE_REFUSALS)[number];
const profileId = z.number().int().positive();
const profileName = LearnerName;

export const LearnerProfile = z.object({
  id: z.number().int(),
  /**
   * The name the learner chose; null for the learner no one has named (made on first use), whom
   * the page calls `profiles.defaultName` in the interface's language (decision 0055).
   */
  name: z.string().nullable(),
  createdAt: z.string(),
  /** When the placement check was applied (epoch ms), if it was. */
  placedAt: z.number().nullable(),
});
export type LearnerProfile = z.infer<typeof LearnerProfile>;

export const ProfileList = z.object({
  profiles: z.array(LearnerProfile),
  currentId: z.number().int(),
});
export type ProfileList = z.infer<typeof ProfileList>;

export const profileCalls = {
  listProfiles: call(empty, ProfileList),
  /** The learner whose records the app shows and writes (one is made on first use). */
  currentProfile: call(empty, LearnerProfile),
  /** Creates a profile; `switchTo` makes it the current one at once. */
  createProfile: call(
    z.object({ name: profileName, switchTo: z.boolean().optional() }).strict(),
    LearnerProfile,
  ),
  switchProfile: call(z.object({ id: profileId }).strict(), LearnerProfile),
  renameProfile: call(z.object({ id: profileId, name: profileName }).strict(), LearnerProfile),
  /** Deletes the profile and every record of it; answers the list as it is afterwards. */
  deleteProfile: call(z.object({ id: profileId }).strict(), ProfileList),
} as const;
