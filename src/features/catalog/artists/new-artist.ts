import type { Prisma } from '../../../generated/prisma/client.js';
import { normalizeSearchText } from '../../../vocabulary/search-text.js';

/** What another feature gives to create an artist: an account's, a lead's, an imported or a demo one. */
export interface NewArtist {
  name: string;
  bio?: string;
  demo?: boolean;
  /** The account that publishes as this artist. */
  userId?: string;
}

/**
 * Creates an artist, searchable by name, with the client or transaction given: for accounts,
 * whose module starts without the catalog's (ArtistsService.createArtist for the others).
 */
export function createArtist(db: Prisma.TransactionClient, artist: NewArtist): Promise<{ id: string; name: string }> {
  const data: Prisma.ArtistUncheckedCreateInput = { ...artist, searchText: normalizeSearchText(artist.name) };
  return db.artist.create({ data, select: { id: true, name: true } });
}
