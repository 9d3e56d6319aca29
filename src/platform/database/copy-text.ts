const SPECIAL = /[\\\t\n\r]/;

/** One value in PostgreSQL's COPY text format: \N for NULL, with tab, newline and backslash escaped. */
function copyValue(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  // Most values need no escaping: testing first spares the replace (imports call this per value).
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (char) => (char === '\\' ? '\\\\' : char === '\t' ? '\\t' : char === '\n' ? '\\n' : '\\r'));
}

/** One row of COPY ... FROM STDIN (FORMAT text). */
export function copyLine(values: ReadonlyArray<string | number | boolean | null>): string {
  return `${values.map(copyValue).join('\t')}\n`;
}
