import { leadsApi, type LeadDetail } from './leads-api.js';
import { FormError } from '../../components/form-error.js';
import { OpportunityList } from './leads-kit.js';
import { StatTile } from '../../components/stat-tile.js';
import { useAction } from '../../hooks.js';
import { formatCompact } from '../analytics/analytics.js';
import { formatCount, formatDate, formatDateTime } from '../../lib/format.js';

/** The lead's YouTube channel and the opportunities it leaves, with a button to ask YouTube again. */
export function LeadYoutubeCard({ lead, onRefreshed }: { lead: LeadDetail; onRefreshed(): void }) {
  const refresh = useAction(async () => {
    await leadsApi.refreshYoutube(lead.artist_id);
    onRefreshed();
  });
  const channel = lead.youtube_channel;
  return (
    <section class="card" aria-labelledby="youtube-title" data-testid="lead-youtube">
      <div class="card-head">
        <h2 id="youtube-title">YouTube</h2>
        <button type="button" class="button ghost small-button" disabled={refresh.busy} aria-busy={refresh.busy} onClick={() => void refresh.run()}>
          {refresh.busy && <span class="spinner" aria-hidden="true" />}
          Refresh YouTube
        </button>
      </div>
      {!channel ? (
        <p class="muted">YouTube has not been checked for this artist yet.</p>
      ) : !channel.channel_id ? (
        <p>YouTube was searched on {formatDateTime(channel.checked_at)}: no channel of this artist was found.</p>
      ) : (
        <>
          <p>
            {/* A demo lead's channel id is made up: no link to a channel that does not exist. */}
            {lead.demo ? (
              'A demo channel'
            ) : (
              <a href={`https://www.youtube.com/channel/${encodeURIComponent(channel.channel_id)}`} target="_blank" rel="noopener noreferrer">
                Open the channel on YouTube
              </a>
            )}
            <span class="muted small"> · checked {formatDateTime(channel.checked_at)}</span>
          </p>
          <ul class="stat-grid" aria-label="YouTube channel figures">
            <StatTile
              value={formatCompact(channel.subscribers)}
              label="Subscribers"
              hint={channel.subscribers === null ? undefined : formatCount(channel.subscribers)}
            />
            <StatTile value={formatCompact(channel.views)} label="Views" />
            <StatTile value={channel.video_count === null ? '—' : formatCount(channel.video_count)} label="Videos" />
            <StatTile
              value={channel.recent_uploads_90d === null ? '—' : formatCount(channel.recent_uploads_90d)}
              label="Uploads in 90 days"
              hint={channel.last_upload_at ? `last ${formatDate(channel.last_upload_at)}` : undefined}
            />
          </ul>
        </>
      )}
      {lead.youtube_opportunities.length > 0 ? (
        <>
          <h3 class="section-title">Opportunities</h3>
          <OpportunityList opportunities={lead.youtube_opportunities} />
        </>
      ) : (
        channel && <p class="muted small">No YouTube opportunity found.</p>
      )}
      <FormError message={refresh.error} />
    </section>
  );
}
