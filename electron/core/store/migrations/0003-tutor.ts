import type { Migration } from './types.ts';

/**
 * Every call Lantern makes to a Claude model, with its token usage and cost, so Settings can show
 * spend per day and month, the budget can stop calls, and the cache hit rate can be reported.
 */
export const migration: Migration = {
  version: 3,
  name: 'tutor',
  up: `
    CREATE TABLE model_call (
      id                  INTEGER PRIMARY KEY,
      at                  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      provider            TEXT NOT NULL,
      model               TEXT NOT NULL,
      purpose             TEXT NOT NULL,
      input_tokens        INTEGER NOT NULL DEFAULT 0,
      output_tokens       INTEGER NOT NULL DEFAULT 0,
      cache_write_tokens  INTEGER NOT NULL DEFAULT 0,
      cache_read_tokens   INTEGER NOT NULL DEFAULT 0,
      latency_ms          INTEGER NOT NULL,
      outcome             TEXT NOT NULL,
      cost_usd            REAL NOT NULL DEFAULT 0
    );
    CREATE INDEX model_call_at ON model_call (at);
  `,
};
