/** The notice the hint panel shows says why the learner did not get a tutor model hint. */
import { expect, test } from 'vitest';
import { noticeKey } from '../../../renderer/components/tutor/notice.ts';

test('a model hint has no notice, and neither has a cancelled request', () => {
  expect(noticeKey({ kind: 'model' })).toBeUndefined();
  expect(noticeKey({ kind: 'authored', reason: 'cancelled' })).toBeUndefined();
});

test('each fallback reason gets its own notice', () => {
  expect(noticeKey({ kind: 'computed', reason: 'no-key', errorKind: 'no-key' })).toBe('noKey');
  expect(noticeKey({ kind: 'authored', reason: 'budget', errorKind: 'budget' })).toBe('budget');
  expect(noticeKey({ kind: 'authored', reason: 'offline', errorKind: 'offline' })).toBe('offline');
  expect(noticeKey({ kind: 'authored', reason: 'leak' })).toBe('leak');
});

test('API errors say whether the key, the request or the service is at fault', () => {
  expect(noticeKey({ kind: 'computed', reason: 'error', errorKind: 'key-refused' })).toBe('keyRefused');
  expect(noticeKey({ kind: 'computed', reason: 'error', errorKind: 'bad-request' })).toBe('badRequest');
  for (const busy of ['rate-limited', 'overloaded', 'api-error', 'timeout'])
    expect(noticeKey({ kind: 'computed', reason: 'error', errorKind: busy })).toBe('busy');
  expect(noticeKey({ kind: 'computed', reason: 'error', errorKind: 'refused' })).toBe('refused');
  expect(noticeKey({ kind: 'computed', reason: 'error' })).toBe('unavailable');
});
