/**
 * A numbered schema change. Never edit one that has shipped: add the next number instead.
 * `up` is SQL run inside one transaction together with the version bump.
 */
export interface Migration {
  version: number;
  name: string;
  up: string;
  /**
   * Foreign key enforcement is turned off around this migration (SQLite allows that only outside
   * a transaction) and the keys are checked before it commits: a migration that rebuilds a parent
   * table would otherwise cascade its DROP into every child table.
   */
  foreignKeysOff?: boolean;
}
