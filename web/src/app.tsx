import type { ComponentType } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { AccountMenu } from './features/account/account-menu.js';
import { AddToPlaylistDialog } from './features/catalog/add-to-playlist.js';
import { PlayerBar } from './features/catalog/player-bar.js';
import { inSection, matchPath, type RouteParams } from './lib/routes.js';
import type { Role } from './lib/session.js';
import { AdminJobsPage } from './features/admin/admin-jobs-page.js';
import { AdminPredictionsPage } from './features/admin/admin-predictions-page.js';
import { AdminSongsPage } from './features/admin/admin-songs-page.js';
import { AdminUsersPage } from './features/admin/admin-users-page.js';
import { AnalyticsAlertsPage } from './features/analytics/analytics-alerts-page.js';
import { AnalyticsArtistPage, AnalyticsArtistRedirect } from './features/analytics/analytics-artist-page.js';
import { AnalyticsOverviewPage } from './features/analytics/analytics-overview-page.js';
import { AlbumPage } from './features/catalog/album-page.js';
import { ArtistPage } from './features/catalog/artist-page.js';
import { CatalogHomePage } from './features/catalog/catalog-home-page.js';
import { GenreSongsPage } from './features/catalog/genre-songs-page.js';
import { LibraryPage } from './features/catalog/library-page.js';
import { PlanPage } from './features/catalog/plan-page.js';
import { PlaylistPage, SharedPlaylistPage } from './features/catalog/playlist-page.js';
import { PlaylistsPage } from './features/catalog/playlists-page.js';
import { SearchPage } from './features/catalog/search-page.js';
import { UploadPage } from './features/catalog/upload-page.js';
import { GenrePage } from './features/genre/genre-page.js';
import { LeadPage } from './features/leads/lead-page.js';
import { LeadsAnalyzePage } from './features/leads/leads-analyze-page.js';
import { LeadsDashboardPage } from './features/leads/leads-dashboard-page.js';
import { LeadsListPage } from './features/leads/leads-list-page.js';
import { LeadsYoutubePage } from './features/leads/leads-youtube-page.js';
import { ModelPage } from './features/hit-prediction/model-page.js';
import { NotFoundPage } from './not-found-page.js';
import { PredictPage } from './features/hit-prediction/predict-page.js';
import { RegisterPage } from './features/account/register-page.js';
import { SignInPage } from './features/account/sign-in-page.js';
import { onLinkClick, usePath } from './router.js';
import { useSession } from './session.js';

type Page = ComponentType<{ params: RouteParams }>;

/** The app's pages by path pattern; a page with its own name sets the title itself. */
const ROUTES: Array<{ pattern: string; title: string; Page: Page }> = [
  { pattern: '/', title: 'Hit predictor', Page: PredictPage },
  { pattern: '/genre', title: 'Genre preference', Page: GenrePage },
  { pattern: '/model', title: 'About the model', Page: ModelPage },
  { pattern: '/signin', title: 'Sign in', Page: SignInPage },
  { pattern: '/register', title: 'Create an account', Page: RegisterPage },
  { pattern: '/catalog', title: 'Catalog', Page: CatalogHomePage },
  { pattern: '/catalog/search', title: 'Search', Page: SearchPage },
  { pattern: '/catalog/library', title: 'Your library', Page: LibraryPage },
  { pattern: '/catalog/upload', title: 'Upload a song', Page: UploadPage },
  { pattern: '/catalog/plan', title: 'Your plan', Page: PlanPage },
  { pattern: '/catalog/albums/:id', title: 'Album', Page: AlbumPage },
  { pattern: '/catalog/artists/:id', title: 'Artist', Page: ArtistPage },
  { pattern: '/catalog/genres/:name', title: 'Genre', Page: GenreSongsPage },
  { pattern: '/catalog/playlists', title: 'Playlists', Page: PlaylistsPage },
  { pattern: '/catalog/playlists/:id', title: 'Playlist', Page: PlaylistPage },
  { pattern: '/catalog/playlists/shared/:token', title: 'Shared playlist', Page: SharedPlaylistPage },
  { pattern: '/analytics', title: 'Analytics', Page: AnalyticsOverviewPage },
  { pattern: '/analytics/alerts', title: 'Analytics · Alerts', Page: AnalyticsAlertsPage },
  { pattern: '/analytics/artists/:id', title: 'Analytics · Artist', Page: AnalyticsArtistPage },
  // Where connecting Spotify comes back to (after /analytics/alerts, which it would also match).
  { pattern: '/analytics/:id', title: 'Analytics · Artist', Page: AnalyticsArtistRedirect },
  { pattern: '/leads', title: 'Leads', Page: LeadsListPage },
  { pattern: '/leads/analyze', title: 'Leads · Analyse', Page: LeadsAnalyzePage },
  { pattern: '/leads/dashboard', title: 'Leads · Dashboard', Page: LeadsDashboardPage },
  { pattern: '/leads/youtube', title: 'Leads · YouTube', Page: LeadsYoutubePage },
  { pattern: '/leads/artists/:id', title: 'Leads · Lead', Page: LeadPage },
  { pattern: '/admin', title: 'Admin · Songs', Page: AdminSongsPage },
  { pattern: '/admin/songs', title: 'Admin · Songs', Page: AdminSongsPage },
  { pattern: '/admin/predictions', title: 'Admin · Predictions', Page: AdminPredictionsPage },
  { pattern: '/admin/users', title: 'Admin · Users', Page: AdminUsersPage },
  { pattern: '/admin/jobs', title: 'Admin · Jobs', Page: AdminJobsPage },
];

/** The main menu; a section's entry stays current on every page under it. */
const NAV: Array<{ path: string; label: string; section?: string; role?: Role; signedIn?: boolean }> = [
  { path: '/', label: 'Hit predictor' },
  { path: '/genre', label: 'Genre' },
  { path: '/model', label: 'About the model' },
  { path: '/catalog', label: 'Catalog', section: '/catalog' },
  { path: '/analytics', label: 'Analytics', section: '/analytics', signedIn: true },
  { path: '/leads', label: 'Leads', section: '/leads', role: 'admin' },
  { path: '/admin/songs', label: 'Admin', section: '/admin', role: 'admin' },
];

function route(path: string): { title: string; Page: Page; params: RouteParams } | null {
  for (const entry of ROUTES) {
    const params = matchPath(entry.pattern, path);
    if (params) return { ...entry, params };
  }
  return null;
}

export function App() {
  const path = usePath();
  const current = useSession();
  const page = route(path);
  // Before the page's own effects, which may name it better (an album's title, say).
  useLayoutEffect(() => {
    document.title = `Encore · ${page?.title ?? 'Page not found'}`;
  }, [path]);
  const Page = page?.Page ?? NotFoundPage;
  const role = current?.user.role;
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <a class="brand" href="/" onClick={(event) => onLinkClick(event, '/')}>
          <svg viewBox="0 0 32 32" aria-hidden="true" class="brand-mark">
            <path d="M9 22V10h10M9 16h8M9 22h10" />
            <circle cx="24" cy="22" r="2.5" />
          </svg>
          Encore
        </a>
        <nav aria-label="Main">
          <ul class="nav-list">
            {NAV.filter((entry) => (!entry.role || entry.role === role) && (!entry.signedIn || current)).map((entry) => (
              <li key={entry.path}>
                <a
                  href={entry.path}
                  class="nav-link"
                  aria-current={(entry.section ? inSection(entry.section, path) : entry.path === path) ? 'page' : undefined}
                  onClick={(event) => onLinkClick(event, entry.path)}
                >
                  {entry.label}
                </a>
              </li>
            ))}
            <li>
              <a href="/api/docs" class="nav-link">
                API
              </a>
            </li>
          </ul>
        </nav>
        <AccountMenu />
      </header>
      <main id="main" tabIndex={-1}>
        <Page key={path} params={page?.params ?? {}} />
      </main>
      <footer class="footer">Encore · music intelligence for labels, artists and A&amp;R teams</footer>
      <PlayerBar />
      <AddToPlaylistDialog />
    </>
  );
}
