/** A form's main button: while its action runs it is disabled and busy, with a spinner and `busyLabel` (its label when not given). */
export function SubmitButton({ busy, label, busyLabel = label }: { busy: boolean; label: string; busyLabel?: string }) {
  return (
    <button type="submit" class="button primary" disabled={busy} aria-busy={busy}>
      {busy && <span class="spinner" aria-hidden="true" />}
      {busy ? busyLabel : label}
    </button>
  );
}
