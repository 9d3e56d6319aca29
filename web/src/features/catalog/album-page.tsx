import { useState } from 'preact/hooks';
import { catalogApi } from '../../api/catalog.js';
import { AlbumArt } from '../../components/album-art.js';
import { AppLink } from '../../components/app-link.js';
import { CatalogNav } from './catalog-nav.js';
import { DemoBadge } from '../../components/demo-badge.js';
import { Icon } from '../../components/icons.js';
import { Loaded, LoadedListing } from '../../components/loaded.js';
import { SongList } from './song-list.js';
import { useLoad, useTitle } from '../../hooks.js';
import { library, toggleFavoriteAlbum } from './library.js';
import { formatDate, formatDuration, plural } from '../../lib/format.js';
import type { RouteParams } from '../../lib/routes.js';
import { playFrom } from './player.js';
import { useSession } from '../../session.js';
import { useStore } from '../../store.js';

const PAGE_SIZE = 50;

/** An album: its cover and details, its songs in upload order, play all and favourite. */
export function AlbumPage({ params }: { params: RouteParams }) {
  const id = params['id']!;
  const [page, setPage] = useState(1);
  const album = useLoad((signal) => catalogApi.album(id, signal), [id]);
  const songs = useLoad((signal) => catalogApi.albumSongs(id, { ordering: 'created', page, page_size: PAGE_SIZE }, signal), [id, page]);
  const signedIn = useSession() !== null;
  const favorite = useStore(library).favoriteAlbums.has(id);
  useTitle(album.state === 'ready' ? album.data.title : 'Album');
  return (
    <div class="catalog-page">
      <CatalogNav />
      <Loaded value={album}>
        {(data) => (
          <section class="card" aria-labelledby="album-title">
            <div class="hero">
              <AlbumArt src={data.cover_url} title={data.title} />
              <div class="hero-text">
                <p class="eyebrow">
                  Album
                  <DemoBadge demo={data.demo} />
                </p>
                <h1 id="album-title">{data.title}</h1>
                <p class="result-artist">
                  <AppLink href={`/catalog/artists/${data.artist.id}`}>{data.artist.name}</AppLink>
                  {data.release_date && ` · ${formatDate(data.release_date)}`} · {plural(data.song_count, 'song')}
                  {songs.state === 'ready' && ` · ${formatDuration(songs.data.results.reduce((sum, song) => sum + song.duration_ms, 0))}`}
                </p>
                {data.description && <p class="muted">{data.description}</p>}
                <div class="actions">
                  <button
                    type="button"
                    class="button primary"
                    disabled={songs.state !== 'ready' || songs.data.results.length === 0}
                    onClick={() => songs.state === 'ready' && void playFrom(songs.data.results, 0)}
                  >
                    <Icon name="play" /> Play
                  </button>
                  {signedIn && (
                    <button
                      type="button"
                      class={`button ghost toggle${favorite ? ' on' : ''}`}
                      aria-pressed={favorite}
                      onClick={() => void toggleFavoriteAlbum(id)}
                    >
                      <Icon name="star" filled={favorite} /> {favorite ? 'In your favourites' : 'Add to favourites'}
                    </button>
                  )}
                </div>
              </div>
            </div>
          </section>
        )}
      </Loaded>
      {album.state === 'ready' && (
        <section class="card" aria-labelledby="album-songs">
          <h2 id="album-songs">Songs</h2>
          <LoadedListing value={songs} empty="No songs on this album yet." pager={{ label: 'Album pages', page, pageSize: PAGE_SIZE, onPage: setPage }}>
            {({ results }) => <SongList songs={results} label={`Songs of ${album.data.title}`} />}
          </LoadedListing>
        </section>
      )}
    </div>
  );
}
