/** Hash routes (`#/learn`, `#/settings`): they work the same under app:// and in web mode. */
import { useEffect, useState } from 'react';

export const ROUTES = ['learn', 'practice', 'progress', 'teacher', 'settings', 'about'] as const;
export type Route = (typeof ROUTES)[number];

export interface Location {
  route: Route;
  /** Path segments after the route, e.g. ['python', 'hello-world'] for #/learn/python/hello-world. */
  params: string[];
}

export function parseHash(hash: string): Location {
  const [first, ...rest] = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const route = (ROUTES as readonly string[]).includes(first ?? '') ? (first as Route) : 'learn';
  return { route, params: route === first ? rest : [] };
}

export function href(route: Route, ...params: string[]): string {
  return `#/${[route, ...params.map(encodeURIComponent)].join('/')}`;
}

export function useLocation(): Location {
  const [loc, setLoc] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setLoc(parseHash(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return loc;
}
