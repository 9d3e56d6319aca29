import { NotFoundException } from '@nestjs/common';
import type { Response } from 'express';
import type { MediaStorage } from './media-storage.js';

const IMAGE_MIME_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** Sends a stored image (a cover or a picture) with its type; 404 when it is gone. */
export async function sendImage(response: Response, storage: MediaStorage, key: string | null, what: string): Promise<void> {
  const size = key ? await storage.size(key) : null;
  if (!key || size === null) throw new NotFoundException(`${what} has no image`);
  response.setHeader('Content-Type', IMAGE_MIME_TYPES[key.split('.').pop()!] ?? 'application/octet-stream');
  response.setHeader('Content-Length', String(size));
  // Keys change whenever an image is replaced, so a cached copy may live long (ETag-free).
  response.setHeader('Cache-Control', 'public, max-age=300');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  const body = await storage.open(key);
  body.on('error', () => response.destroy());
  body.pipe(response);
}
