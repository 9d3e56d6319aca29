import { leadsApi, type YoutubeStats } from './leads-api.js';
import { Filter } from '../admin/admin-kit.js';
import { AppLink } from '../../components/app-link.js';
import { ListingTable } from '../../components/data-table.js';
import { LeadsPage, OpportunityList, TierBadge, YoutubeCell } from './leads-kit.js';
import { Loaded } from '../../components/loaded.js';
import { StatTile } from '../../components/stat-tile.js';
import { useLoad, useTitle } from '../../hooks.js';
import { formatCompact } from '../analytics/analytics.js';
import { formatCount, plural } from '../../lib/format.js';
import { regionName, YOUTUBE_OPPORTUNITY_KINDS } from './leads.js';
import { withQuery } from '../../lib/routes.js';
import { navigate, useQueryParam } from '../../router.js';

const PAGE_SIZE = 20;

/** Leads whose YouTube lags behind their music, with the evidence, and the YouTube coverage and quota. */
export function LeadsYoutubePage() {
  useTitle('Leads · YouTube');
  return (
    <LeadsPage what="see the YouTube opportunities of the leads">
      <YoutubeOpportunities />
    </LeadsPage>
  );
}

function YoutubeOpportunities() {
  const requested = useQueryParam('kind');
  const kind = YOUTUBE_OPPORTUNITY_KINDS.some((entry) => entry.id === requested) ? requested : '';
  const page = Math.max(1, Math.floor(Number(useQueryParam('page'))) || 1);
  const stats = useLoad((signal) => leadsApi.youtubeStats(signal), []);
  const leads = useLoad((signal) => leadsApi.youtubeOpportunities({ ...(kind && { kind }), page, page_size: PAGE_SIZE }, signal), [kind, page]);
  const go = (changes: { kind?: string; page?: number }) => {
    const next = { kind, page: 1, ...changes };
    navigate(withQuery('/leads/youtube', { kind: next.kind, page: next.page > 1 ? String(next.page) : '' }), { replace: true });
  };
  return (
    <>
      <section class="card" aria-labelledby="youtube-stats-title">
        <p class="eyebrow">A&amp;R leads</p>
        <h1 id="youtube-stats-title">YouTube</h1>
        <Loaded value={stats}>{(data) => <YoutubeTotals stats={data} />}</Loaded>
      </section>
      <section class="card" aria-labelledby="opportunities-title">
        <div class="card-head">
          <h2 id="opportunities-title">Opportunities</h2>
          {leads.state === 'ready' && <span class="muted small">{plural(leads.data.count, 'lead')}</span>}
        </div>
        <div class="filters" role="group" aria-label="Filters">
          <Filter label="Kind" wide>
            {(id) => (
              <select id={id} value={kind} onChange={(event) => go({ kind: (event.target as HTMLSelectElement).value })}>
                <option value="">All kinds</option>
                {YOUTUBE_OPPORTUNITY_KINDS.map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {entry.label}
                    {stats.state === 'ready' && ` (${formatCount(stats.data.by_opportunity[entry.id] ?? 0)})`}
                  </option>
                ))}
              </select>
            )}
          </Filter>
        </div>
        <ListingTable
          value={leads}
          empty={kind ? 'No lead has this kind of YouTube opportunity.' : 'No YouTube opportunities yet: they are found when leads are analysed with YouTube.'}
          emptyTestId="no-opportunities"
          pager={{ label: 'Opportunity pages', page, pageSize: PAGE_SIZE, onPage: (next) => go({ page: next }) }}
          testId="youtube-opportunities-table"
          caption="Leads with YouTube opportunities, best lead first"
          columns={['Artist', 'Tier', { label: 'Score', numeric: true }, { label: 'Following', numeric: true }, 'YouTube', 'Opportunities']}
        >
          {(lead) => (
            <tr key={lead.artist_id}>
              <th scope="row" class="cell-title">
                <AppLink href={`/leads/artists/${lead.artist_id}`}>{lead.artist_name}</AppLink>
                <span class="muted small cell-sub">{regionName(lead.region)}</span>
              </th>
              <td>
                <TierBadge tier={lead.tier} />
              </td>
              <td class="numeric">{lead.total_score.toFixed(1)}</td>
              <td class="numeric">
                {formatCompact(lead.spotify_followers)}
                <span class="muted small cell-sub">Spotify</span>
                {lead.lastfm_listeners !== null && (
                  <>
                    {formatCompact(lead.lastfm_listeners)}
                    <span class="muted small cell-sub">Last.fm</span>
                  </>
                )}
              </td>
              <td class="nowrap">
                <YoutubeCell youtube={lead.youtube} />
              </td>
              <td class="opportunity-cell">
                <OpportunityList opportunities={lead.opportunities} />
              </td>
            </tr>
          )}
        </ListingTable>
      </section>
    </>
  );
}

function YoutubeTotals({ stats }: { stats: YoutubeStats }) {
  const quota = stats.quota;
  return (
    <>
      {!stats.configured && (
        <p class="notice">YouTube is not set up on this server (no API key), so channels are not checked; the figures below are from earlier checks.</p>
      )}
      <ul class="stat-grid" aria-label="YouTube coverage of the leads" data-testid="youtube-stats">
        <StatTile value={formatCount(stats.with_channel)} label="With a channel" />
        <StatTile value={formatCount(stats.without_channel)} label="No channel" hint="searched, none found" />
        <StatTile value={formatCount(stats.not_checked)} label="Not checked" />
        <StatTile value={formatCompact(stats.subscribers_total)} label="Subscribers" hint="of the channels found" />
        <StatTile value={formatCount(quota.used)} label="Quota units today" hint={`of ${formatCount(quota.limit)} a day (UTC)`} />
      </ul>
    </>
  );
}
