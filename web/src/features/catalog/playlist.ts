/** Playlist rules the pages need: who may do what, where a moved entry goes, and the link to share. */

export interface PlaylistPeople {
  owner: { id: string };
  collaborators: ReadonlyArray<{ id: string }>;
  collaborative: boolean;
}

export type PlaylistRole = 'owner' | 'admin' | 'collaborator' | 'viewer';

/** What the caller is to the playlist (as the API decides it). */
export function playlistRole(playlist: PlaylistPeople, user: { id: string; role: string } | null): PlaylistRole {
  if (user && playlist.owner.id === user.id) return 'owner';
  if (user?.role === 'admin') return 'admin';
  if (user && playlist.collaborators.some((person) => person.id === user.id)) return 'collaborator';
  return 'viewer';
}

/** Whether the caller may add, remove and reorder songs. */
export function canEditSongs(role: PlaylistRole, collaborative: boolean): boolean {
  return role === 'owner' || role === 'admin' || (role === 'collaborator' && collaborative);
}

/**
 * The reorder request that moves the entry at `index` one place up (-1) or down (+1): it takes the
 * position of its neighbour (positions may skip songs the caller cannot see). Null at either end.
 */
export function moveRequest(items: ReadonlyArray<{ id: number; position: number }>, index: number, step: -1 | 1): { item_id: number; position: number } | null {
  const item = items[index];
  const neighbour = items[index + step];
  if (!item || !neighbour) return null;
  return { item_id: item.id, position: neighbour.position };
}

/** The list as it looks once the entry at `from` is at `to` (shown at once, before the API answers). */
export function moveEntry<T>(items: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return [...items];
  const moved = [...items];
  const [item] = moved.splice(from, 1);
  moved.splice(to, 0, item as T);
  return moved;
}

/** The app's page for a share link: the API answers `/api/playlists/shared/<token>`. */
export function sharePageUrl(origin: string, shareUrl: string): string | null {
  const token = /\/playlists\/shared\/([^/?#]+)/.exec(shareUrl)?.[1];
  return token ? `${origin}/catalog/playlists/shared/${token}` : null;
}
