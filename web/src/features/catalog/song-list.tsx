import type { ComponentChildren } from 'preact';
import type { CatalogSong } from '../../api/catalog-types.js';
import { library, toggleFavorite, toggleLike } from './library.js';
import { formatCount, formatDuration } from '../../lib/format.js';
import { withQuery } from '../../lib/routes.js';
import { currentItem } from './queue.js';
import { player, playFrom } from './player.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { useStore } from '../../store.js';
import { addToPlaylistFor } from './add-to-playlist.js';
import { AppLink } from '../../components/app-link.js';
import { DemoBadge } from '../../components/demo-badge.js';
import { Icon } from '../../components/icons.js';

interface SongListProps<S extends CatalogSong> {
  songs: S[];
  /** Names the list for assistive technology ("Trending songs"). */
  label: string;
  /** Something more at the end of each row (a playlist's move buttons, say). */
  extra?: (song: S, index: number) => ComponentChildren;
  /** A note under the title (when it was played, its trending score). */
  note?: (song: S) => string | null;
}

/** Songs with play, like and favourite buttons; playing one queues the whole list. */
export function SongList<S extends CatalogSong>({ songs, label, extra, note }: SongListProps<S>) {
  const { queue, playing } = useStore(player);
  const current = currentItem(queue);
  const state = useStore(library);
  const signedIn = useSession() !== null;
  return (
    <>
      <ol class="song-list" aria-label={label}>
        {songs.map((song, index) => {
          const isCurrent = current?.id === song.id;
          const liked = state.liked.get(song.id);
          const detail = note?.(song);
          return (
            <li
              key={`${song.id}-${index}`}
              class={`song-row${isCurrent ? ' current' : ''}`}
              data-testid="song-row"
              aria-current={isCurrent ? 'true' : undefined}
            >
              <button
                type="button"
                class="icon-button play-button"
                aria-label={`${isCurrent && playing ? 'Pause' : 'Play'} ${song.title}`}
                onClick={() => void playFrom(songs, index)}
              >
                <Icon name={isCurrent && playing ? 'pause' : 'play'} />
              </button>
              <span class="song-main">
                <span class="song-title">
                  {song.title}
                  {song.visibility === 'private' && <span class="mark small-mark">Private</span>}
                  <DemoBadge demo={song.demo} />
                </span>
                <span class="song-sub">
                  <AppLink href={`/catalog/artists/${song.artist.id}`}>{song.artist.name}</AppLink>
                  {song.album && (
                    <>
                      {' · '}
                      <AppLink href={`/catalog/albums/${song.album.id}`}>{song.album.title}</AppLink>
                    </>
                  )}
                  {detail && <span class="muted"> · {detail}</span>}
                </span>
              </span>
              <span class="song-duration muted">{formatDuration(song.duration_ms)}</span>
              <span class="song-actions">
                <ToggleButton
                  icon="heart"
                  label={`Like ${song.title}`}
                  pressed={liked?.liked ?? false}
                  count={liked?.count ?? song.like_count}
                  onToggle={() => toggleLike(song)}
                />
                <ToggleButton icon="star" label={`Favourite ${song.title}`} pressed={state.favorites.has(song.id)} onToggle={() => toggleFavorite(song)} />
                {signedIn && (
                  <button
                    type="button"
                    class="icon-button"
                    aria-label={`Add ${song.title} to a playlist`}
                    title="Add to a playlist"
                    onClick={() => addToPlaylistFor.set(song)}
                  >
                    <Icon name="plus" />
                  </button>
                )}
                {extra?.(song, index)}
              </span>
            </li>
          );
        })}
      </ol>
      {state.error && (
        <p class="form-error" role="alert">
          {state.error}
        </p>
      )}
    </>
  );
}

interface ToggleButtonProps {
  icon: 'heart' | 'star';
  label: string;
  pressed: boolean;
  count?: number;
  onToggle(): void;
}

/** A like or favourite: signed out, it asks to sign in first. */
function ToggleButton({ icon, label, pressed, count, onToggle }: ToggleButtonProps) {
  const signedIn = useSession() !== null;
  return (
    <button
      type="button"
      class={`icon-button toggle${pressed ? ' on' : ''}`}
      aria-label={label}
      aria-pressed={pressed}
      title={signedIn ? label : 'Sign in to keep songs'}
      onClick={() => (signedIn ? onToggle() : navigate(withQuery('/signin', { next: location.pathname + location.search })))}
    >
      <Icon name={icon} filled={pressed} />
      {count !== undefined && <span class="count">{formatCount(count)}</span>}
    </button>
  );
}
