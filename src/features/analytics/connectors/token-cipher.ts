import { Logger, type Provider } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppConfig } from '../../../platform/config/app-config.js';

/** A sealed token that does not open: tampered with, sealed for another row, or under another key. */
export class TokenDecryptionError extends Error {}

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** ANALYTICS_TOKEN_KEY as bytes: 64 hex digits, or base64 (standard or URL-safe) of 32 bytes. */
export function parseTokenKey(text: string): Buffer {
  const value = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== 32) throw new Error('ANALYTICS_TOKEN_KEY must be 32 bytes as 64 hex digits or base64');
  return key;
}

/**
 * Seals OAuth tokens for storage with AES-256-GCM: `v1.<iv>.<ciphertext>.<tag>` (base64url), a
 * fresh 96-bit IV per token. `context` (e.g. "spotify:<artist id>:refresh") is authenticated too,
 * so a sealed token copied into another row or column does not open there.
 */
export class TokenCipher {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('An AES-256 key is 32 bytes');
    this.key = Buffer.from(key);
  }

  /**
   * The configured key, or (outside production, where loadConfig demands one) a random key of this
   * process. Only Spotify connections are sealed, so without Spotify credentials there is nothing
   * to warn about.
   */
  static fromConfig(config: AppConfig, logger = new Logger(TokenCipher.name)): TokenCipher {
    if (config.ANALYTICS_TOKEN_KEY) return new TokenCipher(parseTokenKey(config.ANALYTICS_TOKEN_KEY));
    if (config.NODE_ENV !== 'test' && config.spotifyConfigured) {
      logger.warn(
        'ANALYTICS_TOKEN_KEY is not set: connected Spotify accounts are encrypted with a random key of this process (they must reconnect after a restart).',
      );
    }
    return new TokenCipher(randomBytes(32));
  }

  encrypt(plaintext: string, context = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  /** The token; TokenDecryptionError when the sealed text was changed, sealed for another context or under another key. */
  decrypt(sealed: string, context = ''): string {
    const parts = sealed.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION) throw new TokenDecryptionError(`not a sealed token (expected ${VERSION}.<iv>.<ciphertext>.<tag>)`);
    const [iv, ciphertext, tag] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
    if (iv!.length !== IV_BYTES || tag!.length !== TAG_BYTES) throw new TokenDecryptionError('a sealed token with a wrong IV or tag length');
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, iv!, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag!);
      return Buffer.concat([decipher.update(ciphertext!), decipher.final()]).toString('utf8');
    } catch {
      throw new TokenDecryptionError('the sealed token does not open with this key (changed, moved, or sealed under another ANALYTICS_TOKEN_KEY)');
    }
  }
}

/** TokenCipher for Nest, from AppConfig. */
export const TOKEN_CIPHER_PROVIDER: Provider = { provide: TokenCipher, useFactory: (config: AppConfig) => TokenCipher.fromConfig(config), inject: [AppConfig] };
