import { useState } from 'preact/hooks';
import { adminApi, type AdminPrediction } from './admin-api.js';
import { AdminNav, FilterBar, ListingCard, SortHeader, useAdminListing, YesNo, type FlagFilter } from './admin-kit.js';
import { ACTIONS_COLUMN, ListingTable } from '../../components/data-table.js';
import { DemoBadge } from '../../components/demo-badge.js';
import { ConfirmDialog } from '../../components/dialog.js';
import { FormError } from '../../components/form-error.js';
import { RequireSignIn } from '../../components/require-sign-in.js';
import { VerdictBadge } from '../hit-prediction/verdict.js';
import { messageOf, useAction, useTitle } from '../../hooks.js';
import { formatArtists, formatDateTime, formatPercent } from '../../lib/format.js';

const FLAGS: FlagFilter[] = [
  { name: 'is_hit', label: 'Result', yes: 'HIT', no: 'FLOP' },
  { name: 'model_prediction', label: 'Model said', yes: 'HIT', no: 'FLOP' },
  { name: 'adjusted_by_dataset', label: 'Adjusted by dataset', yes: 'Yes', no: 'No' },
];

const verdict = (isHit: boolean) => (isHit ? 'HIT' : 'FLOP');

/** Admins: stored predictions with filters and sorting; correct an answer or delete one. */
export function AdminPredictionsPage() {
  useTitle('Admin · Predictions');
  return (
    <RequireSignIn role="admin" what="manage predictions">
      <AdminPredictions />
    </RequireSignIn>
  );
}

function AdminPredictions() {
  const { filters, listing, version, changed } = useAdminListing(FLAGS, (query, signal) => adminApi.predictions(query, signal));
  const [deleting, setDeleting] = useState<AdminPrediction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const correct = async (prediction: AdminPrediction) => {
    setError(null);
    try {
      await adminApi.correctPrediction(prediction.id, !prediction.is_hit);
      changed();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <div class="admin-page">
      <AdminNav refreshKey={version} />
      <ListingCard id="admin-predictions-title" title="Predictions" listing={listing} noun="prediction">
        <FilterBar filters={filters} flags={FLAGS} searchLabel="Search song or artists" />
        <FormError message={error} />
        <ListingTable
          value={listing}
          empty="No predictions match these filters."
          pager={{ label: 'Prediction pages', ...filters.paging }}
          testId="admin-predictions"
          caption="Predictions, sorted by the column marked"
          columns={[
            'Song',
            'Result',
            <SortHeader filters={filters} field="confidence" label="Confidence" descendingFirst numeric />,
            'Model said',
            'Adjusted by dataset',
            <SortHeader filters={filters} field="created_at" label="Created" descendingFirst />,
            ACTIONS_COLUMN,
          ]}
        >
          {(prediction) => (
            <tr key={prediction.id}>
              <th scope="row" class="cell-title">
                {prediction.song.track_name}
                <span class="muted small cell-sub">
                  {formatArtists(prediction.song.artists)}
                  <DemoBadge demo={prediction.song.demo} />
                </span>
              </th>
              <td>
                <VerdictBadge verdict={verdict(prediction.is_hit)} size="small" />
              </td>
              <td class="numeric">{formatPercent(prediction.confidence)}</td>
              <td>
                <VerdictBadge verdict={verdict(prediction.model_prediction)} size="small" />
                <span class="muted small"> {formatPercent(prediction.model_confidence)}</span>
              </td>
              <td>
                <YesNo value={prediction.adjusted_by_dataset} />
              </td>
              <td class="nowrap">{formatDateTime(prediction.created_at)}</td>
              <td class="row-actions">
                <button
                  type="button"
                  class="button ghost small-button"
                  aria-label={`Mark the prediction of ${prediction.song.track_name} ${verdict(!prediction.is_hit)}`}
                  onClick={() => void correct(prediction)}
                >
                  Mark {verdict(!prediction.is_hit)}
                </button>
                <button
                  type="button"
                  class="button ghost small-button"
                  aria-label={`Delete the prediction of ${prediction.song.track_name}`}
                  onClick={() => setDeleting(prediction)}
                >
                  Delete
                </button>
              </td>
            </tr>
          )}
        </ListingTable>
      </ListingCard>
      {deleting && <DeletePrediction prediction={deleting} onClose={() => setDeleting(null)} onDeleted={() => (setDeleting(null), changed())} />}
    </div>
  );
}

function DeletePrediction({ prediction, onClose, onDeleted }: { prediction: AdminPrediction; onClose(): void; onDeleted(): void }) {
  const remove = useAction(async () => {
    await adminApi.deletePrediction(prediction.id);
    onDeleted();
  });
  return (
    <ConfirmDialog
      title="Delete this prediction?"
      message={`The ${verdict(prediction.is_hit)} prediction of “${prediction.song.track_name}” (${formatDateTime(prediction.created_at)}) and its audit log go for good; the song stays.`}
      action="Delete prediction"
      busy={remove.busy}
      error={remove.error}
      onConfirm={() => void remove.run()}
      onClose={onClose}
    />
  );
}
