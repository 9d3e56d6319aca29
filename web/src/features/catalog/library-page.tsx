import { useState } from 'preact/hooks';
import { catalogApi } from '../../api/catalog.js';
import { AlbumTiles } from './album-tiles.js';
import { AppLink } from '../../components/app-link.js';
import { CatalogNav } from './catalog-nav.js';
import { DemoBadge } from '../../components/demo-badge.js';
import { LoadedListing } from '../../components/loaded.js';
import { RequireSignIn } from '../../components/require-sign-in.js';
import { SongList } from './song-list.js';
import { useLoad, useTitle } from '../../hooks.js';
import { library } from './library.js';
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
      <LoadedListing
        value={songs}
        empty="No favourites yet: press the star of a song."
        pager={{ label: 'Favourite pages', page, pageSize: PAGE_SIZE, onPage: setPage }}
      >
        {({ results }) => <SongList songs={results} label="Favourite songs" />}
      </LoadedListing>
    </section>
  );
}

function RecentlyPlayed() {
  const songs = useLoad((signal) => catalogApi.recentlyPlayed(20, signal), []);
  return (
    <section class="card" aria-labelledby="recently-played">
      <h2 id="recently-played">Recently played</h2>
      <LoadedListing value={songs} empty="Nothing played yet.">
        {({ results }) => <SongList songs={results} label="Recently played songs" note={(song) => formatDateTime(song.played_at)} />}
      </LoadedListing>
    </section>
  );
}

function FavoriteAlbums() {
  const albumCount = useStore(library).favoriteAlbums.size;
  const albums = useLoad((signal) => catalogApi.favoriteAlbums({ page_size: 50 }, signal), [albumCount]);
  return (
    <section class="card" aria-labelledby="favorite-albums">
      <h2 id="favorite-albums">Favourite albums</h2>
      <LoadedListing value={albums} empty="No favourite albums yet.">
        {({ results }) => <AlbumTiles albums={results} labelledBy="favorite-albums" note={(album) => album.artist.name} />}
      </LoadedListing>
    </section>
  );
}

function FollowedArtists() {
  const artists = useLoad((signal) => catalogApi.following({ page_size: 50 }, signal), []);
  return (
    <section class="card" aria-labelledby="followed-artists">
      <h2 id="followed-artists">Artists you follow</h2>
      <LoadedListing value={artists} empty="You follow no artists yet.">
        {({ results }) => (
          <ul class="link-list" aria-labelledby="followed-artists">
            {results.map((artist) => (
              <li key={artist.id}>
                <AppLink href={`/catalog/artists/${artist.id}`}>{artist.name}</AppLink>
                <DemoBadge demo={artist.demo} /> <span class="muted small">· {plural(artist.follower_count, 'follower')}</span>
              </li>
            ))}
          </ul>
        )}
      </LoadedListing>
    </section>
  );
}
