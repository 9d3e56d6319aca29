import type { ComponentChildren } from 'preact';
import type { Contact, Lead, ScoreComponent, ScoreComponentName, ScoringInput, SourceOutcome, YoutubeOpportunity } from './leads-api.js';
import {
  contactHref,
  contactKindName,
  factorName,
  formatPoints,
  opportunityName,
  pointsShare,
  scoringInputName,
  sourceName,
  SOURCE_OUTCOMES,
  TIER_TONES,
  type LeadTier,
} from './leads.js';
import { formatCompact } from '../analytics/analytics.js';
import { formatCount } from '../../lib/format.js';
import { usePath } from '../../router.js';
import { ToneBadge } from '../analytics/analytics-kit.js';
import { RequireSignIn } from '../../components/require-sign-in.js';
import { SubNav } from '../../components/sub-nav.js';
// The section's styles come with every page of it.
import '../analytics/analytics.css';
import './leads.css';

const SECTIONS = [
  { path: '/leads', label: 'List' },
  { path: '/leads/analyze', label: 'Analyse' },
  { path: '/leads/dashboard', label: 'Dashboard' },
  { path: '/leads/youtube', label: 'YouTube' },
];

/** A page of the Leads section: for label staff (admin accounts), under the section's menu. */
export function LeadsPage({ what, children }: { what: string; children: ComponentChildren }) {
  const path = usePath();
  return (
    <RequireSignIn role="admin" who="label staff (admin accounts)" what={what}>
      <div class="catalog-page analytics-page leads-page">
        <SubNav label="Leads" links={SECTIONS.map((section) => ({ ...section, current: path === section.path }))} />
        {children}
      </div>
    </RequireSignIn>
  );
}

export function TierBadge({ tier, testId }: { tier: LeadTier; testId?: string }) {
  return (
    <ToneBadge tone={TIER_TONES[tier]} testId={testId} value={tier}>
      {`Tier ${tier}`}
    </ToneBadge>
  );
}

const COMPONENTS: Array<{ id: ScoreComponentName; label: string; hint: string }> = [
  { id: 'independence', label: 'Independence', hint: 'How free of a label deal the artist is' },
  { id: 'opportunity', label: 'Opportunity', hint: 'How much label services could add' },
  { id: 'geography', label: 'Geography', hint: 'How close the artist is to the regions the label scouts' },
];

/** The lead score's three components as bars of their maximum, each with its factors and their reasons. */
export function ScoreBreakdown({ components }: { components: Partial<Record<ScoreComponentName, ScoreComponent>> }) {
  return (
    <ul class="lead-breakdown" aria-label="Score breakdown">
      {COMPONENTS.map(({ id, label, hint }) => {
        const component = components[id];
        if (!component) return null;
        return (
          <li key={id} data-testid="score-component" data-component={id}>
            <span class="lead-component-head">
              <strong title={hint}>{label}</strong>
              <span class="lead-component-points">
                {formatPoints(component.points)} <span class="muted small">of {component.max}</span>
              </span>
            </span>
            <span class="bar-track" aria-hidden="true">
              <span style={{ width: `${pointsShare(component.points, component.max)}%` }} />
            </span>
            <ul class="factor-list">
              {component.items.map((item) => (
                <li key={item.factor}>
                  <span class="factor-name">
                    {factorName(item.factor)}{' '}
                    <span class="muted small">
                      {formatPoints(item.points)}/{item.max}
                    </span>
                  </span>
                  <span class="muted small">{item.reason}</span>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

/** Why the lead scored as it did, in words. */
export function ReasonList({ reasons }: { reasons: readonly string[] }) {
  if (reasons.length === 0) return <p class="muted">No reasons recorded.</p>;
  return (
    <ul class="reason-list" data-testid="lead-reasons">
      {reasons.map((reason) => (
        <li key={reason}>{reason}</li>
      ))}
    </ul>
  );
}

/** The facts the score used: each found or unknown (scored by its "not known" rule), with what was found or why not. */
export function ScoringInputList({ inputs }: { inputs: readonly ScoringInput[] | null }) {
  if (!inputs) return <p class="muted">Not recorded: analyse the lead again to see them.</p>;
  return (
    <ul class="source-list" data-testid="scoring-inputs">
      {inputs.map((input) => (
        <li key={input.fact} data-fact={input.fact} data-known={String(input.known)}>
          <strong>{scoringInputName(input.fact)}</strong>
          <ToneBadge tone={input.known ? 'strong' : 'flat'} value={input.known ? 'found' : 'unknown'}>
            {input.known ? 'Found' : 'Unknown'}
          </ToneBadge>
          <span class="muted small">{input.detail}</span>
        </li>
      ))}
    </ul>
  );
}

/** What each source answered during an analysis. */
export function SourceOutcomes({ sources }: { sources: readonly SourceOutcome[] }) {
  return (
    <ul class="source-list" data-testid="source-outcomes">
      {sources.map((source) => {
        const outcome = SOURCE_OUTCOMES[source.status] ?? { label: source.status, tone: 'flat' as const };
        return (
          <li key={source.source}>
            <strong>{sourceName(source.source)}</strong>
            <ToneBadge tone={outcome.tone} value={source.status}>
              {outcome.label}
            </ToneBadge>
            {source.detail && <span class="muted small">{source.detail}</span>}
          </li>
        );
      })}
    </ul>
  );
}

export function OpportunityList({ opportunities }: { opportunities: readonly YoutubeOpportunity[] }) {
  return (
    <ul class="opportunity-list" data-testid="youtube-opportunities">
      {opportunities.map((opportunity) => (
        <li key={opportunity.kind}>
          <strong>{opportunityName(opportunity.kind)}</strong>
          <span class="muted small">{opportunity.evidence}</span>
        </li>
      ))}
    </ul>
  );
}

/** The artist's contacts: web addresses open in a new tab, email addresses in the mail app. */
export function ContactList({ contacts }: { contacts: readonly Contact[] }) {
  if (contacts.length === 0) return <p class="muted">No contacts found.</p>;
  return (
    <ul class="contact-list" data-testid="lead-contacts">
      {contacts.map((contact) => {
        const href = contactHref(contact);
        return (
          <li key={`${contact.kind} ${contact.value}`}>
            <span class="contact-kind">{contactKindName(contact.kind)}</span>
            <span>
              {href ? (
                <a href={href} {...(!href.startsWith('mailto:') && { target: '_blank', rel: 'noopener noreferrer' })}>
                  {contact.value.replace(/^mailto:/i, '')}
                </a>
              ) : (
                contact.value
              )}{' '}
              <span class="muted small">from {sourceName(contact.source)}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** A lead's YouTube in a few words: subscribers of its channel, no channel, or not checked. */
export function YoutubeCell({ youtube }: { youtube: Lead['youtube'] }) {
  if (!youtube) return <span class="muted">Not checked</span>;
  if (!youtube.channel_id) return <span>No channel</span>;
  return (
    <span title={youtube.subscribers === null ? undefined : `${formatCount(youtube.subscribers)} subscribers`}>
      {formatCompact(youtube.subscribers)} subscribers
    </span>
  );
}
