import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { analyticsApi, type AnalyticsArtistDetail, type BreakoutPrediction, type FanValueScore, type Momentum, type Superfans } from './analytics-api.js';
import { AlertTable } from './analytics-alerts.js';
import { AnalyticsNav, BreakoutBadge, MomentumBadge, MomentumGauge, ScoreParts } from './analytics-kit.js';
import { AppLink } from '../../components/app-link.js';
import { BarChart } from '../../components/bar-chart.js';
import { DataTable } from '../../components/data-table.js';
import { DemoBadge } from '../../components/demo-badge.js';
import { Loaded, LoadedListing } from '../../components/loaded.js';
import { RequireSignIn } from '../../components/require-sign-in.js';
import { TrendChart } from './trend-chart.js';
import { useLoad, useTitle, type Loadable } from '../../hooks.js';
import {
  describeDriver,
  FAN_SEGMENTS,
  formatCompact,
  formatProbability,
  formatScore,
  FVS_PARTS,
  MOMENTUM_PARTS,
  MOMENTUM_STATUSES,
  modelLabel,
  platformName,
  WINDOW_DAYS,
  windowFromQuery,
  type MomentumStatus,
} from './analytics.js';
import { formatCount, formatDate, formatDateTime, plural } from '../../lib/format.js';
import { withQuery, type RouteParams } from '../../lib/routes.js';
import { NotFoundPage } from '../../not-found-page.js';
import { navigate, useQueryParam } from '../../router.js';
import { DataInCard } from './analytics-data-in.js';
import { CompetingReleasesCard } from './competing-releases-card.js';
import './analytics.css';

const TOP_SUPERFANS = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One artist's dashboard: the audience over time with its spikes, FVS, momentum, breakout, superfans, alerts and data in. */
export function AnalyticsArtistPage({ params }: { params: RouteParams }) {
  return (
    <RequireSignIn what="see this artist’s fan analytics">
      <ArtistDashboard id={params['id']!} />
    </RequireSignIn>
  );
}

/** /analytics/:id (where Spotify's connection sends the browser back) is the artist's page. */
export function AnalyticsArtistRedirect({ params }: { params: RouteParams }) {
  const id = params['id']!;
  const valid = UUID.test(id);
  useEffect(() => {
    if (valid) navigate(`/analytics/artists/${encodeURIComponent(id)}${location.search}`, { replace: true });
  }, [id, valid]);
  return valid ? <p class="muted">Opening the artist’s analytics…</p> : <NotFoundPage />;
}

function ArtistDashboard({ id }: { id: string }) {
  const days = windowFromQuery(useQueryParam('days'));
  const spotifyConnected = useQueryParam('spotify') === 'connected';
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((value) => value + 1);
  const detail = useLoad((signal) => analyticsApi.artist(id, days, signal), [id, days, version]);
  const fvs = useLoad((signal) => analyticsApi.fanValueScore(id, signal), [id, version]);
  const momentum = useLoad((signal) => analyticsApi.momentum(id, signal), [id, version]);
  const breakout = useLoad((signal) => analyticsApi.breakout(id, signal), [id, version]);
  const superfans = useLoad((signal) => analyticsApi.superfans(id, TOP_SUPERFANS, signal), [id, version]);
  const alerts = useLoad((signal) => analyticsApi.alerts({ artist_id: id, acknowledged: 'false', page_size: 10 }, signal), [id, version]);
  useTitle(detail.state === 'ready' ? `Analytics · ${detail.data.name}` : 'Analytics · Artist');
  const setDays = (value: number) => navigate(withQuery(location.pathname, { days: value === 90 ? '' : String(value) }), { replace: true });

  return (
    <div class="catalog-page analytics-page">
      <AnalyticsNav refreshKey={version} />
      <Loaded value={detail}>
        {(artist) => (
          <>
            <ArtistHeader artist={artist} />
            {spotifyConnected && (
              <p class="success" role="status" data-testid="spotify-connected">
                Spotify is connected: its numbers are synced every 6 hours.
              </p>
            )}
            <section class="card" aria-labelledby="trend-title">
              <div class="card-head">
                <h2 id="trend-title">Audience over time</h2>
                <fieldset class="choice-field window-choice">
                  <legend class="sr-only">Window</legend>
                  <div class="segmented">
                    {WINDOW_DAYS.map((value) => (
                      <label key={value}>
                        <input type="radio" name="window" value={value} checked={days === value} onChange={() => setDays(value)} />
                        <span>{value} days</span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              </div>
              <TrendChart
                series={artist.series}
                spikes={artist.spikes}
                label={`${artist.name}: followers and daily streams, last ${artist.window_days} days`}
              />
            </section>
          </>
        )}
      </Loaded>
      {detail.state === 'ready' && (
        <>
          <div class="analytics-grid">
            <PanelCard name="fvs" value={fvs}>
              {(data) => <FvsPanel fvs={data} />}
            </PanelCard>
            <PanelCard name="momentum" value={momentum}>
              {(data) => <MomentumPanel momentum={data} />}
            </PanelCard>
            <PanelCard name="breakout" value={breakout}>
              {(data) => <BreakoutPanel breakout={data} />}
            </PanelCard>
            <PanelCard name="superfans" value={superfans}>
              {(data) => <SuperfansPanel superfans={data} />}
            </PanelCard>
          </div>
          <CompetingReleasesCard artistId={id} />
          <section class="card" aria-labelledby="artist-alerts-title">
            <div class="card-head">
              <h2 id="artist-alerts-title">Open alerts</h2>
              <AppLink class="small" href={withQuery('/analytics/alerts', { artist_id: id, status: 'all' })}>
                All alerts of {detail.data.name}
              </AppLink>
            </div>
            <LoadedListing value={alerts} empty="No open alerts for this artist.">
              {(listing) => (
                <>
                  <AlertTable alerts={listing.results} showArtist={false} onChanged={changed} />
                  {listing.count > listing.results.length && (
                    <p class="muted small">
                      Showing the newest {listing.results.length} of {plural(listing.count, 'open alert')}.
                    </p>
                  )}
                </>
              )}
            </LoadedListing>
          </section>
          <PlatformsCard artist={detail.data} />
          <DataInCard artistId={id} artistName={detail.data.name} onImported={changed} />
        </>
      )}
    </div>
  );
}

/** One of the dashboard's score panels, in a card named by the panel's heading (`${name}-title`). */
function PanelCard<T>({ name, value, children }: { name: string; value: Loadable<T>; children: (data: T) => ComponentChildren }) {
  return (
    <section class="card" aria-labelledby={`${name}-title`} data-testid={`${name}-card`}>
      <Loaded value={value}>{children}</Loaded>
    </section>
  );
}

function ArtistHeader({ artist }: { artist: AnalyticsArtistDetail }) {
  const listeners = artist.platform_details.reduce((sum, platform) => sum + (platform.monthly_listeners ?? 0), 0);
  return (
    <section class="card" aria-labelledby="artist-title">
      <p class="eyebrow">
        Artist analytics
        <DemoBadge demo={artist.demo} />
      </p>
      <div class="card-head">
        <h1 id="artist-title">{artist.name}</h1>
        <MomentumBadge status={artist.scores.momentum_status} testId="header-momentum-status" />
      </div>
      <p class="muted small">
        {artist.platforms.length ? artist.platforms.map(platformName).join(' · ') : 'No platform data yet'}
        {artist.last_metrics_date && ` · metrics up to ${formatDate(artist.last_metrics_date)}`}
        {artist.scores.date && ` · scored ${formatDate(artist.scores.date)}`} · <AppLink href={`/catalog/artists/${artist.id}`}>Catalog page</AppLink>
      </p>
      <ul class="stat-grid" aria-label="Artist figures">
        <li class="stat">
          <span class="stat-value" title={formatCount(artist.followers)}>
            {formatCompact(artist.followers)}
          </span>
          <span class="stat-label">Followers</span>
        </li>
        <li class="stat">
          <span class="stat-value" title={formatCount(listeners)}>
            {formatCompact(listeners)}
          </span>
          <span class="stat-label">Monthly listeners</span>
        </li>
        <li class="stat">
          <span class="stat-value">{formatScore(artist.scores.fan_value_score)}</span>
          <span class="stat-label">Fan Value Score</span>
        </li>
        <li class="stat">
          <span class="stat-value">{formatScore(artist.scores.momentum)}</span>
          <span class="stat-label">Momentum</span>
        </li>
        <li class="stat">
          <span class="stat-value">{formatProbability(artist.scores.breakout_probability)}</span>
          <span class="stat-label">Breakout chance</span>
        </li>
        <li class="stat">
          <span class="stat-value">{formatCount(artist.open_alerts)}</span>
          <span class="stat-label">Open alerts</span>
        </li>
      </ul>
    </section>
  );
}

function FvsPanel({ fvs }: { fvs: FanValueScore }) {
  return (
    <>
      <div class="card-head">
        <h2 id="fvs-title">Fan Value Score</h2>
        <span class="muted small">last {fvs.window_days} days</span>
      </div>
      <p class="score-headline">
        <span class="score-big" data-testid="fvs-score">
          {formatScore(fvs.score)}
        </span>
        <span class="muted"> of 100</span>
      </p>
      {fvs.score === null ? (
        <p class="muted">No daily metrics in the last {fvs.window_days} days.</p>
      ) : (
        <ScoreParts parts={FVS_PARTS} components={fvs.components} max={100} label="Fan Value Score breakdown" />
      )}
      <p class="fine-print">
        How valuable the audience is: 40% engagement, 30% growth, 20% reach and 10% conversion, each scored 0–100 ({plural(fvs.days_with_data, 'day')} with
        data).
      </p>
    </>
  );
}

function MomentumPanel({ momentum }: { momentum: Momentum }) {
  const status = momentum.status ? MOMENTUM_STATUSES[momentum.status as MomentumStatus] : null;
  return (
    <>
      <div class="card-head">
        <h2 id="momentum-title">Momentum</h2>
        <MomentumBadge status={momentum.status} testId="momentum-status" />
      </div>
      <div class="gauge-wrap">
        <MomentumGauge index={momentum.index} status={momentum.status} />
        <p class="muted small">{status ? `${status.label}: ${status.description}.` : 'No metrics to score yet.'}</p>
      </div>
      {momentum.index !== null && <ScoreParts parts={MOMENTUM_PARTS} components={momentum.components} max={10} label="Momentum Index breakdown" />}
      <p class="fine-print">
        How fast the audience moves now (last {momentum.window_days} days): 35% velocity, 30% acceleration, 20% consistency, 15% viral potential.
      </p>
    </>
  );
}

function BreakoutPanel({ breakout }: { breakout: BreakoutPrediction }) {
  return (
    <>
      <div class="card-head">
        <h2 id="breakout-title">Breakout prediction</h2>
        <BreakoutBadge label={breakout.label} testId="breakout-label" />
      </div>
      {breakout.probability === null ? (
        <p class="muted">{breakout.reason ?? 'Not enough history for a prediction yet.'}</p>
      ) : (
        <>
          <p class="score-headline">
            <span class="score-big" data-testid="breakout-probability">
              {formatProbability(breakout.probability)}
            </span>
            <span class="muted">
              {' '}
              chance the audience grows {breakout.factor}× within {breakout.horizon_days} days
            </span>
          </p>
          <div class="meter breakout-meter" aria-hidden="true">
            <span style={{ width: `${Math.round(breakout.probability * 100)}%` }} />
          </div>
          <p class="muted small" data-testid="breakout-model">
            Model: {modelLabel(breakout.model)}
            {breakout.model === 'random_forest'
              ? `, trained on ${plural(breakout.training_samples, 'labelled sample')}`
              : ' (too little labelled history to train the forest yet)'}
            {breakout.as_of && ` · as of ${formatDate(breakout.as_of)}`}
          </p>
          {breakout.drivers.length > 0 && (
            <>
              <h3 class="section-title">Top drivers</h3>
              <ul class="driver-list" data-testid="breakout-drivers">
                {breakout.drivers.map((driver) => {
                  const words = describeDriver(driver);
                  return (
                    <li key={driver.feature} class={`driver-${words.effect}`}>
                      <span aria-hidden="true" class="driver-mark">
                        {words.effect === 'raises' ? '▲' : '▼'}
                      </span>
                      <span>
                        <strong>{words.label}</strong> <span class="muted">{words.value}</span>
                      </span>
                      <span class="muted small">{words.effect} the chance</span>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </>
      )}
    </>
  );
}

function SuperfansPanel({ superfans }: { superfans: Superfans }) {
  return (
    <>
      <div class="card-head">
        <h2 id="superfans-title">Superfans</h2>
        <span class="muted small">
          {plural(superfans.total_fans, 'fan')} · last {superfans.window_days} days
        </span>
      </div>
      {superfans.total_fans === 0 ? (
        <p class="muted">No fan events yet: superfans are found from streams, saves, shares and purchases by fan.</p>
      ) : (
        <>
          <div data-testid="fan-segments">
            <BarChart
              label="Fans by segment"
              keepOrder
              entries={FAN_SEGMENTS.map((segment) => ({
                label: `${segment.label} (${formatCount(superfans.segments[segment.id].count)})`,
                value: superfans.segments[segment.id].share,
              }))}
            />
          </div>
          {superfans.top_superfans.length > 0 && (
            <>
              <h3 class="section-title">Top superfans</h3>
              <DataTable
                testId="top-superfans"
                caption="The superfans with the most depth"
                rows={superfans.top_superfans}
                columns={[
                  'Fan',
                  { label: <abbr title="Recency, frequency and depth, each 1–5">RFM</abbr>, numeric: true },
                  { label: 'Active days', numeric: true },
                  { label: <abbr title="streams + 3 × saves + 5 × shares + 20 × purchases">Depth</abbr>, numeric: true },
                  { label: 'Last seen', numeric: true },
                ]}
              >
                {(fan) => (
                  <tr key={fan.fan_id}>
                    <th scope="row" class="cell-title">
                      {fan.fan_id}
                    </th>
                    <td class="numeric">{fan.rfm}</td>
                    <td class="numeric">{formatCount(fan.active_days)}</td>
                    <td class="numeric">{formatCount(fan.depth)}</td>
                    <td class="numeric nowrap">{fan.recency_days === 0 ? 'today' : `${plural(fan.recency_days, 'day')} ago`}</td>
                  </tr>
                )}
              </DataTable>
            </>
          )}
        </>
      )}
    </>
  );
}

function PlatformsCard({ artist }: { artist: AnalyticsArtistDetail }) {
  return (
    <section class="card" aria-labelledby="platforms-title">
      <h2 id="platforms-title">Platforms</h2>
      {artist.platform_details.length === 0 ? (
        <p class="muted">No platform metrics yet.</p>
      ) : (
        <DataTable
          testId="platform-details"
          caption="The latest numbers on each platform"
          rows={artist.platform_details}
          columns={[
            'Platform',
            { label: 'Followers', numeric: true },
            { label: 'Monthly listeners', numeric: true },
            { label: 'Popularity', numeric: true },
            'As of',
            'Synced',
          ]}
        >
          {(platform) => (
            <tr key={platform.platform}>
              <th scope="row" class="cell-title">
                {platform.url ? (
                  <a href={platform.url} target="_blank" rel="noopener noreferrer">
                    {platformName(platform.platform)}
                  </a>
                ) : (
                  platformName(platform.platform)
                )}
              </th>
              <td class="numeric">{platform.followers === null ? '—' : formatCount(platform.followers)}</td>
              <td class="numeric">{platform.monthly_listeners === null ? '—' : formatCount(platform.monthly_listeners)}</td>
              <td class="numeric">{platform.popularity ?? '—'}</td>
              <td class="nowrap">{formatDate(platform.date)}</td>
              <td class="nowrap">{platform.last_sync_at ? formatDateTime(platform.last_sync_at) : <span class="muted">imported</span>}</td>
            </tr>
          )}
        </DataTable>
      )}
    </section>
  );
}
