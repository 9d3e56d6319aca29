import { useEffect, useRef, useState } from 'preact/hooks';
import { catalogApi } from '../../api/catalog.js';
import { AlbumTiles } from './album-tiles.js';
import { AppLink } from '../../components/app-link.js';
import { CatalogNav } from './catalog-nav.js';
import { DemoBadge } from '../../components/demo-badge.js';
import { Loaded } from '../../components/loaded.js';
import { SongList } from './song-list.js';
import { useDebounced, useLoad, useTitle } from '../../hooks.js';
import { withQuery } from '../../lib/routes.js';
import { navigate, useQueryParam } from '../../router.js';

const LIMIT = 20;

/** Songs, albums, artists and genres matching the words, as you type (the query stays in the address). */
export function SearchPage() {
  const query = useQueryParam('q');
  const [text, setText] = useState(query);
  useEffect(() => setText(query), [query]);
  // Opened from the header's search box mid-word: typing goes on at the end of the words.
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.setSelectionRange(query.length, query.length), []);
  const settled = useDebounced(text.trim(), 250);
  useTitle(settled ? `Search: ${settled}` : 'Search');
  useEffect(() => {
    if (settled !== query.trim()) navigate(withQuery('/catalog/search', { q: settled }), { replace: true });
  }, [settled]);
  const results = useLoad((signal) => (settled ? catalogApi.search(settled, LIMIT, signal) : Promise.resolve(null)), [settled]);
  return (
    <div class="catalog-page">
      <CatalogNav search={false} />
      <section class="card" aria-labelledby="search-title">
        <h1 id="search-title">Search</h1>
        <label class="field">
          <span>Search the catalog</span>
          <input
            ref={input}
            type="search"
            value={text}
            onInput={(event) => setText((event.target as HTMLInputElement).value)}
            placeholder="Songs, albums, artists, genres; typos are fine"
            autoComplete="off"
            maxLength={200}
            autoFocus
          />
        </label>
      </section>
      <div aria-live="polite" data-testid="search-answer">
        {!settled && <p class="muted">Results appear as you type.</p>}
        {settled && (
          <Loaded value={results}>
            {(answer) =>
              !answer ? null : answer.songs.length + answer.albums.length + answer.artists.length + answer.genres.length === 0 ? (
                <section class="card">
                  <p class="muted">Nothing matches “{answer.query}”.</p>
                </section>
              ) : (
                <div class="catalog-columns">
                  <div class="catalog-main">
                    <section class="card" aria-labelledby="found-songs">
                      <h2 id="found-songs">Songs</h2>
                      {answer.songs.length === 0 ? <p class="muted">No songs match.</p> : <SongList songs={answer.songs} label="Songs found" />}
                    </section>
                  </div>
                  <div class="catalog-side">
                    {answer.albums.length > 0 && (
                      <section class="card" aria-labelledby="found-albums">
                        <h2 id="found-albums">Albums</h2>
                        <AlbumTiles albums={answer.albums} labelledBy="found-albums" note={(album) => album.artist.name} />
                      </section>
                    )}
                    {answer.artists.length > 0 && (
                      <section class="card" aria-labelledby="found-artists">
                        <h2 id="found-artists">Artists</h2>
                        <ul class="link-list" aria-labelledby="found-artists">
                          {answer.artists.map((artist) => (
                            <li key={artist.id}>
                              <AppLink href={`/catalog/artists/${artist.id}`}>{artist.name}</AppLink>
                              <DemoBadge demo={artist.demo} />
                            </li>
                          ))}
                        </ul>
                      </section>
                    )}
                    {answer.genres.length > 0 && (
                      <section class="card" aria-labelledby="found-genres">
                        <h2 id="found-genres">Genres</h2>
                        <ul class="chip-list" aria-labelledby="found-genres">
                          {answer.genres.map((genre) => (
                            <li key={genre.id}>
                              <AppLink class="chip" href={`/catalog/genres/${encodeURIComponent(genre.name)}`}>
                                {genre.name}
                              </AppLink>
                            </li>
                          ))}
                        </ul>
                      </section>
                    )}
                  </div>
                </div>
              )
            }
          </Loaded>
        )}
      </div>
    </div>
  );
}
