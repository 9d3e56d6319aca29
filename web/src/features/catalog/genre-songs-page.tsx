import { useState } from 'preact/hooks';
import { catalogApi } from '../../api/catalog.js';
import { CatalogNav } from './catalog-nav.js';
import { LoadedListing } from '../../components/loaded.js';
import { SongList } from './song-list.js';
import { useLoad, useTitle } from '../../hooks.js';
import { plural } from '../../lib/format.js';
import type { RouteParams } from '../../lib/routes.js';

const PAGE_SIZE = 20;

/** The songs of one genre, most played first. */
export function GenreSongsPage({ params }: { params: RouteParams }) {
  const name = params['name']!;
  const [page, setPage] = useState(1);
  const songs = useLoad((signal) => catalogApi.songs({ genre: name, ordering: '-plays', page, page_size: PAGE_SIZE }, signal), [name, page]);
  useTitle(name);
  return (
    <div class="catalog-page">
      <CatalogNav />
      <section class="card" aria-labelledby="genre-title">
        <p class="eyebrow">Genre</p>
        <div class="card-head">
          <h1 id="genre-title">{name}</h1>
          {songs.state === 'ready' && <span class="muted small">{plural(songs.data.count, 'song')}, most played first</span>}
        </div>
        <LoadedListing value={songs} empty="No songs in this genre." pager={{ label: 'Genre pages', page, pageSize: PAGE_SIZE, onPage: setPage }}>
          {({ results }) => <SongList songs={results} label={`${name} songs`} />}
        </LoadedListing>
      </section>
    </div>
  );
}
