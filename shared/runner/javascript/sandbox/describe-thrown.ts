/**
 * Turns whatever a test or program threw into a ThrownValue, defensively: the value comes from
 * untrusted code and may be a Proxy, have throwing getters or lie about its name. Runs INSIDE
 * QuickJS.
 */
import { inspect, stringify } from '@vitest/utils/display';
import type { ThrownValue } from './host.ts';

const TEXT_LIMIT = 4000;

export function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

export function text(value: unknown): string {
  const s = safe(() => (typeof value === 'string' ? value : String(value)), '(unprintable value)');
  return s.length > TEXT_LIMIT ? `${s.slice(0, TEXT_LIMIT)}…` : s;
}

export function printed(value: unknown): string {
  return text(safe(() => stringify(value, 6, { maxLength: TEXT_LIMIT }), '(unprintable value)'));
}

/** A value on one line, as Jest's messages quote it (`'hi'`, `[ 1, 2 ]`), for a sentence. */
export function brief(value: unknown): string {
  return text(safe(() => inspect(value, { truncate: TEXT_LIMIT }), '(unprintable value)'));
}

/** `isAssertion` tells the assertion library's own failures from other errors (check mode). */
export function describeThrown(
  value: unknown,
  isAssertion: (value: object) => boolean = () => false,
): ThrownValue {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) {
    return {
      name: 'Error',
      message: `${printed(value)} was thrown (not an Error object)`,
      stack: '',
      assertion: false,
    };
  }
  const assertion = safe(() => isAssertion(value), false);
  const record = value as Record<string, unknown>;
  // A thrown object with no name of its own (`throw { message }`) is not `undefined: …`.
  const name = safe(() => record.name, undefined);
  const result: ThrownValue = {
    name: (typeof name === 'string' && text(name)) || 'Error',
    message: text(safe(() => record.message, '')),
    stack: text(safe(() => record.stack, '')),
    assertion,
  };
  const showDiff = safe(() => record.showDiff !== false && 'expected' in record && 'actual' in record, false);
  if (assertion && showDiff) {
    result.expected = printed(safe(() => record.expected, undefined));
    result.actual = printed(safe(() => record.actual, undefined));
  }
  return result;
}
