/**
 * From what the sources answered about one ISRC to the lead: the facts the score reads, the
 * label and distributor, the artist's country, contacts and genres. Pure: the sources' answers
 * and the previous snapshot in, plain data out.
 *
 * - Release: of the recording's releases, the latest official one with a date (an artist's
 *   current deal shows on their latest release), else the latest, else the first.
 * - Labels: the release's labels (MusicBrainz's "[no label]" included, which means self-released)
 *   and the labels that own them or whose imprint they are; Spotify's album label when MusicBrainz
 *   names none. Distributor: a "distributed by" parent of one of those labels.
 * - Country: the artist's MusicBrainz country, else its area's ISO 3166 code.
 * - Platforms: from the artist's links and the sources that found the artist; unknown (null)
 *   when MusicBrainz's artist was not read and no other source found them.
 * - Release count: the release groups of the artist's official MusicBrainz discography (an album
 *   out on CD, vinyl and in three countries is one release to an A&R person, five to MusicBrainz).
 * - Publishing and ℗: see `publishing-facts.ts`; a ℗ holder names the label when the release names none.
 */
import type { MbArtist, MbIsrcLookup, MbLabel, MbRecording, MbRelease, MbReleaseSummary } from '../sources/musicbrainz.format.js';
import type { MbRecordingRights } from '../sources/musicbrainz.works.js';
import type { LeadFacts, YoutubeFacts } from '../scoring/facts.js';
import { contactFromRelation, platformsOf, uniqueContacts, type LeadContactFound } from './contacts.js';
import { publishingOf, type PublishingFacts } from './publishing-facts.js';

/** What Spotify said about the recording and its artist. */
export interface SpotifyFindings {
  trackId: string;
  popularity: number | null;
  albumLabel: string | null;
  releaseDate: string | null;
  artist: { id: string; name: string; followers: number | null; popularity: number | null; genres: string[]; url: string | null } | null;
}

/** What Last.fm said about the artist. */
export interface LastfmFindings {
  listeners: number | null;
  playcount: number | null;
  tags: string[];
  url: string | null;
}

/** What YouTube said: the artist's channel, or `hasChannel: false` when searched and none found. */
export type YoutubeFindings =
  | { hasChannel: false }
  | {
      hasChannel: true;
      channelId: string;
      title: string;
      subscribers: number | null;
      views: number | null;
      videoCount: number | null;
      recentUploads90d: number | null;
      lastUploadAt: string | null;
      channelCreatedAt: string | null;
    };

/** The artist's figures at the last analysis, for growth. */
export interface PreviousSnapshot {
  spotifyFollowers: number | null;
  spotifyPopularity: number | null;
  lastfmListeners: number | null;
  youtubeSubscribers: number | null;
  youtubeViews: number | null;
}

export interface SourceFindings {
  isrc: string;
  recording: MbRecording | null;
  artist: MbArtist | null;
  release: MbRelease | null;
  /** The release's labels as looked up (with their parents). */
  labels: readonly MbLabel[];
  /** The recording's works, publishers and ℗ holders; null or absent: not read. */
  rights?: MbRecordingRights | null;
  /** The release groups of the artist's official discography; null or absent: not known. */
  releaseGroupCount?: number | null;
  spotify: SpotifyFindings | null;
  lastfm: LastfmFindings | null;
  youtube: YoutubeFindings | null;
}

export interface LeadDraft {
  artistName: string | null;
  facts: LeadFacts;
  labelNames: string[];
  distributorName: string | null;
  country: string | null;
  area: string | null;
  contacts: LeadContactFound[];
  genres: string[];
  /** What the publishing fact rests on. */
  publishing: PublishingFacts;
  /** The ℗ holders MusicBrainz names for the recording. */
  phonographicCopyright: string[];
}

/** The recording of an ISRC lookup to read: the one with the most releases (the best-documented). */
export function chooseRecording(lookup: MbIsrcLookup | null): MbRecording | null {
  if (!lookup || lookup.recordings.length === 0) return null;
  return lookup.recordings.reduce((best, recording) => (recording.releases.length > best.releases.length ? recording : best));
}

/** The release whose label tells the artist's current deal (see the module comment). */
export function chooseRelease(releases: readonly MbReleaseSummary[]): MbReleaseSummary | null {
  const dated = releases.filter((release) => release.date);
  const latest = (candidates: readonly MbReleaseSummary[]) => candidates.reduce((a, b) => (b.date! > a.date! ? b : a));
  const official = dated.filter((release) => release.status === 'Official');
  if (official.length > 0) return latest(official);
  if (dated.length > 0) return latest(dated);
  return releases[0] ?? null;
}

/** The release's label names with their owners' and imprint parents', and the distributor, if any. */
export function labelsOf(release: MbRelease | null, labels: readonly MbLabel[]): { names: string[]; distributor: string | null } {
  const names: string[] = [];
  let distributor: string | null = null;
  for (const entry of release?.labels ?? []) {
    if (entry.noLabel) names.push('[no label]');
    else if (entry.label) names.push(entry.label.name);
  }
  for (const label of labels) {
    for (const parent of label.parents.filter((candidate) => !candidate.ended)) {
      if (parent.kind === 'distributor') distributor ??= parent.label.name;
      else names.push(parent.label.name);
    }
  }
  return { names: [...new Set(names)], distributor };
}

/** The artist's ISO 3166 country: MusicBrainz's country, else its area's code. */
export function countryOf(artist: MbArtist | null): string | null {
  return artist?.country ?? artist?.area?.countryCodes[0] ?? artist?.area?.subdivisionCodes[0] ?? null;
}

function youtubeFacts(youtube: YoutubeFindings | null, previous: PreviousSnapshot | null): YoutubeFacts | null {
  if (!youtube) return null;
  if (!youtube.hasChannel) return { hasChannel: false };
  return {
    hasChannel: true,
    subscribers: youtube.subscribers,
    subscribersPrevious: previous?.youtubeSubscribers ?? null,
    views: youtube.views,
    viewsPrevious: previous?.youtubeViews ?? null,
    videoCount: youtube.videoCount,
    recentUploads90d: youtube.recentUploads90d,
    lastUploadAt: youtube.lastUploadAt,
    channelCreatedAt: youtube.channelCreatedAt,
  };
}

/** The latest date among the recording's releases and Spotify's album (YYYY, YYYY-MM or YYYY-MM-DD strings compare in order). */
function latestReleaseDate(findings: SourceFindings): string | null {
  const dates = [...(findings.recording?.releases ?? []).map((release) => release.date), findings.recording?.firstReleaseDate, findings.spotify?.releaseDate];
  const known = dates.filter((date): date is string => typeof date === 'string' && date !== '');
  return known.length === 0 ? null : known.reduce((a, b) => (b > a ? b : a));
}

/** The lead as the sources describe it (see the module comment). */
export function draftLead(findings: SourceFindings, previous: PreviousSnapshot | null): LeadDraft {
  const { artist, spotify, lastfm, youtube } = findings;
  const labels = labelsOf(findings.release, findings.labels);
  const phonographicCopyright = [...new Set((findings.rights?.phonographicCopyright ?? []).map((label) => label.name))];
  if (labels.names.length === 0) labels.names.push(...phonographicCopyright);
  if (labels.names.length === 0 && spotify?.albumLabel) labels.names.push(spotify.albumLabel);
  const creditedArtists = (findings.recording?.artistCredit ?? []).map((credit) => credit.artist.id);
  const publishing = publishingOf(findings.rights ?? null, creditedArtists);

  const contacts: LeadContactFound[] = [];
  for (const url of artist?.urls.filter((link) => !link.ended) ?? []) {
    const contact = contactFromRelation(url.type, url.url);
    if (contact) contacts.push(contact);
  }
  if (spotify?.artist?.url) contacts.push({ kind: 'spotify', value: spotify.artist.url, source: 'spotify' });
  if (youtube?.hasChannel) contacts.push({ kind: 'youtube', value: `https://www.youtube.com/channel/${youtube.channelId}`, source: 'youtube' });
  const unique = uniqueContacts(contacts);
  const lookedForPlatforms = artist !== null || spotify?.artist != null || youtube !== null;

  const artistName = artist?.name ?? findings.recording?.artistCredit[0]?.artist.name ?? spotify?.artist?.name ?? null;
  const genres = [...new Set([...(artist?.genres ?? []).map((genre) => genre.name), ...(spotify?.artist?.genres ?? [])])];
  return {
    artistName,
    facts: {
      artistName,
      label: labels.names,
      distributor: labels.distributor,
      country: countryOf(artist),
      platforms: lookedForPlatforms ? platformsOf(unique) : null,
      hasPublisher: publishing.hasPublisher,
      spotifyFollowers: spotify?.artist?.followers ?? null,
      spotifyFollowersPrevious: previous?.spotifyFollowers ?? null,
      spotifyPopularity: spotify?.artist?.popularity ?? null,
      spotifyPopularityPrevious: previous?.spotifyPopularity ?? null,
      lastfmListeners: lastfm?.listeners ?? null,
      lastfmListenersPrevious: previous?.lastfmListeners ?? null,
      latestReleaseDate: latestReleaseDate(findings),
      releaseCount: findings.releaseGroupCount ?? null,
      youtube: youtubeFacts(youtube, previous),
    },
    labelNames: labels.names,
    distributorName: labels.distributor,
    country: countryOf(artist),
    area: artist?.area?.name ?? null,
    contacts: unique,
    genres,
    publishing,
    phonographicCopyright,
  };
}
