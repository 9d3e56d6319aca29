/** "são paulo" → "São Paulo": places come from the model in lower case. */
export function titleCase(place: string): string {
  return place.replace(/(^|[\s-])(\p{L})/gu, (_, separator: string, letter: string) => separator + letter.toLocaleUpperCase('en-US'));
}

/** The `count` most probable genres, the rest summed as one entry, for a readable chart. */
export function topProbabilities(probabilities: Record<string, number>, count: number): Array<{ label: string; value: number }> {
  const sorted = Object.entries(probabilities).sort((a, b) => b[1] - a[1]);
  const top = sorted.slice(0, count).map(([label, value]) => ({ label, value }));
  const rest = sorted.slice(count).reduce((sum, [, value]) => sum + value, 0);
  return rest > 0 ? [...top, { label: `${sorted.length - count} other genres`, value: rest }] : top;
}
