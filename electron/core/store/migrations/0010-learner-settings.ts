import type { Migration } from './types.ts';

/**
 * Language, theme and editor font size belong to the learner, not the machine (issue 13): each
 * profile keeps its own settings, as JSON in the shape of the API's `Settings` (a field missing
 * or no longer valid reads as its default). Every learner of an existing install starts from the
 * machine's settings as they were. The machine's copy, `app.settings`, stays: a learner made when
 * there is no other to start from (the last one was deleted) takes it.
 */
export const migration: Migration = {
  version: 10,
  name: 'learner-settings',
  up: `
    ALTER TABLE profile ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
    UPDATE profile SET settings = coalesce(
      (SELECT value FROM setting
       WHERE key = 'app.settings' AND CASE WHEN json_valid(value) THEN json_type(value) END = 'object'),
      '{}');
  `,
};
