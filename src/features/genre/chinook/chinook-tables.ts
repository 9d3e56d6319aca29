/** Chinook's tables, parents before children (the order rows must be inserted in). */
export const CHINOOK_TABLES = [
  'genre',
  'media_type',
  'artist',
  'album',
  'track',
  'employee',
  'customer',
  'invoice',
  'invoice_line',
  'playlist',
  'playlist_track',
] as const;

export type ChinookTable = (typeof CHINOOK_TABLES)[number];

export const CHINOOK_SCHEMA = 'chinook';

export type ChinookCounts = Record<ChinookTable, number>;
