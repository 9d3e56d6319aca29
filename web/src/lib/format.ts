import { FEATURE_BY_NAME, type FeatureName } from './features.js';

const numberFormat = new Intl.NumberFormat('en-US');

/** 73.456 → "73.5%" (confidence and shares are 0–100). */
export function formatPercent(value: number, digits = 1): string {
  return `${value.toFixed(digits)}%`;
}

/** 213573 → "3:34"; an hour or more → "1:02:05". */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** A feature's value in its unit: "3:34", "-5.2 dB", "120 BPM", "Major", "Yes", "0.74". */
export function formatFeature(name: FeatureName, value: number): string {
  switch (FEATURE_BY_NAME[name].kind) {
    case 'duration':
      return formatDuration(value);
    case 'decibels':
      return `${value.toFixed(1)} dB`;
    case 'tempo':
      return `${Math.round(value)} BPM`;
    case 'major-minor':
      return value >= 0.5 ? 'Major' : 'Minor';
    case 'yes-no':
      return value >= 0.5 ? 'Yes' : 'No';
    default:
      return value.toFixed(2);
  }
}

/** An average of a feature over many songs: binary features read as a share ("62% major"). */
export function formatAverage(name: FeatureName, value: number): string {
  const { kind } = FEATURE_BY_NAME[name];
  if (kind === 'major-minor') return `${Math.round(value * 100)}% major`;
  if (kind === 'yes-no') return `${Math.round(value * 100)}% explicit`;
  return formatFeature(name, value);
}

/** "2026-11-23T08:35:12.000Z" → "23 Nov 2026, 08:35" in the reader's time zone. */
export function formatDateTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** Several artists are stored separated by ";". */
export function formatArtists(artists: string): string {
  return artists
    .split(';')
    .map((artist) => artist.trim())
    .filter(Boolean)
    .join(', ');
}

/** A player position in seconds, rounded down: 75.9 → "1:15"; not yet known (NaN, Infinity) → "0:00". */
export function formatPlaybackTime(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '0:00';
  return formatDuration(Math.floor(seconds) * 1000);
}

/** What the player says about skips: null is unlimited (paid plans). */
export function formatSkipsLeft(skipsLeft: number | null): string {
  if (skipsLeft === null) return 'Unlimited skips';
  return `${skipsLeft} skip${skipsLeft === 1 ? '' : 's'} left this hour`;
}

/** "2024-05-17" → "17 May 2024" (a calendar date: no time zone shift). */
export function formatDate(isoDate: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** 1 → "1 song", 3 → "3 songs", 1200 → "1,200 plays". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
