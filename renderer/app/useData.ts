/**
 * The one way the renderer loads what it shows from the backend: a key naming what is loaded,
 * its value or error, and the backend events that load it again. A page never shows the value
 * of another key (the previous lesson while the next one loads), nor an answer that arrives
 * after a newer one was asked for. Decision 0051 says why this is our own hook.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventName, EventPayload, LanternApi } from '../../shared/api/contract.ts';
import { useApp } from './context.ts';

/** Backend events that load the data again: `true`, or a test of the event's payload. */
export type RefetchOn = { [K in EventName]?: true | ((payload: EventPayload<K>) => boolean) };

export interface DataOptions {
  refetchOn?: RefetchOn;
  /**
   * A page's own signal that the data changed (an import, another tab of the same class): a new
   * revision loads again and, unlike a new key, keeps showing the value meanwhile.
   */
  revision?: string | number;
}

export interface Data<T> {
  /** The last value loaded for this key; kept while it loads again and when that fails. */
  value: T | undefined;
  /** Why the last load for this key failed. */
  error: Error | undefined;
  /** Nothing has settled for this key yet. */
  loading: boolean;
  /** Loads again; settles when that load has. */
  reload(): Promise<void>;
  /** Shows a value the backend answered another call with (the settings a save returned). */
  set(value: T): void;
}

/** What has settled, and for which key. */
export interface Settled<T> {
  key: string;
  value?: T;
  error?: Error;
}

/** A failed load keeps the value it would have replaced, so a page can go on showing it. */
export function merge<T>(before: Settled<T> | null, next: Settled<T>): Settled<T> {
  if (next.error && before?.key === next.key && before.value !== undefined) {
    return { key: next.key, value: before.value, error: next.error };
  }
  return next;
}

/** What a page may show for `key`: nothing that was loaded for another key. */
export function shownFor<T>(settled: Settled<T> | null, key: string | null) {
  const current = settled?.key === key;
  return {
    value: current ? settled.value : undefined,
    error: current ? settled.error : undefined,
    loading: !current,
  };
}

export interface Watch {
  reload(): Promise<void>;
  /** Unsubscribes from the events; a load still running is dropped when it settles. */
  stop(): void;
}

/**
 * Loads `key` now and again on each event `refetchOn` accepts, until stopped. Only the newest
 * load's answer is settled: an older one that arrives late is dropped.
 */
export function watchData<T>({
  api,
  key,
  load,
  refetchOn,
  settle,
}: {
  api: Pick<LanternApi, 'on'>;
  key: string;
  load: () => Promise<T>;
  /** Read at each event, so a page's newest test is the one asked. */
  refetchOn: () => RefetchOn | undefined;
  settle: (settled: Settled<T>) => void;
}): Watch {
  let live = true;
  let newest = 0;
  const reload = async () => {
    const asked = ++newest;
    let settled: Settled<T>;
    try {
      settled = { key, value: await load() };
    } catch (err) {
      settled = { key, error: err instanceof Error ? err : new Error(String(err)) };
    }
    if (live && asked === newest) settle(settled);
  };
  const offs = Object.keys(refetchOn() ?? {}).map((name) =>
    api.on(name as EventName, (payload: unknown) => {
      const accepts = refetchOn()?.[name as EventName] as true | ((p: unknown) => boolean) | undefined;
      if (accepts === true || (accepts && accepts(payload))) void reload();
    }),
  );
  void reload();
  return {
    reload,
    stop() {
      live = false;
      for (const off of offs) off();
    },
  };
}

/**
 * Loads what `key` names with `load`, again on `options.refetchOn`'s events and on a new
 * `options.revision`. A null key loads nothing (no track chosen yet).
 */
export function useData<T>(key: string | null, load: () => Promise<T>, options: DataOptions = {}): Data<T> {
  const { api } = useApp();
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  // The newest load function and event tests, so a page's inline ones do not start a new watch.
  const latest = useRef({ load, refetchOn: options.refetchOn });
  useEffect(() => {
    latest.current = { load, refetchOn: options.refetchOn };
  });
  const events = Object.keys(options.refetchOn ?? {})
    .sort()
    .join(' ');
  const watch = useRef<Watch | null>(null);
  useEffect(() => {
    if (key === null) return;
    const w = watchData<T>({
      api,
      key,
      load: () => latest.current.load(),
      refetchOn: () => (events ? latest.current.refetchOn : undefined),
      settle: (next) => setSettled((before) => merge(before, next)),
    });
    watch.current = w;
    return () => {
      w.stop();
      if (watch.current === w) watch.current = null;
    };
  }, [api, key, events, options.revision]);
  const reload = useCallback(() => watch.current?.reload() ?? Promise.resolve(), []);
  const set = useCallback(
    (value: T) => {
      if (key !== null) setSettled({ key, value });
    },
    [key],
  );
  return { ...shownFor(settled, key), reload, set };
}
