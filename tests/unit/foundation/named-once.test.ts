/**
 * Issue 16 point 5: each shared notion is named once. The tutor's secret names were written in the
 * API contract (shared/api/calls/tutor.ts SECRET_NAMES), again in the backend's secret store and a
 * third time as the fields of TutorSecrets, so a name added to one list only was not caught. The
 * backend now takes them from the contract.
 */
import { describe, expect, test } from 'vitest';
import { SECRET_NAMES } from '../../../shared/api/calls/tutor.ts';
import * as secretStore from '../../../electron/core/tutor/secret-store.ts';

describe('one name for one notion', () => {
  test('the backend’s secret store keeps no list of secret names of its own', () => {
    const lists = Object.entries(secretStore).filter(([, value]) => Array.isArray(value));
    expect(lists).toEqual([]);
  });

  test('every secret with an environment variable is one the contract names', () => {
    const names: readonly string[] = SECRET_NAMES;
    for (const key of Object.keys(secretStore.SECRET_ENV)) expect(names).toContain(key);
  });
});
