import type { Migration } from './types.ts';

/** Profiles (learners on this machine) and key/value settings. */
export const migration: Migration = {
  version: 1,
  name: 'profile-setting',
  up: `
    CREATE TABLE profile (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL UNIQUE,
      created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
    CREATE TABLE setting (
      key         TEXT PRIMARY KEY,
      value       TEXT NOT NULL,
      updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
  `,
};
