import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBefore, type OlderDatabase } from '../../support/older-database.js';

/** The first migration that knows demo data; the ones before it made the databases that hold unmarked demo rows. */
const FIRST_DEMO_MIGRATION = '20261206044758_demo_marks';

/** A database of an install from before the demo marks, holding the demo data its first start wrote, then migrated. */
describe('migrating an install from before the demo marks', () => {
  let database: OlderDatabase;
  const query = <T extends Record<string, unknown>>(sql: string, values: unknown[] = []) => database.query<T>(sql, values);

  beforeAll(async () => {
    database = await databaseBefore(FIRST_DEMO_MIGRATION);

    const artist = async (name: string, bio = '') =>
      (await query<{ id: string }>(`INSERT INTO artists (name, bio, search_text) VALUES ($1, $2, lower($1)) RETURNING id`, [name, bio]))[0]!.id;
    const lead = async (artistId: string, mbid: string, contacts: string[]) => {
      await query(`INSERT INTO lead_profiles (artist_id, musicbrainz_id, genres) VALUES ($1, $2, '{}')`, [artistId, mbid]);
      for (const value of contacts)
        await query(`INSERT INTO lead_contacts (artist_id, kind, value, source) VALUES ($1, 'other', $2, 'musicbrainz')`, [artistId, value]);
    };
    const label = await artist('Harbour Lights', 'Synth-pop duo from Wellington; night drives and neon. (Demo artist.)');
    await query(`INSERT INTO albums (title, artist_id, search_text) VALUES ('Tidal', $1, 'tidal')`, [label]);
    await query(`INSERT INTO artist_metrics_daily (artist_id, platform, date, source) VALUES ($1, 'spotify', '2026-11-01', 'demo')`, [
      await artist('Analytics Only'),
    ]);
    await lead(await artist('Hollis Reed'), '00000000-0000-4000-8dd1-000000000006', [
      'https://www.instagram.com/hollisreed/',
      'https://hollisreed.example/',
      'https://hollisreed.example.com/',
    ]);
    await lead(await artist('A Real Lead'), '3f0e6a8c-1c1d-4a7e-9d0e-5b8a1f2c3d4e', ['https://www.instagram.com/a.real.lead/']);
    await artist('A Real Artist', 'Plays real songs.');

    await database.migrate();
  }, 120_000);
  afterAll(() => database?.drop());

  it('marks the demo label, the demo analytics artists and the demo leads as demo, and nothing else', async () => {
    expect(await query(`SELECT name, demo FROM artists ORDER BY name`)).toEqual([
      { name: 'A Real Artist', demo: false },
      { name: 'A Real Lead', demo: false },
      { name: 'Analytics Only', demo: true },
      { name: 'Harbour Lights', demo: true },
      { name: 'Hollis Reed', demo: true },
    ]);
    expect(await query(`SELECT title, demo FROM albums`)).toEqual([{ title: 'Tidal', demo: true }]);
  });

  it('deletes the demo leads’ contacts on real platforms and keeps those on example.com, and every real lead’s', async () => {
    expect(await query(`SELECT a.name, c.value FROM lead_contacts c JOIN artists a ON a.id = c.artist_id ORDER BY a.name, c.value`)).toEqual([
      { name: 'A Real Lead', value: 'https://www.instagram.com/a.real.lead/' },
      { name: 'Hollis Reed', value: 'https://hollisreed.example.com/' },
    ]);
  });
});
