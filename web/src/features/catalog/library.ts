import { catalogApi } from '../../api/catalog.js';
import type { CatalogSong } from '../../api/catalog-types.js';
import { messageOf } from '../../hooks.js';
import { session } from '../../session.js';
import { Store } from '../../store.js';

/**
 * What the signed-in listener likes and keeps, as far as this tab knows: favourites are loaded
 * from the API; likes are known once toggled here (songs do not say whether the caller liked them).
 */
export interface LibraryState {
  userId: string | null;
  favorites: ReadonlySet<string>;
  favoriteAlbums: ReadonlySet<string>;
  liked: ReadonlyMap<string, { liked: boolean; count: number }>;
  /** The last failure of a like or favourite, for the page to show. */
  error: string | null;
}

const EMPTY: LibraryState = { userId: null, favorites: new Set(), favoriteAlbums: new Set(), liked: new Map(), error: null };

export const library = new Store<LibraryState>(EMPTY);

async function load(userId: string): Promise<void> {
  try {
    const [songs, albums] = await Promise.all([catalogApi.favorites({ page_size: 100 }), catalogApi.favoriteAlbums({ page_size: 100 })]);
    if (library.get().userId !== userId) return;
    library.set((state) => ({
      ...state,
      favorites: new Set([...state.favorites, ...songs.results.map((song) => song.id)]),
      favoriteAlbums: new Set([...state.favoriteAlbums, ...albums.results.map((album) => album.id)]),
    }));
  } catch {
    // The buttons still work; they just start unpressed.
  }
}

function follow(userId: string | null): void {
  if (library.get().userId === userId) return;
  library.set({ ...EMPTY, userId });
  if (userId) void load(userId);
}

follow(session.current?.user.id ?? null);
session.subscribe((current) => follow(current?.user.id ?? null));

const setIn = (set: ReadonlySet<string>, id: string, on: boolean) => {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
};

export async function toggleLike(song: CatalogSong): Promise<void> {
  const known = library.get().liked.get(song.id);
  const like = !known?.liked;
  try {
    const state = await catalogApi.like(song.id, like);
    library.set((current) => ({ ...current, error: null, liked: new Map(current.liked).set(song.id, { liked: state.liked, count: state.like_count }) }));
  } catch (error) {
    library.set((current) => ({ ...current, error: messageOf(error) }));
  }
}

export async function toggleFavorite(song: CatalogSong): Promise<void> {
  const on = !library.get().favorites.has(song.id);
  library.set((current) => ({ ...current, favorites: setIn(current.favorites, song.id, on) }));
  try {
    await catalogApi.favorite(song.id, on);
    library.set((current) => ({ ...current, error: null }));
  } catch (error) {
    library.set((current) => ({ ...current, error: messageOf(error), favorites: setIn(current.favorites, song.id, !on) }));
  }
}

export async function toggleFavoriteAlbum(albumId: string): Promise<void> {
  const on = !library.get().favoriteAlbums.has(albumId);
  library.set((current) => ({ ...current, favoriteAlbums: setIn(current.favoriteAlbums, albumId, on) }));
  try {
    await catalogApi.favoriteAlbum(albumId, on);
    library.set((current) => ({ ...current, error: null }));
  } catch (error) {
    library.set((current) => ({ ...current, error: messageOf(error), favoriteAlbums: setIn(current.favoriteAlbums, albumId, !on) }));
  }
}
