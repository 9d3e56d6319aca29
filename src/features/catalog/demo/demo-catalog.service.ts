import { Injectable, Logger } from '@nestjs/common';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { Random } from '../../../ml/random.js';
import { SettingsService } from '../../../platform/settings/settings.service.js';
import { normalizeSearchText } from '../../../vocabulary/search-text.js';
import { inspectAudio } from '../../../platform/storage/media-checks.js';
import { MediaStorage, newMediaKey } from '../../../platform/storage/media-storage.js';
import { GenresService } from '../genres/genres.service.js';
import { audioColumns, songSearchText } from '../songs/catalog-songs.service.js';
import { DEMO_ARTISTS } from './demo-catalog.js';
import { gradientCover } from './demo-cover.js';
import { demoTuneJobs, synthesizeTunesInWorker } from './demo-tunes.js';

const DEFAULT_SEED = 7;
/** Anonymous listens spread over the last 45 days, so trending has something to rank. */
const MAX_DEMO_PLAYS = 60;

/** What `demo remove` deleted of the catalog. */
export interface RemovedDemoCatalog {
  songs: number;
  albums: number;
  /** Every demo artist: the demo label's, and those analytics and leads invented (with what is left of their data). */
  artists: number;
}

/** Fills an empty catalog with the demo label: artists, albums with covers, and playable songs, all marked demo. */
@Injectable()
export class DemoCatalogService {
  private readonly logger = new Logger('DemoCatalog');
  /** Demo songs' audio synthesized ahead of the import (prepareIfEmpty), for the import with that seed. */
  private tunesAhead?: { seed: number; wavs: Promise<Buffer>[] };

  constructor(
    private readonly prisma: PrismaService,
    private readonly storage: MediaStorage,
    private readonly genres: GenresService,
    private readonly settings: SettingsService,
  ) {}

  /**
   * On a first start, begins synthesizing the demo songs' audio on a worker thread, so that it
   * overlaps the other demo data's filling; importIfEmpty then waits for it.
   */
  async prepareIfEmpty(): Promise<void> {
    if (await this.shouldImport()) this.tunesAhead = { seed: DEFAULT_SEED, wavs: synthesizeTunesInWorker(demoTuneJobs(DEFAULT_SEED)) };
  }

  async importIfEmpty(): Promise<number | undefined> {
    if (!(await this.shouldImport())) return undefined;
    const songs = await this.import();
    this.logger.log(`The catalog was empty: added ${songs} demo songs by ${DEMO_ARTISTS.length} invented artists.`);
    return songs;
  }

  private async shouldImport(): Promise<boolean> {
    return (
      !(await this.settings.demoDataRemoved()) &&
      (await this.prisma.catalogSong.count()) === 0 &&
      (await this.prisma.artist.count({ where: { name: { in: DEMO_ARTISTS.map((a) => a.name) } } })) === 0
    );
  }

  /** Adds the demo label beside whatever the catalog holds (`demo add`), unless it is there; returns how many songs. */
  async addDemo(): Promise<number> {
    return (await this.prisma.catalogSong.count({ where: { demo: true } })) > 0 ? 0 : this.import();
  }

  /**
   * Deletes the demo songs, albums and artists with everything that depends on them (plays, likes,
   * playlist entries, follows, ... by ON DELETE CASCADE), then their audio and cover files.
   */
  async removeDemo(): Promise<RemovedDemoCatalog> {
    const demo = { where: { demo: true } };
    const [songFiles, albumFiles] = await Promise.all([
      this.prisma.catalogSong.findMany({ ...demo, select: { audioKey: true } }),
      this.prisma.album.findMany({ ...demo, select: { coverKey: true } }),
    ]);
    const [songs, albums, artists] = await this.prisma.$transaction([
      this.prisma.catalogSong.deleteMany(demo),
      this.prisma.album.deleteMany(demo),
      this.prisma.artist.deleteMany(demo),
    ]);
    for (const key of [...songFiles.map((song) => song.audioKey), ...albumFiles.map((album) => album.coverKey)]) if (key) await this.storage.discard(key);
    return { songs: songs.count, albums: albums.count, artists: artists.count };
  }

  async import(seed = DEFAULT_SEED): Promise<number> {
    const wavs = this.tunesAhead?.seed === seed ? this.tunesAhead.wavs : synthesizeTunesInWorker(demoTuneJobs(seed));
    this.tunesAhead = undefined;
    const random = new Random(seed);
    const folder = await mkdtemp(join(tmpdir(), 'encore-demo-catalog-'));
    let count = 0;
    try {
      for (const demo of DEMO_ARTISTS) {
        const artist = await this.prisma.artist.create({ data: { name: demo.name, bio: demo.bio, searchText: normalizeSearchText(demo.name), demo: true } });
        for (const demoAlbum of demo.albums) {
          const coverKey = await this.store(folder, newMediaKey('images', 'png'), gradientCover(...demoAlbum.colors), 'image/png');
          const releaseDate = new Date(`${demoAlbum.releaseDate}T00:00:00Z`);
          const album = await this.prisma.album.create({
            data: {
              title: demoAlbum.title,
              artistId: artist.id,
              releaseDate,
              coverKey,
              searchText: normalizeSearchText(`${demoAlbum.title} ${demo.name}`),
              demo: true,
            },
          });
          for (const title of demoAlbum.songs) {
            // The tunes come in demoTuneJobs' order, the order of these loops.
            const wav = await wavs[count]!;
            const file = join(folder, `${count}.wav`);
            await writeFile(file, wav);
            const facts = await inspectAudio(file, 'audio');
            const audioKey = newMediaKey('audio', facts.format);
            await this.storage.save(audioKey, file, facts.mimeType);
            const plays = random.nextInt(MAX_DEMO_PLAYS);
            await this.prisma.$transaction(async (tx) => {
              const genreIds = await this.genres.resolve(demo.genres, tx);
              const song = await tx.catalogSong.create({
                data: {
                  title,
                  artistId: artist.id,
                  albumId: album.id,
                  releaseDate,
                  ...audioColumns(audioKey, facts, wav.length),
                  playCount: plays,
                  searchText: songSearchText(title, demo.name, demoAlbum.title),
                  demo: true,
                  genres: { create: genreIds.map((genreId) => ({ genreId })) },
                },
              });
              await tx.songPlay.createMany({
                data: Array.from({ length: plays }, () => ({ songId: song.id, playedAt: new Date(Date.now() - random.next() * 45 * 86_400_000) })),
              });
            });
            count++;
          }
        }
      }
      return count;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  private async store(folder: string, key: string, data: Buffer, contentType: string): Promise<string> {
    const file = join(folder, key.replace('/', '-'));
    await writeFile(file, data);
    await this.storage.save(key, file, contentType);
    return key;
  }
}
