import { useState } from 'preact/hooks';
import { analyticsApi, type AnalyticsAlert } from './analytics-api.js';
import { useAction } from '../../hooks.js';
import { alertTypeLabel, type Tone } from './analytics.js';
import { formatDateTime } from '../../lib/format.js';
import { AppLink } from '../../components/app-link.js';
import { ToneBadge } from './analytics-kit.js';
import { DataTable } from '../../components/data-table.js';
import { DemoBadge } from '../../components/demo-badge.js';
import { FormError } from '../../components/form-error.js';

const TYPE_TONES: Record<string, Tone> = { viral_spike: 'strong', viral_momentum: 'hot', breakout: 'up' };

/** Alerts with an Acknowledge button on the open ones; `onChanged` after one is acknowledged. */
export function AlertTable({ alerts, showArtist = true, onChanged }: { alerts: AnalyticsAlert[]; showArtist?: boolean; onChanged(): void }) {
  // The alert being acknowledged: its button alone is busy.
  const [pending, setPending] = useState<string | null>(null);
  const acknowledge = useAction(async (alert: AnalyticsAlert) => {
    await analyticsApi.acknowledge(alert.id);
    onChanged();
  });
  const busy = acknowledge.busy ? pending : null;
  return (
    <>
      <FormError message={acknowledge.error} />
      <DataTable
        testId="analytics-alerts"
        class="alert-table"
        caption="Alerts, newest first"
        rows={alerts}
        columns={['Alert', showArtist && 'Artist', 'What happened', 'Raised', 'Status']}
      >
        {(alert) => (
          <tr key={alert.id} data-testid="alert-row" data-alert-id={alert.id}>
            <td class="nowrap">
              <ToneBadge tone={TYPE_TONES[alert.type] ?? 'none'} value={alert.type}>
                {alertTypeLabel(alert.type)}
              </ToneBadge>
              <span class={`muted small cell-sub severity-${alert.severity}`}>{alert.severity === 'high' ? 'High severity' : 'Medium severity'}</span>
            </td>
            {showArtist && (
              <th scope="row" class="cell-title">
                <AppLink href={`/analytics/artists/${alert.artist_id}`}>{alert.artist_name}</AppLink>
                <DemoBadge demo={alert.demo} />
              </th>
            )}
            <td class="alert-message">{alert.message}</td>
            <td class="nowrap">{formatDateTime(alert.created_at)}</td>
            <td class="nowrap">
              {alert.acknowledged_at ? (
                <span class="muted small">Acknowledged {formatDateTime(alert.acknowledged_at)}</span>
              ) : (
                <button
                  type="button"
                  class="button ghost small-button"
                  disabled={busy === alert.id}
                  aria-busy={busy === alert.id}
                  aria-label={`Acknowledge the ${alertTypeLabel(alert.type).toLowerCase()} alert of ${alert.artist_name} raised ${formatDateTime(alert.created_at)}`}
                  onClick={() => {
                    setPending(alert.id);
                    void acknowledge.run(alert);
                  }}
                >
                  Acknowledge
                </button>
              )}
            </td>
          </tr>
        )}
      </DataTable>
    </>
  );
}
