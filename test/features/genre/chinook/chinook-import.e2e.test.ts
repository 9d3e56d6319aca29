import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChinookImportService } from '../../../../src/features/genre/chinook/chinook-import.service.js';
import { ChinookScriptError } from '../../../../src/features/genre/chinook/chinook-script.js';
import { DemoSongsService } from '../../../../src/features/dataset/demo/demo-songs.service.js';
import { chinookScript } from '../../../support/sample-data.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

describe('importing the standard Chinook script', () => {
  let t: TestApp;
  let importer: ChinookImportService;
  let script: string;

  beforeAll(async () => {
    t = await createTestApp();
    importer = t.app.get(ChinookImportService);
    script = await readFile(chinookScript, 'utf8');
    await t.app.get(DemoSongsService).import(50);
  });
  afterAll(() => t.close());

  const publicTables = () =>
    t.prisma.$queryRaw<Array<{ table: string; rows: number }>>`
      SELECT relname AS table, n_live_tup::int AS rows FROM pg_stat_user_tables WHERE schemaname = 'public' ORDER BY relname`;

  it('loads 59 customers, 412 invoices, 2,240 invoice lines and 25 genres into schema chinook, through Prisma too', async () => {
    const counts = await importer.importScript(script);
    expect(counts).toMatchObject({ customer: 59, invoice: 412, invoice_line: 2240, genre: 25, track: 3503, playlist_track: 8715 });
    expect(await t.prisma.chinookCustomer.count()).toBe(59);
    const rock = await t.prisma.chinookGenre.findUniqueOrThrow({ where: { genreId: 1 }, include: { _count: { select: { tracks: true } } } });
    expect(rock).toMatchObject({ name: 'Rock', _count: { tracks: 1297 } });
  });

  it('leaves every other table of the database untouched', async () => {
    const songs = await t.prisma.song.findMany({ orderBy: { id: 'asc' } });
    const before = await publicTables();
    await importer.importScript(script);
    expect(await t.prisma.song.findMany({ orderBy: { id: 'asc' } })).toEqual(songs);
    expect((await publicTables()).map((table) => table.table)).toEqual(before.map((table) => table.table));
  });

  it('can run again, replacing the contents rather than adding to them', async () => {
    await importer.importScript(script);
    expect(await importer.counts()).toMatchObject({ customer: 59, invoice_line: 2240 });
  });

  it('refuses a script that writes outside the Chinook tables, keeping the store as it was', async () => {
    const hostile = `${script}\nINSERT INTO public.songs (track_name) VALUES ('x');`;
    await expect(importer.importScript(hostile)).rejects.toThrow(ChinookScriptError);
    await expect(importer.importScript('DELETE FROM songs;')).rejects.toThrow('Not part of the standard Chinook script: "DELETE FROM songs"');
    expect(await importer.counts()).toMatchObject({ customer: 59 });
  });

  it('rolls back a script that fails half way, keeping the store as it was', async () => {
    const broken = script.replace("(1, N'Rock')", "(1, N'Rock'), (1, N'Rock again')");
    await expect(importer.importScript(broken)).rejects.toThrow(/duplicate key/);
    expect(await importer.counts()).toMatchObject({ customer: 59, genre: 25 });
  });
});
