import { describe, expect, it } from 'vitest';
import { declaredTables, sqlWrites, tableWrites } from './table-writes.js';

const schema = `
model Song {
  id          Int          @id
  predictions Prediction[]
  @@map("songs")
}

model Prediction {
  id     Int  @id
  songId Int  @map("song_id")
  song   Song @relation(fields: [songId], references: [id])
  @@map("predictions")
}

model Setting {
  key String @id
}
`;
const tables = declaredTables([{ name: 'songs.prisma', text: schema }]);
const written = (source: string) => tableWrites('file.ts', source, tables).map(({ table, how }) => `${how} ${table}`);

describe('declaredTables', () => {
  it('names each model by its delegate and its mapped table, and lists its relations', () => {
    expect(tables.map(({ delegate, table, relations }) => ({ delegate, table, relations: Object.fromEntries(relations) }))).toEqual([
      { delegate: 'song', table: 'songs', relations: { predictions: 'Prediction' } },
      { delegate: 'prediction', table: 'predictions', relations: { song: 'Song' } },
      { delegate: 'setting', table: 'Setting', relations: {} },
    ]);
  });
});

describe('tableWrites finds Prisma writes', () => {
  it('on a client field', () => {
    expect(written('await this.prisma.song.deleteMany({ where: { id } });')).toEqual(['song.deleteMany songs']);
  });

  it('on a transaction client inside $transaction', () => {
    expect(written('await this.prisma.$transaction(async (tx) => { await tx.prediction.update({ where: { id }, data }); });')).toEqual([
      'prediction.update predictions',
    ]);
  });

  it('in a batched transaction', () => {
    expect(written('await prisma.$transaction([prisma.prediction.deleteMany({}), prisma.song.createMany({ data: [] })]);')).toEqual([
      'prediction.deleteMany predictions',
      'song.createMany songs',
    ]);
  });

  it('of every write method, and no read', () => {
    const methods = ['create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'upsert', 'delete', 'deleteMany', 'findMany', 'count', 'aggregate'];
    expect(written(methods.map((method) => `db.song.${method}({});`).join('\n'))).toHaveLength(8);
  });

  it('nested in the data of another model, spread conditionally', () => {
    expect(written('tx.song.update({ where: { id }, data: { ...(fresh && { predictions: { create: { isHit: true } } }) } });')).toEqual([
      'song.update songs',
      'nested prediction.create predictions',
    ]);
  });

  it('but not a field that merely shares a relation name outside a write', () => {
    expect(written('const page = { predictions: { create: 1 } };')).toEqual([]);
  });
});

describe('tableWrites finds SQL writes', () => {
  it('in a tagged template with substitutions', () => {
    expect(written('await tx.$executeRaw`UPDATE songs SET popularity = ${value} WHERE id = ${id}`;')).toEqual(['UPDATE songs']);
  });

  it('in a plain string, with a quoted and schema-qualified name', () => {
    expect(written(`await pool.query('DELETE FROM public."predictions" WHERE id = $1', [id]);`)).toEqual(['DELETE predictions']);
  });

  it('in SQL built inside a substitution of another template', () => {
    expect(written('const sql = `${clear ? `DELETE FROM songs WHERE ${where}` : ""} SELECT 1`;')).toEqual(['DELETE songs']);
  });

  it('as a row lock taken to write', () => {
    expect(written('await tx.$queryRaw`SELECT id FROM songs WHERE id = ${id} FOR UPDATE`;')).toEqual(['row lock songs']);
  });

  it('with a table chosen at run time, as an unknown table', () => {
    expect(written('await client.query(`TRUNCATE ${tables.join(", ")}`);')).toEqual(['TRUNCATE undefined']);
  });
});

describe('sqlWrites', () => {
  it('reads INSERT, UPDATE with an alias, DELETE, MERGE and COPY ... FROM', () => {
    const sql = `INSERT INTO songs (id) VALUES (1);
      UPDATE ONLY predictions p SET is_hit = true;
      DELETE FROM settings;
      MERGE INTO songs USING staging ON true WHEN MATCHED THEN DO NOTHING;
      COPY songs (id, name) FROM STDIN`;
    expect(sqlWrites(sql)).toEqual([
      { table: 'songs', how: 'INSERT' },
      { table: 'predictions', how: 'UPDATE' },
      { table: 'settings', how: 'DELETE' },
      { table: 'songs', how: 'MERGE' },
      { table: 'songs', how: 'COPY FROM' },
    ]);
  });

  it('reads every table a TRUNCATE names', () => {
    expect(sqlWrites('TRUNCATE TABLE songs, public.predictions RESTART IDENTITY CASCADE')).toEqual([
      { table: 'songs', how: 'TRUNCATE' },
      { table: 'predictions', how: 'TRUNCATE' },
    ]);
  });

  it('does not take an upsert clause, a read lock clause or COPY ... TO for a write of another table', () => {
    expect(sqlWrites('INSERT INTO songs (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET id = EXCLUDED.id')).toEqual([{ table: 'songs', how: 'INSERT' }]);
    expect(sqlWrites('COPY songs TO STDOUT')).toEqual([]);
    expect(sqlWrites('COPY (SELECT * FROM songs) TO STDOUT')).toEqual([]);
    expect(sqlWrites('SELECT id FROM songs WHERE id = 1')).toEqual([]);
  });
});
