import { useState } from 'preact/hooks';
import { catalogApi } from '../../api/catalog.js';
import type { CatalogSong } from '../../api/catalog-types.js';
import { messageOf, useLoad } from '../../hooks.js';
import { canEditSongs, playlistRole } from './playlist.js';
import { useSession } from '../../session.js';
import { Store, useStore } from '../../store.js';
import { AppLink } from '../../components/app-link.js';
import { Dialog } from '../../components/dialog.js';
import { FormError } from '../../components/form-error.js';
import { Loaded } from '../../components/loaded.js';

/** The song whose "Add to playlist" dialog is open. */
export const addToPlaylistFor = new Store<CatalogSong | null>(null);

/** The dialog: the listener's playlists they may add to, and a new one with the song in it. */
export function AddToPlaylistDialog() {
  const song = useStore(addToPlaylistFor);
  if (!song) return null;
  return <AddToPlaylist song={song} onClose={() => addToPlaylistFor.set(null)} />;
}

function AddToPlaylist({ song, onClose }: { song: CatalogSong; onClose(): void }) {
  const user = useSession()?.user ?? null;
  const [added, setAdded] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState('');
  const playlists = useLoad((signal) => catalogApi.myPlaylists({ page_size: 100 }, signal), []);
  const add = async (playlistId: string, playlistName: string) => {
    setBusy(true);
    setError(null);
    try {
      await catalogApi.addToPlaylist(playlistId, song.id);
      setAdded(`Added to “${playlistName}”.`);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  const create = async (event: Event) => {
    event.preventDefault();
    if (!name.trim()) return setError('Name the new playlist.');
    setBusy(true);
    setError(null);
    try {
      const playlist = await catalogApi.createPlaylist({ name: name.trim() });
      await catalogApi.addToPlaylist(playlist.id, song.id);
      setAdded(`Added to the new playlist “${playlist.name}”.`);
      setName('');
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Add “${song.title}” to a playlist`} onClose={onClose}>
      <Loaded value={playlists}>
        {({ results }) => {
          const editable = results.filter((playlist) => canEditSongs(playlistRole(playlist, user), playlist.collaborative));
          return editable.length === 0 ? (
            <p class="muted">You have no playlists yet: start one below.</p>
          ) : (
            <ul class="pick-list" aria-label="Your playlists">
              {editable.map((playlist) => (
                <li key={playlist.id}>
                  <button type="button" class="search-result" disabled={busy} onClick={() => void add(playlist.id, playlist.name)}>
                    <span class="search-text">
                      <strong>{playlist.name}</strong>
                      <span class="muted">{playlist.song_count} songs</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
      <form class="lookup-row new-playlist" onSubmit={create} noValidate>
        <label class="field">
          <span>New playlist</span>
          <input value={name} onInput={(event) => setName((event.target as HTMLInputElement).value)} maxLength={200} autoComplete="off" />
        </label>
        <button type="submit" class="button" disabled={busy}>
          Create and add
        </button>
      </form>
      <FormError message={error} />
      {added && (
        <p class="success" role="status" data-testid="added-to-playlist">
          {added}{' '}
          <AppLink href="/catalog/playlists" onClick={onClose}>
            Your playlists
          </AppLink>
        </p>
      )}
    </Dialog>
  );
}
