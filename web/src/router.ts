import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

/** Goes to a page of the app (a path, with a query string or not) without reloading it. */
export function navigate(path: string, { replace = false } = {}): void {
  if (path === location.pathname + location.search) return;
  const samePage = path.split('?')[0] === location.pathname;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  notify();
  if (!samePage) window.scrollTo(0, 0);
}

function useLocationPart(read: () => string): string {
  const [value, setValue] = useState(read);
  useEffect(() => {
    const update = () => setValue(read());
    listeners.add(update);
    window.addEventListener('popstate', update);
    // A page may have navigated in its own first effects, which run before this one.
    update();
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return value;
}

/** The current path, updated on navigation and on the browser's back and forward buttons. */
export function usePath(): string {
  return useLocationPart(() => location.pathname);
}

/** The current query string's parameters, updated on navigation. */
export function useQuery(): URLSearchParams {
  return new URLSearchParams(useLocationPart(() => location.search));
}

/** A parameter of the current query string ("" when absent), updated on navigation. */
export function useQueryParam(name: string): string {
  return useQuery().get(name) ?? '';
}

/** A link that navigates inside the app (a new tab or window still works as usual). */
export function onLinkClick(event: MouseEvent, path: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(path);
}
