/** Every migration, in order. Add a new file `NNNN-name.ts` and list it here. */
import type { Migration } from './types.ts';
import { migration as m0001 } from './0001-profile-setting.ts';
import { migration as m0002 } from './0002-progress.ts';
import { migration as m0003 } from './0003-tutor.ts';
import { migration as m0004 } from './0004-practice.ts';
import { migration as m0005 } from './0005-practice-checks.ts';
import { migration as m0006 } from './0006-learner-lifetime.ts';
import { migration as m0007 } from './0007-learner-ability.ts';
import { migration as m0008 } from './0008-class-enrolment.ts';
import { migration as m0009 } from './0009-placement-evidence.ts';
import { migration as m0010 } from './0010-learner-settings.ts';
import { migration as m0011 } from './0011-learner-name-chosen.ts';

export const MIGRATIONS: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
];
