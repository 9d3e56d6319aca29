import { useState } from 'preact/hooks';
import { leadsApi, type LeadDetail, type OutreachStatus } from './leads-api.js';
import { FormError } from '../../components/form-error.js';
import { SubmitButton } from '../../components/submit-button.js';
import { useAction } from '../../hooks.js';
import { formatDateTime } from '../../lib/format.js';
import { outreachName, OUTREACH_STATUSES } from './leads.js';

/** The lead's outreach: its status and notes to change (each change is kept), and the history of changes, newest first. */
export function OutreachEditor({ lead, onSaved }: { lead: LeadDetail; onSaved(): void }) {
  const [status, setStatus] = useState<OutreachStatus>(lead.outreach_status);
  const [notes, setNotes] = useState(lead.outreach_notes);
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    setSaved(false);
    await leadsApi.updateOutreach(lead.artist_id, { status, notes });
    setSaved(true);
    onSaved();
  });
  return (
    <section class="card" aria-labelledby="outreach-title" data-testid="outreach">
      <h2 id="outreach-title">Outreach</h2>
      <form
        class="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save.run();
        }}
      >
        <label class="field">
          <span>Outreach status</span>
          <select name="status" value={status} onChange={(event) => setStatus((event.target as HTMLSelectElement).value as OutreachStatus)}>
            {OUTREACH_STATUSES.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>Notes</span>
          <textarea name="notes" rows={4} maxLength={5000} value={notes} onInput={(event) => setNotes((event.target as HTMLTextAreaElement).value)} />
        </label>
        <FormError message={save.error} />
        <div class="actions">
          <SubmitButton busy={save.busy} label="Save" busyLabel="Saving…" />
          {saved && (
            <span class="muted small" role="status">
              Saved.
            </span>
          )}
        </div>
      </form>
      <h3 class="section-title">History</h3>
      {lead.outreach_history.length === 0 ? (
        <p class="muted">No changes yet: the lead is new.</p>
      ) : (
        <ol class="outreach-history" aria-label="Outreach history, newest first" data-testid="outreach-history">
          {lead.outreach_history.map((event) => (
            <li key={`${event.created_at}-${event.status}`} data-testid="outreach-event">
              <span class="outreach-event-head">
                <strong>{outreachName(event.status)}</strong>
                <span class="muted small">
                  {formatDateTime(event.created_at)}
                  {event.username && ` · ${event.username}`}
                </span>
              </span>
              {event.notes && <span class="outreach-notes">{event.notes}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
