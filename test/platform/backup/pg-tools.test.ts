import { describe, expect, it } from 'vitest';
import { defaultBackupPath, BACKUPS_DIR } from '../../../src/platform/backup/backup.js';
import { chooseTool, libpqTarget } from '../../../src/platform/backup/pg-tools.js';
import { databaseOf } from '../../../src/platform/backup/target-database.js';

describe('choosing the backup tool', () => {
  it("uses pg_dump only when it is on PATH and of the server's major version", () => {
    expect(chooseTool('auto', 'pg_dump', 18, 18)).toEqual({ tool: 'pg_dump', reason: "pg_dump 18 matches the server's PostgreSQL 18" });
    expect(chooseTool('auto', 'pg_dump', 15, 18)).toEqual({ tool: 'builtin', reason: "pg_dump 15 does not match the server's PostgreSQL 18" });
    expect(chooseTool('auto', 'pg_dump', undefined, 18)).toEqual({ tool: 'builtin', reason: 'pg_dump is not on PATH' });
    expect(chooseTool('builtin', 'pg_dump', 18, 18).tool).toBe('builtin');
  });

  it('fails clearly when pg_dump is asked for by name and cannot be used', () => {
    expect(() => chooseTool('pg_dump', 'pg_dump', 15, 18)).toThrow(
      "pg_dump 15 does not match the server's PostgreSQL 18: install the PostgreSQL 18 client tools, or use --tool builtin",
    );
    expect(() => chooseTool('pg_dump', 'pg_dump', undefined, 18)).toThrow(/pg_dump is not on PATH/);
  });

  it('never puts the password on the command line', () => {
    const { dbname, env } = libpqTarget('postgresql://encore:s%40cret@db:5432/encore?sslmode=require');
    expect(dbname).toBe('postgresql://encore@db:5432/encore?sslmode=require');
    expect(env.PGPASSWORD).toBe('s@cret');
  });

  it('names backups after the database and the time, under data/backups', () => {
    expect(defaultBackupPath('encore', 'builtin', new Date('2026-01-02T03:04:05.678Z'))).toBe(`${BACKUPS_DIR}/encore-encore-20260102T030405Z.backup.gz`);
    expect(defaultBackupPath('encore', 'pg_dump', new Date('2026-01-02T03:04:05Z'))).toMatch(/encore-encore-20260102T030405Z\.dump$/);
    expect(databaseOf('postgresql://u:p@h:5432/my%20db')).toBe('my db');
  });
});
