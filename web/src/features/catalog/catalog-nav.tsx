import { useEffect, useState } from 'preact/hooks';
import { useDebounced } from '../../hooks.js';
import { inSection, withQuery } from '../../lib/routes.js';
import { navigate, usePath } from '../../router.js';
import { useSession } from '../../session.js';
import { Icon } from '../../components/icons.js';
import { SubNav } from '../../components/sub-nav.js';

const LINKS: Array<{ path: string; label: string; artistsOnly?: boolean; signedIn?: boolean }> = [
  { path: '/catalog', label: 'Home' },
  { path: '/catalog/library', label: 'Your library' },
  { path: '/catalog/playlists', label: 'Playlists' },
  { path: '/catalog/plan', label: 'Your plan', signedIn: true },
  { path: '/catalog/upload', label: 'Upload', artistsOnly: true },
];

/** The catalog's own menu and search box, above each of its pages; the search page opens as you type (or on Enter). */
export function CatalogNav({ search = true }: { search?: boolean }) {
  const path = usePath();
  const current = useSession();
  const [text, setText] = useState('');
  const settled = useDebounced(text.trim(), 300);
  useEffect(() => {
    if (settled) navigate(withQuery('/catalog/search', { q: settled }));
  }, [settled]);
  const canUpload = current?.user.role === 'artist' || current?.user.role === 'admin';
  return (
    <SubNav
      label="Catalog"
      links={LINKS.filter((link) => (!link.artistsOnly || canUpload) && (!link.signedIn || current)).map((link) => ({
        path: link.path,
        label: link.label,
        current: link.path === '/catalog' ? path === link.path : inSection(link.path, path),
      }))}
    >
      {search && (
        <form
          class="catalog-search"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            navigate(withQuery('/catalog/search', { q: text.trim() }));
          }}
        >
          <label class="sr-only" for="catalog-search-input">
            Search the catalog
          </label>
          <input
            id="catalog-search-input"
            type="search"
            value={text}
            onInput={(event) => setText((event.target as HTMLInputElement).value)}
            placeholder="Songs, albums, artists, genres"
            autoComplete="off"
            maxLength={200}
          />
          <button type="submit" class="icon-button" aria-label="Search">
            <Icon name="search" />
          </button>
        </form>
      )}
    </SubNav>
  );
}
