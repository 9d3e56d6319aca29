import { describe, expect, it } from 'vitest';
import { channelRefKey, channelRefQuery, parseYoutubeChannelUrl } from '../../../../src/features/leads/sources/youtube.channel-url.js';
import {
  readApiError,
  readChannelList,
  readPlaylistItemList,
  readSearchList,
  YoutubeFormatError,
} from '../../../../src/features/leads/sources/youtube.format.js';
import { chooseArtistChannel, normalizeArtistName } from '../../../../src/features/leads/sources/youtube.match.js';
import { summarizeChannel } from '../../../../src/features/leads/sources/youtube.summary.js';

const CHANNEL_ID = 'UC_x5XG1OV2P6uZZ5FSM9Ttw';

/** As https://developers.google.com/youtube/v3/docs/search/list documents it. */
const SEARCH = {
  kind: 'youtube#searchListResponse',
  etag: 'q5k97EMVGxODeKcDgp8gnMu79wM',
  nextPageToken: 'CAUQAA',
  regionCode: 'NZ',
  pageInfo: { totalResults: 3612, resultsPerPage: 5 },
  items: [
    {
      kind: 'youtube#searchResult',
      etag: 'Rr1bC4xTvpbWmH0wW4qQ1rmDrMs',
      id: { kind: 'youtube#channel', channelId: CHANNEL_ID },
      snippet: {
        publishedAt: '2007-08-23T00:34:43Z',
        channelId: CHANNEL_ID,
        title: 'Google for Developers',
        description: 'Subscribe to join a community of creative developers.',
        thumbnails: { default: { url: 'https://yt3.ggpht.com/x=s88' } },
        channelTitle: 'Google for Developers',
        liveBroadcastContent: 'upcoming',
        publishTime: '2007-08-23T00:34:43Z',
      },
    },
    // A video result (type=channel excludes them; a lenient reader skips one anyway).
    { kind: 'youtube#searchResult', etag: 'x', id: { kind: 'youtube#video', videoId: 'dQw4w9WgXcQ' }, snippet: { title: 'A video', channelId: CHANNEL_ID } },
  ],
};

/** As https://developers.google.com/youtube/v3/docs/channels/list documents it (part=snippet,statistics,contentDetails). */
const CHANNELS = {
  kind: 'youtube#channelListResponse',
  etag: 'pnxdtl4L7h8BCXNS1MSt3YG1TEA',
  pageInfo: { totalResults: 1, resultsPerPage: 5 },
  items: [
    {
      kind: 'youtube#channel',
      etag: 'zH2XRVd0v7eO5v6OTNRoUvhkh6M',
      id: CHANNEL_ID,
      snippet: {
        title: 'Google for Developers',
        description: 'Subscribe to join a community of creative developers.',
        customUrl: '@googledevelopers',
        publishedAt: '2007-08-23T00:34:43Z',
        thumbnails: {},
        localized: { title: 'Google for Developers', description: '' },
        country: 'US',
      },
      contentDetails: { relatedPlaylists: { likes: '', uploads: 'UU_x5XG1OV2P6uZZ5FSM9Ttw' } },
      statistics: { viewCount: '253184447', subscriberCount: '2460000', hiddenSubscriberCount: false, videoCount: '6457' },
    },
  ],
};

const PLAYLIST_ITEMS = {
  kind: 'youtube#playlistItemListResponse',
  etag: 'Zl1Qd5x0XKXj-Ut3IZe6rHBaG2k',
  nextPageToken: 'EAAaBlBUOkNESQ',
  pageInfo: { totalResults: 6457, resultsPerPage: 2 },
  items: [
    {
      kind: 'youtube#playlistItem',
      etag: 'a',
      id: 'VVVfeDVYRzFPVjJQNnVaWjVGU005VHR3LjE',
      contentDetails: { videoId: 'aaaaaaaaaaa', videoPublishedAt: '2025-05-30T16:00:06Z' },
    },
    { kind: 'youtube#playlistItem', etag: 'b', id: 'VVVfeDVYRzFPVjJQNnVaWjVGU005VHR3LjI', contentDetails: { videoId: 'bbbbbbbbbbb' } },
  ],
};

describe('YouTube Data API formats', () => {
  it('reads the channel results of search.list, skipping other kinds', () => {
    expect(readSearchList(SEARCH)).toEqual({
      totalResults: 3612,
      channels: [
        {
          channelId: CHANNEL_ID,
          title: 'Google for Developers',
          description: 'Subscribe to join a community of creative developers.',
          publishedAt: '2007-08-23T00:34:43Z',
        },
      ],
    });
  });

  it('reads channels.list: counts from strings, the uploads playlist, the handle', () => {
    expect(readChannelList(CHANNELS)).toEqual([
      {
        id: CHANNEL_ID,
        title: 'Google for Developers',
        description: 'Subscribe to join a community of creative developers.',
        customUrl: '@googledevelopers',
        publishedAt: '2007-08-23T00:34:43Z',
        country: 'US',
        subscribers: 2_460_000,
        views: 253_184_447,
        videoCount: 6457,
        uploadsPlaylistId: 'UU_x5XG1OV2P6uZZ5FSM9Ttw',
      },
    ]);
  });

  it('reads a hidden subscriber count as null, and a channels.list without items (nothing matched) as []', () => {
    const hidden = structuredClone(CHANNELS);
    hidden.items[0]!.statistics = { viewCount: '10', hiddenSubscriberCount: true, videoCount: '1' } as never;
    expect(readChannelList(hidden)[0]!.subscribers).toBeNull();
    // YouTube has sent "0" with the flag set: the flag wins.
    hidden.items[0]!.statistics = { viewCount: '10', subscriberCount: '0', hiddenSubscriberCount: true, videoCount: '1' } as never;
    expect(readChannelList(hidden)[0]!.subscribers).toBeNull();
    expect(readChannelList({ kind: 'youtube#channelListResponse', etag: 'x', pageInfo: { totalResults: 0, resultsPerPage: 5 } })).toEqual([]);
  });

  it('reads playlistItems.list, a private video without videoPublishedAt included', () => {
    expect(readPlaylistItemList(PLAYLIST_ITEMS)).toEqual({
      items: [
        { videoId: 'aaaaaaaaaaa', videoPublishedAt: '2025-05-30T16:00:06Z' },
        { videoId: 'bbbbbbbbbbb', videoPublishedAt: null },
      ],
      nextPageToken: 'EAAaBlBUOkNESQ',
      totalResults: 6457,
    });
  });

  it.each([
    ['a list where the response belongs', () => readSearchList([SEARCH]), /is not an object/],
    ['another response kind', () => readSearchList(CHANNELS), /kind is "youtube#channelListResponse", not youtube#searchListResponse/],
    ['no kind', () => readChannelList({ items: [] }), /kind is missing/],
    [
      'an id that is not a string',
      () => readChannelList({ ...CHANNELS, items: [{ ...CHANNELS.items[0], id: 42 }] }),
      /channels\.items\[0\]\.id is not a string/,
    ],
    [
      'a count that is not one',
      () => readChannelList({ ...CHANNELS, items: [{ ...CHANNELS.items[0], statistics: { viewCount: 'lots' } }] }),
      /viewCount is not a count/,
    ],
    [
      'a search result without snippet',
      () => readSearchList({ ...SEARCH, items: [{ id: { kind: 'youtube#channel', channelId: CHANNEL_ID } }] }),
      /snippet is not an object/,
    ],
    ['items that are not a list', () => readPlaylistItemList({ ...PLAYLIST_ITEMS, items: {} }), /items is not an array/],
  ])('throws YoutubeFormatError for %s', (_, read, message) => {
    expect(read).toThrow(YoutubeFormatError);
    expect(read).toThrow(message);
  });

  it('reads Google error bodies, old and new forms, and nothing else', () => {
    const quota = {
      error: {
        code: 403,
        message: 'The request cannot be completed because you have exceeded your quota.',
        errors: [{ message: '...', domain: 'youtube.quota', reason: 'quotaExceeded' }],
      },
    };
    expect(readApiError(quota)).toEqual({
      code: 403,
      message: 'The request cannot be completed because you have exceeded your quota.',
      reasons: ['quotaExceeded'],
    });
    const badKey = {
      error: {
        code: 400,
        message: 'API key not valid. Please pass a valid API key.',
        errors: [{ message: 'API key not valid. Please pass a valid API key.', domain: 'global', reason: 'badRequest' }],
        status: 'INVALID_ARGUMENT',
        details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }],
      },
    };
    expect(readApiError(badKey)!.reasons).toEqual(['badRequest', 'API_KEY_INVALID']);
    expect(readApiError({ error: 'Not Found' })).toBeNull();
    expect(readApiError(CHANNELS)).toBeNull();
    expect(readApiError('<html>')).toBeNull();
  });
});

describe('YouTube channel URLs', () => {
  it.each([
    ['https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw', { kind: 'id', id: CHANNEL_ID }],
    ['http://youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw/videos?view=0', { kind: 'id', id: CHANNEL_ID }],
    ['https://music.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw', { kind: 'id', id: CHANNEL_ID }],
    ['https://www.youtube.com/@MarloweVanceVEVO', { kind: 'handle', handle: 'MarloweVanceVEVO' }],
    ['m.youtube.com/@tui.harbour/featured', { kind: 'handle', handle: 'tui.harbour' }],
    ['https://www.youtube.com/@%E0%A4%97%E0%A5%80%E0%A4%A4', { kind: 'handle', handle: 'गीत' }],
    ['https://www.youtube.com/user/saltbushparadeband', { kind: 'username', username: 'saltbushparadeband' }],
  ])('reads %s', (url, ref) => {
    expect(parseYoutubeChannelUrl(url)).toEqual(ref);
  });

  it.each([
    'https://www.youtube.com/c/TuiHarbour',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/channel/UCtooShort',
    'https://www.youtube.com/@',
    'https://youtube.example.com/@tui',
    'https://vimeo.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw',
    'not a url at all',
  ])('has no channel for %s', (url) => {
    expect(parseYoutubeChannelUrl(url)).toBeNull();
  });

  it('keys handles and usernames case-insensitively, ids as they are, and queries channels.list by the right parameter', () => {
    expect(channelRefKey({ kind: 'handle', handle: 'MarloweVanceVEVO' })).toBe('channel/handle/marlowevancevevo');
    expect(channelRefKey({ kind: 'id', id: CHANNEL_ID })).toBe(`channel/id/${CHANNEL_ID}`);
    expect(channelRefQuery({ kind: 'handle', handle: 'tui' })).toEqual({ forHandle: '@tui' });
    expect(channelRefQuery({ kind: 'username', username: 'salt' })).toEqual({ forUsername: 'salt' });
  });
});

describe('choosing an artist channel', () => {
  const result = (title: string, n = 1) => ({ channelId: `UC${String(n).padStart(22, '0')}`, title, description: '', publishedAt: null });

  it('normalizes case, accents, punctuation, "&", the ʻokina and a leading "The"', () => {
    expect(normalizeArtistName('The Saltbush Parade')).toBe('saltbushparade');
    expect(normalizeArtistName('SALTBUSH  PARADE!')).toBe('saltbushparade');
    expect(normalizeArtistName('Lagi Faʻatasi')).toBe(normalizeArtistName('Lagi Faatasi'));
    expect(normalizeArtistName('Beyoncé')).toBe('beyonce');
    expect(normalizeArtistName('Salt & Pepper')).toBe(normalizeArtistName('Salt and Pepper'));
    expect(normalizeArtistName('  ')).toBe('');
  });

  it('takes the first channel titled with the name, before a "- Topic" channel listed earlier', () => {
    const channels = [result('Tui Harbour - Topic', 1), result('Tui Harbour Fan Page', 2), result('tui harbour', 3), result('Tui Harbour', 4)];
    expect(chooseArtistChannel('Tui Harbour', channels)).toMatchObject({ channelId: channels[2]!.channelId, matchedBy: 'title' });
  });

  it('falls back to the "- Topic" channel, and to null rather than guess', () => {
    expect(chooseArtistChannel('Marlowe Vance', [result('MarloweVanceVEVO', 1), result('Marlowe Vance - Topic', 2)])).toMatchObject({
      title: 'Marlowe Vance - Topic',
      matchedBy: 'topic',
    });
    expect(chooseArtistChannel('Marlowe Vance', [result('MarloweVanceVEVO'), result('Marlowe Vance Fans')])).toBeNull();
    expect(chooseArtistChannel('Tui', [result('Tui Harbour')])).toBeNull();
    expect(chooseArtistChannel('!!!', [result('!!!')])).toBeNull();
  });
});

describe('summarizing a channel', () => {
  const now = new Date('2025-06-01T00:00:00Z');
  const channel = readChannelList(CHANNELS)[0]!;
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const uploads = (days: Array<number | null>, nextPageToken: string | null = null) => ({
    items: days.map((day, i) => ({ videoId: `v${i}`, videoPublishedAt: day === null ? null : daysAgo(day) })),
    nextPageToken,
    totalResults: days.length,
  });

  it('counts uploads of the last 90 days, the newest, and uploads per 30 days', () => {
    const summary = summarizeChannel(channel, uploads([100, 1, 30, null, 89.9, 91, -2]), now);
    expect(summary).toEqual({
      channelId: CHANNEL_ID,
      title: 'Google for Developers',
      customUrl: '@googledevelopers',
      subscribers: 2_460_000,
      views: 253_184_447,
      videoCount: 6457,
      channelCreatedAt: '2007-08-23T00:34:43Z',
      recentUploads90d: 3,
      lastUploadAt: daysAgo(1),
      uploadsPerMonth: 1,
    });
  });

  it('rates a full page that covers less than 90 days over the days it covers', () => {
    const daily = uploads(
      Array.from({ length: 50 }, (_, i) => i + 0.5),
      'NEXT',
    );
    const summary = summarizeChannel(channel, daily, now);
    expect(summary.recentUploads90d).toBe(50);
    expect(summary.uploadsPerMonth).toBeCloseTo((50 / 49.5) * 30, 2);
  });

  it('gives zeros and nulls without uploads', () => {
    expect(summarizeChannel(channel, null, now)).toMatchObject({ recentUploads90d: 0, lastUploadAt: null, uploadsPerMonth: 0 });
    expect(summarizeChannel(channel, uploads([null]), now)).toMatchObject({ recentUploads90d: 0, lastUploadAt: null, uploadsPerMonth: 0 });
  });
});
