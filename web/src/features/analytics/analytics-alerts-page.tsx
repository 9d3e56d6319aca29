import { useState } from 'preact/hooks';
import { analyticsApi, type AlertFilters } from './analytics-api.js';
import { Filter } from '../admin/admin-kit.js';
import { AlertTable } from './analytics-alerts.js';
import { AnalyticsNav } from './analytics-kit.js';
import { LoadedListing } from '../../components/loaded.js';
import { RequireSignIn } from '../../components/require-sign-in.js';
import { useLoad, useTitle } from '../../hooks.js';
import { ALERT_STATUSES, ALERT_TYPES, alertStatusFromQuery, alertStatusQuery } from './analytics.js';
import { plural } from '../../lib/format.js';
import { withQuery } from '../../lib/routes.js';
import { navigate, useQueryParam } from '../../router.js';
import './analytics.css';

const PAGE_SIZE = 20;

/** Alerts on the account's artists (viral spikes, viral momentum, likely breakouts), open ones first to act on. */
export function AnalyticsAlertsPage() {
  useTitle('Analytics · Alerts');
  return (
    <RequireSignIn what="see your artists’ alerts">
      <Alerts />
    </RequireSignIn>
  );
}

function Alerts() {
  // The filters live in the address, so a link can open a filtered list (an artist's alerts, say).
  const artistId = useQueryParam('artist_id');
  const type = useQueryParam('type');
  const status = alertStatusFromQuery(useQueryParam('status'));
  const page = Math.max(1, Math.floor(Number(useQueryParam('page'))) || 1);
  const [version, setVersion] = useState(0);
  const query: AlertFilters = {
    artist_id: artistId || undefined,
    type: ALERT_TYPES.find((entry) => entry.id === type)?.id ?? '',
    acknowledged: alertStatusQuery(status),
  };
  const alerts = useLoad((signal) => analyticsApi.alerts({ ...query, page, page_size: PAGE_SIZE }, signal), [artistId, type, status, page, version]);
  const artists = useLoad((signal) => analyticsApi.artists({ page_size: 100 }, signal), []);
  const go = (changes: Record<string, string>) => {
    const next = { artist_id: artistId, type, status: status === 'open' ? '' : status, page: '', ...changes };
    navigate(withQuery('/analytics/alerts', next), { replace: true });
  };
  return (
    <div class="catalog-page analytics-page">
      <AnalyticsNav refreshKey={version} />
      <section class="card" aria-labelledby="alerts-title">
        <div class="card-head">
          <h1 id="alerts-title">Alerts</h1>
          {alerts.state === 'ready' && (
            <span class="muted small" data-testid="alert-count">
              {plural(alerts.data.count, 'alert')}
            </span>
          )}
        </div>
        <p class="muted">
          Raised by the scheduled scoring: engagement spikes every 3 hours, viral momentum and likely breakouts every 6 hours. Acknowledge an alert once your
          team has looked at it.
        </p>
        <div class="filters" role="group" aria-label="Filters">
          <Filter label="Status">
            {(id) => (
              <select
                id={id}
                value={status}
                onChange={(event) => go({ status: (event.target as HTMLSelectElement).value === 'open' ? '' : (event.target as HTMLSelectElement).value })}
              >
                {ALERT_STATUSES.map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {entry.label}
                  </option>
                ))}
              </select>
            )}
          </Filter>
          <Filter label="Type">
            {(id) => (
              <select id={id} value={type} onChange={(event) => go({ type: (event.target as HTMLSelectElement).value })}>
                <option value="">All types</option>
                {ALERT_TYPES.map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {entry.label}
                  </option>
                ))}
              </select>
            )}
          </Filter>
          <Filter label="Artist" wide>
            {(id) => (
              <select id={id} value={artistId} onChange={(event) => go({ artist_id: (event.target as HTMLSelectElement).value })}>
                <option value="">All artists</option>
                {artists.state === 'ready' &&
                  artists.data.results.map((artist) => (
                    <option key={artist.id} value={artist.id}>
                      {artist.name}
                    </option>
                  ))}
              </select>
            )}
          </Filter>
        </div>
        <LoadedListing
          value={alerts}
          empty={status === 'open' ? 'No open alerts: nothing needs your attention.' : 'No alerts match these filters.'}
          emptyTestId="no-alerts"
          pager={{ label: 'Alert pages', page, pageSize: PAGE_SIZE, onPage: (next) => go({ page: next > 1 ? String(next) : '' }) }}
        >
          {({ results }) => <AlertTable alerts={results} onChanged={() => setVersion((value) => value + 1)} />}
        </LoadedListing>
      </section>
    </div>
  );
}
