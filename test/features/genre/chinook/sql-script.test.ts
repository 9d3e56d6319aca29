import { describe, expect, it } from 'vitest';
import { splitSqlScript } from '../../../../src/features/genre/chinook/sql-script.js';

describe('splitSqlScript', () => {
  it('splits on semicolons and drops comments', () => {
    expect(splitSqlScript('/* header; with semicolons */\nDROP DATABASE IF EXISTS chinook;\n-- a note; here\nCREATE TABLE a (id INT);')).toEqual([
      'DROP DATABASE IF EXISTS chinook',
      'CREATE TABLE a (id INT)',
    ]);
  });

  it('keeps semicolons and doubled quotes inside strings', () => {
    expect(splitSqlScript("INSERT INTO t VALUES (1, N'Rock; Roll'), (2, N'Guns N'' Roses');SELECT 1;")).toEqual([
      "INSERT INTO t VALUES (1, N'Rock; Roll'), (2, N'Guns N'' Roses')",
      'SELECT 1',
    ]);
  });

  it('keeps quoted identifiers and dollar-quoted bodies whole', () => {
    expect(splitSqlScript('SELECT "a;b" FROM t; DO $body$ BEGIN PERFORM 1; END $body$;')).toEqual([
      'SELECT "a;b" FROM t',
      'DO $body$ BEGIN PERFORM 1; END $body$',
    ]);
  });

  it('returns psql meta-commands as statements of their own', () => {
    expect(splitSqlScript('CREATE DATABASE chinook;\n\n\\c chinook;\n\nCREATE TABLE x (id INT);')).toEqual([
      'CREATE DATABASE chinook',
      '\\c chinook',
      'CREATE TABLE x (id INT)',
    ]);
  });

  it('keeps the last statement without a semicolon', () => {
    expect(splitSqlScript('SELECT 1;\nSELECT 2\n')).toEqual(['SELECT 1', 'SELECT 2']);
  });
});
