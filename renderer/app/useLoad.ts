import { useCallback, useEffect, useState } from 'react';

/** Loads a page's data on mount: the value or the error, and `reload` (after an import, a retry). */
export function useLoad<T>(load: () => Promise<T>) {
  const [state, setState] = useState<{ value?: T; error?: Error }>({});
  const [version, setVersion] = useState(0);
  const [loader] = useState(() => load);
  useEffect(() => {
    let live = true;
    loader().then(
      (value) => live && setState({ value }),
      (error: unknown) => live && setState({ error: error as Error }),
    );
    return () => {
      live = false;
    };
  }, [loader, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
