/** Every migration, in order. Add a new file `NNNN-name.ts` and list it here. */
import type { Migration } from './types.ts';
import { migration as m0001 } from './0001-profile-setting.ts';

export const MIGRATIONS: readonly Migration[] = [m0001];
