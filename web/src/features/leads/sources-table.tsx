import type { LeadStats, SourceStatus } from './leads-api.js';
import { YesNo } from '../admin/admin-kit.js';
import { DataTable } from '../../components/data-table.js';
import { formatCount, formatDateTime } from '../../lib/format.js';
import { formatJobDuration } from '../../lib/jobs.js';
import { sourceName } from './leads.js';

/** Each source: set up or not, healthy or failing, today's requests and errors, its rate limit and quota, its last error. */
export function SourcesTable({ usage, status }: { usage: LeadStats['sources']; status: SourceStatus[] | null }) {
  return (
    <DataTable
      testId="lead-sources"
      caption="The sources leads are analysed from, with today’s usage (UTC)"
      rows={usage}
      columns={[
        'Source',
        'Set up',
        'Health',
        { label: 'Requests today', numeric: true },
        { label: 'Errors today', numeric: true },
        'Rate limit',
        'Quota today',
        'Last error',
      ]}
    >
      {(source) => {
        const health = status?.find((entry) => entry.source === source.source);
        const interval = health?.rate_limit?.min_interval_ms ?? source.min_interval_ms;
        return (
          <tr key={source.source} data-testid="source-row">
            <th scope="row" class="cell-title">
              {sourceName(source.source)}
            </th>
            <td>
              <YesNo value={source.configured} />
            </td>
            <td class="nowrap">{health && source.configured ? <YesNo value={health.healthy} yes="Healthy" no="Failing" /> : <span class="muted">—</span>}</td>
            <td class="numeric">{formatCount(source.requests_today)}</td>
            <td class="numeric">{formatCount(source.errors_today)}</td>
            <td class="nowrap">
              {interval === null ? (
                <span class="muted">none</span>
              ) : (
                <>
                  1 request / {formatJobDuration(interval)}
                  {health?.rate_limit && health.rate_limit.wait_ms > 0 && (
                    <span class="muted small cell-sub">next in {formatJobDuration(health.rate_limit.wait_ms)}</span>
                  )}
                </>
              )}
            </td>
            <td class="nowrap">
              {source.quota ? `${formatCount(source.quota.used)} of ${formatCount(source.quota.limit)} units` : <span class="muted">—</span>}
            </td>
            <td class="source-error">
              {health?.last_error ? (
                <>
                  {health.last_error.message}
                  <span class="muted small cell-sub">{formatDateTime(health.last_error.at)}</span>
                </>
              ) : (
                <span class="muted">—</span>
              )}
            </td>
          </tr>
        );
      }}
    </DataTable>
  );
}
