import { describe, expect, it } from 'vitest';
import { publishingOf } from '../../../../src/features/leads/analysis/publishing-facts.js';
import { readWork, type MbRecordingRights, type MbWorkRights } from '../../../../src/features/leads/sources/musicbrainz.works.js';
import { describeWithMusicBrainzData, musicBrainzAnswer } from '../../../support/shared-data.js';

const ARTIST = '11111111-1111-4111-8111-111111111111';
const writer = { id: ARTIST, name: 'Mere', sortName: null, type: 'Person', disambiguation: null };
const work = (over: Partial<MbWorkRights> = {}): MbWorkRights => ({ id: 'w', title: 'Song', publishers: [], writers: [writer], relationCount: 1, ...over });
const rights = (works: MbWorkRights[], over: Partial<MbRecordingRights> = {}): MbRecordingRights => ({
  recordingId: 'r',
  works,
  publishers: [],
  phonographicCopyright: [],
  ...over,
});

describe('Publishing facts from the recording’s works', () => {
  it('is unknown when the works were not read', () => {
    expect(publishingOf(null, [ARTIST]).hasPublisher).toBeNull();
  });

  it('is unknown when MusicBrainz links no work to the recording', () => {
    expect(publishingOf(rights([]), [ARTIST])).toMatchObject({ hasPublisher: null, detail: 'MusicBrainz links no work to the recording' });
  });

  it('is unknown when the works carry no relation at all', () => {
    expect(publishingOf(rights([work({ writers: [], relationCount: 0 })]), [ARTIST]).hasPublisher).toBeNull();
  });

  it('is false when documented works name no publisher', () => {
    expect(publishingOf(rights([work()]), [ARTIST])).toMatchObject({ hasPublisher: false, detail: "No publisher on the recording's 1 work in MusicBrainz" });
  });

  it('is true with a label publishing one of the works', () => {
    const published = work({ publishers: [{ kind: 'label', id: 'p', name: 'Kōtare Songs', ended: false }] });
    expect(publishingOf(rights([work(), published]), [ARTIST])).toMatchObject({
      hasPublisher: true,
      publishers: ['Kōtare Songs'],
      detail: 'Published by Kōtare Songs',
    });
  });

  it('is true with the deprecated publishing relation on the recording itself', () => {
    expect(publishingOf(rights([], { publishers: [{ kind: 'label', id: 'p', name: 'Old Songs', ended: false }] }), [ARTIST]).hasPublisher).toBe(true);
  });

  it('is false when the only publisher is the credited artist (self-published)', () => {
    const self = work({ publishers: [{ kind: 'artist', id: ARTIST, name: 'Mere', ended: false }] });
    expect(publishingOf(rights([self]), [ARTIST])).toMatchObject({ hasPublisher: false, detail: 'Self-published by Mere: no publishing administration' });
  });

  it('leaves out a publishing relation that has ended', () => {
    const ended = work({ publishers: [{ kind: 'label', id: 'p', name: 'Old Harbour', ended: true }] });
    expect(publishingOf(rights([ended]), [ARTIST])).toMatchObject({ hasPublisher: false, publishers: [] });
  });
});

describeWithMusicBrainzData('Publishing facts on a real MusicBrainz work (shared data)', () => {
  it('reads no publisher on a work documented with its composer and lyricist', () => {
    const documented = readWork(musicBrainzAnswer('work-b1df2cf3-69a9-3bc0-be44-f71e79b27a22.json'));
    expect(publishingOf(rights([documented]), ['d997d399-355e-4c49-9c7b-75a93d76bc0e']).hasPublisher).toBe(false);
  });
});
