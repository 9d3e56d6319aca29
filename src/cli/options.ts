/** Parses a whole-number option value of at least `min`; commander shows the message. */
export function positiveInteger(value: string, min = 1): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new Error(`expected a whole number of at least ${min}, got "${value}"`);
  return number;
}
