import type { LeadAnalysis } from './leads-api.js';
import { AppLink } from '../../components/app-link.js';
import { ContactList, OpportunityList, ReasonList, ScoreBreakdown, ScoringInputList, SourceOutcomes, TierBadge } from './leads-kit.js';
import { formatReleaseDate, independenceName, regionName } from './leads.js';

/** What one ISRC's analysis found: the artist's tier and score with its breakdown and reasons, and what each source answered. */
export function AnalysisResult({ analysis }: { analysis: LeadAnalysis }) {
  const { score, recording, release, label } = analysis;
  const name = analysis.artist?.name ?? analysis.isrc;
  return (
    <section class="card" aria-labelledby="analysis-title" data-testid="analysis-result">
      <p class="eyebrow">Analysed {analysis.isrc}</p>
      <div class="card-head">
        <h2 id="analysis-title">{name}</h2>
        <TierBadge tier={score.tier} testId="analysis-tier" />
      </div>
      <p class="score-headline">
        <span class="score-big" data-testid="analysis-score">
          {score.total.toFixed(1)}
        </span>
        <span class="muted">
          {' '}
          of 100 · {regionName(score.region)} · {independenceName(score.independence_class)}
        </span>
      </p>
      <p class="muted small">
        {recording?.title ? `“${recording.title}”` : 'Recording unknown'}
        {release?.title && ` on ${release.title}`}
        {release?.date && ` (${formatReleaseDate(release.date)})`}
        {label.names.length > 0 && ` · ${label.names.join(' › ')}`}
        {label.distributor && ` · distributed by ${label.distributor}`}
      </p>
      <div class="analytics-grid">
        <div>
          <h3 class="section-title">Score breakdown</h3>
          <ScoreBreakdown components={score} />
        </div>
        <div>
          <h3 class="section-title">Why</h3>
          <ReasonList reasons={score.reasons} />
          <h3 class="section-title">Scored on</h3>
          <ScoringInputList inputs={analysis.scoring_inputs} />
          <h3 class="section-title">Sources</h3>
          <SourceOutcomes sources={analysis.sources} />
          {analysis.youtube_opportunities.length > 0 && (
            <>
              <h3 class="section-title">YouTube opportunities</h3>
              <OpportunityList opportunities={analysis.youtube_opportunities} />
            </>
          )}
          <h3 class="section-title">Contacts</h3>
          <ContactList contacts={analysis.contacts} />
        </div>
      </div>
      <div class="actions">
        {analysis.artist_id ? (
          <AppLink class="button primary" href={`/leads/artists/${analysis.artist_id}`}>
            Open the lead
          </AppLink>
        ) : (
          <span class="muted small">Not kept as a lead.</span>
        )}
        <AppLink class="button ghost" href="/leads">
          All leads
        </AppLink>
      </div>
    </section>
  );
}
