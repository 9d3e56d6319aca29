import { useState } from 'preact/hooks';
import { ADMIN_AUDIO_FEATURES, adminApi, type AdminAudioFeature, type AdminSong, type AdminSongChanges } from './admin-api.js';
import { AdminNav, FilterBar, ListingCard, SortHeader, useAdminListing, type FlagFilter } from './admin-kit.js';
import { ACTIONS_COLUMN, ListingTable } from '../../components/data-table.js';
import { DemoBadge } from '../../components/demo-badge.js';
import { ConfirmDialog, Dialog } from '../../components/dialog.js';
import { FormError } from '../../components/form-error.js';
import { RequireSignIn } from '../../components/require-sign-in.js';
import { VerdictBadge } from '../hit-prediction/verdict.js';
import { useAction, useTitle } from '../../hooks.js';
import { changedFields, optionalInteger, requiredNumber } from './admin.js';
import { formatArtists, formatCount, formatDateTime, plural } from '../../lib/format.js';

const FLAGS: FlagFilter[] = [
  { name: 'is_hit', label: 'Result', yes: 'HIT', no: 'FLOP' },
  { name: 'is_acoustic', label: 'Acoustic', yes: 'Yes', no: 'No' },
  { name: 'is_instrumental', label: 'Instrumental', yes: 'Yes', no: 'No' },
  { name: 'explicit', label: 'Explicit', yes: 'Yes', no: 'No' },
];

/** Admins: the songs table of the hit predictor, with filters, sorting, edit and delete. */
export function AdminSongsPage() {
  useTitle('Admin · Songs');
  return (
    <RequireSignIn role="admin" what="manage songs">
      <AdminSongs />
    </RequireSignIn>
  );
}

function AdminSongs() {
  const { filters, listing, version, changed } = useAdminListing(FLAGS, (query, signal) => adminApi.songs(query, signal));
  const [editing, setEditing] = useState<AdminSong | null>(null);
  const [deleting, setDeleting] = useState<AdminSong | null>(null);
  return (
    <div class="admin-page">
      <AdminNav refreshKey={version} />
      <ListingCard id="admin-songs-title" title="Songs" listing={listing} noun="song">
        <FilterBar filters={filters} flags={FLAGS} searchLabel="Search title or artists" />
        <ListingTable
          value={listing}
          empty="No songs match these filters."
          pager={{ label: 'Song pages', ...filters.paging }}
          testId="admin-songs"
          caption="Songs, sorted by the column marked"
          columns={[
            <SortHeader filters={filters} field="track_name" label="Track" />,
            <SortHeader filters={filters} field="artists" label="Artists" />,
            <SortHeader filters={filters} field="popularity" label="Popularity" descendingFirst numeric />,
            <SortHeader filters={filters} field="is_hit" label="Result" descendingFirst />,
            <SortHeader filters={filters} field="created_at" label="Created" descendingFirst />,
            ACTIONS_COLUMN,
          ]}
        >
          {(song) => (
            <tr key={song.id}>
              <th scope="row" class="cell-title">
                {song.track_name}
              </th>
              <td>
                {formatArtists(song.artists)}
                <DemoBadge demo={song.demo} />
              </td>
              <td class="numeric">{song.popularity ?? '—'}</td>
              <td>
                <VerdictBadge verdict={song.is_hit ? 'HIT' : 'FLOP'} size="small" />
              </td>
              <td class="nowrap">{formatDateTime(song.created_at)}</td>
              <td class="row-actions">
                <button type="button" class="button ghost small-button" aria-label={`Edit ${song.track_name}`} onClick={() => setEditing(song)}>
                  Edit
                </button>
                <button type="button" class="button ghost small-button" aria-label={`Delete ${song.track_name}`} onClick={() => setDeleting(song)}>
                  Delete
                </button>
              </td>
            </tr>
          )}
        </ListingTable>
      </ListingCard>
      {editing && <EditSong song={editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), changed())} />}
      {deleting && <DeleteSong song={deleting} onClose={() => setDeleting(null)} onDeleted={() => (setDeleting(null), changed())} />}
    </div>
  );
}

interface SongForm {
  track_name: string;
  artists: string;
  album_name: string;
  popularity: string;
  track_genre: string;
  is_hit: boolean;
  explicit: boolean;
  is_acoustic: boolean;
  is_instrumental: boolean;
  features: Record<AdminAudioFeature, string>;
}

/** The audio features fieldset, as the original's admin had one: the ranges are the API's. */
const FEATURE_LABELS: Record<AdminAudioFeature, string> = {
  danceability: 'Danceability (0–1)',
  energy: 'Energy (0–1)',
  valence: 'Valence (0–1)',
  acousticness: 'Acousticness (0–1)',
  instrumentalness: 'Instrumentalness (0–1)',
  speechiness: 'Speechiness (0–1)',
  liveness: 'Liveness (0–1)',
  loudness: 'Loudness (dB)',
  tempo: 'Tempo (BPM)',
  duration_ms: 'Duration (ms)',
  mode: 'Mode (1 major, 0 minor)',
  key: 'Key (0 = C … 11, −1 none)',
  time_signature: 'Time signature',
};

const CHECKS: Array<{ name: 'is_hit' | 'explicit' | 'is_acoustic' | 'is_instrumental'; label: string }> = [
  { name: 'is_hit', label: 'Hit (a label: no longer follows popularity)' },
  { name: 'explicit', label: 'Explicit' },
  { name: 'is_acoustic', label: 'Acoustic' },
  { name: 'is_instrumental', label: 'Instrumental' },
];

/** Edits a song; only the changed fields are sent, and the API names any bad one. */
function EditSong({ song, onClose, onSaved }: { song: AdminSong; onClose(): void; onSaved(): void }) {
  const [form, setForm] = useState<SongForm>({
    track_name: song.track_name,
    artists: song.artists,
    album_name: song.album_name ?? '',
    popularity: song.popularity === null ? '' : String(song.popularity),
    track_genre: song.track_genre ?? '',
    is_hit: song.is_hit,
    explicit: song.explicit,
    is_acoustic: song.is_acoustic,
    is_instrumental: song.is_instrumental,
    features: Object.fromEntries(ADMIN_AUDIO_FEATURES.map((name) => [name, String(song[name])])) as Record<AdminAudioFeature, string>,
  });
  const save = useAction(async () => {
    const edited: AdminSongChanges = {
      track_name: form.track_name,
      artists: form.artists,
      album_name: form.album_name.trim() || null,
      popularity: optionalInteger(form.popularity),
      track_genre: form.track_genre.trim() || null,
      is_hit: form.is_hit,
      explicit: form.explicit,
      is_acoustic: form.is_acoustic,
      is_instrumental: form.is_instrumental,
      ...Object.fromEntries(ADMIN_AUDIO_FEATURES.map((name) => [name, requiredNumber(form.features[name])])),
    };
    const changes = changedFields<AdminSongChanges>(song, edited);
    if (Object.keys(changes).length > 0) await adminApi.updateSong(song.id, changes);
    onSaved();
  });
  const text = (name: 'track_name' | 'artists' | 'album_name' | 'popularity' | 'track_genre') => ({
    value: form[name],
    onInput: (event: Event) => setForm({ ...form, [name]: (event.target as HTMLInputElement).value }),
  });
  return (
    <Dialog title={`Edit “${song.track_name}”`} onClose={onClose} wide>
      <form
        class="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save.run();
        }}
      >
        <div class="field-row">
          <label class="field">
            <span>Track</span>
            <input name="track_name" maxLength={300} {...text('track_name')} />
          </label>
          <label class="field">
            <span>Artists</span>
            <input name="artists" maxLength={300} {...text('artists')} aria-describedby="artists-hint" />
            <small class="muted" id="artists-hint">
              Several separated by “;”.
            </small>
          </label>
        </div>
        <div class="field-row">
          <label class="field">
            <span>Album</span>
            <input name="album_name" maxLength={300} {...text('album_name')} />
          </label>
          <label class="field">
            <span>Popularity (0–100)</span>
            <input name="popularity" inputMode="numeric" {...text('popularity')} />
          </label>
          <label class="field">
            <span>Genre</span>
            <input name="track_genre" maxLength={100} {...text('track_genre')} />
          </label>
        </div>
        <fieldset class="choice-field">
          <legend>Audio features</legend>
          <div class="field-grid">
            {ADMIN_AUDIO_FEATURES.map((name) => (
              <label class="field" key={name}>
                <span>{FEATURE_LABELS[name]}</span>
                <input
                  name={name}
                  inputMode="decimal"
                  value={form.features[name]}
                  onInput={(event) => setForm({ ...form, features: { ...form.features, [name]: (event.target as HTMLInputElement).value } })}
                />
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset class="choice-field check-grid">
          <legend>Flags</legend>
          {CHECKS.map((check) => (
            <label class="check" key={check.name}>
              <input
                type="checkbox"
                checked={form[check.name]}
                onChange={(event) => setForm({ ...form, [check.name]: (event.target as HTMLInputElement).checked })}
              />
              <span>{check.label}</span>
            </label>
          ))}
        </fieldset>
        <p class="muted small">
          Hit decided by {song.hit_source === 'label' ? 'a label' : 'popularity'} · {plural(song.prediction_count, 'prediction')} · id {formatCount(song.id)}
        </p>
        <FormError message={save.error} />
        <div class="actions">
          <button type="submit" class="button primary" disabled={save.busy} aria-busy={save.busy}>
            {save.busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" class="button ghost" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function DeleteSong({ song, onClose, onDeleted }: { song: AdminSong; onClose(): void; onDeleted(): void }) {
  const remove = useAction(async () => {
    await adminApi.deleteSong(song.id);
    onDeleted();
  });
  return (
    <ConfirmDialog
      title="Delete this song?"
      message={
        <>
          “{song.track_name}” by {formatArtists(song.artists)} goes for good
          {song.prediction_count > 0 ? `, with its ${plural(song.prediction_count, 'prediction')} and their audit logs` : ''}.
        </>
      }
      action="Delete song"
      busy={remove.busy}
      error={remove.error}
      onConfirm={() => void remove.run()}
      onClose={onClose}
    />
  );
}
