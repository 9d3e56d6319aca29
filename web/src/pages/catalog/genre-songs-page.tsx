import { useState } from 'preact/hooks';
import { catalogApi } from '../../api/catalog.js';
import { CatalogNav } from '../../components/catalog-nav.js';
import { Loaded } from '../../components/loaded.js';
import { Pager } from '../../components/pager.js';
import { SongList } from '../../components/song-list.js';
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
        <Loaded value={songs}>
          {(listing) =>
            listing.results.length === 0 ? (
              <p class="muted">No songs in this genre.</p>
            ) : (
              <>
                <SongList songs={listing.results} label={`${name} songs`} />
                <Pager label="Genre pages" page={page} pageSize={PAGE_SIZE} count={listing.count} onPage={setPage} />
              </>
            )
          }
        </Loaded>
      </section>
    </div>
  );
}
