import helmet from 'helmet';

/**
 * Helmet's security headers, with a Content-Security-Policy fitted to what the web app loads:
 * its own scripts and styles (Swagger UI adds an inline <style>), cover art and 30-second
 * previews that Spotify serves over https, and audio streamed from the API.
 */
export function securityHeaders() {
  return helmet({
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
  });
}
