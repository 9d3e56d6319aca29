/**
 * Splits a PostgreSQL script into statements: semicolons inside quoted strings ('...', with ''
 * escapes), quoted identifiers ("..."), dollar quotes ($tag$...$tag$) and comments do not end
 * a statement. psql meta-commands (a line starting with a backslash, such as `\c chinook`) are
 * returned as statements of their own. Comments are dropped; statements come back trimmed,
 * without their semicolon.
 */
export function splitSqlScript(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  const flush = () => {
    const statement = current.trim();
    if (statement) statements.push(statement);
    current = '';
  };
  while (i < script.length) {
    const char = script[i]!;
    const next = script[i + 1];
    if (char === '-' && next === '-') {
      i = endOf(script, '\n', i + 2);
    } else if (char === '/' && next === '*') {
      i = Math.min(script.length, endOf(script, '*/', i + 2) + 2);
      current += ' ';
    } else if (char === "'" || char === '"') {
      const end = closingQuote(script, char, i + 1);
      current += script.slice(i, end + 1);
      i = end + 1;
    } else if (char === '$' && /^\$[A-Za-z_]*\$/.test(script.slice(i, i + 64))) {
      const tag = /^\$[A-Za-z_]*\$/.exec(script.slice(i, i + 64))![0];
      const end = script.indexOf(tag, i + tag.length);
      const stop = end === -1 ? script.length : end + tag.length;
      current += script.slice(i, stop);
      i = stop;
    } else if (char === '\\' && current.trim() === '') {
      flush();
      const end = endOf(script, '\n', i);
      statements.push(script.slice(i, end).trim().replace(/;$/, ''));
      i = end;
    } else if (char === ';') {
      flush();
      i++;
    } else {
      current += char;
      i++;
    }
  }
  flush();
  return statements;
}

/** Index of the first character of `token` at or after `from` (or the end of the text). */
function endOf(text: string, token: string, from: number): number {
  const index = text.indexOf(token, from);
  return index === -1 ? text.length : index;
}

/** Index of the quote closing a string opened before `from`; a doubled quote is an escaped one. */
function closingQuote(text: string, quote: string, from: number): number {
  let i = from;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i;
    } else i++;
  }
  return text.length - 1;
}
