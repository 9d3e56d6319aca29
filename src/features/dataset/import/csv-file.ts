import { createReadStream, statSync } from 'node:fs';
import { openSongCsv } from './song-csv-reader.js';
import { mergeSongRows, type SongRecord } from './song-record.js';

/**
 * Checks that each file exists and has a header of a known format, reading only its header,
 * so a bad file fails with a one-line reason before anything is imported or trained.
 */
export async function checkSongCsvFiles(paths: string[]): Promise<void> {
  for (const path of paths) {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) throw new Error(`File not found: ${path}`);
    if (!stat.isFile()) throw new Error(`Not a file: ${path}`);
    const stream = createReadStream(path);
    try {
      await openSongCsv(path, stream, 0);
    } finally {
      stream.destroy();
    }
  }
}

/**
 * Every good row of the files as songs, one per track (rows of a track merged as the import
 * does), for work that needs them in memory, such as training. Bad rows are left out.
 */
export async function readSongRecords(paths: string[], hitPopularityThreshold: number): Promise<SongRecord[]> {
  await checkSongCsvFiles(paths);
  const songs = new Map<string, SongRecord>();
  for (const path of paths) {
    const { rows } = await openSongCsv(path, createReadStream(path), hitPopularityThreshold);
    for await (const { song } of rows) {
      if (!song) continue;
      const earlier = songs.get(song.trackId);
      songs.set(song.trackId, earlier ? mergeSongRows(earlier, song).merged : song);
    }
  }
  return [...songs.values()];
}
