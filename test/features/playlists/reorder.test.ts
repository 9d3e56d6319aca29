import { describe, expect, it } from 'vitest';
import { insertItem, moveItem, positionChanges } from '../../../src/features/playlists/reorder.js';

describe('moveItem', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];

  it('moves an item down, the ones in between moving up', () => {
    expect(moveItem(items, 1, 3)).toEqual(['a', 'c', 'd', 'b', 'e']);
  });

  it('moves an item up, the ones in between moving down', () => {
    expect(moveItem(items, 4, 0)).toEqual(['e', 'a', 'b', 'c', 'd']);
  });

  it('moves to the end and keeps the list when from equals to', () => {
    expect(moveItem(items, 0, 4)).toEqual(['b', 'c', 'd', 'e', 'a']);
    expect(moveItem(items, 2, 2)).toEqual(items);
  });

  it('leaves its input alone', () => {
    const copy = [...items];
    moveItem(items, 0, 3);
    expect(items).toEqual(copy);
  });

  it('refuses indexes outside the list, naming them', () => {
    expect(() => moveItem(items, 5, 0)).toThrow('from must be between 0 and 4, got 5');
    expect(() => moveItem(items, 0, -1)).toThrow('to must be between 0 and 4, got -1');
    expect(() => moveItem(items, 0, 1.5)).toThrow(RangeError);
    expect(() => moveItem([], 0, 0)).toThrow(RangeError);
  });
});

describe('insertItem', () => {
  it('appends by default and inserts at an index, shifting the rest', () => {
    expect(insertItem(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(insertItem(['a', 'b'], 'x', 0)).toEqual(['x', 'a', 'b']);
    expect(insertItem(['a', 'b'], 'x', 1)).toEqual(['a', 'x', 'b']);
    expect(insertItem([], 'x', 0)).toEqual(['x']);
  });

  it('refuses an index past the end', () => {
    expect(() => insertItem(['a'], 'x', 2)).toThrow('at must be between 0 and 1, got 2');
  });
});

describe('positionChanges', () => {
  it('names only the entries whose position changes', () => {
    const stored = new Map([
      [10n, 0],
      [11n, 1],
      [12n, 2],
      [13n, 3],
    ]);
    expect(positionChanges(stored, moveItem([10n, 11n, 12n, 13n], 1, 2))).toEqual([
      { id: 12n, position: 1 },
      { id: 11n, position: 2 },
    ]);
  });

  it('closes gaps left by deleted entries and places new ones', () => {
    const stored = new Map([
      [1n, 0],
      [3n, 2],
      [4n, 5],
    ]);
    expect(positionChanges(stored, [1n, 3n, 4n])).toEqual([
      { id: 3n, position: 1 },
      { id: 4n, position: 2 },
    ]);
    expect(positionChanges(new Map([[1n, 0]]), [1n, 9n])).toEqual([{ id: 9n, position: 1 }]);
  });

  it('writes nothing when the order already matches', () => {
    expect(
      positionChanges(
        new Map([
          ['a', 0],
          ['b', 1],
        ]),
        ['a', 'b'],
      ),
    ).toEqual([]);
  });
});
