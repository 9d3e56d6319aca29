import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailDeliveryError, MailService } from '../../../src/platform/mail/mail.service.js';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('mail without SMTP_URL: the outbox', () => {
  let t: TestApp;
  let admin: TestAccount;
  let listener: TestAccount;
  let other: TestAccount;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, listener, other] = await Promise.all([createAccount(t, 'admin'), createAccount(t, 'user'), createAccount(t, 'user')]);
  }, 60_000);
  afterAll(() => t?.close());

  const get = (path: string, account?: TestAccount) => {
    const call = request(t.http).get(`/api/mail/outbox${path}`);
    return account ? call.set('authorization', account.bearer) : call;
  };

  it('keeps a message in email_outbox, shown to its recipient and admins only', async () => {
    const mail = t.app.get(MailService);
    const sent = await mail.send({ to: listener.email, subject: 'Your report', text: 'Hello listener', html: '<p>Hello listener</p>' });
    expect(sent).toMatchObject({ transport: 'outbox', sentAt: null });
    await mail.send({ to: other.email.toUpperCase(), subject: 'Another report', text: 'Hello other' });

    const mine = await get('', listener).expect(200);
    expect(mine.body).toMatchObject({ count: 1, page: 1, page_size: 20, next: null, previous: null });
    expect(mine.body.results).toEqual([
      { id: sent.id, to: listener.email, subject: 'Your report', transport: 'outbox', sent_at: null, error: null, created_at: expect.any(String) },
    ]);
    const detail = await get(`/${sent.id}`, listener).expect(200);
    expect(detail.body).toMatchObject({ id: sent.id, text: 'Hello listener', html: '<p>Hello listener</p>' });

    // Addresses match whatever their case; another account's message does not exist for a listener.
    expect((await get('', other).expect(200)).body.results.map((m: { subject: string }) => m.subject)).toEqual(['Another report']);
    await get(`/${sent.id}`, other).expect(404);
    expect((await get(`?to=${encodeURIComponent(other.email)}`, listener).expect(200)).body.count).toBe(0);

    const all = await get('?page_size=1', admin).expect(200);
    expect(all.body).toMatchObject({ count: 2, next: '/api/mail/outbox?page_size=1&page=2', results: [{ subject: 'Another report' }] });
    const filtered = await get(`?to=${encodeURIComponent(listener.email.toUpperCase())}`, admin).expect(200);
    expect(filtered.body.results.map((m: { id: string }) => m.id)).toEqual([sent.id]);
    await get(`/${sent.id}`, admin).expect(200);
  });

  it('needs a signed-in caller and valid parameters', async () => {
    await get('').expect(401);
    await get('/00000000-0000-4000-8000-000000000000').expect(401);
    await get('/not-a-uuid', admin).expect(400, /id must be a UUID/);
    await get('/00000000-0000-4000-8000-000000000000', admin).expect(404);
    await get('?page_size=101', admin).expect(400, /page_size/);
  });
});

interface Received {
  user: string | undefined;
  from: string | false;
  to: string[];
  data: string;
}

describe('mail with SMTP_URL', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const received: Received[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'mailer' && auth.password === 's3cret') callback(null, { user: auth.username });
        else callback(new Error('Invalid username or password'));
      },
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('bounce')) callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        else callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            user: session.user,
            from: session.envelope.mailFrom && session.envelope.mailFrom.address,
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            data: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    t = await createTestApp({ SMTP_URL: `smtp://mailer:s3cret@127.0.0.1:${port}`, MAIL_FROM: 'Encore Reports <reports@encore.test>' });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('delivers through the server and records the message as smtp', async () => {
    const sent = await t.app
      .get(MailService)
      .send({ to: 'fan@example.com', subject: 'Weekly numbers', text: 'Streams went up.', html: '<p>Streams went <b>up</b>.</p>' });
    expect(sent).toMatchObject({ transport: 'smtp', sentAt: expect.any(Date) });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ user: 'mailer', from: 'reports@encore.test', to: ['fan@example.com'] });
    expect(received[0]!.data).toMatch(/^From: Encore Reports <reports@encore\.test>$/m);
    expect(received[0]!.data).toMatch(/^Subject: Weekly numbers$/m);
    expect(received[0]!.data).toContain('Streams went up.');
    expect(received[0]!.data).toContain('<p>Streams went <b>up</b>.</p>');
    const row = await t.prisma.emailMessage.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row).toMatchObject({ to: 'fan@example.com', transport: 'smtp', sentAt: sent.sentAt, error: null, text: 'Streams went up.' });
  });

  it('records a refused delivery with its error and throws', async () => {
    const failure = await t.app
      .get(MailService)
      .send({ to: 'bounce@example.com', subject: 'Never arrives', text: 'Lost' })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(MailDeliveryError);
    expect((failure as Error).message).toMatch(/^Mail to bounce@example\.com failed: .*550.*Mailbox unavailable/);
    const row = await t.prisma.emailMessage.findFirstOrThrow({ where: { to: 'bounce@example.com' } });
    expect(row).toMatchObject({ transport: 'smtp', sentAt: null, error: expect.stringMatching(/550.*Mailbox unavailable/) });
    expect(row.error).not.toContain('s3cret');
    expect(received.map((message) => message.to[0])).not.toContain('bounce@example.com');
  });

  it('delivers a keyed message once, replacing the failed attempt it retries', async () => {
    const mail = t.app.get(MailService);
    const message = { subject: 'Once only', text: 'Hello', dedupeKey: 'test:once' };
    await expect(mail.send({ ...message, to: 'bounce@example.com' })).rejects.toBeInstanceOf(MailDeliveryError);
    expect(await mail.sent('test:once')).toBe(false);
    const first = await mail.send({ ...message, to: 'fan@example.com' });
    const again = await mail.send({ ...message, to: 'fan@example.com' });
    expect(again.id).toBe(first.id);
    expect(received.filter((m) => m.data.includes('Subject: Once only'))).toHaveLength(1);
    expect(await t.prisma.emailMessage.findMany({ where: { dedupeKey: 'test:once' }, select: { to: true, error: true } })).toEqual([
      { to: 'fan@example.com', error: null },
    ]);
    expect(await mail.sent('test:once')).toBe(true);
  });
});
