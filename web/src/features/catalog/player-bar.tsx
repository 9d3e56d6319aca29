import { useEffect, useRef, useState } from 'preact/hooks';
import { formatPlaybackTime, formatSkipsLeft } from '../../lib/format.js';
import { currentItem, hasNext, queuePosition } from './queue.js';
import { attachAudio, audioEvents, player, previous, seek, skipToNext, togglePlay } from './player.js';
import { useStore } from '../../store.js';
import { AlbumArt } from '../../components/album-art.js';
import { AppLink } from '../../components/app-link.js';
import { Icon } from '../../components/icons.js';

/** The persistent player: the song, play/pause, previous and next (a skip), a seek bar, and the skips left. */
export function PlayerBar() {
  const state = useStore(player);
  const audio = useRef<HTMLAudioElement>(null);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  useEffect(() => {
    attachAudio(audio.current);
    return () => attachAudio(null);
  }, []);
  const song = currentItem(state.queue);
  // Until the file's metadata arrives, the catalog's duration stands in.
  const length = Number.isFinite(duration) && duration > 0 ? duration : (song?.duration_ms ?? 0) / 1000;
  const readTime = () => audio.current && setTime(audio.current.currentTime);
  const readDuration = () => audio.current && setDuration(audio.current.duration);
  return (
    <>
      <audio
        ref={audio}
        preload="metadata"
        data-testid="audio"
        onTimeUpdate={readTime}
        onSeeked={readTime}
        onLoadedMetadata={readDuration}
        onDurationChange={readDuration}
        onEmptied={() => (setTime(0), setDuration(0))}
        onPlaying={audioEvents.playing}
        onPause={audioEvents.paused}
        onEnded={() => void audioEvents.ended()}
        onError={() => void audioEvents.failed()}
      />
      {song && state.queue && (
        <section class="player" aria-label="Player" data-testid="player">
          <div class="player-song">
            <AlbumArt src={null} title={song.title} />
            <span class="player-text">
              <strong data-testid="player-title">{song.title}</strong>
              <span class="muted small">
                <AppLink href={`/catalog/artists/${song.artist.id}`}>{song.artist.name}</AppLink> · {queuePosition(state.queue)}
              </span>
            </span>
          </div>
          <div class="player-controls">
            <div class="player-buttons">
              <button type="button" class="icon-button" aria-label="Previous" onClick={() => void previous()}>
                <Icon name="previous" />
              </button>
              <button type="button" class="icon-button play-main" aria-label={state.playing ? 'Pause' : 'Play'} onClick={togglePlay}>
                <Icon name={state.playing ? 'pause' : 'play'} />
              </button>
              <button
                type="button"
                class="icon-button"
                aria-label="Next"
                title="Skip to the next song"
                disabled={!hasNext(state.queue) || state.skipping}
                onClick={() => void skipToNext()}
              >
                <Icon name="next" />
              </button>
            </div>
            <div class="seek">
              <span class="time" aria-hidden="true">
                {formatPlaybackTime(time)}
              </span>
              <input
                type="range"
                aria-label="Seek"
                min={0}
                max={Math.max(1, length)}
                step={1}
                value={Math.min(time, length)}
                aria-valuetext={`${formatPlaybackTime(time)} of ${formatPlaybackTime(length)}`}
                onInput={(event) => {
                  const seconds = Number((event.target as HTMLInputElement).value);
                  setTime(seconds);
                  seek(seconds);
                }}
              />
              <span class="time" aria-hidden="true">
                {formatPlaybackTime(length)}
              </span>
            </div>
          </div>
          <p class="player-status small" role="status" data-testid="player-status">
            {state.notice ? (
              <span class="notice-text">{state.notice}</span>
            ) : state.skipsLeft !== undefined ? (
              <span class="muted">{formatSkipsLeft(state.skipsLeft)}</span>
            ) : null}
          </p>
        </section>
      )}
    </>
  );
}
