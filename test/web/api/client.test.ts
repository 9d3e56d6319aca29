import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, EncoreApi, UNREACHABLE } from '../../../web/src/api/client.js';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

describe('the SPA’s API client against an HTTP server', () => {
  let server: Server;
  let handler: Handler = () => undefined;
  let api: EncoreApi;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => handler(request, body, response));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new EncoreApi(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const answer = (status: number, body: string, type = 'application/json') =>
    (handler = (_, __, response) => response.writeHead(status, { 'content-type': type }).end(body));

  it('posts the song query as JSON and returns the answer', async () => {
    let seen: { method?: string; url?: string; type?: string; body?: string } = {};
    handler = (request, body, response) => {
      seen = { method: request.method, url: request.url, type: request.headers['content-type'], body };
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"prediction":"HIT"}');
    };
    expect(await api.predictSong({ title: 'Penny Lane', artist: 'The Beatles' })).toEqual({ prediction: 'HIT' });
    expect(seen).toEqual({ method: 'POST', url: '/api/predict/spotify/', type: 'application/json', body: '{"title":"Penny Lane","artist":"The Beatles"}' });
  });

  it('sends history filters as a query string, leaving out the unset ones', async () => {
    let url = '';
    handler = (request, _, response) => ((url = request.url!), response.writeHead(200).end('{"count":0,"results":[]}'));
    await api.predictions({ page: 2, page_size: 8, is_hit: false });
    expect(url).toBe('/api/predictions?page=2&page_size=8&is_hit=false');
  });

  it('turns an error answer into its message', async () => {
    answer(404, '{"statusCode":404,"error":"Song not found.","message":"Song not found. Please provide a valid Spotify link or song title + artist."}');
    await expect(api.predictSong({ track_id: 'x' })).rejects.toEqual(
      new ApiError(404, 'Song not found. Please provide a valid Spotify link or song title + artist.'),
    );
  });

  it('says something plain when a 5xx answer is not JSON', async () => {
    answer(502, '<html>Bad gateway</html>', 'text/html');
    await expect(api.activeModel()).rejects.toThrow('Something went wrong on the server. Please try again in a moment.');
  });

  it('says the server cannot be reached when nothing answers', async () => {
    const offline = new EncoreApi('http://127.0.0.1:9');
    await expect(offline.activeModel()).rejects.toThrow(UNREACHABLE);
  });

  it('lets a caller abort a request', async () => {
    handler = (_, __, response) => setTimeout(() => response.writeHead(200).end('{}'), 500);
    const controller = new AbortController();
    const pending = api.searchDataset('beat', 5, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
