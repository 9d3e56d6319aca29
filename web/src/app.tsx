import { useEffect } from 'preact/hooks';
import { GenrePage } from './pages/genre-page.js';
import { ModelPage } from './pages/model-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { PredictPage } from './pages/predict-page.js';
import { onLinkClick, usePath } from './router.js';

/** The app's pages; each module adds its own entry (Catalog, Analytics and Leads come next). */
const PAGES = [
  { path: '/', label: 'Hit predictor', title: 'Hit predictor', Page: PredictPage },
  { path: '/genre', label: 'Genre', title: 'Genre preference', Page: GenrePage },
  { path: '/model', label: 'About the model', title: 'About the model', Page: ModelPage },
];

export function App() {
  const path = usePath();
  const page = PAGES.find((candidate) => candidate.path === path);
  useEffect(() => {
    document.title = `Encore · ${page?.title ?? 'Page not found'}`;
  }, [page]);
  const Page = page?.Page ?? NotFoundPage;
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
            {PAGES.map((entry) => (
              <li key={entry.path}>
                <a
                  href={entry.path}
                  class="nav-link"
                  aria-current={entry.path === path ? 'page' : undefined}
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
      </header>
      <main id="main" tabIndex={-1}>
        <Page />
      </main>
      <footer class="footer">Encore · music intelligence for labels, artists and A&amp;R teams</footer>
    </>
  );
}
