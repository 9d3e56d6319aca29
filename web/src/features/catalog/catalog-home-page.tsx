import { useState } from 'preact/hooks';
import { catalogApi } from '../../api/catalog.js';
import type { TrendingRange } from '../../api/catalog-types.js';
import { AppLink } from '../../components/app-link.js';
import { CatalogNav } from './catalog-nav.js';
import { Loaded } from '../../components/loaded.js';
import { SongList } from './song-list.js';
import { TabPanel, Tabs } from '../../components/tabs.js';
import { useLoad, useTitle } from '../../hooks.js';
import { formatCount, plural } from '../../lib/format.js';
import { useSession } from '../../session.js';

const RANGES: Array<{ id: TrendingRange; label: string }> = [
  { id: 'week', label: 'This week' },
  { id: 'month', label: 'This month' },
  { id: 'all', label: 'All time' },
];
const LIST_SIZE = 10;

/** The catalog's front page: trending, recommendations, the newest songs and the genres. */
export function CatalogHomePage() {
  useTitle('Catalog');
  const current = useSession();
  return (
    <div class="catalog-page">
      <CatalogNav />
      <h1 class="sr-only">Catalog</h1>
      <div class="catalog-columns">
        <div class="catalog-main">
          <TrendingCard />
          <NewSongsCard />
        </div>
        <div class="catalog-side">
          {current ? <RecommendationsCard userId={current.user.id} /> : <WelcomeCard />}
          <GenresCard />
        </div>
      </div>
    </div>
  );
}

function TrendingCard() {
  const [range, setRange] = useState<TrendingRange>('week');
  const songs = useLoad((signal) => catalogApi.trending(range, { page_size: LIST_SIZE }, signal), [range]);
  return (
    <section class="card" aria-labelledby="trending-title">
      <div class="card-head">
        <h2 id="trending-title">Trending</h2>
        <span class="muted small">Plays + 3 × likes</span>
      </div>
      <Tabs<TrendingRange> id="trending" label="Trending over" tabs={RANGES} value={range} onChange={setRange} />
      <TabPanel id="trending" value={range}>
        <Loaded value={songs}>
          {(page) =>
            page.results.length === 0 ? (
              <p class="muted">Nothing played yet in this period.</p>
            ) : (
              <SongList songs={page.results} label="Trending songs" note={(song) => plural(song.trending.score, 'point')} />
            )
          }
        </Loaded>
      </TabPanel>
    </section>
  );
}

function NewSongsCard() {
  const songs = useLoad((signal) => catalogApi.songs({ ordering: '-created', page_size: LIST_SIZE }, signal), []);
  return (
    <section class="card" aria-labelledby="new-title">
      <div class="card-head">
        <h2 id="new-title">New songs</h2>
        {songs.state === 'ready' && <span class="muted small">{plural(songs.data.count, 'song')} in the catalog</span>}
      </div>
      <Loaded value={songs}>
        {(page) => (page.results.length === 0 ? <p class="muted">No songs yet.</p> : <SongList songs={page.results} label="New songs" />)}
      </Loaded>
    </section>
  );
}

function RecommendationsCard({ userId }: { userId: string }) {
  const songs = useLoad((signal) => catalogApi.recommendations(LIST_SIZE, signal), [userId]);
  return (
    <section class="card" aria-labelledby="recommended-title">
      <div class="card-head">
        <h2 id="recommended-title">For you</h2>
        {songs.state === 'ready' && (
          <span class="muted small">{songs.data.source === 'history' ? 'From what you play and like' : 'Trending, until you play more'}</span>
        )}
      </div>
      <Loaded value={songs}>
        {(answer) =>
          answer.results.length === 0 ? (
            <p class="muted">You have heard everything. Impressive.</p>
          ) : (
            <SongList songs={answer.results} label="Recommended songs" />
          )
        }
      </Loaded>
    </section>
  );
}

function WelcomeCard() {
  return (
    <section class="card" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Make it yours</h2>
      <p class="muted">Sign in for recommendations from what you play, likes, favourites and playlists. Artists publish their songs here.</p>
      <div class="actions">
        <AppLink class="button primary" href="/signin">
          Sign in
        </AppLink>
        <AppLink class="button ghost" href="/register">
          Create an account
        </AppLink>
      </div>
    </section>
  );
}

function GenresCard() {
  const genres = useLoad((signal) => catalogApi.genres(signal), []);
  return (
    <section class="card" aria-labelledby="genres-title">
      <h2 id="genres-title">Genres</h2>
      <Loaded value={genres}>
        {({ results }) =>
          results.length === 0 ? (
            <p class="muted">No genres yet.</p>
          ) : (
            <ul class="chip-list" aria-labelledby="genres-title">
              {results.map((genre) => (
                <li key={genre.id}>
                  <AppLink class="chip" href={`/catalog/genres/${encodeURIComponent(genre.name)}`}>
                    {genre.name} <span class="muted">· {formatCount(genre.song_count)}</span>
                  </AppLink>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
