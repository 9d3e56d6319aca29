import { describe, expect, it } from 'vitest';
import { shapeDifferences } from '../support/documented-shape.js';

describe('shapeDifferences, the check the compatibility suites read documents with', () => {
  it('finds nothing when every documented key is there with its type, extra keys allowed', () => {
    expect(shapeDifferences({ prediction: 'HIT', confidence: 71.2, model_version: 'v1' }, { prediction: 'HIT', confidence: 62.3 })).toEqual([]);
  });

  it('names a documented key that is missing, at its depth', () => {
    expect(shapeDifferences({ song: { title: 'x' } }, { song: { title: 'Comedy', track_id: 'id' } })).toEqual(['$.song.track_id: missing']);
  });

  it('names a key whose JSON type differs from the document’s', () => {
    expect(shapeDifferences({ explicit: false }, { explicit: 0 })).toEqual(['$.explicit: the document shows number, Encore answers boolean']);
  });

  it('checks every array item against the document’s first', () => {
    expect(shapeDifferences({ songs: [{ is_hit: true }, { is_hit: 'yes' }] }, { songs: [{ is_hit: true }] })).toEqual([
      '$.songs[1].is_hit: the document shows boolean, Encore answers string',
    ]);
  });

  it('admits any value where the document shows null', () => {
    expect(shapeDifferences({ album_image: 'https://i.scdn.co/x' }, { album_image: null })).toEqual([]);
  });
});
