import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * Helmet's security headers, with a Content-Security-Policy fitted to what the web app loads:
 * its own scripts and styles (Swagger UI adds an inline <style>), cover art and 30-second
 * previews that Spotify serves over https, and audio streamed from the API.
 */
export function securityHeaders(): (request: IncomingMessage, response: ServerResponse, next: () => void) => void {
  return replayed(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
          mediaSrc: ["'self'", 'blob:', 'https:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          // Self-hosted installs are often reached over plain http on a LAN: upgrading would break them.
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
}

type HeaderChange = [name: string, value: string | number | readonly string[]] | [name: string];

/**
 * What `middleware` does to a response's headers, found once and then repeated on every response:
 * helmet's answer depends on nothing in the request with these options (no CSP nonce), and
 * replaying its dozen headers costs a fraction of walking its middleware chain each time.
 */
function replayed(middleware: ReturnType<typeof helmet>): (request: IncomingMessage, response: ServerResponse, next: () => void) => void {
  const changes: HeaderChange[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => changes.push([name, value]),
    removeHeader: (name: string) => changes.push([name]),
  };
  let done = false;
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error(String(error));
    done = true;
  });
  if (!done) throw new Error('helmet did not finish synchronously: its headers cannot be replayed');
  return (_request, response, next) => {
    for (const change of changes) {
      if (change.length === 2) response.setHeader(change[0], change[1]);
      else response.removeHeader(change[0]);
    }
    next();
  };
}
