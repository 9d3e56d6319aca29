import { analyticsApi, type CompetingRelease, type CompetingReleases, type OwnRelease } from './analytics-api.js';
import { DataTable } from '../../components/data-table.js';
import { Loaded } from '../../components/loaded.js';
import { useLoad } from '../../hooks.js';
import { formatDate, formatDateTime, plural } from '../../lib/format.js';

/** This week's releases by others in the artist's genres (the daily analytics-competing-releases job), beside the artist's own latest release. */
export function CompetingReleasesCard({ artistId }: { artistId: string }) {
  const week = useLoad((signal) => analyticsApi.competingReleases(artistId, undefined, signal), [artistId]);
  return (
    <section class="card" aria-labelledby="competing-title" data-testid="competing-releases-card">
      <Loaded value={week}>{(data) => <CompetingWeek data={data} />}</Loaded>
    </section>
  );
}

function CompetingWeek({ data }: { data: CompetingReleases }) {
  return (
    <>
      <div class="card-head">
        <h2 id="competing-title">Releases this week</h2>
        <span class="muted small">
          {data.week.week}: {formatDate(data.week.start)} – {formatDate(data.week.end)}
        </span>
      </div>
      <div class="competing-layout">
        <OwnLatest release={data.latest_release} thisWeek={data.own_releases.length} />
        <div>
          <h3 class="section-title">Competing in {data.genres?.length ? data.genres.join(', ') : 'the artist’s genres'}</h3>
          {data.note ? (
            <p class="muted" data-testid="competing-note">
              {data.note}
            </p>
          ) : data.results.length === 0 ? (
            <p class="muted" data-testid="competing-note">
              No other releases of the week in these genres on Spotify so far.
            </p>
          ) : (
            <CompetingTable releases={data.results} />
          )}
          {data.scanned_at && <p class="fine-print">From Spotify’s new releases and genre searches, last checked {formatDateTime(data.scanned_at)}.</p>}
        </div>
      </div>
    </>
  );
}

function OwnLatest({ release, thisWeek }: { release: OwnRelease | null; thisWeek: number }) {
  return (
    <div data-testid="own-latest-release">
      <h3 class="section-title">Own latest release</h3>
      {release ? (
        <p>
          <strong>{release.title}</strong>
          {release.album && <span class="muted"> · {release.album}</span>}
          <br />
          <span class="muted small">
            {formatDate(release.release_date)}
            {thisWeek > 0 && ` · ${plural(thisWeek, 'release')} this week`}
          </span>
        </p>
      ) : (
        <p class="muted">No public catalog release yet.</p>
      )}
    </div>
  );
}

function CompetingTable({ releases }: { releases: CompetingRelease[] }) {
  return (
    <DataTable
      testId="competing-releases"
      caption="Other artists’ releases of the week in the same genres"
      rows={releases}
      columns={['Release', 'Artists', 'Genres', 'Released']}
    >
      {(release) => (
        <tr key={release.spotify_album_id} data-testid="competing-release-row">
          <th scope="row" class="cell-title">
            <a href={release.spotify_url} target="_blank" rel="noopener noreferrer">
              {release.name}
            </a>
            {release.album_type && <span class="muted small"> · {release.album_type}</span>}
          </th>
          <td>{release.artists.join(', ')}</td>
          <td>{release.genres.join(', ')}</td>
          <td class="nowrap">{formatDate(release.release_date)}</td>
        </tr>
      )}
    </DataTable>
  );
}
