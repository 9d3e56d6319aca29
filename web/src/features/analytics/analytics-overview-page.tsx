import { useState } from 'preact/hooks';
import { analyticsApi, type AnalyticsArtist, type DashboardStats } from './analytics-api.js';
import { AnalyticsNav, MomentumBadge, NoArtists } from './analytics-kit.js';
import { AppLink } from '../../components/app-link.js';
import { DataTable } from '../../components/data-table.js';
import { DemoBadge } from '../../components/demo-badge.js';
import { Loaded, LoadedListing } from '../../components/loaded.js';
import { RequireSignIn } from '../../components/require-sign-in.js';
import { StatTile } from '../../components/stat-tile.js';
import { TabPanel, Tabs } from '../../components/tabs.js';
import { useDebounced, useLoad, useTitle } from '../../hooks.js';
import { formatCompact, formatProbability, formatScore, MOMENTUM_STATUSES, platformName, type MomentumStatus } from './analytics.js';
import { formatCount, formatDate, plural } from '../../lib/format.js';
import { useSession } from '../../session.js';
import './analytics.css';

const PAGE_SIZE = 20;
const TOP_LIMIT = 5;

/** Analytics: totals over the account's artists, the top performers, and the artists with their latest scores. */
export function AnalyticsOverviewPage() {
  useTitle('Analytics');
  return (
    <RequireSignIn what="see your artists’ fan analytics">
      <Overview />
    </RequireSignIn>
  );
}

function Overview() {
  const role = useSession()?.user.role ?? 'user';
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const settled = useDebounced(search.trim(), 250);
  const artists = useLoad((signal) => analyticsApi.artists({ search: settled, page, page_size: PAGE_SIZE }, signal), [settled, page]);
  const stats = useLoad((signal) => analyticsApi.stats(signal), []);
  if (artists.state === 'ready' && artists.data.count === 0 && !settled && page === 1) return <NoArtists role={role} />;
  return (
    <div class="catalog-page analytics-page">
      <AnalyticsNav />
      <section class="card" aria-labelledby="analytics-title">
        <p class="eyebrow">Fan analytics</p>
        <h1 id="analytics-title">Analytics</h1>
        <Loaded value={stats}>{(data) => <DashboardFigures stats={data} />}</Loaded>
      </section>
      <div class="catalog-columns">
        <section class="card catalog-main" aria-labelledby="analytics-artists-title">
          <div class="card-head">
            <h2 id="analytics-artists-title">Artists</h2>
            {artists.state === 'ready' && <span class="muted small">{plural(artists.data.count, 'artist')}</span>}
          </div>
          <div class="field compact analytics-search">
            <label for="analytics-search">Search artists</label>
            <input
              id="analytics-search"
              type="search"
              value={search}
              maxLength={200}
              autoComplete="off"
              onInput={(event) => {
                setSearch((event.target as HTMLInputElement).value);
                setPage(1);
              }}
            />
          </div>
          <LoadedListing
            value={artists}
            empty={`No artist matches “${settled}”.`}
            pager={{ label: 'Artist pages', page, pageSize: PAGE_SIZE, onPage: setPage }}
          >
            {({ results }) => <ArtistTable artists={results} />}
          </LoadedListing>
        </section>
        <TopPerformers />
      </div>
    </div>
  );
}

function DashboardFigures({ stats }: { stats: DashboardStats }) {
  const openAlerts = stats.alerts.reduce((sum, entry) => sum + entry.open, 0);
  const statuses = (Object.keys(MOMENTUM_STATUSES) as MomentumStatus[]).filter((status) => stats.momentum_statuses[status]).reverse();
  return (
    <>
      <ul class="stat-grid" aria-label="Totals over your artists" data-testid="analytics-stats">
        <StatTile value={formatCount(stats.artists)} label="Artists" hint="with metrics" />
        <StatTile value={formatCompact(stats.total_followers)} label="Followers" hint={`${formatCount(stats.total_followers)} on all platforms`} />
        <StatTile value={formatCompact(stats.streams_30d)} label="Streams" hint="last 30 days" />
        <StatTile value={formatScore(stats.average_fan_value_score)} label="Average FVS" hint="Fan Value Score, 0–100" />
        <StatTile value={formatScore(stats.average_momentum)} label="Average momentum" hint="Momentum Index, 0–10" />
        <StatTile
          value={formatCount(openAlerts)}
          label="Open alerts"
          hint={`${formatCount(stats.alerts.reduce((sum, entry) => sum + entry.last_7_days, 0))} in the last 7 days`}
        />
      </ul>
      {statuses.length > 0 && (
        <p class="status-summary">
          <span class="muted small">Momentum: </span>
          {statuses.map((status) => (
            <span key={status} class="status-count">
              <MomentumBadge status={status} /> {formatCount(stats.momentum_statuses[status] ?? 0)}
            </span>
          ))}
        </p>
      )}
    </>
  );
}

function ArtistTable({ artists }: { artists: AnalyticsArtist[] }) {
  return (
    <DataTable
      testId="analytics-artists"
      caption="Artists with their latest scores"
      rows={artists}
      columns={[
        'Artist',
        { label: 'Followers', numeric: true },
        { label: <abbr title="Fan Value Score, 0–100">FVS</abbr>, numeric: true },
        'Momentum',
        { label: 'Breakout', numeric: true },
        { label: 'Open alerts', numeric: true },
      ]}
    >
      {(artist) => (
        <tr key={artist.id} data-testid="analytics-artist-row">
          <th scope="row" class="cell-title">
            <AppLink href={`/analytics/artists/${artist.id}`}>{artist.name}</AppLink>
            <DemoBadge demo={artist.demo} />
            <span class="muted small cell-sub parts" title={artist.platforms.map(platformName).join(', ')}>
              <span class="nowrap">{artist.platforms.length ? plural(artist.platforms.length, 'platform') : 'No platform data yet'}</span>
              {artist.last_metrics_date && (
                <>
                  {' · '}
                  <span class="nowrap">to {formatDate(artist.last_metrics_date)}</span>
                </>
              )}
            </span>
          </th>
          <td class="numeric" title={formatCount(artist.followers)}>
            {formatCompact(artist.followers)}
          </td>
          <td class="numeric" data-testid="artist-fvs">
            {formatScore(artist.scores.fan_value_score)}
          </td>
          <td class="nowrap">
            <span class="momentum-cell">
              <span class="numeric-figure">{formatScore(artist.scores.momentum)}</span>
              <MomentumBadge status={artist.scores.momentum_status} testId="artist-momentum-status" />
            </span>
          </td>
          <td class="numeric">{formatProbability(artist.scores.breakout_probability)}</td>
          <td class="numeric">
            {artist.open_alerts > 0 ? (
              <AppLink href={`/analytics/alerts?artist_id=${artist.id}`} aria-label={`${plural(artist.open_alerts, 'open alert')} of ${artist.name}`}>
                {formatCount(artist.open_alerts)}
              </AppLink>
            ) : (
              <span class="muted">0</span>
            )}
          </td>
        </tr>
      )}
    </DataTable>
  );
}

const RANKINGS = [
  { id: 'fvs', label: 'By FVS' },
  { id: 'momentum', label: 'By momentum' },
] as const;

function TopPerformers() {
  const [by, setBy] = useState<'fvs' | 'momentum'>('fvs');
  const top = useLoad((signal) => analyticsApi.topPerformers(by, TOP_LIMIT, signal), [by]);
  return (
    <section class="card catalog-side" aria-labelledby="top-performers-title">
      <h2 id="top-performers-title">Top performers</h2>
      <Tabs id="top-performers" label="Rank the artists" tabs={RANKINGS} value={by} onChange={(value) => setBy(value)} />
      <TabPanel id="top-performers" value={by}>
        <LoadedListing value={top} empty="No scores yet: they are computed from the daily metrics every few hours.">
          {(data) => (
            <ol class="rank-list" data-testid="top-performers" aria-label={by === 'fvs' ? 'Highest Fan Value Score first' : 'Highest momentum first'}>
              {data.results.map((artist) => (
                <li key={artist.id}>
                  <AppLink href={`/analytics/artists/${artist.id}`} class="rank-name">
                    {artist.name}
                  </AppLink>
                  <DemoBadge demo={artist.demo} />
                  {by === 'fvs' ? (
                    <span class="rank-value">
                      {formatScore(artist.scores.fan_value_score)}
                      <span class="muted small"> FVS</span>
                    </span>
                  ) : (
                    <span class="rank-value">
                      {formatScore(artist.scores.momentum)}
                      <MomentumBadge status={artist.scores.momentum_status} />
                    </span>
                  )}
                </li>
              ))}
            </ol>
          )}
        </LoadedListing>
      </TabPanel>
    </section>
  );
}
