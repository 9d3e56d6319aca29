import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/platform/config/app-config.js';
import { parseTokenKey, TokenCipher, TokenDecryptionError } from '../../../../src/features/analytics/connectors/token-cipher.js';

const key = randomBytes(32);
const TOKEN = 'BQDx-fake-spotify-access-token_1234567890';

describe('TokenCipher (AES-256-GCM)', () => {
  it('opens what it sealed, with a fresh IV each time', () => {
    const cipher = new TokenCipher(key);
    const first = cipher.encrypt(TOKEN, 'spotify:a:access');
    const second = cipher.encrypt(TOKEN, 'spotify:a:access');
    expect(first).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(first).not.toContain(TOKEN);
    expect(first).not.toBe(second);
    expect(cipher.decrypt(first, 'spotify:a:access')).toBe(TOKEN);
    expect(cipher.decrypt(second, 'spotify:a:access')).toBe(TOKEN);
    expect(cipher.decrypt(cipher.encrypt('', 'x'), 'x')).toBe('');
    expect(cipher.decrypt(cipher.encrypt('ünïcødé ✓', 'x'), 'x')).toBe('ünïcødé ✓');
  });

  it('detects tampering with the ciphertext, the IV or the tag', () => {
    const cipher = new TokenCipher(key);
    const sealed = cipher.encrypt(TOKEN, 'ctx');
    const [version, iv, ciphertext, tag] = sealed.split('.') as [string, string, string, string];
    const flip = (part: string) => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[0]! ^= 1;
      return bytes.toString('base64url');
    };
    for (const tampered of [
      [version, iv, flip(ciphertext), tag],
      [version, flip(iv), ciphertext, tag],
      [version, iv, ciphertext, flip(tag)],
    ]) {
      expect(() => cipher.decrypt(tampered.join('.'), 'ctx')).toThrow(TokenDecryptionError);
    }
    expect(() => cipher.decrypt(`v2.${iv}.${ciphertext}.${tag}`, 'ctx')).toThrow(TokenDecryptionError);
    expect(() => cipher.decrypt('not sealed', 'ctx')).toThrow(TokenDecryptionError);
    expect(() => cipher.decrypt(`${version}.${iv}.${ciphertext}.${tag.slice(0, 8)}`, 'ctx')).toThrow(TokenDecryptionError);
  });

  it('does not open a token sealed for another context (another row or column)', () => {
    const cipher = new TokenCipher(key);
    const sealed = cipher.encrypt(TOKEN, 'spotify:artist-a:refresh');
    expect(() => cipher.decrypt(sealed, 'spotify:artist-b:refresh')).toThrow(TokenDecryptionError);
    expect(() => cipher.decrypt(sealed, 'spotify:artist-a:access')).toThrow(TokenDecryptionError);
  });

  it('does not open with another key', () => {
    const sealed = new TokenCipher(key).encrypt(TOKEN, 'ctx');
    expect(() => new TokenCipher(randomBytes(32)).decrypt(sealed, 'ctx')).toThrow(/another ANALYTICS_TOKEN_KEY/);
  });

  it('reads ANALYTICS_TOKEN_KEY as 64 hex digits or base64 of 32 bytes', () => {
    expect(parseTokenKey(key.toString('hex'))).toEqual(key);
    expect(parseTokenKey(key.toString('base64'))).toEqual(key);
    expect(parseTokenKey(key.toString('base64url'))).toEqual(key);
    expect(() => parseTokenKey(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
    expect(() => new TokenCipher(randomBytes(16))).toThrow(/32 bytes/);
  });

  it('uses the configured key, so another process with the same key opens the tokens', () => {
    const config = loadConfig({ NODE_ENV: 'test', ANALYTICS_TOKEN_KEY: key.toString('base64') });
    const sealed = TokenCipher.fromConfig(config).encrypt(TOKEN, 'ctx');
    expect(TokenCipher.fromConfig(config).decrypt(sealed, 'ctx')).toBe(TOKEN);
    expect(new TokenCipher(key).decrypt(sealed, 'ctx')).toBe(TOKEN);
    // Without a key, each process picks its own: tokens from another process do not open.
    const unset = loadConfig({ NODE_ENV: 'test' });
    expect(() => TokenCipher.fromConfig(unset).decrypt(TokenCipher.fromConfig(unset).encrypt(TOKEN, 'ctx'), 'ctx')).toThrow(TokenDecryptionError);
  });

  it('warns about a key of this process only when Spotify accounts can be connected', () => {
    const warnings: string[] = [];
    const logger = new (class extends Logger {
      override warn(message: string) {
        warnings.push(message);
      }
    })();
    TokenCipher.fromConfig(loadConfig({ NODE_ENV: 'development' }), logger);
    expect(warnings).toEqual([]);
    TokenCipher.fromConfig(loadConfig({ NODE_ENV: 'development', SPOTIFY_CLIENT_ID: 'id', SPOTIFY_CLIENT_SECRET: 'secret' }), logger);
    expect(warnings).toEqual([expect.stringContaining('ANALYTICS_TOKEN_KEY is not set')]);
  });
});
