import { onLinkClick } from './router.js';

export function NotFoundPage() {
  return (
    <section class="card narrow">
      <h1>Page not found</h1>
      <p class="muted">There is no page at this address.</p>
      <a class="button" href="/" onClick={(event) => onLinkClick(event, '/')}>
        Go to the hit predictor
      </a>
    </section>
  );
}
