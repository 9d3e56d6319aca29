import { useState } from 'preact/hooks';
import { leadsApi, type ExportFormat } from './leads-api.js';
import { FormError } from '../../components/form-error.js';
import { useAction } from '../../hooks.js';

const FORMATS: Array<{ id: ExportFormat; label: string }> = [
  { id: 'csv', label: 'CSV' },
  { id: 'excel', label: 'Excel' },
  { id: 'json', label: 'JSON' },
  { id: 'pdf', label: 'PDF' },
];

/** How long a downloaded file's bytes stay addressable: the browser reads them after the click returns. */
const RELEASE_AFTER_MS = 60_000;

/** Hands a file to the browser's downloads, under its name. */
function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), RELEASE_AFTER_MS);
}

/** Export buttons for the leads the filters select (the API sends the file; the token rules out a plain link). */
export function LeadExport({ filters }: { filters: Record<string, string> }) {
  const [format, setFormat] = useState<ExportFormat | null>(null);
  const download = useAction(async (chosen: ExportFormat) => {
    setFormat(chosen);
    const { blob, filename } = await leadsApi.export(filters, chosen);
    saveFile(blob, filename);
  });
  return (
    <div class="lead-export">
      <div class="export-actions" role="group" aria-label="Export the leads these filters select">
        <span class="muted small">Export</span>
        {FORMATS.map((entry) => {
          const busy = download.busy && format === entry.id;
          return (
            <button
              key={entry.id}
              type="button"
              class="button ghost small-button"
              disabled={download.busy}
              aria-busy={busy}
              aria-label={`Export ${entry.label}`}
              onClick={() => void download.run(entry.id)}
            >
              {busy && <span class="spinner" aria-hidden="true" />}
              {entry.label}
            </button>
          );
        })}
      </div>
      <FormError message={download.error} />
    </div>
  );
}
