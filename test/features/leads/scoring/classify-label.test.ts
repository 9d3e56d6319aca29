import { describe, expect, it } from 'vitest';
import { classifyLabel, matchReference, normalizeLabelName } from '../../../../src/features/leads/scoring/classify-label.js';

describe('normalizeLabelName', () => {
  it.each([
    ['Island Records', 'island'],
    ['Island Records Ltd.', 'island'],
    ['UMG Recordings, Inc.', 'umg'],
    ['Sony Music Entertainment', 'sony'],
    ['The Orchard', 'orchard'],
    ['A&M Records', 'a and m'],
    ["Spinnin' Records", 'spinnin'],
    ['Sónar Músic', 'sonar'],
    ['Record Union', 'record union'],
    ['Music for Nations', 'music for nations'],
  ])('%j → %j', (name, normalized) => {
    expect(normalizeLabelName(name)).toBe(normalized);
  });
});

describe('matchReference', () => {
  it('matches a major label under its aliases, case, punctuation and company words', () => {
    for (const name of ['Island Records', 'ISLAND', 'island records ltd', 'Island Records UK', 'Island Records Australia Pty Ltd']) {
      expect(matchReference(name)).toEqual({ name: 'Island Records', kind: 'major_label', group: 'Universal Music Group' });
    }
    expect(matchReference('Warner Bros. Records Inc.')).toEqual({ name: 'Warner Records', kind: 'major_label', group: 'Warner Music Group' });
    expect(matchReference('Virgin EMI Records')).toEqual({ name: 'EMI Records', kind: 'major_label', group: 'Universal Music Group' });
    expect(matchReference('Columbia/Legacy')).toEqual({ name: 'Legacy Recordings', kind: 'major_label', group: 'Sony Music Entertainment' });
  });

  it('matches the groups and their territorial companies', () => {
    expect(matchReference('Universal Music New Zealand')).toEqual({ name: 'Universal Music Group', kind: 'major_group', group: 'Universal Music Group' });
    expect(matchReference('Sony Music Entertainment Australia Pty Ltd')).toMatchObject({ name: 'Sony Music Entertainment', kind: 'major_group' });
    expect(matchReference('Warner Music NZ')).toMatchObject({ name: 'Warner Music Group', kind: 'major_group' });
    expect(matchReference('Warner Records')).toMatchObject({ group: 'Warner Music Group' });
  });

  it('prefers the longest entry', () => {
    expect(matchReference('Sony Music Latin')).toEqual({ name: 'Sony Music Latin', kind: 'major_label', group: 'Sony Music Entertainment' });
  });

  it('knows the majors’ distribution arms', () => {
    expect(matchReference('The Orchard')).toEqual({ name: 'The Orchard', kind: 'major_distribution', group: 'Sony Music Entertainment' });
    expect(matchReference('AWAL Digital Ltd')).toEqual({ name: 'AWAL', kind: 'major_distribution', group: 'Sony Music Entertainment' });
    expect(matchReference('ADA Worldwide')).toEqual({ name: 'ADA', kind: 'major_distribution', group: 'Warner Music Group' });
    expect(matchReference('INgrooves Music Group')).toEqual({ name: 'Ingrooves', kind: 'major_distribution', group: 'Universal Music Group' });
    expect(matchReference('Virgin Music Group')).toEqual({ name: 'Virgin Music Group', kind: 'major_distribution', group: 'Universal Music Group' });
  });

  it('knows DIY and independent distributors and their owners', () => {
    expect(matchReference('DistroKid')).toEqual({ name: 'DistroKid', kind: 'diy_distributor' });
    expect(matchReference('Records DK')).toEqual({ name: 'DistroKid', kind: 'diy_distributor' });
    expect(matchReference('CDBaby')).toEqual({ name: 'CD Baby', kind: 'diy_distributor', owner: 'Downtown Music' });
    expect(matchReference('TuneCore Inc.')).toEqual({ name: 'TuneCore', kind: 'diy_distributor', owner: 'Believe' });
    expect(matchReference('Level Music')).toEqual({ name: 'Level', kind: 'diy_distributor', owner: 'Warner Music Group' });
    expect(matchReference('Symphonic Distribution')).toEqual({ name: 'Symphonic', kind: 'independent_distributor' });
    expect(matchReference('Believe Digital')).toEqual({ name: 'Believe', kind: 'independent_distributor' });
  });

  it('does not match a name that only starts like a listed one', () => {
    for (const name of ['Island Girl Records', 'Capitol Hill Records', 'Epicentre', 'Level Up Records', 'Union Records', 'BMG']) {
      expect(matchReference(name)).toBeUndefined();
    }
  });
});

describe('classifyLabel', () => {
  it('self-released: MusicBrainz’s [no label]', () => {
    expect(classifyLabel('[no label]')).toEqual({
      class: 'self_released',
      reason: 'Self-released (label: [no label])',
      signals: [{ source: 'label', value: '[no label]', class: 'self_released', reason: 'Self-released (label: [no label])' }],
    });
  });

  it('self-released: no-label phrases', () => {
    for (const label of ['Self-Released', 'self released', 'Independent', 'Not On Label (Jane Doe Self-released)', 'Unsigned']) {
      expect(classifyLabel(label).class).toBe('self_released');
    }
  });

  it('self-released: the label is the artist’s own name or contains it', () => {
    expect(classifyLabel('Jane Doe', null, { artistName: 'Jane Doe' })).toMatchObject({
      class: 'self_released',
      reason: 'Self-released (label "Jane Doe" is the artist\'s own name)',
    });
    expect(classifyLabel('Jane Doe Music Ltd', null, { artistName: 'jane doe' }).class).toBe('self_released');
    expect(classifyLabel('Beths Records', null, { artistName: 'The Beths' }).class).toBe('self_released');
    // a word of the artist's name inside another word is not the name
    expect(classifyLabel('Motown Records', null, { artistName: 'Mo' }).class).toBe('major');
    expect(classifyLabel('Moonbeam Records', null, { artistName: 'Moon' }).class).toBe('indie_label');
  });

  it('self-released: a DIY distributor standing as the label', () => {
    expect(classifyLabel('DistroKid')).toEqual({
      class: 'self_released',
      matched: { name: 'DistroKid', kind: 'diy_distributor' },
      reason: 'Self-released (label: DistroKid, a DIY distributor)',
      signals: [expect.objectContaining({ source: 'label', class: 'self_released' })],
    });
    expect(classifyLabel('Records DK').reason).toBe('Self-released (label "Records DK": DistroKid, a DIY distributor)');
  });

  it('self-released: no label, distributed through a DIY distributor (a major-owned one included)', () => {
    expect(classifyLabel(null, 'CD Baby')).toMatchObject({
      class: 'self_released',
      reason: 'Self-released (distributor: CD Baby, a DIY distributor owned by Downtown Music)',
    });
    expect(classifyLabel(undefined, 'Level')).toMatchObject({
      class: 'self_released',
      matched: { name: 'Level', kind: 'diy_distributor', owner: 'Warner Music Group' },
      reason: 'Self-released (distributor: Level, a DIY distributor owned by Warner Music Group)',
    });
  });

  it('small distributor: an independent distributor, named or not', () => {
    expect(classifyLabel('[no label]', 'Symphonic')).toMatchObject({
      class: 'small_distributor',
      matched: { name: 'Symphonic', kind: 'independent_distributor' },
      reason: 'Small distributor (distributor: Symphonic, an independent distributor)',
    });
    expect(classifyLabel('Jane Doe', 'Believe Digital', { artistName: 'Jane Doe' }).reason).toBe(
      'Small distributor (distributor "Believe Digital": Believe, an independent distributor)',
    );
    expect(classifyLabel(null, 'Kiwi Sounds Distribution')).toEqual({
      class: 'small_distributor',
      reason: 'Small distributor (distributor "Kiwi Sounds Distribution", not a major\'s)',
      signals: [expect.objectContaining({ source: 'distributor' })],
    });
  });

  it('indie label: a label that is not a major’s, a distributor or the artist', () => {
    expect(classifyLabel('Flying Nun Records', 'DistroKid', { artistName: 'The Clean' })).toMatchObject({
      class: 'indie_label',
      reason: 'Indie label (label "Flying Nun Records", not a major\'s or a distributor)',
    });
    expect(classifyLabel('BMG').class).toBe('indie_label');
  });

  it('major: a label of a major group, under an alias or a territorial name', () => {
    expect(classifyLabel('Def Jam Recordings')).toMatchObject({
      class: 'major',
      matched: { name: 'Def Jam Recordings', kind: 'major_label', group: 'Universal Music Group' },
      reason: 'Major-distributed (label: Def Jam Recordings, a Universal Music Group label)',
    });
    expect(classifyLabel('Atlantic Records UK').reason).toBe('Major-distributed (label "Atlantic Records UK": Atlantic Records, a Warner Music Group label)');
    expect(classifyLabel('Universal Music Australia').reason).toBe('Major-distributed (label "Universal Music Australia": Universal Music Group)');
  });

  it('major: an independent-sounding label distributed by a major’s arm', () => {
    expect(classifyLabel('Moonbeam Records', 'The Orchard')).toMatchObject({
      class: 'major',
      matched: { name: 'The Orchard', kind: 'major_distribution', group: 'Sony Music Entertainment' },
      reason: "Major-distributed (distributor: The Orchard, Sony Music Entertainment's distribution arm)",
    });
    expect(classifyLabel(null, 'AWAL').class).toBe('major');
    expect(classifyLabel(null, 'ADA').class).toBe('major');
    expect(classifyLabel(null, 'Ingrooves').class).toBe('major');
  });

  it('takes the least independent of several labels', () => {
    const result = classifyLabel(['[no label]', 'Jane Doe', 'Capitol Records'], null, { artistName: 'Jane Doe' });
    expect(result.class).toBe('major');
    expect(result.signals.map((signal) => signal.class)).toEqual(['self_released', 'self_released', 'major']);
  });

  it('unknown: nothing known', () => {
    expect(classifyLabel()).toEqual({ class: 'unknown', reason: 'Independence unknown (no label or distributor found)', signals: [] });
    expect(classifyLabel(['', '  '], ' ').class).toBe('unknown');
  });
});
