import { Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { AppConfig } from '../../../platform/config/app-config.js';

const ISSUER = 'encore';
/** Not the API's audience: a state is no access token, and an access token is no state. */
const AUDIENCE = 'encore-spotify-oauth-state';
export const STATE_TTL_SECONDS = 600;

/** Who started connecting Spotify, for which artist. */
export interface OAuthState {
  artistId: string;
  userId: string;
  nonce: string;
}

export class InvalidOAuthStateError extends Error {}

/**
 * The `state` of the authorization-code flow: a JWT (HS256, 10 minutes) carrying the artist, the
 * account that started and a nonce. The callback is public (Spotify's redirect carries no bearer
 * token), so the signed state is what proves who started it. The key is derived (HKDF) from
 * JWT_SECRET, so every instance agrees and the access-token key itself signs nothing else;
 * without JWT_SECRET (development), it is random per process, like access tokens.
 */
@Injectable()
export class SpotifyOAuthStateService {
  private readonly key: Uint8Array;

  constructor(config: AppConfig) {
    this.key = config.JWT_SECRET ? new Uint8Array(hkdfSync('sha256', config.JWT_SECRET, 'encore', 'spotify-oauth-state', 32)) : randomBytes(32);
  }

  /** A state for `userId` connecting `artistId`, good for `ttlSeconds` (10 minutes). */
  sign(artistId: string, userId: string, ttlSeconds = STATE_TTL_SECONDS): Promise<string> {
    return new SignJWT({ artist: artistId, nonce: randomUUID() })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(this.key);
  }

  async verify(state: string): Promise<OAuthState> {
    try {
      const { payload } = await jwtVerify(state, this.key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
      const { sub, artist, nonce } = payload;
      if (typeof sub !== 'string' || typeof artist !== 'string' || typeof nonce !== 'string') throw new Error('incomplete state');
      return { artistId: artist, userId: sub, nonce };
    } catch {
      throw new InvalidOAuthStateError('state is invalid or expired (it is good for 10 minutes): start again from GET /api/analytics/spotify/authorize');
    }
  }
}
