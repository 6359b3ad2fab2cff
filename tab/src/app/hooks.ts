import { useCallback, useEffect, useRef, useState } from 'react';
import { routeFromHash } from './opening';

/** The part of the address after `#`, e.g. `/jobs/WL-26-000123`; the tab's routes live there so deep links work in Teams. */
export function useHashRoute(): [string, (route: string) => void] {
  const read = () => routeFromHash(window.location.hash);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, useCallback((next: string) => { window.location.hash = next; }, [])];
}

export interface Loaded<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs a load when its inputs change; keeps the last data while reloading. `ready` may give the
 * first data at once (an answer already on the page): then the first load is not run.
 */
export function useLoad<T>(load: () => Promise<T>, inputs: readonly unknown[], ready?: () => T | undefined): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>(() => {
    const data = ready?.();
    return data === undefined ? { loading: true } : { data, loading: false };
  });
  const [tick, setTick] = useState(0);
  const skipFirst = useRef(!state.loading);
  useEffect(() => {
    if (skipFirst.current) {
      skipFirst.current = false;
      return undefined;
    }
    let live = true;
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    load().then((data) => live && setState({ data, loading: false }), (error: Error) => live && setState((s) => ({ ...s, error, loading: false })));
    return () => { live = false; };
  }, [...inputs, tick]);
  return { ...state, reload: useCallback(() => setTick((t) => t + 1), []) };
}

/** Online or not, as the browser sees it. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => { window.removeEventListener('online', up); window.removeEventListener('offline', down); };
  }, []);
  return online;
}
