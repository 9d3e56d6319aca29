import { describe, expect, it } from 'vitest';
import { currentItem, hasNext, hasPrevious, nextInQueue, previousInQueue, queuePosition, startQueue } from '../../../../web/src/features/catalog/queue.js';

describe('the player’s queue', () => {
  const songs = ['a', 'b', 'c'];

  it('starts at the chosen song of the list (clamped into it); an empty list is no queue', () => {
    expect(currentItem(startQueue(songs, 1))).toBe('b');
    expect(currentItem(startQueue(songs, 9))).toBe('c');
    expect(startQueue([], 0)).toBeNull();
  });

  it('goes to the next song and stops after the last', () => {
    const queue = startQueue(songs, 1)!;
    expect(currentItem(nextInQueue(queue))).toBe('c');
    expect(nextInQueue(nextInQueue(queue)!)).toBeNull();
    expect([hasNext(queue), hasNext(nextInQueue(queue)), hasNext(null)]).toEqual([true, false, false]);
  });

  it('goes back a song early in it, and restarts it after three seconds or on the first song', () => {
    const queue = startQueue(songs, 1)!;
    expect(previousInQueue(queue, 1.5)).toEqual({ queue: { items: songs, index: 0 }, restart: false });
    expect(previousInQueue(queue, 3.5)).toEqual({ queue, restart: true });
    expect(previousInQueue(startQueue(songs, 0)!, 0).restart).toBe(true);
    expect([hasPrevious(queue), hasPrevious(startQueue(songs, 0))]).toEqual([true, false]);
  });

  it('keeps its own copy of the list it was started from', () => {
    const list = ['a', 'b'];
    const queue = startQueue(list, 0)!;
    list.push('c');
    expect(queue.items).toEqual(['a', 'b']);
  });

  it('says where it is', () => {
    expect(queuePosition(startQueue(songs, 1)!)).toBe('Song 2 of 3');
  });
});
