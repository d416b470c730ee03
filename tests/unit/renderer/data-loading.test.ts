/**
 * useData's rules, on its React-free core: what a page is shown for a key, which backend events
 * load again, and that a page gone or moved on hears nothing more.
 */
import { describe, expect, it } from 'vitest';
import { merge, shownFor, watchData, type RefetchOn, type Settled } from '../../../renderer/app/useData.ts';
import type { EventName, EventPayload } from '../../../shared/api/contract.ts';

/** The backend's event stream, as the page's API object exposes it. */
function fakeEvents() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => void set.delete(listener as (payload: unknown) => void);
    },
    emit(event: EventName, payload: unknown) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    listening: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}

/** A load whose answers the test hands out one at a time, in any order. */
function controlledLoad<T>() {
  const pending: { resolve: (v: T) => void; reject: (e: Error) => void }[] = [];
  return {
    load: () => new Promise<T>((resolve, reject) => pending.push({ resolve, reject })),
    pending,
  };
}

const settledFlush = () => new Promise((r) => setTimeout(r, 0));

function watch<T>(load: () => Promise<T>, refetchOn?: RefetchOn, key = 'lesson-1') {
  const events = fakeEvents();
  const seen: Settled<T>[] = [];
  const w = watchData<T>({ api: events, key, load, refetchOn: () => refetchOn, settle: (s) => seen.push(s) });
  return { events, seen, w };
}

describe('useData', () => {
  it('loads again when a named backend event arrives, and shows the new value', async () => {
    let n = 0;
    const { events, seen } = watch(async () => `dashboard ${++n}`, { profileChanged: true });
    await settledFlush();
    events.emit('profileChanged', { profile: { id: 2, name: 'Ana' } });
    await settledFlush();
    expect(seen.map((s) => s.value)).toEqual(['dashboard 1', 'dashboard 2']);
  });

  it('does not load again for an event it was not asked to follow', async () => {
    let n = 0;
    const { events, seen } = watch(async () => ++n, { profileChanged: true });
    await settledFlush();
    events.emit('jobDone', { job: 'practice:python:loops', ok: true });
    await settledFlush();
    expect(seen.map((s) => s.value)).toEqual([1]);
  });

  it("loads again only for the events whose payload the page's test accepts", async () => {
    let n = 0;
    const { events, seen } = watch(async () => ++n, {
      jobDone: ({ job }) => job.startsWith('practice:python:'),
    });
    await settledFlush();
    events.emit('jobDone', { job: 'practice:javascript:loops', ok: true });
    events.emit('jobDone', { job: 'practice:python:loops', ok: true });
    await settledFlush();
    expect(seen.map((s) => s.value)).toEqual([1, 2]);
  });

  it('shows nothing of another key while the new one loads', () => {
    const before: Settled<string> = { key: 'python/hello', value: 'Hello, world' };
    expect(shownFor(before, 'python/loops')).toEqual({ value: undefined, error: undefined, loading: true });
    expect(shownFor(before, 'python/hello')).toEqual({
      value: 'Hello, world',
      error: undefined,
      loading: false,
    });
  });

  it('shows the newest answer when an older load settles after it', async () => {
    const { load, pending } = controlledLoad<string>();
    const { seen, w } = watch(load);
    void w.reload();
    pending[1]!.resolve('new list');
    pending[0]!.resolve('old list');
    await settledFlush();
    expect(seen.map((s) => s.value)).toEqual(['new list']);
  });

  it('keeps the value shown when loading it again fails, and says why', () => {
    const shown = merge(
      { key: 'classes', value: ['Year 9'] },
      { key: 'classes', error: new Error('offline') },
    );
    expect(shown.value).toEqual(['Year 9']);
    expect(shown.error?.message).toBe('offline');
  });

  it('stops listening and drops a late answer once the page is gone', async () => {
    const { load, pending } = controlledLoad<string>();
    const { events, seen, w } = watch(load, { profileChanged: true, jobDone: true });
    expect(events.listening()).toBe(2);
    w.stop();
    expect(events.listening()).toBe(0);
    pending[0]!.resolve('too late');
    await settledFlush();
    expect(seen).toEqual([]);
  });

  it('settles a failed load as an error a page can word', async () => {
    const { seen } = watch(() => Promise.reject(new Error('Lesson not found')));
    await settledFlush();
    expect(seen).toEqual([{ key: 'lesson-1', error: new Error('Lesson not found') }]);
  });
});
