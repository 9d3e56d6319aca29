import { useEffect, useState } from 'preact/hooks';
import { catalogApi } from '../../api/catalog.js';
import type { Listing, Playlist, PlaylistItem } from '../../api/catalog-types.js';
import { CatalogNav } from './catalog-nav.js';
import { ConfirmDialog, Dialog } from '../../components/dialog.js';
import { FormError } from '../../components/form-error.js';
import { Icon } from '../../components/icons.js';
import { Loaded } from '../../components/loaded.js';
import { SongList } from './song-list.js';
import { messageOf, useAction, useLoad, useTitle } from '../../hooks.js';
import { formatDuration, plural } from '../../lib/format.js';
import { canEditSongs, moveEntry, moveRequest, playlistRole, sharePageUrl } from './playlist.js';
import type { RouteParams } from '../../lib/routes.js';
import { playFrom } from './player.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session.js';

/** One playlist (by id): its songs in order; the owner and collaborators add, move and remove them. */
export function PlaylistPage({ params }: { params: RouteParams }) {
  const id = params['id']!;
  return (
    <PlaylistView
      loadPlaylist={(signal) => catalogApi.playlist(id, signal)}
      loadSongs={(signal) => catalogApi.playlistSongs(id, { page_size: 100 }, signal)}
      deps={[id]}
    />
  );
}

/** A playlist opened by its share link: anyone holding it may listen; collaborative ones may be joined. */
export function SharedPlaylistPage({ params }: { params: RouteParams }) {
  const token = params['token']!;
  return (
    <PlaylistView
      token={token}
      loadPlaylist={(signal) => catalogApi.sharedPlaylist(token, signal)}
      loadSongs={(signal) => catalogApi.sharedPlaylistSongs(token, { page_size: 100 }, signal)}
      deps={[token]}
    />
  );
}

interface ViewProps {
  loadPlaylist(signal: AbortSignal): Promise<Playlist>;
  loadSongs(signal: AbortSignal): Promise<Listing<PlaylistItem>>;
  deps: unknown[];
  token?: string;
}

function PlaylistView({ loadPlaylist, loadSongs, deps, token }: ViewProps) {
  const user = useSession()?.user ?? null;
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((value) => value + 1);
  const playlist = useLoad(loadPlaylist, [...deps, version, user?.id]);
  const songs = useLoad(loadSongs, [...deps, version, user?.id]);
  const [items, setItems] = useState<PlaylistItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (songs.state === 'ready') setItems(songs.data.results);
  }, [songs]);
  useTitle(playlist.state === 'ready' ? playlist.data.name : 'Playlist');
  return (
    <div class="catalog-page">
      <CatalogNav />
      <Loaded value={playlist}>
        {(data) => {
          const role = playlistRole(data, user);
          const editable = canEditSongs(role, data.collaborative);
          const run = async (work: () => Promise<unknown>) => {
            setError(null);
            try {
              await work();
            } catch (failure) {
              setError(messageOf(failure));
            }
            reload();
          };
          const move = (index: number, step: -1 | 1) => {
            const request = moveRequest(items, index, step);
            if (!request) return;
            setItems(moveEntry(items, index, index + step));
            void run(() => catalogApi.reorderPlaylist(data.id, request));
          };
          return (
            <>
              <PlaylistHead playlist={data} role={role} token={token} songs={items} onChanged={reload} />
              <section class="card" aria-labelledby="playlist-songs">
                <h2 id="playlist-songs">Songs</h2>
                <Loaded value={songs}>
                  {() =>
                    items.length === 0 ? (
                      <p class="muted">{editable ? 'Empty: add songs with the + button of any song in the catalog.' : 'No songs yet.'}</p>
                    ) : (
                      <SongList
                        songs={items.map((item) => item.song)}
                        label={`Songs of ${data.name}`}
                        extra={
                          editable
                            ? (song, index) => (
                                <>
                                  <button
                                    type="button"
                                    class="icon-button"
                                    aria-label={`Move ${song.title} up`}
                                    disabled={index === 0}
                                    onClick={() => move(index, -1)}
                                  >
                                    <Icon name="up" />
                                  </button>
                                  <button
                                    type="button"
                                    class="icon-button"
                                    aria-label={`Move ${song.title} down`}
                                    disabled={index === items.length - 1}
                                    onClick={() => move(index, 1)}
                                  >
                                    <Icon name="down" />
                                  </button>
                                  <button
                                    type="button"
                                    class="icon-button"
                                    aria-label={`Remove ${song.title} from the playlist`}
                                    onClick={() => void run(() => catalogApi.removeFromPlaylist(data.id, items[index]!.id))}
                                  >
                                    <Icon name="close" />
                                  </button>
                                </>
                              )
                            : undefined
                        }
                      />
                    )
                  }
                </Loaded>
                <FormError message={error} />
              </section>
            </>
          );
        }}
      </Loaded>
    </div>
  );
}

interface HeadProps {
  playlist: Playlist;
  role: ReturnType<typeof playlistRole>;
  token?: string;
  songs: PlaylistItem[];
  onChanged(): void;
}

/** Name, owner and figures; play, share, join, edit and delete as the caller may. */
function PlaylistHead({ playlist, role, token, songs, onChanged }: HeadProps) {
  const signedIn = useSession() !== null;
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const manage = role === 'owner' || role === 'admin';
  const link = playlist.share_url ? sharePageUrl(location.origin, playlist.share_url) : null;
  const join = useAction(async () => {
    await catalogApi.joinPlaylist(token!);
    onChanged();
  });
  const remove = useAction(async () => {
    await catalogApi.deletePlaylist(playlist.id);
    navigate('/catalog/playlists');
  });
  return (
    <section class="card" aria-labelledby="playlist-title">
      <p class="eyebrow">
        {playlist.visibility === 'public' ? 'Public playlist' : 'Private playlist'}
        {playlist.collaborative ? ' · collaborative' : ''}
      </p>
      <h1 id="playlist-title">{playlist.name}</h1>
      <p class="result-artist">
        By {playlist.owner.display_name} · {plural(playlist.song_count, 'song')} · {formatDuration(playlist.duration_ms)}
        {playlist.collaborators.length > 0 && ` · with ${playlist.collaborators.map((person) => person.display_name).join(', ')}`}
      </p>
      {playlist.description && <p class="muted">{playlist.description}</p>}
      <div class="actions">
        <button
          type="button"
          class="button primary"
          disabled={songs.length === 0}
          onClick={() =>
            void playFrom(
              songs.map((item) => item.song),
              0,
            )
          }
        >
          <Icon name="play" /> Play
        </button>
        {token && signedIn && role === 'viewer' && playlist.collaborative && (
          <button type="button" class="button" disabled={join.busy} onClick={() => void join.run()}>
            Join as a collaborator
          </button>
        )}
        {manage && (
          <>
            <button type="button" class="button ghost" onClick={() => setDialog('edit')}>
              Edit
            </button>
            <button type="button" class="button ghost" onClick={() => setDialog('delete')}>
              Delete
            </button>
          </>
        )}
      </div>
      <FormError message={join.error} />
      {link && <ShareLink link={link} playlistId={playlist.id} canReset={manage} onReset={onChanged} />}
      {dialog === 'edit' && <EditPlaylist playlist={playlist} onClose={() => setDialog(null)} onSaved={() => (setDialog(null), onChanged())} />}
      {dialog === 'delete' && (
        <ConfirmDialog
          title="Delete this playlist?"
          message={`“${playlist.name}” and its list of songs go for good (the songs stay in the catalog).`}
          action="Delete playlist"
          busy={remove.busy}
          error={remove.error}
          onConfirm={() => void remove.run()}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}

/** The link to send: opens this page for anyone holding it, even when the playlist is private. */
function ShareLink({ link, playlistId, canReset, onReset }: { link: string; playlistId: string; canReset: boolean; onReset(): void }) {
  const [copied, setCopied] = useState(false);
  const reset = useAction(async () => {
    await catalogApi.resetShareLink(playlistId);
    onReset();
  });
  return (
    <div class="share">
      <label class="field">
        <span>Share link</span>
        <input readOnly value={link} onFocus={(event) => (event.target as HTMLInputElement).select()} data-testid="share-link" />
      </label>
      <div class="actions">
        <button
          type="button"
          class="button"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(link);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          Copy link
        </button>
        {canReset && (
          <button type="button" class="button ghost" disabled={reset.busy} onClick={() => void reset.run()} title="The old link stops working">
            New link
          </button>
        )}
        <span class="muted small" role="status">
          {copied ? 'Copied.' : 'Anyone with the link can listen.'}
        </span>
      </div>
      <FormError message={reset.error} />
    </div>
  );
}

function EditPlaylist({ playlist, onClose, onSaved }: { playlist: Playlist; onClose(): void; onSaved(): void }) {
  const [name, setName] = useState(playlist.name);
  const [description, setDescription] = useState(playlist.description);
  const [isPublic, setPublic] = useState(playlist.visibility === 'public');
  const [collaborative, setCollaborative] = useState(playlist.collaborative);
  const save = useAction(async () => {
    await catalogApi.updatePlaylist(playlist.id, {
      name: name.trim(),
      description: description.trim(),
      visibility: isPublic ? 'public' : 'private',
      collaborative,
    });
    onSaved();
  });
  return (
    <Dialog title="Edit the playlist" onClose={onClose}>
      <form
        class="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save.run();
        }}
      >
        <label class="field">
          <span>Name</span>
          <input value={name} onInput={(event) => setName((event.target as HTMLInputElement).value)} maxLength={200} />
        </label>
        <label class="field">
          <span>Description</span>
          <input value={description} onInput={(event) => setDescription((event.target as HTMLInputElement).value)} maxLength={2000} />
        </label>
        <label class="check">
          <input type="checkbox" checked={isPublic} onChange={(event) => setPublic((event.target as HTMLInputElement).checked)} />
          <span>Public</span>
        </label>
        <label class="check">
          <input type="checkbox" checked={collaborative} onChange={(event) => setCollaborative((event.target as HTMLInputElement).checked)} />
          <span>Collaborative</span>
        </label>
        <FormError message={save.error} />
        <div class="actions">
          <button type="submit" class="button primary" disabled={save.busy}>
            Save
          </button>
          <button type="button" class="button ghost" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
