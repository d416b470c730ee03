import { afterEach, describe, expect, test } from 'vitest';
import { PracticeService } from '../../../electron/core/practice/index.ts';
import { BUILTIN_TEMPLATES, catalogOf, markerRunner, smallTrack, tempDb } from './helpers.ts';

let cleanup = () => {};
afterEach(() => cleanup());

function service(extra: { prefetch?: boolean } = {}) {
  const t = tempDb();
  cleanup = t.cleanup;
  let seed = 100;
  return new PracticeService({
    db: t.db,
    catalog: catalogOf(smallTrack('python'), smallTrack('javascript')),
    run: markerRunner().run,
    templates: BUILTIN_TEMPLATES,
    seed: () => seed++,
    ...extra,
  });
}

describe('practice service without a model', () => {
  test('the first request is made on demand from a template', async () => {
    const practice = service({ prefetch: false });
    const problem = await practice.next({ track: 'python', concepts: ['recursion'], locale: 'en' });
    expect(problem).toMatchObject({ source: 'template', concept: 'recursion', fromReady: false });
    expect(problem.exercise.concepts).toEqual(['recursion']);
  });

  test('after a prefetch the next problem is served from a ready one', async () => {
    const practice = service();
    await practice.prefetch({ track: 'javascript', concepts: ['async', 'closures'], locale: 'zh' });
    const problem = await practice.next({ track: 'javascript', concepts: ['closures'], locale: 'zh' });
    expect(problem.fromReady).toBe(true);
    expect(practice.stats()).toMatchObject({ requests: 1, servedFromReady: 1 });
  });

  test('serving refills the concept in the background', async () => {
    const practice = service();
    await practice.next({ track: 'python', concepts: ['loops'], locale: 'en' });
    await practice.idle();
    const second = await practice.next({ track: 'python', concepts: ['loops'], locale: 'en' });
    expect(second.fromReady).toBe(true);
    await practice.idle();
  });

  test('"More like this" gives another problem on the same concept', async () => {
    const practice = service({ prefetch: false });
    const first = await practice.next({ track: 'python', concepts: ['classes'], locale: 'en' });
    const more = await practice.moreLike(first.exercise, { track: 'python', locale: 'en' });
    expect(more.concept).toBe('classes');
    expect(more.exercise.id).not.toBe(first.exercise.id);
  });

  test('"More like this" serves a ready problem on the concept and refills it', async () => {
    const practice = service();
    await practice.prefetch({ track: 'python', concepts: ['classes'], locale: 'en' });
    const first = await practice.next({ track: 'python', concepts: ['classes'], locale: 'en' });
    await practice.idle();
    const more = await practice.moreLike(first.exercise, { track: 'python', locale: 'en' });
    expect(more).toMatchObject({ concept: 'classes', fromReady: true });
    expect(more.exercise.id).not.toBe(first.exercise.id);
    await practice.idle();
    const again = await practice.moreLike(more.exercise, { track: 'python', locale: 'en' });
    expect(again.fromReady).toBe(true);
    expect([first.exercise.id, more.exercise.id]).not.toContain(again.exercise.id);
    await practice.idle();
  });

  test('a concept the track does not have is refused with its name', async () => {
    const practice = service({ prefetch: false });
    await expect(practice.next({ track: 'python', concepts: ['monads'], locale: 'en' })).rejects.toThrow(
      /monads/,
    );
  });
});
