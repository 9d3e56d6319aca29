import { useState } from 'preact/hooks';
import { catalogApi } from '../../api/catalog.js';
import type { CatalogSong } from '../../api/catalog-types.js';
import { AppLink } from '../../components/app-link.js';
import { CatalogNav } from './catalog-nav.js';
import { FormError } from '../../components/form-error.js';
import { Loaded } from '../../components/loaded.js';
import { RequireSignIn } from '../../components/require-sign-in.js';
import { SongList } from './song-list.js';
import { SubmitButton } from '../../components/submit-button.js';
import { useAction, useLoad, useTitle } from '../../hooks.js';
import { plural } from '../../lib/format.js';
import { useSession } from '../../session.js';

/** The API refuses bigger files (413); saying so first saves the wait. */
const MAX_AUDIO_BYTES = 50 * 1024 * 1024;
const AUDIO_TYPES = 'audio/*,.mp3,.wav,.m4a,.flac,.ogg,.aac';

interface Details {
  title: string;
  album_id: string;
  genres: string;
  release_date: string;
  visibility: 'public' | 'private';
}

const EMPTY: Details = { title: '', album_id: '', genres: '', release_date: '', visibility: 'public' };

/** Artists publish a song: the audio file and its details; below, their songs. */
export function UploadPage() {
  useTitle('Upload a song');
  return (
    <div class="catalog-page">
      <CatalogNav />
      <RequireSignIn role="artist" what="publish songs">
        <Upload />
      </RequireSignIn>
    </div>
  );
}

function Upload() {
  const artistId = useSession()?.user.artist_id ?? null;
  const [details, setDetails] = useState<Details>(EMPTY);
  const [file, setFile] = useState<File | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [published, setPublished] = useState<CatalogSong | null>(null);
  const [albumsKey, setAlbumsKey] = useState(0);
  const albums = useLoad(
    (signal) => (artistId ? catalogApi.albums({ artist: artistId, page_size: 100 }, signal) : Promise.resolve(null)),
    [artistId, albumsKey],
  );
  const mine = useLoad(
    (signal) => (artistId ? catalogApi.artistSongs(artistId, { ordering: '-created', page_size: 20 }, signal) : Promise.resolve(null)),
    [artistId, published?.id],
  );
  const upload = useAction(async () => {
    const song = await catalogApi.upload(
      {
        title: details.title.trim(),
        visibility: details.visibility,
        ...(details.album_id && { album_id: details.album_id }),
        ...(details.genres.trim() && { genres: details.genres }),
        ...(details.release_date && { release_date: details.release_date }),
      },
      file!,
    );
    setPublished(song);
    setDetails({ ...EMPTY, album_id: details.album_id, visibility: details.visibility });
    setFile(null);
    setFormKey((key) => key + 1);
  });
  const set = (name: keyof Details) => (event: Event) => setDetails({ ...details, [name]: (event.target as HTMLInputElement).value });
  const submit = (event: Event) => {
    event.preventDefault();
    setPublished(null);
    if (!file) return upload.setError('Choose the audio file of the song.');
    if (file.size > MAX_AUDIO_BYTES) return upload.setError('The audio file is over 50 MB: export a smaller one (MP3 or AAC, say).');
    if (!details.title.trim()) return upload.setError('Give the song a title.');
    void upload.run();
  };
  return (
    <div class="catalog-columns">
      <section class="card catalog-main" aria-labelledby="upload-title">
        <h1 id="upload-title">Upload a song</h1>
        <p class="muted">MP3, WAV, M4A, FLAC, OGG or AAC, up to 50 MB. Duration and bitrate are read from the file.</p>
        <form class="stack" key={formKey} onSubmit={submit} noValidate aria-describedby={upload.error ? 'upload-error' : undefined}>
          <label class="field">
            <span>Audio file</span>
            <input
              name="audio"
              type="file"
              accept={AUDIO_TYPES}
              onChange={(event) => setFile((event.target as HTMLInputElement).files?.[0] ?? null)}
              required
            />
          </label>
          <label class="field">
            <span>Title</span>
            <input name="title" value={details.title} onInput={set('title')} maxLength={200} required autoComplete="off" />
          </label>
          <div class="field-row">
            <label class="field">
              <span>Album</span>
              <select name="album_id" value={details.album_id} onChange={set('album_id')}>
                <option value="">No album (a single)</option>
                {albums.state === 'ready' &&
                  albums.data?.results.map((album) => (
                    <option key={album.id} value={album.id}>
                      {album.title}
                    </option>
                  ))}
              </select>
            </label>
            <label class="field">
              <span>Release date</span>
              <input name="release_date" type="date" value={details.release_date} onInput={set('release_date')} />
            </label>
          </div>
          <label class="field">
            <span>Genres</span>
            <input
              name="genres"
              value={details.genres}
              onInput={set('genres')}
              placeholder="e.g. Synthwave, Pop"
              autoComplete="off"
              aria-describedby="genres-hint"
            />
            <small class="muted" id="genres-hint">
              Separate them by commas; new ones are created.
            </small>
          </label>
          <fieldset class="choice-field">
            <legend>Who can listen</legend>
            <div class="segmented">
              {(
                [
                  ['public', 'Everyone'],
                  ['private', 'Only me'],
                ] as const
              ).map(([value, label]) => (
                <label key={value}>
                  <input
                    type="radio"
                    name="visibility"
                    value={value}
                    checked={details.visibility === value}
                    onChange={() => setDetails({ ...details, visibility: value })}
                  />
                  <span>{label}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <FormError message={upload.error} id="upload-error" />
          {published && (
            <p class="success" role="status" data-testid="upload-success">
              “{published.title}” is published{published.visibility === 'private' ? ' (only you can hear it)' : ''}.{' '}
              <AppLink href={`/catalog/artists/${published.artist.id}`}>See it on your artist page</AppLink>
            </p>
          )}
          <div class="actions">
            <SubmitButton busy={upload.busy} label="Upload" busyLabel="Uploading…" />
          </div>
        </form>
      </section>
      <div class="catalog-side">
        <NewAlbum onCreated={(id) => (setAlbumsKey((key) => key + 1), setDetails((current) => ({ ...current, album_id: id })))} />
        <section class="card" aria-labelledby="your-songs">
          <div class="card-head">
            <h2 id="your-songs">Your songs</h2>
            {mine.state === 'ready' && mine.data && <span class="muted small">{plural(mine.data.count, 'song')}</span>}
          </div>
          <Loaded value={mine}>
            {(listing) =>
              !listing ? (
                <p class="muted">This account publishes as no artist.</p>
              ) : listing.results.length === 0 ? (
                <p class="muted">Nothing yet: your first upload appears here.</p>
              ) : (
                <SongList songs={listing.results} label="Your songs" />
              )
            }
          </Loaded>
        </section>
      </div>
    </div>
  );
}

/** A new album to put songs on: a title, and a cover if there is one. */
function NewAlbum({ onCreated }: { onCreated(id: string): void }) {
  const [title, setTitle] = useState('');
  const [cover, setCover] = useState<File | null>(null);
  const [formKey, setFormKey] = useState(0);
  const create = useAction(async () => {
    const album = await catalogApi.createAlbum({ title: title.trim() }, cover);
    setTitle('');
    setCover(null);
    setFormKey((key) => key + 1);
    onCreated(album.id);
  });
  return (
    <section class="card" aria-labelledby="new-album">
      <h2 id="new-album">New album</h2>
      <form
        class="stack"
        key={formKey}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!title.trim()) return create.setError('Give the album a title.');
          void create.run();
        }}
      >
        <label class="field">
          <span>Album title</span>
          <input value={title} onInput={(event) => setTitle((event.target as HTMLInputElement).value)} maxLength={200} autoComplete="off" />
        </label>
        <label class="field">
          <span>Cover (optional)</span>
          <input type="file" accept="image/jpeg,image/png,image/webp" onChange={(event) => setCover((event.target as HTMLInputElement).files?.[0] ?? null)} />
        </label>
        <FormError message={create.error} />
        <div class="actions">
          <button type="submit" class="button" disabled={create.busy}>
            {create.busy ? 'Creating…' : 'Create album'}
          </button>
        </div>
      </form>
    </section>
  );
}
