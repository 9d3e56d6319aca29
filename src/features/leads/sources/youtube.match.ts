import type { YtSearchChannel } from './youtube.format.js';

/** An artist's channel chosen among search results, and by which rule. */
export interface YoutubeChannelMatch extends YtSearchChannel {
  /**
   * `title`: the channel's title is the artist's name (the artist's own channel);
   * `topic`: only YouTube's auto-generated "<name> - Topic" channel matched (music, no uploads of their own).
   */
  matchedBy: 'title' | 'topic';
}

/** YouTube's auto-generated artist channels are titled "<artist> - Topic". */
const TOPIC_SUFFIX = /\s+-\s+Topic$/i;

/**
 * An artist name reduced to what identifies it: letters and digits only, in lower case, without
 * accents, "&" read as "and" and a leading "The" dropped. "The Saltbush Parade", "Saltbush Parade"
 * and "SALTBUSHPARADE" are one name; "Lagi Faʻatasi" and "Lagi Faatasi" too.
 */
export function normalizeArtistName(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      // Apostrophes and the ʻokina join what they separate (ʻ is a letter to Unicode, a modifier one).
      .replace(/['`´‘’ʻʼʽ]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .replace(/^the /, '')
      .replace(/ /g, '')
  );
}

/**
 * The artist's channel among search results, by a fixed rule and no guessing beyond
 * normalizeArtistName: the first channel (in YouTube's relevance order) whose title is the
 * artist's name; failing that, the first "<name> - Topic" channel; failing that, null. A channel
 * titled "Tui Harbour Fan Page" or "TuiHarbourVEVO" is not the artist's: a wrong channel would
 * put someone else's audience on the lead, a missing one only leaves YouTube out.
 */
export function chooseArtistChannel(artistName: string, channels: YtSearchChannel[]): YoutubeChannelMatch | null {
  const wanted = normalizeArtistName(artistName);
  if (!wanted) return null;
  const own = channels.find((channel) => !TOPIC_SUFFIX.test(channel.title) && normalizeArtistName(channel.title) === wanted);
  if (own) return { ...own, matchedBy: 'title' };
  const topic = channels.find((channel) => TOPIC_SUFFIX.test(channel.title) && normalizeArtistName(channel.title.replace(TOPIC_SUFFIX, '')) === wanted);
  return topic ? { ...topic, matchedBy: 'topic' } : null;
}
