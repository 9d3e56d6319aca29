/**
 * A playlist's order as pure list operations: the service computes the new order of entry ids
 * with these, then writes only the positions that changed (all inside one locked transaction).
 */

/** `items` with the one at index `from` moved to index `to`; the others keep their relative order. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  assertIndex(from, items.length - 1, 'from');
  assertIndex(to, items.length - 1, 'to');
  const moved = [...items];
  const [item] = moved.splice(from, 1);
  moved.splice(to, 0, item as T);
  return moved;
}

/** `items` with `item` inserted at index `at` (0 ≤ at ≤ length; length appends); later items shift down. */
export function insertItem<T>(items: readonly T[], item: T, at: number = items.length): T[] {
  assertIndex(at, items.length, 'at');
  return [...items.slice(0, at), item, ...items.slice(at)];
}

/**
 * The entries of `order` whose stored position differs from their index, with that index as the
 * new position. Writing just these makes positions exactly 0..n-1, which also closes gaps left
 * when a catalog song is deleted (its playlist entries go with it, by cascade).
 */
export function positionChanges<T>(stored: ReadonlyMap<T, number>, order: readonly T[]): { id: T; position: number }[] {
  return order.flatMap((id, position) => (stored.get(id) === position ? [] : [{ id, position }]));
}

function assertIndex(index: number, max: number, name: string): void {
  if (!Number.isInteger(index) || index < 0 || index > max) throw new RangeError(`${name} must be between 0 and ${max}, got ${index}`);
}
