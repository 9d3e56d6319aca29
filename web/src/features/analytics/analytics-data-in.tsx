import { useState } from 'preact/hooks';
import { analyticsApi, type MetricsUploadResult, type SpotifyStatus } from './analytics-api.js';
import { FormError } from '../../components/form-error.js';
import { Loaded } from '../../components/loaded.js';
import { SubmitButton } from '../../components/submit-button.js';
import { useAction, useLoad } from '../../hooks.js';
import { formatDate, formatDateTime, plural } from '../../lib/format.js';

const CSV_COLUMNS = 'platform,date and any of followers, monthly_listeners, popularity, streams, likes, comments, shares, saves, playlist_adds, views';

/** Data in: the artist's Spotify connection and a CSV of daily metrics. */
export function DataInCard({ artistId, artistName, onImported }: { artistId: string; artistName: string; onImported(): void }) {
  return (
    <section class="card" aria-labelledby="data-in-title">
      <h2 id="data-in-title">Data in</h2>
      <div class="data-in-grid">
        <SpotifyConnection artistId={artistId} artistName={artistName} />
        <MetricsCsvForm artistId={artistId} onImported={onImported} />
      </div>
    </section>
  );
}

function SpotifyConnection({ artistId, artistName }: { artistId: string; artistName: string }) {
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const status = useLoad((signal) => analyticsApi.spotifyStatus(artistId, signal), [artistId, version]);
  const connect = useAction(async () => {
    const { authorize_url } = await analyticsApi.spotifyAuthorizeUrl(artistId);
    location.assign(authorize_url);
  });
  const disconnect = useAction(async () => {
    const answer = await analyticsApi.spotifyDisconnect(artistId);
    setNotice(answer.notice);
    setVersion((value) => value + 1);
  });
  return (
    <div class="data-in-part" data-testid="spotify-connection">
      <h3>Spotify</h3>
      <Loaded value={status}>
        {(data) => (
          <>
            <p class="muted small">{spotifyStatusText(data, artistName)}</p>
            <div class="actions">
              <button
                type="button"
                class={`button ${data.connected && !data.needs_reconnect ? 'ghost' : 'primary'}`}
                disabled={!data.configured || connect.busy}
                aria-busy={connect.busy}
                onClick={() => void connect.run()}
              >
                {data.connected ? 'Reconnect Spotify' : 'Connect Spotify'}
              </button>
              {data.connected && (
                <button type="button" class="button ghost" disabled={disconnect.busy} onClick={() => void disconnect.run()}>
                  Disconnect
                </button>
              )}
            </div>
            {notice && (
              <p class="success small" role="status">
                {notice}
              </p>
            )}
          </>
        )}
      </Loaded>
      <FormError message={connect.error ?? disconnect.error} />
    </div>
  );
}

function spotifyStatusText(status: SpotifyStatus, artistName: string): string {
  if (!status.configured) return 'Spotify is not set up on this server (its app credentials are missing), so accounts cannot be connected yet.';
  if (!status.connected) return `Connect ${artistName}’s Spotify account to sync followers, listeners and popularity every 6 hours.`;
  const who = status.display_name ?? status.spotify_user_id ?? 'a Spotify account';
  if (status.needs_reconnect) return `Connected as ${who}, but Spotify no longer accepts the connection: connect again.`;
  const since = status.connected_at ? ` since ${formatDateTime(status.connected_at)}` : '';
  const sync = status.artist_profile?.last_sync_at ? ` Last synced ${formatDateTime(status.artist_profile.last_sync_at)}.` : '';
  return `Connected as ${who}${since}.${sync}${status.last_error ? ` Last error: ${status.last_error}` : ''}`;
}

function MetricsCsvForm({ artistId, onImported }: { artistId: string; onImported(): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<MetricsUploadResult | null>(null);
  const [formKey, setFormKey] = useState(0);
  const upload = useAction(async (chosen: File) => {
    setResult(await analyticsApi.uploadMetricsCsv(artistId, chosen));
    setFile(null);
    setFormKey((value) => value + 1);
    onImported();
  });
  const [missing, setMissing] = useState(false);
  return (
    <div class="data-in-part">
      <h3>Import daily metrics</h3>
      <form
        class="stack"
        key={formKey}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setResult(null);
          setMissing(!file);
          if (file) void upload.run(file);
        }}
      >
        <label class="field">
          <span>CSV file</span>
          <input
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="metrics-csv-hint"
            onChange={(event) => setFile((event.target as HTMLInputElement).files?.[0] ?? null)}
          />
          <small class="muted" id="metrics-csv-hint">
            Columns: {CSV_COLUMNS}. Up to 10 MB; a day sent again replaces the numbers it carries.
          </small>
        </label>
        <div class="actions">
          <SubmitButton busy={upload.busy} label="Import CSV" />
        </div>
      </form>
      <FormError message={missing ? 'Choose a CSV file first.' : upload.error} />
      {result && (
        <p class="success" role="status" data-testid="metrics-imported">
          Imported {plural(result.inserted, 'new row')} and {plural(result.updated, 'updated row')} (one per platform and day)
          {result.first_date && result.last_date && ` from ${formatDate(result.first_date)} to ${formatDate(result.last_date)}`}. Scores are recomputed on the
          next scheduled run.
        </p>
      )}
    </div>
  );
}
