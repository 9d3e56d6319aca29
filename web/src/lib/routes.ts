/** Path patterns of the app's pages: "/catalog/albums/:id" matches "/catalog/albums/42" with {id: "42"}. */
export type RouteParams = Record<string, string>;

export function matchPath(pattern: string, path: string): RouteParams | null {
  const want = segments(pattern);
  const have = segments(path);
  if (want.length !== have.length) return null;
  const params: RouteParams = {};
  for (const [i, part] of want.entries()) {
    const actual = have[i]!;
    if (part.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(actual);
      } catch {
        return null;
      }
      if (!value) return null;
      params[part.slice(1)] = value;
    } else if (part !== actual) {
      return null;
    }
  }
  return params;
}

/** Whether `path` is `section` or a page under it ("/catalog/search" is in "/catalog"). */
export function inSection(section: string, path: string): boolean {
  const base = section.replace(/\/+$/, '');
  return path === base || path.startsWith(`${base}/`);
}

/** A path with its query ("/catalog/search", {q: "blue"} → "/catalog/search?q=blue"); empty values are left out. */
export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Where to go after signing in: a page of this app only, never another site. `next` is parsed as
 * the browser will follow it (URL parsing drops tabs and newlines and reads a backslash as "/", so
 * "/\t/evil.example" is another host), and kept only when it stays on `origin`.
 */
export function safeNextPath(next: string | null | undefined, origin: string, fallback = '/catalog'): string {
  if (!next) return fallback;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin || /^\/(signin|register)(\/|$)/.test(url.pathname)) return fallback;
  return url.pathname + url.search + url.hash;
}

function segments(path: string): string[] {
  return path.split('?')[0]!.split('/').filter(Boolean);
}
