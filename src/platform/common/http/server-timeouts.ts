import type { Server } from 'node:http';

export interface ServerTimeouts {
  HTTP_HEADERS_TIMEOUT_MS: number;
  HTTP_REQUEST_TIMEOUT_MS: number;
  HTTP_KEEP_ALIVE_TIMEOUT_MS: number;
}

/**
 * Node's defaults let a client trickle a request body for 300 s, holding a connection. A client
 * slower than these limits gets 408 and is closed. Node checks the limits on an interval (30 s
 * by default); a tighter one makes them hold to within a second. Set before listening.
 */
export function applyServerTimeouts(server: Server, timeouts: ServerTimeouts): void {
  server.headersTimeout = timeouts.HTTP_HEADERS_TIMEOUT_MS;
  server.requestTimeout = Math.max(timeouts.HTTP_REQUEST_TIMEOUT_MS, timeouts.HTTP_HEADERS_TIMEOUT_MS);
  server.keepAliveTimeout = timeouts.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  // A constructor option in Node's types, but read from the server when it starts listening.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(1000, timeouts.HTTP_HEADERS_TIMEOUT_MS);
}
