import { useState } from 'preact/hooks';
import { leadsApi, type BulkJob, type LeadAnalysis } from './leads-api.js';
import { FormError } from '../../components/form-error.js';
import { LeadsPage } from './leads-kit.js';
import { SubmitButton } from '../../components/submit-button.js';
import { useAction, useTitle } from '../../hooks.js';
import { splitIsrcList } from './leads.js';
import { withQuery } from '../../lib/routes.js';
import { navigate, useQueryParam } from '../../router.js';
import { AnalysisResult } from './analysis-result.js';
import { BulkJobProgress } from './bulk-job-progress.js';

interface AnalysisOptions {
  include_youtube: boolean;
  force_refresh: boolean;
}

/** Analyse ISRCs: one pasted is analysed at once and shown; several, or a file of them, run as a job followed here. */
export function LeadsAnalyzePage() {
  useTitle('Leads · Analyse');
  return (
    <LeadsPage what="analyse ISRCs for A&R leads">
      <Analyze />
    </LeadsPage>
  );
}

function Analyze() {
  // The job followed lives in the address, so a reload (or a shared link) keeps following it.
  const jobId = useQueryParam('job');
  const [options, setOptions] = useState<AnalysisOptions>({ include_youtube: true, force_refresh: false });
  const [analysis, setAnalysis] = useState<LeadAnalysis | null>(null);
  const [queued, setQueued] = useState<BulkJob | null>(null);
  const follow = (job: BulkJob) => {
    setAnalysis(null);
    setQueued(job);
    navigate(withQuery('/leads/analyze', { job: job.job_id }));
  };
  const analysed = (result: LeadAnalysis) => {
    setQueued(null);
    setAnalysis(result);
    navigate('/leads/analyze', { replace: true });
  };
  return (
    <>
      <section class="card" aria-labelledby="analyze-title">
        <p class="eyebrow">A&amp;R lead generation</p>
        <h1 id="analyze-title">Analyse ISRCs</h1>
        <p class="muted">
          Each ISRC’s recording is looked up on MusicBrainz (and Spotify, Last.fm and YouTube when set up); its artist is scored for independence, opportunity
          and geography and kept as a lead.
        </p>
        <fieldset class="choice-field analyze-options">
          <legend>Options</legend>
          <label class="check">
            <input
              type="checkbox"
              checked={options.include_youtube}
              onChange={(event) => setOptions({ ...options, include_youtube: (event.target as HTMLInputElement).checked })}
            />
            <span>Check YouTube (spends quota units)</span>
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={options.force_refresh}
              onChange={(event) => setOptions({ ...options, force_refresh: (event.target as HTMLInputElement).checked })}
            />
            <span>Ask every source again instead of using cached answers</span>
          </label>
        </fieldset>
        <div class="data-in-grid">
          <PasteForm options={options} onAnalysed={analysed} onQueued={follow} />
          <UploadForm options={options} onQueued={follow} />
        </div>
      </section>
      {analysis && <AnalysisResult analysis={analysis} />}
      {jobId && <BulkJobProgress key={jobId} jobId={jobId} queued={queued?.job_id === jobId ? queued : null} />}
    </>
  );
}

function PasteForm({ options, onAnalysed, onQueued }: { options: AnalysisOptions; onAnalysed(analysis: LeadAnalysis): void; onQueued(job: BulkJob): void }) {
  const [text, setText] = useState('');
  const { isrcs } = splitIsrcList(text);
  const submit = useAction(async () => {
    if (isrcs.length === 1) onAnalysed(await leadsApi.analyzeIsrc(isrcs[0]!, options));
    else onQueued(await leadsApi.analyzeBulk(isrcs, options));
  });
  const [missing, setMissing] = useState(false);
  const error = missing ? 'Paste at least one ISRC first.' : submit.error;
  return (
    <form
      class="data-in-part stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setMissing(isrcs.length === 0);
        if (isrcs.length > 0) void submit.run();
      }}
    >
      <h2>Paste ISRCs</h2>
      <div class="field">
        <label for="isrc-list">ISRCs</label>
        <textarea
          id="isrc-list"
          name="isrcs"
          rows={5}
          spellcheck={false}
          autoComplete="off"
          placeholder="NZ-TH1-24-00031"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'isrc-list-hint isrc-list-error' : 'isrc-list-hint'}
          onInput={(event) => setText((event.target as HTMLTextAreaElement).value)}
        />
        <small class="muted" id="isrc-list-hint">
          One per line, or separated by commas or spaces; hyphens optional. One is analysed now; several run in the background.
        </small>
      </div>
      <FormError id="isrc-list-error" message={error} />
      <div class="actions">
        <SubmitButton
          busy={submit.busy}
          label={isrcs.length > 1 ? `Analyse ${isrcs.length} ISRCs` : 'Analyse'}
          busyLabel={isrcs.length > 1 ? 'Queueing…' : 'Analysing…'}
        />
      </div>
    </form>
  );
}

function UploadForm({ options, onQueued }: { options: AnalysisOptions; onQueued(job: BulkJob): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const upload = useAction(async (chosen: File) => onQueued(await leadsApi.uploadIsrcs(chosen, options)));
  const error = missing ? 'Choose a CSV or TXT file first.' : upload.error;
  return (
    <form
      class="data-in-part stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setMissing(!file);
        if (file) void upload.run(file);
      }}
    >
      <h2>Upload a file</h2>
      <div class="field">
        <label for="isrc-file">CSV or TXT file</label>
        <input
          id="isrc-file"
          name="file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'isrc-file-hint isrc-file-error' : 'isrc-file-hint'}
          onChange={(event) => setFile((event.target as HTMLInputElement).files?.[0] ?? null)}
        />
        <small class="muted" id="isrc-file-hint">
          ISRCs in any column or line; duplicates are analysed once. Up to 5 MB and 10,000 ISRCs.
        </small>
      </div>
      <FormError id="isrc-file-error" message={error} />
      <div class="actions">
        <SubmitButton busy={upload.busy} label="Upload and analyse" busyLabel="Uploading…" />
      </div>
    </form>
  );
}
