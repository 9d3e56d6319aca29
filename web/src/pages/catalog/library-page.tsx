import { useState } from 'preact/hooks';
import { catalogApi } from '../../api/catalog.js';
import { AlbumArt } from '../../components/album-art.js';
import { AppLink } from '../../components/app-link.js';
import { CatalogNav } from '../../components/catalog-nav.js';
import { Loaded } from '../../components/loaded.js';
import { Pager } from '../../components/pager.js';
import { RequireSignIn } from '../../components/require-sign-in.js';
import { SongList } from '../../components/song-list.js';
import { useLoad, useTitle } from '../../hooks.js';
import { library } from '../../library.js';
import { formatDateTime, plural } from '../../lib/format.js';
import { useStore } from '../../store.js';

const PAGE_SIZE = 20;

/** The listener's favourites, recently played songs, favourite albums and followed artists. */
export function LibraryPage() {
  useTitle('Your library');
  return (
    <div class="catalog-page">
      <CatalogNav />
      <RequireSignIn what="see your favourites and what you played">
        <h1 class="page-title">Your library</h1>
        <div class="catalog-columns">
          <div class="catalog-main">
            <FavoriteSongs />
            <RecentlyPlayed />
          </div>
          <div class="catalog-side">
            <FavoriteAlbums />
            <FollowedArtists />
          </div>
        </div>
      </RequireSignIn>
    </div>
  );
}

function FavoriteSongs() {
  const [page, setPage] = useState(1);
  // Reloads when a favourite is added or removed anywhere in the app.
  const favoriteCount = useStore(library).favorites.size;
  const songs = useLoad((signal) => catalogApi.favorites({ page, page_size: PAGE_SIZE }, signal), [page, favoriteCount]);
  return (
    <section class="card" aria-labelledby="favorite-songs">
      <div class="card-head">
        <h2 id="favorite-songs">Favourite songs</h2>
        {songs.state === 'ready' && <span class="muted small">{plural(songs.data.count, 'song')}</span>}
      </div>
      <Loaded value={songs}>
        {(listing) =>
          listing.results.length === 0 ? (
            <p class="muted">No favourites yet: press the star of a song.</p>
          ) : (
            <>
              <SongList songs={listing.results} label="Favourite songs" />
              <Pager label="Favourite pages" page={page} pageSize={PAGE_SIZE} count={listing.count} onPage={setPage} />
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function RecentlyPlayed() {
  const songs = useLoad((signal) => catalogApi.recentlyPlayed(20, signal), []);
  return (
    <section class="card" aria-labelledby="recently-played">
      <h2 id="recently-played">Recently played</h2>
      <Loaded value={songs}>
        {({ results }) =>
          results.length === 0 ? (
            <p class="muted">Nothing played yet.</p>
          ) : (
            <SongList songs={results} label="Recently played songs" note={(song) => formatDateTime(song.played_at)} />
          )
        }
      </Loaded>
    </section>
  );
}

function FavoriteAlbums() {
  const albumCount = useStore(library).favoriteAlbums.size;
  const albums = useLoad((signal) => catalogApi.favoriteAlbums({ page_size: 50 }, signal), [albumCount]);
  return (
    <section class="card" aria-labelledby="favorite-albums">
      <h2 id="favorite-albums">Favourite albums</h2>
      <Loaded value={albums}>
        {({ results }) =>
          results.length === 0 ? (
            <p class="muted">No favourite albums yet.</p>
          ) : (
            <ul class="tile-list" aria-labelledby="favorite-albums">
              {results.map((album) => (
                <li key={album.id}>
                  <AppLink class="tile" href={`/catalog/albums/${album.id}`}>
                    <AlbumArt src={album.cover_url} title={album.title} />
                    <span class="tile-text">
                      <strong>{album.title}</strong>
                      <span class="muted small">{album.artist.name}</span>
                    </span>
                  </AppLink>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function FollowedArtists() {
  const artists = useLoad((signal) => catalogApi.following({ page_size: 50 }, signal), []);
  return (
    <section class="card" aria-labelledby="followed-artists">
      <h2 id="followed-artists">Artists you follow</h2>
      <Loaded value={artists}>
        {({ results }) =>
          results.length === 0 ? (
            <p class="muted">You follow no artists yet.</p>
          ) : (
            <ul class="link-list" aria-labelledby="followed-artists">
              {results.map((artist) => (
                <li key={artist.id}>
                  <AppLink href={`/catalog/artists/${artist.id}`}>{artist.name}</AppLink> <span class="muted small">· {plural(artist.follower_count, 'follower')}</span>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
