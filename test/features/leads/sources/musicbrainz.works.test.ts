import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../../src/platform/config/paths.js';
import { MusicBrainzFormatError } from '../../../../src/features/leads/sources/musicbrainz.format.js';
import { readBrowseCount, readRecordingRights, readWork } from '../../../../src/features/leads/sources/musicbrainz.works.js';
import { describeWithMusicBrainzData, musicBrainzAnswer } from '../../../support/shared-data.js';

const fixture = (): unknown => JSON.parse(readFileSync(join(projectRoot, 'test', 'fixtures', 'musicbrainz', 'recording-work-rels.json'), 'utf8')) as unknown;

describe('MusicBrainz works and rights: a recording lookup with work-rels+work-level-rels+label-rels+artist-rels', () => {
  it('reads each performed work with its publishers and writers', () => {
    const rights = readRecordingRights(fixture());
    expect(rights.recordingId).toBe('9c8b7a6f-5e4d-4c3b-a2a1-0f9e8d7c6b5a');
    expect(rights.works.map((work) => work.title)).toEqual(['Paper Boats', 'Paper Boats (reprise)']);
    expect(rights.works[0]!.publishers).toEqual([
      { kind: 'label', id: '6d4c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d', name: 'Kōtare Songs', ended: false },
      { kind: 'label', id: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d', name: 'Old Harbour Music Publishing', ended: true },
    ]);
    expect(rights.works[0]!.writers.map((writer) => writer.name)).toEqual(['Mere Tāwhiri']);
  });

  it('counts a work without relations as undocumented', () => {
    expect(readRecordingRights(fixture()).works[1]).toMatchObject({ publishers: [], writers: [], relationCount: 0 });
  });

  it('reads the ℗ holder and leaves the performers out', () => {
    const rights = readRecordingRights(fixture());
    expect(rights.phonographicCopyright.map((label) => label.name)).toEqual(['Tāwhiri Records']);
    expect(rights.publishers).toEqual([]);
  });

  it('rejects a work relation whose work has no MBID, naming where', () => {
    const body = fixture() as { relations: Array<{ work?: { id: string } }> };
    body.relations[1]!.work!.id = 'not-an-id';
    expect(() => readRecordingRights(body)).toThrow(MusicBrainzFormatError);
    expect(() => readRecordingRights(body)).toThrow('recording.relations[1].work.id');
  });

  it('rejects a browse answer without its count', () => {
    expect(() => readBrowseCount({ 'release-groups': [] }, 'release-group')).toThrow('release-group browse.release-group-count is missing');
  });
});

describeWithMusicBrainzData('MusicBrainz works and counts: real ws/2 answers (shared data, SOURCES.md)', () => {
  it('reads the release-group-count of a release-group browse by artist (Lures: 5)', () => {
    expect(readBrowseCount(musicBrainzAnswer('browse-release-group-artist-c8da2e40-bd28-4d4e-813a-bd2f51958ba8.json'), 'release-group')).toBe(5);
  });

  it('reads the release-count of a release browse by artist (Nirvana bootleg EPs: 6)', () => {
    expect(readBrowseCount(musicBrainzAnswer('browse-release-artist-5b11f4ce-a62d-471e-81fc-a69a8278c7da-ep-bootleg.json'), 'release')).toBe(6);
  });

  it('reads the total, not the page, of a limit=1 browse (Apple Records: 598 releases, 1 listed)', () => {
    expect(readBrowseCount(musicBrainzAnswer('browse-release-label-cf7fc5cf-e011-4ef4-b511-cd0188537910-limit1.json'), 'release')).toBe(598);
  });

  it('reads the total of a default page (a label: 115 releases, 25 listed)', () => {
    expect(readBrowseCount(musicBrainzAnswer('browse-release-label-47e718e1-7ee4-460c-b1cc-1192a841c6e5.json'), 'release')).toBe(115);
  });

  it('reads a work with a composer and a lyricist and no publisher', () => {
    const work = readWork(musicBrainzAnswer('work-b1df2cf3-69a9-3bc0-be44-f71e79b27a22.json'));
    expect(work).toMatchObject({ id: 'b1df2cf3-69a9-3bc0-be44-f71e79b27a22', title: 'HELLO!また会おうね', publishers: [], relationCount: 2 });
    expect(work.writers.map((writer) => [writer.name, writer.id])).toEqual([
      ['つんく♂', 'd997d399-355e-4c49-9c7b-75a93d76bc0e'],
      ['つんく♂', 'd997d399-355e-4c49-9c7b-75a93d76bc0e'],
    ]);
  });

  it('rejects an error body as a browse answer', () => {
    expect(() => readBrowseCount(musicBrainzAnswer('error-400-artist-inc-foobar.json'), 'release-group')).toThrow(MusicBrainzFormatError);
  });
});
