/**
 * Reference data for label classification: the three major label groups with their well-known
 * labels and distribution arms, the DIY (self-serve) distributors, the independent (curated)
 * distributors, and the words label names are normalized with. `classifyLabel`
 * (`src/features/leads/scoring/classify-label.ts`) matches names against these lists.
 *
 * Source / as of: compiled in 2025 from the groups' public label rosters and announced
 * acquisitions (company sites and press releases), e.g. Sony's acquisitions of The Orchard (fully
 * owned 2015) and AWAL (2022), Warner's ADA and Level, UMG's Ingrooves (2019) and Virgin Music
 * Group, Believe's TuneCore (2015), Downtown's CD Baby and Soundrop (2019) and FUGA (2018).
 * Ownership changes: review these lists when a label or distributor is bought or sold.
 *
 * How to maintain (see docs/leads.md): add a label under its group's `labels` (kind `label`) or
 * a distribution company (kind `distribution`); add a distributor to `DISTRIBUTORS` with kind
 * `diy` (anyone can upload for a fee) or `independent` (selective, not owned by a major). Aliases
 * are other spellings of the same company; trailing `NAME_NOISE_WORDS` ("Records", "Music",
 * "Ltd", ...) and punctuation never need their own alias, and territory words
 * (`NAME_QUALIFIER_WORDS`: "UK", "Australia", "Nashville", ...) may follow any name. The test in
 * test/features/leads/reference/labels.test.ts fails when two entries normalize to the same name.
 *
 * Deliberately left out: generic one-word imprints that small independents also use (e.g.
 * "Impulse", "Fiction", "Aftermath"), joint-venture imprints, and companies whose sale was pending
 * when the list was compiled. BMG (Bertelsmann) is an independent company, not Sony: only the
 * former joint venture "Sony BMG" is listed.
 */

/** A company and the other spellings of its name. */
export interface ReferenceName {
  /** The usual name. */
  name: string;
  /** Other spellings or former names (the usual name is matched without being repeated here). */
  aliases?: readonly string[];
  /** Ownership or classification remark shown in docs and reasons. */
  note?: string;
}

/** A label or distribution company of a major group. */
export interface MajorImprint extends ReferenceName {
  kind: 'label' | 'distribution';
}

export interface MajorGroup extends ReferenceName {
  id: 'umg' | 'sme' | 'wmg';
  labels: readonly MajorImprint[];
}

/**
 * A distributor that is not a major's label or distribution arm.
 * - `diy`: self-serve; anyone can upload for a fee or a share (DistroKid, CD Baby, TuneCore...).
 *   A DIY platform owned by a major (Level, Spinnup) stays `diy`, with its `owner` named.
 * - `independent`: selective distributors that sign and service artists and labels, not owned by
 *   a major (Symphonic, Believe, ONErpm, EMPIRE...).
 */
export interface Distributor extends ReferenceName {
  kind: 'diy' | 'independent';
  owner?: string;
}

const imprint =
  (kind: MajorImprint['kind']) =>
  (name: string, aliases?: readonly string[], note?: string): MajorImprint => ({ name, kind, ...(aliases && { aliases }), ...(note && { note }) });
const label = imprint('label');
const distribution = imprint('distribution');

export const MAJOR_GROUPS: readonly MajorGroup[] = [
  {
    id: 'umg',
    name: 'Universal Music Group',
    aliases: ['UMG', 'Universal Music Operations', 'Universal International Music', 'Universal Music Enterprises', 'UMe'],
    labels: [
      label('Island Records', ['Island Def Jam']),
      label('Def Jam Recordings'),
      label('Interscope Records', ['Interscope Geffen A&M']),
      label('Republic Records'),
      label('Capitol Records', ['Capitol Christian Music Group']),
      distribution('Virgin Music Group', ['Virgin Music Label & Artist Services', 'Caroline'], "UMG's label and distribution arm; Virgin Records included"),
      label('EMI Records', ['Virgin EMI Records'], 'Virgin EMI Records was renamed EMI Records in 2020'),
      label('Polydor Records'),
      label('Motown Records'),
      label('Geffen Records'),
      label('A&M Records'),
      label('Decca Records', ['Decca Gold']),
      label('Verve Records', ['Verve Label Group', 'Verve Forecast']),
      label('Blue Note Records'),
      label('Deutsche Grammophon'),
      label('Mercury Records', ['Mercury KX']),
      label('MCA Records'),
      label('Astralwerks'),
      label('Harvest Records'),
      label('Fonovisa'),
      label('Machete Music'),
      distribution('Ingrooves', undefined, 'acquired by UMG in 2019'),
    ],
  },
  {
    id: 'sme',
    name: 'Sony Music Entertainment',
    aliases: ['SME', 'Sony BMG'],
    labels: [
      label('Columbia Records'),
      label('RCA Records', ['RCA Inspiration']),
      label('Epic Records'),
      label('Arista Records'),
      label('Legacy Recordings', ['Columbia/Legacy', 'RCA/Legacy', 'Epic/Legacy']),
      label('Sony Music Latin'),
      label('Sony Masterworks', ['Masterworks', 'Sony Classical']),
      label('Jive Records'),
      label('LaFace Records'),
      label('Zomba'),
      label('Syco Music'),
      label('Ministry of Sound Recordings', undefined, 'acquired by Sony in 2016'),
      label('Ultra Records', undefined, 'acquired by Sony in 2012'),
      label('Century Media Records', undefined, 'acquired by Sony in 2015'),
      label('Music for Nations'),
      label('Provident Label Group', ['Provident']),
      distribution(
        'The Orchard',
        ['Orchard Enterprises', 'IODA', 'RED Distribution'],
        "Sony's distribution arm (fully owned since 2015); IODA and RED were merged into it",
      ),
      distribution('AWAL', ['Artists Without A Label'], 'acquired by Sony from Kobalt in 2022'),
    ],
  },
  {
    id: 'wmg',
    name: 'Warner Music Group',
    aliases: ['WMG', 'WEA'],
    labels: [
      label('Atlantic Records'),
      label('Elektra Records'),
      label('Warner Records', ['Warner Bros. Records'], 'Warner Bros. Records until 2019'),
      label('Reprise Records'),
      label('Parlophone Records', undefined, 'part of Warner since 2013'),
      label('Rhino Entertainment'),
      label('Asylum Records'),
      label('Nonesuch Records'),
      label('Sire Records'),
      label('Roadrunner Records'),
      label('Fueled by Ramen'),
      label('Big Beat Records'),
      label('300 Entertainment', undefined, 'acquired by Warner in 2021'),
      label('Warner Classics', ['Erato']),
      label('East West Records', ['EastWest']),
      label("Spinnin' Records", undefined, 'acquired by Warner in 2017'),
      distribution('ADA', ['Alternative Distribution Alliance'], "Warner's distribution and label-services arm"),
    ],
  },
];

export const DISTRIBUTORS: readonly Distributor[] = [
  // Self-serve (DIY) distributors.
  { name: 'DistroKid', kind: 'diy', aliases: ['Distro Kid', 'Records DK'] },
  { name: 'CD Baby', kind: 'diy', aliases: ['CDBaby'], owner: 'Downtown Music' },
  { name: 'TuneCore', kind: 'diy', owner: 'Believe' },
  { name: 'Amuse', kind: 'diy' },
  { name: 'Ditto Music', kind: 'diy' },
  { name: 'UnitedMasters', kind: 'diy', aliases: ['United Masters'] },
  { name: 'RouteNote', kind: 'diy', aliases: ['Route Note'] },
  { name: 'Spinnup', kind: 'diy', owner: 'Universal Music Group', note: "UMG's DIY platform: scored as DIY, not major" },
  { name: 'Level', kind: 'diy', owner: 'Warner Music Group', note: "Warner's DIY platform: scored as DIY, not major" },
  { name: 'Soundrop', kind: 'diy', owner: 'Downtown Music' },
  { name: 'LANDR', kind: 'diy', aliases: ['LANDR Audio'] },
  { name: 'Songtradr', kind: 'diy' },
  { name: 'Record Union', kind: 'diy' },
  { name: 'iMusician', kind: 'diy' },
  { name: 'FreshTunes', kind: 'diy', aliases: ['Fresh Tunes'] },
  { name: 'Too Lost', kind: 'diy' },
  { name: 'Repost Network', kind: 'diy', aliases: ['Repost by SoundCloud'], owner: 'SoundCloud' },
  { name: 'Horus Music', kind: 'diy' },
  // Selective independent distributors (not owned by a major).
  { name: 'Symphonic', kind: 'independent' },
  { name: 'Believe', kind: 'independent', note: 'large independent; owns TuneCore' },
  { name: 'Stem', kind: 'independent', aliases: ['Stem Disintermediation'] },
  { name: 'DashGo', kind: 'independent', aliases: ['Dash Go'] },
  { name: 'ONErpm', kind: 'independent', aliases: ['ONE rpm'] },
  { name: 'EMPIRE', kind: 'independent' },
  { name: 'FUGA', kind: 'independent', owner: 'Downtown Music' },
  { name: 'Vydia', kind: 'independent' },
  { name: 'Create Music Group', kind: 'independent' },
  { name: 'Secretly Distribution', kind: 'independent' },
  { name: 'Redeye Worldwide', kind: 'independent', aliases: ['Redeye'] },
  { name: 'Rhythmethod', kind: 'independent', note: 'New Zealand' },
  { name: 'DRM New Zealand', kind: 'independent', aliases: ['DRM NZ', 'Digital Rights Management NZ'], note: 'New Zealand' },
];

/**
 * Label values that mean "no label": MusicBrainz's special label `[no label]`, and the phrases
 * people type for it (normalized, see `NAME_NOISE_WORDS`). A value is a marker when it equals one
 * of these or contains one of the multi-word ones (e.g. Discogs' "Not On Label (Jane Self-released)").
 */
export const SELF_RELEASE_MARKERS: readonly string[] = [
  'no label',
  'not on label',
  'self released',
  'self release',
  'selfreleased',
  'self',
  'independent',
  'unsigned',
  'none',
];

/**
 * Words dropped from the end of a name before matching: company-form and generic words
 * ("Island Records Ltd" = "Island", "Sony Music Entertainment" = "Sony"; "Record Union" keeps its
 * "Record"). They may also follow a listed name ("Sony Music Entertainment Australia Pty Ltd"). A
 * leading "The" is dropped too; "&" reads as "and"; other punctuation separates words; apostrophes
 * and accents are removed.
 */
export const NAME_NOISE_WORDS: readonly string[] = [
  'records',
  'record',
  'recordings',
  'recording',
  'music',
  'musique',
  'musik',
  'musica',
  'entertainment',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'llc',
  'llp',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'group',
  'gmbh',
  'pty',
  'bv',
  'ab',
  'srl',
  'sas',
];

/**
 * Words that may follow a listed name without changing the company: territories, divisions and
 * service words ("Universal Music New Zealand", "Atlantic Records UK", "Sony Music Nashville",
 * "Believe Digital"). A name matches an entry when it is the entry's name (or alias) followed only
 * by these words.
 */
export const NAME_QUALIFIER_WORDS: readonly string[] = [
  // territories
  'uk',
  'us',
  'usa',
  'america',
  'american',
  'australia',
  'australian',
  'aus',
  'nz',
  'new',
  'zealand',
  'canada',
  'canadian',
  'germany',
  'deutschland',
  'france',
  'japan',
  'italy',
  'italia',
  'spain',
  'espana',
  'mexico',
  'brasil',
  'brazil',
  'latin',
  'latino',
  'latina',
  'europe',
  'european',
  'asia',
  'pacific',
  'africa',
  'south',
  'north',
  'east',
  'west',
  'nordic',
  'nordics',
  'scandinavia',
  'sweden',
  'norway',
  'denmark',
  'finland',
  'netherlands',
  'holland',
  'benelux',
  'belgium',
  'austria',
  'switzerland',
  'poland',
  'portugal',
  'ireland',
  'india',
  'korea',
  'china',
  'hong',
  'kong',
  'taiwan',
  'singapore',
  'philippines',
  'indonesia',
  'malaysia',
  'thailand',
  'argentina',
  'chile',
  'colombia',
  'london',
  'nashville',
  // divisions and services
  'international',
  'intl',
  'worldwide',
  'global',
  'operations',
  'distribution',
  'digital',
  'services',
  'io',
  'com',
];
