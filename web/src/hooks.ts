import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api/client.js';

/** The value, once it has stopped changing for `delayMs`. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

export type Loadable<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; message: string };

/** Loads data when the dependencies change; a newer load replaces an older one still in flight. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, dependencies: unknown[]): Loadable<T> {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setResult((previous) => (previous.state === 'ready' ? previous : { state: 'loading' }));
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setResult({ state: 'ready', data }),
      (error: unknown) => !controller.signal.aborted && setResult({ state: 'failed', message: messageOf(error) }),
    );
    return () => controller.abort();
    // The caller names what the load depends on.
  }, dependencies);
  return result;
}

export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Please try again.';
}

/** Sets the tab's title ("Encore · …") while the page shows. */
export function useTitle(title: string | null): void {
  useEffect(() => {
    if (title) document.title = `Encore · ${title}`;
  }, [title]);
}

/** Runs an action, keeping its busy state and error sentence for the form that started it. */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (...args: A): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action(...args);
      return true;
    } catch (failure) {
      setError(messageOf(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, setError };
}

/** The width of an element, following it as the layout changes (charts draw in real pixels, so their text stays legible on phones). */
export function useWidth<T extends HTMLElement>(initial: number, shown: boolean) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(240, Math.round(element.clientWidth)));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown]);
  return { ref, width };
}
