import { Agent, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Stripe from 'stripe';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenService } from '../../../src/features/auth/token.service.js';
import { GenreModelTrainerService } from '../../../src/features/genre/genre-model-trainer.service.js';
import { GenrePredictorService } from '../../../src/features/genre/genre-predictor.service.js';
import { DemoStoreService } from '../../../src/features/genre/demo/demo-store.service.js';
import { HitModelTrainerService } from '../../../src/features/hit-prediction/model/hit-model-trainer.service.js';
import { HitPredictorService } from '../../../src/features/hit-prediction/model/hit-predictor.service.js';
import { JobQueueService } from '../../../src/platform/jobs/job-queue.service.js';
import { DemoSongsService } from '../../../src/features/dataset/demo/demo-songs.service.js';
import { FakeStripe } from '../../features/payments/fake-stripe.js';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { FakeLastfm } from '../../support/fake-lastfm.js';
import { FakeMusicBrainz } from '../../support/fake-musicbrainz.js';
import { FakeSpotify } from '../../support/fake-spotify.js';
import { FakeYoutube } from '../../support/fake-youtube.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { fetchOpenApiDocument, hasErrorShape, operationsOf, type OpenApiDocument } from '../../support/openapi-operations.js';
import { fuzzCases, type FuzzCase } from './fuzz-cases.js';

const WEBHOOK_SECRET = 'whsec_encore_fuzz';
/** Stripe's webhook gets hostile events signed as Stripe signs them, so that they get past the signature. */
const SIGNED_EVENTS = {
  operation: 'POST /api/payments/webhook',
  header: 'stripe-signature',
  sign: (payload: string) => Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }),
};

/** The JSON body limit of configureHttp (src/app.ts). */
const JSON_LIMIT_BYTES = 10 * 1024 * 1024;
/** Cases in flight at once: enough to overlap database round trips, few enough for 2 cores. */
const CONCURRENCY = 8;
/** An answer later than this is a hang, not a slow answer (the slowest cases upload 50 MB). */
const HANG_MS = 60_000;
/**
 * How much the process's resident memory may grow over the whole run (after a full garbage
 * collection at both ends). The run sends about 12,000 cases three times, some 2 GB of bodies in
 * all (JSON bodies over the 10 MB limit, uploads of up to 50 MB; the batch endpoint buffers its
 * CSV in memory). Measured on a 2-core machine, the heap grew by about 12 MB and the resident
 * size by 150 to 360 MB, the allocator keeping pages the big bodies had used. An app keeping any
 * part of each request (bodies, parsed files, errors) would grow by gigabytes. Measured only once
 * the server has closed the run's connections: until then its sockets hold the last bodies.
 */
const MEMORY_GROWTH_BOUND_MB = 512;

type Caller = 'anonymous' | 'user' | 'admin';

/**
 * Logging out ends the caller's logins and their access tokens at once, so its cases run as
 * accounts of their own (one pair per worker, no two cases racing), signed in anew for each case.
 */
const SIGNS_OUT = 'POST /api/logout';

/** A full garbage collection, so that memory is compared without garbage (the flag takes effect for new contexts). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Resolves once the server holds no connection (the client side has closed them all). */
async function connectionsClosed(server: Server): Promise<void> {
  for (;;) {
    const open = await new Promise<number>((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
    if (open === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type Answer = { status: number; text: string } | { error: string };

/** Sends a case as it is (raw path, headers and body chunks), as no HTTP client library would let a request be this wrong. */
function send(port: number, agent: Agent, fuzzCase: FuzzCase, authorization?: string): Promise<Answer> {
  return new Promise((resolve) => {
    const length = fuzzCase.body.reduce((total, chunk) => total + chunk.length, 0);
    const outgoing = httpRequest({
      host: '127.0.0.1',
      port,
      agent,
      method: fuzzCase.method,
      path: fuzzCase.url,
      headers: { ...fuzzCase.headers, 'content-length': String(length), ...(authorization && { authorization }) },
    });
    outgoing.setTimeout(HANG_MS, () => outgoing.destroy(new Error(`no answer within ${HANG_MS / 1000} s`)));
    // The server may answer before reading the whole body (a 401, a 413): its answer is what counts.
    outgoing.on('response', (incoming) => {
      buffer(incoming).then(
        (body) => resolve({ status: incoming.statusCode ?? 0, text: body.toString('utf8') }),
        (error: Error) => resolve({ status: incoming.statusCode ?? 0, text: `(body cut off: ${error.message})` }),
      );
    });
    outgoing.on('error', (error) => resolve({ error: error.message }));
    Readable.from(fuzzCase.body)
      .on('error', () => undefined)
      .pipe(outgoing);
  });
}

/** What is wrong with an answer, if anything. */
function problemOf(answer: Answer, fuzzCase: FuzzCase, caller: Caller): string | undefined {
  if ('error' in answer) return `no answer (${answer.error})`;
  const expected = fuzzCase.expectedStatus;
  // The admin may call every operation.
  if (expected && (expected.from === 'everyone' || caller === 'admin') && answer.status !== expected.status) return `expected ${expected.status}`;
  if (answer.status >= 500) return 'a server error';
  if (answer.status < 400) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return 'a 4xx without a JSON body';
  }
  return hasErrorShape(answer.status, body) ? undefined : 'a 4xx not in the error shape';
}

const shortened = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text);

describe('every documented operation under hostile input', () => {
  const spotify = new FakeSpotify();
  const musicBrainz = new FakeMusicBrainz();
  const lastfm = new FakeLastfm();
  const youtube = new FakeYoutube();
  const stripe = new FakeStripe();
  let t: TestApp;
  let port: number;
  let document: OpenApiDocument;
  let callers: Record<Exclude<Caller, 'anonymous'>, TestAccount>;
  const run = { cases: 0, requests: 0, failures: [] as string[], rssBefore: 0, rssAfter: 0, signedEvents: 0, refusedSignatures: [] as string[] };

  beforeAll(async () => {
    // Spotify is faked behind nock, which also refuses every connection off this machine.
    spotify.start();
    await Promise.all([musicBrainz.start(), lastfm.start(), youtube.start(), stripe.start()]);
    t = await createTestApp({
      ...spotify.env,
      ...musicBrainz.env({ MUSICBRAINZ_MAX_RETRIES: '0' }),
      ...lastfm.env({ LASTFM_MAX_RETRIES: '0' }),
      ...youtube.env({ YOUTUBE_MAX_RETRIES: '0' }),
      ...stripe.env,
      STRIPE_PRICE_PREMIUM: 'price_premium',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      SPOTIFY_MAX_RETRIES: '0',
      GENRE_TRAIN_CRON: 'off',
      LOG_LEVEL: 'error',
      // The admin's and the user's tokens must last the whole run.
      ACCESS_TOKEN_TTL_SECONDS: '86400',
    });
    // Models, so that well-formed input reaches real predictions instead of "no model" 503s.
    await t.app.get(DemoSongsService).import(1500);
    await t.app.get(HitModelTrainerService).train({ trees: 10 });
    await t.app.get(HitPredictorService).reload();
    await t.app.get(DemoStoreService).import(300);
    await t.app.get(GenreModelTrainerService).train({ trees: 10 });
    await t.app.get(GenrePredictorService).reload();
    // As the server runs it, so that job routes answer as in production.
    await t.app.get(JobQueueService).start();
    const [user, admin] = await Promise.all([createAccount(t, 'user'), createAccount(t, 'admin')]);
    callers = { user, admin };
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    document = await fetchOpenApiDocument(t.http);
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    spotify.stop();
    await Promise.all([musicBrainz.stop(), lastfm.stop(), youtube.stop(), stripe.stop()]);
  });

  it('documents the whole API (so that an empty document cannot pass)', () => {
    expect(operationsOf(document).length).toBeGreaterThanOrEqual(100);
  });

  it(
    'answers every case of every operation, from every caller, with a 4xx in the error shape and never a 5xx',
    async () => {
      const agent = new Agent({ keepAlive: true });
      collectGarbage();
      run.rssBefore = process.memoryUsage().rss;
      const cases = fuzzCases(document, { jsonLimitBytes: JSON_LIMIT_BYTES, signedEvents: SIGNED_EVENTS });
      const worker = async () => {
        const leavers = { user: await createAccount(t, 'user'), admin: await createAccount(t, 'admin') };
        const bearerOf = async (caller: Caller, fuzzCase: FuzzCase) => {
          if (caller === 'anonymous') return undefined;
          if (fuzzCase.operation !== SIGNS_OUT) return callers[caller].bearer;
          // Issued directly: the fuzzed POST /api/login cases soon reach this address's limit of failed logins.
          return `Bearer ${(await t.app.get(TokenService).issue(leavers[caller].id)).token}`;
        };
        for (let next = cases.next(); !next.done; next = cases.next()) {
          const fuzzCase = next.value;
          run.cases++;
          for (const caller of ['anonymous', 'user', 'admin'] as const) {
            const answer = await send(port, agent, fuzzCase, await bearerOf(caller, fuzzCase));
            run.requests++;
            if (fuzzCase.label.startsWith('signed event: ') && caller === 'anonymous') {
              run.signedEvents++;
              if ('error' in answer || answer.text.includes('Stripe-Signature')) run.refusedSignatures.push(fuzzCase.label);
            }
            const problem = problemOf(answer, fuzzCase, caller);
            if (problem) {
              const got = 'error' in answer ? answer.error : `${answer.status} ${shortened(answer.text)}`;
              run.failures.push(`${fuzzCase.operation} [${fuzzCase.label}] as ${caller}: ${problem} → ${got}`);
            }
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      agent.destroy();
      await connectionsClosed(t.app.getHttpServer() as Server);
      collectGarbage();
      run.rssAfter = process.memoryUsage().rss;

      expect(run.cases).toBeGreaterThan(operationsOf(document).length);
      const listed = run.failures.slice(0, 400).join('\n');
      expect(run.failures, `${run.failures.length} of ${run.requests} requests failed:\n${listed}`).toEqual([]);
      // The signed-in callers stayed signed in, so their cases reached validation all along.
      for (const account of Object.values(callers)) await request(t.http).get('/api/auth/me').set('authorization', account.bearer).expect(200);
    },
    20 * 60_000,
  );

  it("gets every signed event past Stripe's signature check, so that the events themselves are what is tried", () => {
    expect(run.signedEvents).toBeGreaterThan(300);
    expect(run.refusedSignatures).toEqual([]);
  });

  it(`keeps the process's memory within ${MEMORY_GROWTH_BOUND_MB} MB of growth over the whole run`, () => {
    expect(run.rssAfter, 'the run did not finish').toBeGreaterThan(0);
    expect((run.rssAfter - run.rssBefore) / 1024 / 1024).toBeLessThan(MEMORY_GROWTH_BOUND_MB);
  });
});
