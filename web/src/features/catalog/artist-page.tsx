import { useEffect, useState } from 'preact/hooks';
import { catalogApi } from '../../api/catalog.js';
import type { ArtistProfile } from '../../api/catalog-types.js';
import { AlbumTiles } from './album-tiles.js';
import { CatalogNav } from './catalog-nav.js';
import { DemoBadge } from '../../components/demo-badge.js';
import { FormError } from '../../components/form-error.js';
import { Loaded, LoadedListing } from '../../components/loaded.js';
import { SongList } from './song-list.js';
import { useAction, useLoad, useTitle } from '../../hooks.js';
import { formatCount, plural } from '../../lib/format.js';
import type { RouteParams } from '../../lib/routes.js';
import { useSession } from '../../session.js';

const PAGE_SIZE = 20;

/** An artist: their counts, follow, their albums and their songs (most played first). */
export function ArtistPage({ params }: { params: RouteParams }) {
  const id = params['id']!;
  const [page, setPage] = useState(1);
  const [followState, setFollowState] = useState<{ following: boolean; followers: number } | null>(null);
  const userId = useSession()?.user.id;
  useEffect(() => setFollowState(null), [id, userId]);
  const profile = useLoad((signal) => catalogApi.artistProfile(id, signal), [id, userId]);
  const songs = useLoad((signal) => catalogApi.artistSongs(id, { ordering: '-plays', page, page_size: PAGE_SIZE }, signal), [id, page]);
  const albums = useLoad((signal) => catalogApi.albums({ artist: id, page_size: 50 }, signal), [id]);
  useTitle(profile.state === 'ready' ? profile.data.name : 'Artist');
  return (
    <div class="catalog-page">
      <CatalogNav />
      <Loaded value={profile}>
        {(data) => (
          <section class="card" aria-labelledby="artist-title">
            <p class="eyebrow">
              Artist
              <DemoBadge demo={data.demo} />
            </p>
            <div class="card-head">
              <h1 id="artist-title">{data.name}</h1>
              <FollowButton profile={data} state={followState} onChange={setFollowState} />
            </div>
            {data.bio && <p class="muted">{data.bio}</p>}
            <ul class="stat-grid" aria-label="Artist figures">
              <Stat value={followState?.followers ?? data.follower_count} label="Followers" />
              <Stat value={data.song_count} label="Songs" />
              <Stat value={data.album_count} label="Albums" />
              <Stat value={data.total_plays} label="Plays" />
              <Stat value={data.total_likes} label="Likes" />
            </ul>
          </section>
        )}
      </Loaded>
      {profile.state === 'ready' && (
        <div class="catalog-columns">
          <section class="card catalog-main" aria-labelledby="artist-songs">
            <h2 id="artist-songs">Songs</h2>
            <LoadedListing value={songs} empty="No songs yet." pager={{ label: 'Song pages', page, pageSize: PAGE_SIZE, onPage: setPage }}>
              {({ results }) => <SongList songs={results} label={`Songs by ${profile.data.name}`} />}
            </LoadedListing>
          </section>
          <section class="card catalog-side" aria-labelledby="artist-albums">
            <h2 id="artist-albums">Albums</h2>
            <LoadedListing value={albums} empty="No albums yet.">
              {({ results }) => <AlbumTiles albums={results} labelledBy="artist-albums" note={(album) => plural(album.song_count, 'song')} />}
            </LoadedListing>
          </section>
        </div>
      )}
    </div>
  );
}

function Stat({ value, label }: { value: number; label: string }) {
  return (
    <li class="stat">
      <span class="stat-value">{formatCount(value)}</span>
      <span class="muted small">{label}</span>
    </li>
  );
}

interface FollowProps {
  profile: ArtistProfile;
  state: { following: boolean; followers: number } | null;
  onChange(state: { following: boolean; followers: number }): void;
}

/** Follow or unfollow; not shown signed out, nor to the artist themselves. */
function FollowButton({ profile, state, onChange }: FollowProps) {
  const current = useSession();
  const following = state?.following ?? profile.following ?? false;
  const action = useAction(async () => {
    const answer = await catalogApi.follow(profile.id, !following);
    onChange({ following: answer.following, followers: answer.follower_count });
  });
  if (!current || current.user.artist_id === profile.id) return null;
  return (
    <div>
      <button
        type="button"
        class={`button${following ? ' ghost' : ' primary'}`}
        aria-pressed={following}
        disabled={action.busy}
        onClick={() => void action.run()}
      >
        {following ? 'Following' : 'Follow'}
      </button>
      <FormError message={action.error} />
    </div>
  );
}
