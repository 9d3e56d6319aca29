import type { AlbumRef } from '../../api/catalog-types.js';
import { AlbumArt } from '../../components/album-art.js';
import { AppLink } from '../../components/app-link.js';
import { DemoBadge } from '../../components/demo-badge.js';

/** Albums as cover tiles linking to their pages, each with a line under its title. */
export function AlbumTiles<A extends AlbumRef>({ albums, labelledBy, note }: { albums: readonly A[]; labelledBy: string; note: (album: A) => string }) {
  return (
    <ul class="tile-list" aria-labelledby={labelledBy}>
      {albums.map((album) => (
        <li key={album.id}>
          <AppLink class="tile" href={`/catalog/albums/${album.id}`}>
            <AlbumArt src={album.cover_url} title={album.title} />
            <span class="tile-text">
              <strong>{album.title}</strong>
              <span class="muted small">
                {note(album)}
                <DemoBadge demo={album.demo} />
              </span>
            </span>
          </AppLink>
        </li>
      ))}
    </ul>
  );
}
