import { CHINOOK_SCHEMA, CHINOOK_TABLES, type ChinookTable } from './chinook-tables.js';
import { splitSqlScript } from './sql-script.js';

export class ChinookScriptError extends Error {}

export interface ChinookScript {
  /** The INSERT statements, to run with search_path = chinook. */
  inserts: Array<{ table: ChinookTable; sql: string }>;
  /** What was left out and why (database-level commands, DDL that the migrations own). */
  skipped: string[];
}

const KNOWN = new Set<string>(CHINOOK_TABLES);
/** A table name, maybe quoted, maybe qualified by the chinook schema (never another one). */
const TABLE = String.raw`((?:"?\w+"?\.)?"?\w+"?)`;
const INSERT = new RegExp(String.raw`^INSERT\s+INTO\s+${TABLE}`, 'i');
const TABLE_DDL = new RegExp(String.raw`^(?:CREATE\s+TABLE(?:\s+IF\s+NOT\s+EXISTS)?|ALTER\s+TABLE(?:\s+ONLY)?)\s+${TABLE}`, 'i');
const INDEX_DDL = new RegExp(String.raw`^CREATE\s+(?:UNIQUE\s+)?INDEX\s+.*?\s+ON\s+(?:ONLY\s+)?${TABLE}`, 'is');
const DATABASE_LEVEL = /^(DROP\s+DATABASE|CREATE\s+DATABASE)\b/i;

/**
 * Reads the standard Chinook PostgreSQL script: its data (INSERTs into the Chinook tables) is
 * kept; its database-level commands (DROP/CREATE DATABASE, `\c`) are skipped, since they must
 * never touch Encore's database; its table DDL is skipped, since Encore's migrations create the
 * same tables in schema `chinook`. Anything else, or a table Chinook does not have, is an error:
 * this is not the script it claims to be.
 */
export function parseChinookScript(text: string): ChinookScript {
  const inserts: ChinookScript['inserts'] = [];
  const skipped: string[] = [];
  for (const statement of splitSqlScript(text)) {
    const head = statement.replace(/\s+/g, ' ').slice(0, 80);
    if (statement.startsWith('\\') || DATABASE_LEVEL.test(statement)) {
      skipped.push(head);
      continue;
    }
    const insert = INSERT.exec(statement);
    if (insert) {
      inserts.push({ table: chinookTable(insert[1]!, head), sql: statement });
      continue;
    }
    const ddl = TABLE_DDL.exec(statement) ?? INDEX_DDL.exec(statement);
    if (ddl) {
      chinookTable(ddl[1]!, head);
      skipped.push(head);
      continue;
    }
    throw new ChinookScriptError(`Not part of the standard Chinook script: "${head}"`);
  }
  if (inserts.length === 0) throw new ChinookScriptError('The script has no INSERT statements into Chinook tables');
  return { inserts, skipped };
}

function chinookTable(reference: string, statement: string): ChinookTable {
  const parts = reference.replaceAll('"', '').toLowerCase().split('.');
  const [schema, table] = parts.length === 2 ? parts : [CHINOOK_SCHEMA, parts[0]!];
  if (schema !== CHINOOK_SCHEMA || !KNOWN.has(table!)) {
    throw new ChinookScriptError(`"${statement}" refers to ${reference}, which is not a Chinook table (${CHINOOK_TABLES.join(', ')})`);
  }
  return table as ChinookTable;
}
