import request from 'supertest';
import { AuthService } from '../../src/features/auth/auth.service.js';
import type { TestApp } from './test-app.js';

export type AccountRole = 'user' | 'artist' | 'admin';

export interface TestAccount {
  id: string;
  username: string;
  email: string;
  password: string;
  role: AccountRole;
  /** The artist an artist account publishes as. */
  artistId: string | null;
  token: string;
  refreshToken: string;
  /** `Authorization` header value. */
  bearer: string;
}

let counter = 0;

/** A new signed-in account: users and artists register through the API; admins are made as the CLI does. */
export async function createAccount(t: TestApp, role: AccountRole = 'user', name = `${role}${++counter}x${process.pid}`): Promise<TestAccount> {
  const email = `${name}@example.com`;
  const password = `Tunes-${counter}-pass9`;
  if (role === 'admin') {
    await t.app.get(AuthService).createAdmin(email, password);
  } else {
    await request(t.http)
      .post('/api/users')
      .send({ email, username: name, password, role, display_name: `The ${name}` })
      .expect(201);
  }
  const { body } = await request(t.http).post('/api/login').send({ login: email, password }).expect(200);
  return {
    id: body.user.id,
    username: body.user.username,
    email,
    password,
    role,
    artistId: body.user.artist_id,
    token: body.token,
    refreshToken: body.refresh_token,
    bearer: `Bearer ${body.token}`,
  };
}
