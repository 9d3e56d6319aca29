import type { YtChannel, YtPlaylistItemList } from './youtube.format.js';

/** A channel's audience and activity, as Leads scores it. */
export interface YoutubeChannelSummary {
  channelId: string;
  title: string;
  /** The channel's handle ("@tuiharbour") or legacy custom URL. */
  customUrl: string | null;
  /** Null when the channel hides its subscriber count. */
  subscribers: number | null;
  views: number | null;
  videoCount: number | null;
  /** When the channel was created (RFC 3339). */
  channelCreatedAt: string | null;
  /** Uploads published in the 90 days before `now`, among the latest 50 (so at most 50). */
  recentUploads90d: number;
  /** The newest upload's publication time (RFC 3339), or null without uploads. */
  lastUploadAt: string | null;
  /** Uploads per 30 days; see summarizeChannel. */
  uploadsPerMonth: number;
}

const DAY_MS = 86_400_000;
const RECENT_DAYS = 90;

/**
 * The summary of a channel from channels.list and the first page (latest 50) of its uploads
 * playlist (null when it has none), relative to `now`:
 * - recentUploads90d counts uploads whose videoPublishedAt is in (now − 90 days, now];
 * - uploadsPerMonth is that count per 30 days (count / 3), except when the page holds only part
 *   of the 90 days (the playlist has more pages and its oldest upload on this page is recent):
 *   then it is the page's uploads per 30 days since that oldest upload, so a channel uploading
 *   daily is not capped at 50 / 3. Rounded to two decimals.
 * Videos without videoPublishedAt (private, deleted) and those dated after `now` are left out.
 */
export function summarizeChannel(channel: YtChannel, uploads: YtPlaylistItemList | null, now: Date): YoutubeChannelSummary {
  const nowMs = now.getTime();
  const published = (uploads?.items ?? [])
    .map((item) => (item.videoPublishedAt ? Date.parse(item.videoPublishedAt) : Number.NaN))
    .filter((time) => Number.isFinite(time) && time <= nowMs)
    .sort((a, b) => b - a);
  const windowStart = nowMs - RECENT_DAYS * DAY_MS;
  const recent = published.filter((time) => time > windowStart);
  const oldest = published.at(-1);
  const pageIsPartial = uploads?.nextPageToken != null && oldest !== undefined && oldest > windowStart;
  const days = pageIsPartial ? Math.max(1, (nowMs - oldest) / DAY_MS) : RECENT_DAYS;
  const counted = pageIsPartial ? published.length : recent.length;
  return {
    channelId: channel.id,
    title: channel.title,
    customUrl: channel.customUrl,
    subscribers: channel.subscribers,
    views: channel.views,
    videoCount: channel.videoCount,
    channelCreatedAt: channel.publishedAt,
    recentUploads90d: recent.length,
    lastUploadAt: published.length > 0 ? new Date(published[0]!).toISOString() : null,
    uploadsPerMonth: Math.round((counted / days) * 30 * 100) / 100,
  };
}
