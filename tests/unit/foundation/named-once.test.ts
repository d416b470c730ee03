/**
 * Issue 16 point 5: each shared notion is named once. The tutor's secret names are written twice,
 * in the API contract (shared/api/calls/tutor.ts SECRET_NAMES, which the page uses) and in the
 * backend (electron/core/tutor/secret-store.ts SECRET_KEYS, which the store, the log's redaction
 * and the handlers use); a name added to one list only is not caught by the type checker.
 */
import { describe, expect, test } from 'vitest';
import { SECRET_NAMES } from '../../../shared/api/calls/tutor.ts';
import { SECRET_KEYS } from '../../../electron/core/tutor/secret-store.ts';

describe('one name for one notion', () => {
  test('the two secret lists hold the same names today', () => {
    expect([...SECRET_KEYS].sort()).toEqual([...SECRET_NAMES].sort());
  });

  // Should hold once the backend takes its list from the contract (one list, one place).
  test.fails('the backend’s secret list is the contract’s list, not a copy', () => {
    expect(SECRET_KEYS).toBe(SECRET_NAMES);
  });
});
