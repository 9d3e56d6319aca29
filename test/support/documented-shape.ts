/** The JSON type of a value as a document shows it. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Where `actual` differs from a response example of an original system's document: each key the
 * example shows must be there with the same JSON type, at any depth (array items against the
 * example's first item). A null in the example admits any type. Scales are the caller's to check.
 */
export function shapeDifferences(actual: unknown, example: unknown, path = '$'): string[] {
  if (example === null) return [];
  const expected = jsonType(example);
  const found = jsonType(actual);
  if (expected !== found) return [`${path}: the document shows ${expected}, Encore answers ${found}`];
  if (expected === 'array') {
    const [item] = example as unknown[];
    return item === undefined ? [] : (actual as unknown[]).flatMap((element, index) => shapeDifferences(element, item, `${path}[${index}]`));
  }
  if (expected !== 'object') return [];
  const record = actual as Record<string, unknown>;
  return Object.entries(example as Record<string, unknown>).flatMap(([key, value]) =>
    key in record ? shapeDifferences(record[key], value, `${path}.${key}`) : [`${path}.${key}: missing`],
  );
}
