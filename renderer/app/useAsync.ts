import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Loads something for a page: its value or error, and `reload`. `key` names what is loaded
 * (e.g. the lesson id): a new key loads again, and the old value is not shown meanwhile.
 */
export function useAsync<T>(load: () => Promise<T>, key: string) {
  const [state, setState] = useState<{ key: string | null; value?: T; error?: Error }>({ key: null });
  const [version, setVersion] = useState(0);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });
  useEffect(() => {
    let live = true;
    loader.current().then(
      (value) => live && setState({ key, value }),
      (error: unknown) => live && setState({ key, error: error as Error }),
    );
    return () => {
      live = false;
    };
  }, [key, version]);
  const current = state.key === key;
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return {
    value: current ? state.value : undefined,
    error: current ? state.error : undefined,
    loading: !current,
    reload,
  };
}
