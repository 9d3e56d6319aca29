import type { ComponentChildren } from 'preact';
import { leadsApi, type LeadStats } from './leads-api.js';
import { CountChart } from './count-chart.js';
import { LeadsPage } from './leads-kit.js';
import { Loaded } from '../../components/loaded.js';
import { StatTile } from '../../components/stat-tile.js';
import { useLoad, useTitle } from '../../hooks.js';
import { formatScore } from '../analytics/analytics.js';
import { formatCount } from '../../lib/format.js';
import { formatShareOf, independenceName, LEAD_TIERS, OUTREACH_STATUSES, TIER_TONES, type LeadTier } from './leads.js';
import { SourcesTable } from './sources-table.js';

/** The leads at a glance: totals, tiers, regions, genres, independence and outreach, YouTube coverage, and how the sources are doing. */
export function LeadsDashboardPage() {
  useTitle('Leads · Dashboard');
  return (
    <LeadsPage what="see the leads dashboard">
      <Dashboard />
    </LeadsPage>
  );
}

function Dashboard() {
  const stats = useLoad((signal) => leadsApi.stats(signal), []);
  const status = useLoad((signal) => leadsApi.status(signal), []);
  return (
    <>
      <section class="card" aria-labelledby="dashboard-title">
        <p class="eyebrow">A&amp;R leads</p>
        <h1 id="dashboard-title">Dashboard</h1>
        <Loaded value={stats}>{(data) => <Totals stats={data} />}</Loaded>
      </section>
      <Loaded value={stats}>
        {(data) => (
          <>
            <div class="analytics-grid">
              <ChartCard id="tiers" title="Leads per tier">
                <CountChart
                  label="Leads per tier"
                  testId="tier-chart"
                  entries={LEAD_TIERS.map((tier) => ({ id: tier, label: `Tier ${tier}`, count: data.by_tier[tier] ?? 0 }))}
                  barClass={(entry) => `tone-${TIER_TONES[entry.id as LeadTier]}`}
                />
              </ChartCard>
              <ChartCard id="regions" title="Leads per region">
                <CountChart
                  label="Leads per region"
                  testId="region-chart"
                  entries={data.by_region.map((entry) => ({ id: entry.region, label: entry.name, count: entry.count }))}
                />
              </ChartCard>
              <ChartCard id="independence" title="Independence">
                <CountChart
                  label="Leads by independence"
                  entries={Object.entries(data.by_independence).map(([id, count]) => ({ id, label: independenceName(id), count }))}
                />
              </ChartCard>
              <ChartCard id="outreach" title="Outreach">
                <CountChart
                  label="Leads by outreach status"
                  entries={OUTREACH_STATUSES.map((entry) => ({ id: entry.id, label: entry.label, count: data.by_outreach[entry.id] ?? 0 }))}
                />
              </ChartCard>
              <ChartCard id="genres" title="Leads per genre">
                <CountChart
                  label="Leads per genre"
                  testId="genre-chart"
                  entries={data.by_genre.map((entry) => ({ id: entry.genre, label: entry.genre, count: entry.count }))}
                />
              </ChartCard>
            </div>
            <section class="card" aria-labelledby="sources-title">
              <h2 id="sources-title">Sources</h2>
              <SourcesTable usage={data.sources} status={status.state === 'ready' ? status.data : null} />
              {status.state === 'failed' && <p class="form-error">{status.message}</p>}
            </section>
          </>
        )}
      </Loaded>
    </>
  );
}

function Totals({ stats }: { stats: LeadStats }) {
  const { youtube, processing } = stats;
  return (
    <ul class="stat-grid" aria-label="Lead totals" data-testid="lead-stats">
      <StatTile value={formatCount(stats.leads)} label="Leads" hint={`from ${formatCount(stats.recordings)} recordings`} />
      <StatTile value={formatScore(stats.average_score)} label="Average score" hint="0–100" />
      <StatTile
        value={formatShareOf(youtube.with_channel, stats.leads)}
        label="On YouTube"
        hint={`${formatCount(youtube.with_channel)} with a channel · ${formatCount(youtube.without_channel)} without · ${formatCount(youtube.not_checked)} not checked`}
      />
      <StatTile
        value={formatScore(processing.per_minute_last_hour)}
        label="ISRCs a minute"
        hint={`${formatCount(processing.items_last_hour)} in the last hour · ${formatCount(processing.failed_last_24h)} failed in 24 h · ${formatCount(processing.active_jobs)} jobs running`}
      />
    </ul>
  );
}

function ChartCard({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
