/**
 * The facts a lead was scored on, each marked found or unknown, in words: what the lead's API
 * answers and page show beside the score, so a reader sees which points rest on data and which
 * on the "not known" defaults. Pure: the draft in, a list out.
 */
import type { LeadDraft } from './lead-facts.js';

export type ScoringInputFact =
  'label' | 'country' | 'platforms' | 'release_count' | 'has_publisher' | 'latest_release_date' | 'spotify_followers' | 'lastfm_listeners' | 'youtube';

export interface ScoringInput {
  fact: ScoringInputFact;
  /** false: the score used its "not known" rule for this fact. */
  known: boolean;
  value: string | number | boolean | string[] | null;
  detail: string;
}

type Draft = Pick<LeadDraft, 'facts' | 'labelNames' | 'distributorName' | 'publishing' | 'phonographicCopyright'>;

function input(
  fact: ScoringInputFact,
  value: ScoringInput['value'] | undefined,
  found: (value: NonNullable<ScoringInput['value']>) => string,
  unknown: string,
): ScoringInput {
  const known = value !== null && value !== undefined;
  return { fact, known, value: value ?? null, detail: known ? found(value) : unknown };
}

/** The lead's scoring inputs, in the order of the score's components. */
export function scoringInputs(draft: Draft): ScoringInput[] {
  const { facts } = draft;
  const labels = draft.labelNames.length > 0 ? draft.labelNames : null;
  const labelSource =
    labels && draft.phonographicCopyright.length > 0 && labels.every((name) => draft.phonographicCopyright.includes(name))
      ? ' (℗ holder of the recording)'
      : '';
  const youtube = facts.youtube ? (facts.youtube.hasChannel ? 'channel found' : 'no channel found') : null;
  return [
    input(
      'label',
      labels,
      (names) => `${(names as string[]).join(', ')}${labelSource}${draft.distributorName ? `, distributed by ${draft.distributorName}` : ''}`,
      'No label or distributor found: independence scored as unknown',
    ),
    input('country', facts.country, (code) => `Artist's country ${String(code)}`, "Artist's country not known"),
    input(
      'platforms',
      facts.platforms ? [...facts.platforms] : null,
      (found) => ((found as string[]).length > 0 ? `Found on ${(found as string[]).join(', ')}` : 'Looked, found on no platform'),
      'Platforms not known: no source found the artist',
    ),
    input(
      'release_count',
      facts.releaseCount,
      (n) => `${String(n)} release group${n === 1 ? '' : 's'} in the artist's official MusicBrainz discography`,
      "Release count not known: the artist's MusicBrainz discography was not read",
    ),
    { fact: 'has_publisher', known: draft.publishing.hasPublisher !== null, value: draft.publishing.hasPublisher, detail: draft.publishing.detail },
    input(
      'latest_release_date',
      typeof facts.latestReleaseDate === 'string' ? facts.latestReleaseDate : (facts.latestReleaseDate?.toISOString().slice(0, 10) ?? null),
      (date) => `Latest release ${String(date)}`,
      'Latest release date not known',
    ),
    input(
      'spotify_followers',
      facts.spotifyFollowers,
      (n) => `${Number(n).toLocaleString('en-US')} Spotify followers`,
      'Spotify not asked or artist not found there',
    ),
    input(
      'lastfm_listeners',
      facts.lastfmListeners,
      (n) => `${Number(n).toLocaleString('en-US')} Last.fm listeners`,
      'Last.fm not asked or artist not found there',
    ),
    input('youtube', youtube, (what) => `YouTube: ${String(what)}`, 'YouTube not checked'),
  ];
}
