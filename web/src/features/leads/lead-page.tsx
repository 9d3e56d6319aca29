import { useState } from 'preact/hooks';
import { leadsApi, type LeadDetail } from './leads-api.js';
import { DataTable } from '../../components/data-table.js';
import { DemoBadge } from '../../components/demo-badge.js';
import { ContactList, LeadsPage, ReasonList, ScoreBreakdown, ScoringInputList, TierBadge } from './leads-kit.js';
import { Loaded } from '../../components/loaded.js';
import { StatTile } from '../../components/stat-tile.js';
import { useLoad, useTitle } from '../../hooks.js';
import { formatCompact } from '../analytics/analytics.js';
import { formatCount, formatDate, formatDateTime } from '../../lib/format.js';
import { formatReleaseDate, independenceName, regionName, sourceName } from './leads.js';
import type { RouteParams } from '../../lib/routes.js';
import { LeadYoutubeCard } from './lead-youtube-card.js';
import { OutreachEditor } from './outreach-editor.js';

/** One lead: its score and why, outreach, contacts, YouTube and the recordings it was found by. */
export function LeadPage({ params }: { params: RouteParams }) {
  return (
    <LeadsPage what="see this lead">
      <LeadView id={params['id']!} />
    </LeadsPage>
  );
}

function LeadView({ id }: { id: string }) {
  const [version, setVersion] = useState(0);
  const lead = useLoad((signal) => leadsApi.lead(id, signal), [id, version]);
  useTitle(lead.state === 'ready' ? `Leads · ${lead.data.artist_name}` : 'Leads · Lead');
  const changed = () => setVersion((value) => value + 1);
  return (
    <Loaded value={lead}>
      {(data) => (
        <>
          <LeadHeader lead={data} />
          <div class="analytics-grid">
            <section class="card" aria-labelledby="breakdown-title" data-testid="lead-breakdown">
              <h2 id="breakdown-title">Score breakdown</h2>
              <ScoreBreakdown components={data.breakdown} />
              <h3 class="section-title">Why</h3>
              <ReasonList reasons={data.reasons} />
              <h3 class="section-title">Scored on</h3>
              <ScoringInputList inputs={data.scoring_inputs} />
            </section>
            <OutreachEditor lead={data} onSaved={changed} />
            <section class="card" aria-labelledby="contacts-title">
              <h2 id="contacts-title">Contacts</h2>
              <ContactList contacts={data.contacts} />
            </section>
            <LeadYoutubeCard lead={data} onRefreshed={changed} />
          </div>
          <RecordingsCard lead={data} />
        </>
      )}
    </Loaded>
  );
}

function LeadHeader({ lead }: { lead: LeadDetail }) {
  // "Samoa · Pacific Islands", but "New Zealand" once where the area is the region.
  const place = [...new Set([lead.area ?? lead.country, regionName(lead.region)].filter(Boolean))].join(' · ');
  return (
    <section class="card" aria-labelledby="lead-title">
      <p class="eyebrow">
        A&amp;R lead
        <DemoBadge demo={lead.demo} />
      </p>
      <div class="card-head">
        <h1 id="lead-title">{lead.artist_name}</h1>
        <TierBadge tier={lead.tier} testId="lead-tier" />
      </div>
      <p class="score-headline">
        <span class="score-big" data-testid="lead-score">
          {lead.total_score.toFixed(1)}
        </span>
        <span class="muted"> of 100</span>
      </p>
      <p class="muted small">
        {place} · {independenceName(lead.independence)}
        {lead.label_name && ` · ${lead.label_name}`}
        {lead.distributor_name && ` via ${lead.distributor_name}`}
        {lead.genres.length > 0 && ` · ${lead.genres.join(', ')}`} · first seen {formatDate(lead.first_seen_at)} · scored {formatDateTime(lead.scored_at)}
        {/* A demo lead's MusicBrainz id is made up. */}
        {lead.musicbrainz_id && !lead.demo && (
          <>
            {' · '}
            <a href={`https://musicbrainz.org/artist/${lead.musicbrainz_id}`} target="_blank" rel="noopener noreferrer">
              MusicBrainz
            </a>
          </>
        )}
      </p>
      <ul class="stat-grid" aria-label="Lead figures">
        <StatTile
          value={formatCompact(lead.spotify_followers)}
          label="Spotify followers"
          hint={lead.spotify_popularity === null ? undefined : `popularity ${lead.spotify_popularity}`}
        />
        <StatTile value={formatCompact(lead.lastfm_listeners)} label="Last.fm listeners" />
        <StatTile value={formatCompact(lead.youtube_channel?.subscribers)} label="YouTube subscribers" />
        <StatTile value={formatCount(lead.recordings.length)} label="Recordings" hint="analysed" />
      </ul>
    </section>
  );
}

function RecordingsCard({ lead }: { lead: LeadDetail }) {
  return (
    <section class="card" aria-labelledby="recordings-title">
      <h2 id="recordings-title">Recordings</h2>
      <DataTable
        testId="lead-recordings"
        caption="The recordings this lead was found by, latest analysis first"
        rows={lead.recordings}
        columns={['ISRC', 'Title', 'Release', 'Label', 'Released', 'Sources']}
      >
        {(recording) => (
          <tr key={recording.isrc}>
            <th scope="row" class="nowrap">
              <code>{recording.isrc}</code>
            </th>
            <td>{recording.title ?? '—'}</td>
            <td>{recording.release_title ?? '—'}</td>
            <td>
              {recording.label_name ?? '—'}
              {recording.distributor_name && <span class="muted small cell-sub">via {recording.distributor_name}</span>}
            </td>
            <td class="nowrap">{recording.release_date ? formatReleaseDate(recording.release_date) : '—'}</td>
            <td>{recording.sources.map(sourceName).join(', ')}</td>
          </tr>
        )}
      </DataTable>
    </section>
  );
}
