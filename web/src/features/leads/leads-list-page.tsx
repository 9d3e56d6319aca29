import { useEffect, useState } from 'preact/hooks';
import { leadsApi, type Lead } from './leads-api.js';
import { Filter, SortHeader, type Sorting } from '../admin/admin-kit.js';
import { AppLink } from '../../components/app-link.js';
import { ListingTable } from '../../components/data-table.js';
import { DemoBadge } from '../../components/demo-badge.js';
import { LeadsPage, TierBadge, YoutubeCell } from './leads-kit.js';
import { useDebounced, useLoad, useTitle } from '../../hooks.js';
import { nextOrdering } from '../admin/admin.js';
import { formatCompact } from '../analytics/analytics.js';
import { formatCount, plural } from '../../lib/format.js';
import {
  DEFAULT_REGIONS,
  independenceName,
  LEAD_TIERS,
  leadFilters,
  leadListFromQuery,
  leadListQuery,
  outreachName,
  OUTREACH_STATUSES,
  regionName,
  toggleTier,
  YOUTUBE_FILTERS,
  type LeadListState,
} from './leads.js';
import { withQuery } from '../../lib/routes.js';
import { navigate, useQuery } from '../../router.js';
import { LeadExport } from './lead-export.js';

const PAGE_SIZE = 25;

/** The leads, best first: filters and sorting kept in the address, a pager, and exports of what the filters select. */
export function LeadsListPage() {
  useTitle('Leads');
  return (
    <LeadsPage what="work with A&R leads">
      <LeadList />
    </LeadsPage>
  );
}

function LeadList() {
  const state = leadListFromQuery(useQuery());
  const go = (changes: Partial<LeadListState>) => navigate(withQuery('/leads', leadListQuery({ ...state, page: 1, ...changes })), { replace: true });
  const query = leadListQuery(state);
  const leads = useLoad(
    (signal) => leadsApi.list({ ...leadFilters(state), ordering: state.ordering, page: state.page, page_size: PAGE_SIZE }, signal),
    [JSON.stringify(query)],
  );
  const sorting: Sorting = {
    ordering: state.ordering,
    sortBy: (field, descendingFirst) => go({ ordering: nextOrdering(state.ordering, field, descendingFirst) }),
  };
  const filtered = Object.keys(leadFilters(state)).length > 0;
  return (
    <section class="card" aria-labelledby="leads-title">
      <div class="card-head">
        <h1 id="leads-title">Leads</h1>
        {leads.state === 'ready' && (
          <span class="muted small" data-testid="lead-count">
            {plural(leads.data.count, 'lead')}
            {filtered && ' match'}
          </span>
        )}
      </div>
      <LeadFilters state={state} go={go} />
      <LeadExport filters={leadFilters(state)} />
      <ListingTable
        value={leads}
        empty={
          filtered ? (
            'No leads match these filters.'
          ) : (
            <>
              No leads yet: <AppLink href="/leads/analyze">analyse some ISRCs</AppLink> to find them.
            </>
          )
        }
        emptyTestId="no-leads"
        pager={{ label: 'Lead pages', page: state.page, pageSize: PAGE_SIZE, onPage: (page) => go({ page }) }}
        testId="lead-table"
        caption="Leads, sorted by the column marked"
        columns={[
          <SortHeader filters={sorting} field="artist_name" label="Artist" />,
          'Tier',
          <SortHeader filters={sorting} field="total_score" label="Score" descendingFirst numeric />,
          'Region',
          'Independence',
          'Label',
          <SortHeader filters={sorting} field="spotify_followers" label="Spotify followers" descendingFirst numeric />,
          <SortHeader filters={sorting} field="youtube_subscribers" label="YouTube" descendingFirst />,
          'Outreach',
        ]}
      >
        {(lead) => <LeadRow key={lead.artist_id} lead={lead} />}
      </ListingTable>
    </section>
  );
}

function LeadFilters({ state, go }: { state: LeadListState; go(changes: Partial<LeadListState>): void }) {
  // The search settles before it goes into the address (and the request).
  const [search, setSearch] = useState(state.search);
  const settled = useDebounced(search, 250);
  useEffect(() => {
    if (settled.trim() !== state.search.trim()) go({ search: settled });
  }, [settled]);
  // Regions with leads, named as the label's geography targets name them.
  const stats = useLoad((signal) => leadsApi.stats(signal), []);
  const regions =
    stats.state === 'ready'
      ? stats.data.by_region.map((entry) => ({ id: entry.region, label: `${entry.name} (${formatCount(entry.count)})` }))
      : DEFAULT_REGIONS.map((id) => ({ id, label: regionName(id) }));
  return (
    <div class="filters admin-filters lead-filters" role="group" aria-label="Filters">
      <fieldset class="choice-field tier-choice">
        <legend>Tier</legend>
        <div class="tier-checks">
          {LEAD_TIERS.map((tier) => (
            <label class="check" key={tier}>
              <input type="checkbox" checked={state.tiers.includes(tier)} onChange={() => go({ tiers: toggleTier(state.tiers, tier) })} />
              <span>{tier}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Filter label="Search artists" wide>
        {(id) => (
          <input
            id={id}
            type="search"
            value={search}
            maxLength={200}
            autoComplete="off"
            onInput={(event) => setSearch((event.target as HTMLInputElement).value)}
          />
        )}
      </Filter>
      <Filter label="Region">
        {(id) => (
          <select id={id} value={state.region} onChange={(event) => go({ region: (event.target as HTMLSelectElement).value })}>
            <option value="">All regions</option>
            {regions.map((region) => (
              <option key={region.id} value={region.id}>
                {region.label}
              </option>
            ))}
          </select>
        )}
      </Filter>
      <Filter label="Minimum score">
        {(id) => (
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            value={state.minScore}
            onChange={(event) => go({ minScore: (event.target as HTMLInputElement).value })}
          />
        )}
      </Filter>
      <Filter label="YouTube">
        {(id) => (
          <select id={id} value={state.youtube} onChange={(event) => go({ youtube: (event.target as HTMLSelectElement).value })}>
            <option value="">Any</option>
            {YOUTUBE_FILTERS.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.label}
              </option>
            ))}
          </select>
        )}
      </Filter>
      <Filter label="Outreach">
        {(id) => (
          <select id={id} value={state.outreach} onChange={(event) => go({ outreach: (event.target as HTMLSelectElement).value })}>
            <option value="">Any status</option>
            {OUTREACH_STATUSES.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.label}
              </option>
            ))}
          </select>
        )}
      </Filter>
      <div class="filter-actions">
        <button
          type="button"
          class="button ghost small-button"
          onClick={() => {
            setSearch('');
            navigate('/leads', { replace: true });
          }}
        >
          Clear filters
        </button>
      </div>
    </div>
  );
}

function LeadRow({ lead }: { lead: Lead }) {
  return (
    <tr data-testid="lead-row">
      <th scope="row" class="cell-title">
        <AppLink href={`/leads/artists/${lead.artist_id}`}>{lead.artist_name}</AppLink>
        <DemoBadge demo={lead.demo} />
        <span class="muted small cell-sub">
          {[lead.country, lead.genres.slice(0, 2).join(', ')].filter(Boolean).join(' · ') || plural(lead.isrcs.length, 'ISRC')}
        </span>
      </th>
      <td>
        <TierBadge tier={lead.tier} testId="lead-tier" />
      </td>
      <td class="numeric" data-testid="lead-score">
        {lead.total_score.toFixed(1)}
      </td>
      <td class="nowrap">{regionName(lead.region)}</td>
      <td class="nowrap">{independenceName(lead.independence)}</td>
      <td>
        {lead.label_name ?? <span class="muted">—</span>}
        {lead.distributor_name && <span class="muted small cell-sub">via {lead.distributor_name}</span>}
      </td>
      <td class="numeric" title={lead.spotify_followers === null ? undefined : formatCount(lead.spotify_followers)}>
        {formatCompact(lead.spotify_followers)}
      </td>
      <td class="nowrap">
        <YoutubeCell youtube={lead.youtube} />
      </td>
      <td class="nowrap" data-testid="lead-outreach">
        {outreachName(lead.outreach_status)}
      </td>
    </tr>
  );
}
