import { describe, expect, it } from 'vitest';
import { MAX_NAMED_STATEMENTS, statementName } from '../../../src/platform/database/prepared-query.js';

describe('names of prepared statements', () => {
  it('gives a statement text the same name on every call, and another text another name', () => {
    const first = statementName('SELECT 1 AS first_text');
    expect(first).toBeDefined();
    expect(statementName('SELECT 1 AS first_text')).toBe(first);
    expect(statementName('SELECT 2 AS second_text')).not.toBe(first);
  });

  it('runs texts past the cap unnamed, still naming those it already named', () => {
    const named = statementName('SELECT 3 AS named_early');
    for (let i = 0; i < MAX_NAMED_STATEMENTS; i++) statementName(`SELECT ${i} AS filler`);
    expect(statementName('SELECT 4 AS too_late')).toBeUndefined();
    expect(statementName('SELECT 3 AS named_early')).toBe(named);
  });
});
