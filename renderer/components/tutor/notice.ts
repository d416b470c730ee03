/**
 * Which notice the hint panel shows for a hint that did not come from the tutor model. The
 * backend's own notice is English; the panel says the same in the learner's language.
 */
import type { TutorHint } from '../../../shared/api/calls/tutor.ts';

export type NoticeKey =
  'noKey' | 'keyRefused' | 'budget' | 'offline' | 'busy' | 'badRequest' | 'leak' | 'refused' | 'unavailable';

export function noticeKey(hint: Pick<TutorHint, 'kind' | 'reason' | 'errorKind'>): NoticeKey | undefined {
  if (hint.kind === 'model' || !hint.reason || hint.reason === 'cancelled') return undefined;
  if (hint.reason === 'leak') return 'leak';
  if (hint.reason === 'no-key') return 'noKey';
  if (hint.reason === 'budget') return 'budget';
  if (hint.reason === 'offline') return 'offline';
  switch (hint.errorKind) {
    case 'key-refused':
      return 'keyRefused';
    case 'rate-limited':
    case 'overloaded':
    case 'api-error':
    case 'timeout':
      return 'busy';
    case 'bad-request':
      return 'badRequest';
    case 'refused':
      return 'refused';
    default:
      return 'unavailable';
  }
}
