import { describe, expect, it } from 'vitest';
import { draftLead, type SourceFindings } from '../../../../src/features/leads/analysis/lead-facts.js';
import { scoringInputs } from '../../../../src/features/leads/analysis/scoring-inputs.js';

const nothing: SourceFindings = { isrc: 'NZTH12400031', recording: null, artist: null, release: null, labels: [], spotify: null, lastfm: null, youtube: null };

describe('Scoring inputs: which facts a lead was scored on', () => {
  it('marks every fact unknown, with why, when no source found anything', () => {
    const inputs = scoringInputs(draftLead(nothing, null));
    expect(inputs.every((input) => !input.known && input.value === null)).toBe(true);
    expect(inputs.find((input) => input.fact === 'release_count')!.detail).toBe("Release count not known: the artist's MusicBrainz discography was not read");
    expect(inputs.find((input) => input.fact === 'has_publisher')!.detail).toBe("The recording's works were not read from MusicBrainz");
  });

  it('shows the release count and the publisher found', () => {
    const rights = {
      recordingId: 'r',
      works: [{ id: 'w', title: 'Song', publishers: [{ kind: 'label' as const, id: 'p', name: 'Kōtare Songs', ended: false }], writers: [], relationCount: 1 }],
      publishers: [],
      phonographicCopyright: [],
    };
    const inputs = scoringInputs(draftLead({ ...nothing, rights, releaseGroupCount: 2 }, null));
    expect(inputs.find((input) => input.fact === 'release_count')).toEqual({
      fact: 'release_count',
      known: true,
      value: 2,
      detail: "2 release groups in the artist's official MusicBrainz discography",
    });
    expect(inputs.find((input) => input.fact === 'has_publisher')).toEqual({
      fact: 'has_publisher',
      known: true,
      value: true,
      detail: 'Published by Kōtare Songs',
    });
  });

  it('names the ℗ holder as the label when the release names none', () => {
    const label = { id: 'l', name: 'Tāwhiri Records', sortName: null, type: null, labelCode: null, disambiguation: null };
    const inputs = scoringInputs(draftLead({ ...nothing, rights: { recordingId: 'r', works: [], publishers: [], phonographicCopyright: [label] } }, null));
    expect(inputs[0]).toEqual({ fact: 'label', known: true, value: ['Tāwhiri Records'], detail: 'Tāwhiri Records (℗ holder of the recording)' });
  });
});
