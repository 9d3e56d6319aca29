import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthService } from '../../../src/features/auth/auth.service.js';
import { createAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

// What the create-admin command does to accounts; test/cli/create-admin.e2e.test.ts pins what it prints.
describe('making an admin (create-admin)', () => {
  let t: TestApp;
  let auth: AuthService;
  beforeAll(async () => {
    t = await createTestApp();
    auth = t.app.get(AuthService);
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) => request(t.http).post('/api/login').send({ login: email, password });

  it('promotes an existing account without a password, which keeps its own', async () => {
    const listener = await createAccount(t, 'user');
    await request(t.http).post('/api/genre/train').set('authorization', listener.bearer).expect(403);
    const outcome = await auth.createAdmin(listener.email);
    expect(outcome).toMatchObject({ created: false, promoted: true, passwordSet: false, user: { id: listener.id, role: 'admin' } });
    const { body } = await login(listener.email, listener.password).expect(200);
    expect(body.user.role).toBe('admin');
  });

  it('sets the password given for an existing account, and signs out its sessions', async () => {
    const admin = await createAccount(t, 'admin');
    const outcome = await auth.createAdmin(admin.email.toUpperCase(), 'fresh-Start42');
    expect(outcome).toMatchObject({ created: false, promoted: false, passwordSet: true });
    await login(admin.email, admin.password).expect(401);
    await login(admin.email, 'fresh-Start42').expect(200);
    await request(t.http).post('/api/auth/refresh').send({ refresh_token: admin.refreshToken }).expect(401);
  });

  it('refuses an address that registration would refuse, creating nothing', async () => {
    await expect(auth.createAdmin('not an email', 'sound-Check42')).rejects.toThrow('email must be an email address');
    const registered = await request(t.http).post('/api/users').send({ email: 'not an email', username: 'notanemail', password: 'sound-Check42' }).expect(400);
    expect(registered.body.message).toContain('email must be an email address');
    expect(await t.prisma.user.count({ where: { email: 'not an email' } })).toBe(0);
  });

  it('needs a password only to create an account, and refuses a weak one without changing anything', async () => {
    await expect(auth.createAdmin('nobody-yet@example.com')).rejects.toThrow('password is required');
    const admin = await createAccount(t, 'admin');
    await expect(auth.createAdmin(admin.email, 'short')).rejects.toThrow('password must be at least 8 characters');
    await login(admin.email, admin.password).expect(200);
  });
});
