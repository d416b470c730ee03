import type { Migration } from './types.ts';

/**
 * Whether the learner chose their profile's name (issue 16). The first profile is made on first
 * use and was named then from the machine's locale, "Learner" or "学习者", so a person using the
 * other language was called by a word of a language they do not read. A name nobody chose now
 * follows the language it is shown in (decision 0055); the word stored stays, for the name's
 * uniqueness and an older Lantern, but is not shown.
 *
 * An existing profile called exactly "Learner" or "学习者" is taken as one the app named: the app
 * gave that name, and a person who typed the word for "learner" themselves is shown the same word
 * in their language. When both exist, each keeps its name as chosen, so that two learners never
 * read the same.
 */
export const migration: Migration = {
  version: 11,
  name: 'learner-name-chosen',
  up: `
    ALTER TABLE profile ADD COLUMN name_chosen INTEGER NOT NULL DEFAULT 1;
    UPDATE profile SET name_chosen = 0
      WHERE name IN ('Learner', '学习者')
        AND (SELECT count(*) FROM profile WHERE name IN ('Learner', '学习者')) = 1;
  `,
};
