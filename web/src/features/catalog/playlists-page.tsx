import { useState } from 'preact/hooks';
import { catalogApi } from '../../api/catalog.js';
import type { Playlist } from '../../api/catalog-types.js';
import { AppLink } from '../../components/app-link.js';
import { CatalogNav } from './catalog-nav.js';
import { FormError } from '../../components/form-error.js';
import { Loaded } from '../../components/loaded.js';
import { useAction, useDebounced, useLoad, useTitle } from '../../hooks.js';
import { formatDuration, plural } from '../../lib/format.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session.js';

/** The listener's playlists (own and joined) with a form for a new one, and the public playlists. */
export function PlaylistsPage() {
  useTitle('Playlists');
  const current = useSession();
  return (
    <div class="catalog-page">
      <CatalogNav />
      <h1 class="page-title">Playlists</h1>
      <div class="catalog-columns">
        <div class="catalog-main">{current ? <MyPlaylists /> : <PublicPlaylists />}</div>
        <div class="catalog-side">{current ? <NewPlaylist /> : <SignInNote />}</div>
      </div>
      {current && (
        <div class="catalog-columns spaced">
          <div class="catalog-main">
            <PublicPlaylists />
          </div>
        </div>
      )}
    </div>
  );
}

function MyPlaylists() {
  const playlists = useLoad((signal) => catalogApi.myPlaylists({ page_size: 100 }, signal), []);
  return (
    <section class="card" aria-labelledby="my-playlists">
      <h2 id="my-playlists">Your playlists</h2>
      <Loaded value={playlists}>
        {({ results }) =>
          results.length === 0 ? (
            <p class="muted">None yet: start one here, or add a song with its + button.</p>
          ) : (
            <PlaylistTiles playlists={results} label="Your playlists" />
          )
        }
      </Loaded>
    </section>
  );
}

function PublicPlaylists() {
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim(), 250);
  const playlists = useLoad((signal) => catalogApi.publicPlaylists({ search: settled, page_size: 30 }, signal), [settled]);
  return (
    <section class="card" aria-labelledby="public-playlists">
      <div class="card-head">
        <h2 id="public-playlists">Public playlists</h2>
      </div>
      <label class="field">
        <span>Search public playlists</span>
        <input type="search" value={search} onInput={(event) => setSearch((event.target as HTMLInputElement).value)} maxLength={200} autoComplete="off" />
      </label>
      <div class="spaced-top">
        <Loaded value={playlists}>
          {({ results }) =>
            results.length === 0 ? (
              <p class="muted">No public playlists{settled ? ` match “${settled}”` : ' yet'}.</p>
            ) : (
              <PlaylistTiles playlists={results} label="Public playlists" />
            )
          }
        </Loaded>
      </div>
    </section>
  );
}

function PlaylistTiles({ playlists, label }: { playlists: Playlist[]; label: string }) {
  return (
    <ul class="link-list playlist-list" aria-label={label}>
      {playlists.map((playlist) => (
        <li key={playlist.id}>
          <AppLink class="tile" href={`/catalog/playlists/${playlist.id}`}>
            <span class="tile-text">
              <strong>{playlist.name}</strong>
              <span class="muted small">
                {playlist.owner.display_name} · {plural(playlist.song_count, 'song')} · {formatDuration(playlist.duration_ms)}
                {playlist.visibility === 'private' ? ' · private' : ''}
                {playlist.collaborative ? ' · collaborative' : ''}
              </span>
            </span>
          </AppLink>
        </li>
      ))}
    </ul>
  );
}

function NewPlaylist() {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [visibility, setVisibility] = useState<'private' | 'public'>('private');
  const [collaborative, setCollaborative] = useState(false);
  const create = useAction(async () => {
    const playlist = await catalogApi.createPlaylist({ name: name.trim(), description: description.trim(), visibility, collaborative });
    navigate(`/catalog/playlists/${playlist.id}`);
  });
  return (
    <section class="card" aria-labelledby="new-playlist">
      <h2 id="new-playlist">New playlist</h2>
      <form
        class="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim()) return create.setError('Name the playlist.');
          void create.run();
        }}
      >
        <label class="field">
          <span>Name</span>
          <input value={name} onInput={(event) => setName((event.target as HTMLInputElement).value)} maxLength={200} autoComplete="off" />
        </label>
        <label class="field">
          <span>Description (optional)</span>
          <input value={description} onInput={(event) => setDescription((event.target as HTMLInputElement).value)} maxLength={2000} autoComplete="off" />
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={visibility === 'public'}
            onChange={(event) => setVisibility((event.target as HTMLInputElement).checked ? 'public' : 'private')}
          />
          <span>Public: anyone can find and play it</span>
        </label>
        <label class="check">
          <input type="checkbox" checked={collaborative} onChange={(event) => setCollaborative((event.target as HTMLInputElement).checked)} />
          <span>Collaborative: people with the link can add songs</span>
        </label>
        <FormError message={create.error} />
        <div class="actions">
          <button type="submit" class="button primary" disabled={create.busy}>
            {create.busy ? 'Creating…' : 'Create playlist'}
          </button>
        </div>
      </form>
    </section>
  );
}

function SignInNote() {
  return (
    <section class="card">
      <h2>Your own playlists</h2>
      <p class="muted">Sign in to make playlists, share them by link and build them with friends.</p>
      <AppLink class="button primary" href="/signin?next=%2Fcatalog%2Fplaylists">
        Sign in
      </AppLink>
    </section>
  );
}
