import { describe, expect, it } from 'vitest';
import { canEditSongs, moveEntry, moveRequest, playlistRole, sharePageUrl } from '../../../../web/src/features/catalog/playlist.js';

describe('playlist rules in the SPA', () => {
  const playlist = { owner: { id: 'o' }, collaborators: [{ id: 'c' }], collaborative: true };

  it('tells what the caller is to a playlist', () => {
    expect([
      playlistRole(playlist, { id: 'o', role: 'user' }),
      playlistRole(playlist, { id: 'x', role: 'admin' }),
      playlistRole(playlist, { id: 'c', role: 'user' }),
      playlistRole(playlist, { id: 'x', role: 'user' }),
      playlistRole(playlist, null),
    ]).toEqual(['owner', 'admin', 'collaborator', 'viewer', 'viewer']);
  });

  it('lets collaborators change songs only while the playlist is collaborative', () => {
    expect([canEditSongs('collaborator', true), canEditSongs('collaborator', false), canEditSongs('owner', false), canEditSongs('viewer', true)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it('moves an entry to its neighbour’s position, which may skip songs the caller cannot see', () => {
    const items = [
      { id: 10, position: 0 },
      { id: 11, position: 2 },
      { id: 12, position: 3 },
    ];
    expect(moveRequest(items, 1, -1)).toEqual({ item_id: 11, position: 0 });
    expect(moveRequest(items, 1, 1)).toEqual({ item_id: 11, position: 3 });
    expect([moveRequest(items, 0, -1), moveRequest(items, 2, 1)]).toEqual([null, null]);
  });

  it('shows a moved entry in its new place at once', () => {
    expect(moveEntry(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveEntry(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });

  it('turns the API’s share URL into the app’s page for it', () => {
    expect(sharePageUrl('https://encore.example', '/api/playlists/shared/Ab_c-9')).toBe('https://encore.example/catalog/playlists/shared/Ab_c-9');
    expect(sharePageUrl('https://encore.example', '/api/somewhere/else')).toBeNull();
  });
});
