import { useState } from 'preact/hooks';
import type { SongQuery } from '../../api/client.js';
import type { SongSummary } from '../../api/types.js';
import { formatArtists } from '../../lib/format.js';
import { songQueryOf, type SongFormValues } from './song-query.js';
import { DemoBadge } from '../../components/demo-badge.js';
import { SubmitButton } from '../../components/submit-button.js';

interface SongFormProps {
  values: SongFormValues;
  onChange(values: SongFormValues): void;
  onSubmit(query: SongQuery): void;
  onReset(): void;
  busy: boolean;
  error: string | null;
  examples: SongSummary[];
}

export function SongForm({ values, onChange, onSubmit, onReset, busy, error, examples }: SongFormProps) {
  const [hint, setHint] = useState<string | null>(null);
  const set = (field: keyof SongFormValues) => (event: Event) => onChange({ ...values, [field]: (event.target as HTMLInputElement).value });
  const submit = (event: Event) => {
    event.preventDefault();
    const query = songQueryOf(values);
    if (typeof query === 'string') return setHint(query);
    setHint(null);
    onSubmit(query);
  };
  const message = hint ?? error;
  return (
    <form class="song-form" onSubmit={submit} noValidate aria-describedby={message ? 'song-form-error' : undefined}>
      <div class="field-row">
        <label class="field">
          <span>Song title</span>
          <input name="title" value={values.title} onInput={set('title')} autoComplete="off" placeholder="e.g. Penny Lane" maxLength={300} />
        </label>
        <label class="field">
          <span>Artist</span>
          <input name="artist" value={values.artist} onInput={set('artist')} autoComplete="off" placeholder="e.g. The Beatles" maxLength={300} />
        </label>
      </div>
      <div class="or" aria-hidden="true">
        <span>or</span>
      </div>
      <label class="field">
        <span>Spotify link</span>
        <input
          name="link"
          value={values.link}
          onInput={set('link')}
          autoComplete="off"
          inputMode="url"
          placeholder="https://open.spotify.com/track/…"
          maxLength={500}
        />
      </label>
      {examples.length > 0 && (
        <div class="quick-fill">
          <span class="quick-fill-label" id="quick-fill-label">
            Quick fill
          </span>
          <ul aria-labelledby="quick-fill-label">
            {examples.map((song) => (
              <li key={song.id}>
                <button
                  type="button"
                  class="chip"
                  onClick={() => {
                    setHint(null);
                    onChange({ title: song.track_name, artist: formatArtists(song.artists), link: '' });
                  }}
                >
                  {song.track_name} <span class="muted">· {formatArtists(song.artists)}</span>
                  <DemoBadge demo={song.demo} />
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {message && (
        <p class="form-error" id="song-form-error" role="alert" data-testid="form-error">
          {message}
        </p>
      )}
      <div class="actions">
        <SubmitButton busy={busy} label="Predict" busyLabel="Predicting…" />
        <button type="button" class="button ghost" onClick={() => (setHint(null), onReset())}>
          Reset
        </button>
      </div>
    </form>
  );
}
