/**
 * A numbered schema change. Never edit one that has shipped: add the next number instead.
 * `up` is SQL run inside one transaction together with the version bump.
 */
export interface Migration {
  version: number;
  name: string;
  up: string;
}
