import request from 'supertest';
import type { TestAccount } from './accounts.js';
import { toneWav } from './audio-files.js';
import type { TestApp } from './test-app.js';

export interface SongFields {
  title: string;
  genres?: string[];
  album_id?: string;
  release_date?: string;
  visibility?: 'public' | 'private';
}

/** Reads a binary answer (audio, images) into a Buffer: `.buffer(true).parse(binaryBody)`. */
export function binaryBody(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Publishes a song as `artist` through POST /api/songs (a one-second WAV unless a file is given) and answers its JSON. */
export async function uploadSong(
  t: TestApp,
  artist: TestAccount,
  fields: SongFields,
  file: { data: Buffer; name: string } = { data: toneWav(1), name: 'song.wav' },
): Promise<{ id: string; [field: string]: unknown }> {
  const call = request(t.http).post('/api/songs').set('authorization', artist.bearer).field('title', fields.title);
  for (const genre of fields.genres ?? []) call.field('genres', genre);
  if (fields.album_id) call.field('album_id', fields.album_id);
  if (fields.release_date) call.field('release_date', fields.release_date);
  if (fields.visibility) call.field('visibility', fields.visibility);
  const response = await call.attach('audio', file.data, file.name);
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Sets a song's counters and history directly: `plays` listens (by `listener`, `daysAgo` days back) and `likes` from new likers. */
export async function addPlays(t: TestApp, songId: string, plays: number, options: { userId?: string; daysAgo?: number } = {}): Promise<void> {
  const playedAt = new Date(Date.now() - (options.daysAgo ?? 0) * 86_400_000);
  await t.prisma.songPlay.createMany({ data: Array.from({ length: plays }, () => ({ songId, userId: options.userId ?? null, playedAt })) });
  await t.prisma.catalogSong.update({ where: { id: songId }, data: { playCount: { increment: plays } } });
}
