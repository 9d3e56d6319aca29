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

/** Where to go after signing in: a path inside the app only (never another site). */
export function safeNextPath(next: string | null | undefined, fallback = '/catalog'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /^\/(signin|register)(\/|\?|$)/.test(next)) return fallback;
  return next;
}

function segments(path: string): string[] {
  return path.split('?')[0]!.split('/').filter(Boolean);
}
