/**
 * Label classification: how independent a recording's release is, from its label(s) and
 * distributor, matched against the reference lists in `src/features/leads/reference/labels.ts`.
 *
 * Each label and the distributor is a signal with its own class:
 *
 * | value | label | distributor |
 * |---|---|---|
 * | `[no label]` (MusicBrainz's special label) or a no-label phrase ("Self-released", "Independent", "Not On Label", ...) | self_released | self_released |
 * | a major group, one of its labels or distribution arms (Island, Columbia, The Orchard, AWAL, ADA, Ingrooves...) | major | major |
 * | a DIY distributor (DistroKid, CD Baby, TuneCore, Level, Spinnup...) | self_released | self_released |
 * | an independent distributor (Symphonic, Believe, ONErpm...) | small_distributor | small_distributor |
 * | the artist's own name, or a name containing it ("Jane Doe Music") | self_released | self_released |
 * | any other name | indie_label | small_distributor (a distributor that is not a major's) |
 *
 * The release's class is the least independent of its signals (major > indie_label >
 * small_distributor > self_released); with no signal at all it is `unknown`. So "[no label]" with
 * Symphonic as distributor is small_distributor, and any major label or distributor makes the
 * release major.
 *
 * Decisions: a DIY distributor standing as the label ("DistroKid", "Records DK") means the artist
 * uploaded the release themselves: self_released, not small_distributor; small_distributor is kept
 * for selective distributors that already service the artist. Major-owned DIY platforms (Warner's
 * Level, UMG's Spinnup) are DIY: the artist keeps a self-serve, non-exclusive deal; their owner is
 * named in `matched.owner`.
 *
 * Names are compared after normalization (`normalizeLabelName`): accents, case, punctuation and a
 * leading "The" are dropped, "&" reads "and", and the words of `NAME_NOISE_WORDS` ("Records",
 * "Recordings", "Music", "Entertainment", "Ltd", "Inc", ...) are dropped from the end of a name
 * ("Sony Music Entertainment" → "sony", but "Record Union" stays "record union"). A name matches a
 * reference entry when it is the entry's name or alias followed only by territory, division or
 * noise words (`NAME_QUALIFIER_WORDS`, `NAME_NOISE_WORDS`), so "Universal Music New Zealand" and
 * "Sony Music Entertainment Australia Pty Ltd" match while "Island Girl Records" does not.
 */
import { DISTRIBUTORS, MAJOR_GROUPS, NAME_NOISE_WORDS, NAME_QUALIFIER_WORDS, SELF_RELEASE_MARKERS } from '../reference/labels.js';

export type IndependenceClass = 'self_released' | 'small_distributor' | 'indie_label' | 'major' | 'unknown';

/** The reference entry a name matched. */
export interface ReferenceMatch {
  /** The entry's usual name: "Island Records", "The Orchard", "DistroKid". */
  name: string;
  kind: 'major_group' | 'major_label' | 'major_distribution' | 'diy_distributor' | 'independent_distributor';
  /** The major group, for a major's group name, label or distribution arm. */
  group?: string;
  /** The owner of a distributor that is not a major's arm (TuneCore → Believe, Level → Warner Music Group). */
  owner?: string;
}

/** What one label or the distributor says about the release. */
export interface LabelSignal {
  source: 'label' | 'distributor';
  /** The name as given. */
  value: string;
  class: Exclude<IndependenceClass, 'unknown'>;
  matched?: ReferenceMatch;
  reason: string;
}

export interface LabelClassification {
  class: IndependenceClass;
  /** The reference entry behind the deciding signal, when it matched one. */
  matched?: ReferenceMatch;
  /** The deciding signal in words, e.g. `Self-released (label: [no label])`. */
  reason: string;
  /** Every signal, labels first then the distributor. */
  signals: LabelSignal[];
}

export interface ClassifyLabelOptions {
  artistName?: string | null;
}

/** How the classes read at the start of a reason. */
export const INDEPENDENCE_CLASS_TEXT: Readonly<Record<IndependenceClass, string>> = {
  self_released: 'Self-released',
  small_distributor: 'Small distributor',
  indie_label: 'Indie label',
  major: 'Major-distributed',
  unknown: 'Independence unknown',
};

/** Higher = less independent; the release takes its highest-ranked signal. */
const CLASS_RANK: Readonly<Record<LabelSignal['class'], number>> = { self_released: 1, small_distributor: 2, indie_label: 3, major: 4 };

const NOISE = new Set(NAME_NOISE_WORDS);
const QUALIFIERS = new Set(NAME_QUALIFIER_WORDS);
const SINGLE_WORD_MARKERS = new Set(SELF_RELEASE_MARKERS.filter((marker) => !marker.includes(' ')));
const PHRASE_MARKERS = SELF_RELEASE_MARKERS.filter((marker) => marker.includes(' ')).map((marker) => marker.split(' '));
const MUSICBRAINZ_NO_LABEL = '[no label]';

/** The words of a name as compared: see the module comment. */
export function labelNameTokens(name: string): string[] {
  const tokens = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`´]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== '');
  if (tokens[0] === 'the') tokens.shift();
  return withoutTrailingNoise(tokens);
}

/** `tokens` without the noise words at their end ("sony music entertainment" → "sony"). */
function withoutTrailingNoise(tokens: readonly string[]): string[] {
  let end = tokens.length;
  while (end > 0 && NOISE.has(tokens[end - 1]!)) end -= 1;
  return tokens.slice(0, end);
}

/** A name normalized for comparison: "Island Records Ltd." → "island", "The Orchard" → "orchard". */
export function normalizeLabelName(name: string): string {
  return labelNameTokens(name).join(' ');
}

function buildIndex(): Map<string, ReferenceMatch> {
  const index = new Map<string, ReferenceMatch>();
  const add = (names: readonly string[], match: ReferenceMatch): void => {
    for (const name of names) {
      const key = normalizeLabelName(name);
      if (key === '') throw new Error(`label reference data: "${name}" is only noise words`);
      const existing = index.get(key);
      if (existing === undefined) index.set(key, match);
      // The same key twice is fine within one company, or a group's name and one of its labels
      // ("Warner Records" = "Warner"): the first entry (the group) answers.
      else if (existing.name !== match.name && (existing.group === undefined || existing.group !== match.group)) {
        throw new Error(`label reference data: "${name}" (${match.name}) and ${existing.name} both normalize to "${key}"`);
      }
    }
  };
  for (const group of MAJOR_GROUPS) add([group.name, ...(group.aliases ?? [])], { name: group.name, kind: 'major_group', group: group.name });
  for (const group of MAJOR_GROUPS) {
    for (const imprint of group.labels) {
      const kind = imprint.kind === 'label' ? 'major_label' : 'major_distribution';
      add([imprint.name, ...(imprint.aliases ?? [])], { name: imprint.name, kind, group: group.name });
    }
  }
  for (const distributor of DISTRIBUTORS) {
    const kind = distributor.kind === 'diy' ? 'diy_distributor' : 'independent_distributor';
    add([distributor.name, ...(distributor.aliases ?? [])], { name: distributor.name, kind, ...(distributor.owner && { owner: distributor.owner }) });
  }
  return index;
}

const REFERENCE_INDEX = buildIndex();

/**
 * The reference entry `name` is, if any: its normalized words must be an entry's name or alias,
 * followed only by qualifier words ("Sony Music Entertainment Australia Pty Ltd" → Sony Music
 * Entertainment). The longest matching entry wins ("Sony Music Latin" before "Sony Music").
 */
export function matchReference(name: string): ReferenceMatch | undefined {
  const tokens = labelNameTokens(name);
  for (let length = tokens.length; length >= 1; length -= 1) {
    const match = REFERENCE_INDEX.get(withoutTrailingNoise(tokens.slice(0, length)).join(' '));
    if (match !== undefined && tokens.slice(length).every((token) => QUALIFIERS.has(token) || NOISE.has(token))) return match;
  }
  return undefined;
}

function containsSequence(tokens: readonly string[], sequence: readonly string[]): boolean {
  if (sequence.length === 0) return false;
  for (let start = 0; start + sequence.length <= tokens.length; start += 1) {
    if (sequence.every((token, offset) => tokens[start + offset] === token)) return true;
  }
  return false;
}

function isSelfReleaseMarker(value: string, tokens: readonly string[]): boolean {
  if (value.trim().toLowerCase() === MUSICBRAINZ_NO_LABEL) return true;
  if (tokens.length === 1 && SINGLE_WORD_MARKERS.has(tokens[0]!)) return true;
  return PHRASE_MARKERS.some((phrase) => containsSequence(tokens, phrase));
}

function describe(match: ReferenceMatch): string {
  switch (match.kind) {
    case 'major_group':
      return match.name;
    case 'major_label':
      return `${match.name}, a ${match.group} label`;
    case 'major_distribution':
      return `${match.name}, ${match.group}'s distribution arm`;
    case 'diy_distributor':
      return `${match.name}, a DIY distributor${match.owner ? ` owned by ${match.owner}` : ''}`;
    case 'independent_distributor':
      return `${match.name}, an independent distributor${match.owner ? ` owned by ${match.owner}` : ''}`;
  }
}

const MATCH_CLASS: Readonly<Record<ReferenceMatch['kind'], LabelSignal['class']>> = {
  major_group: 'major',
  major_label: 'major',
  major_distribution: 'major',
  diy_distributor: 'self_released',
  independent_distributor: 'small_distributor',
};

function classifySignal(source: LabelSignal['source'], value: string, artistTokens: readonly string[]): LabelSignal {
  const tokens = labelNameTokens(value);
  const signal = (cls: LabelSignal['class'], detail: string, matched?: ReferenceMatch): LabelSignal => ({
    source,
    value,
    class: cls,
    ...(matched && { matched }),
    reason: `${INDEPENDENCE_CLASS_TEXT[cls]} (${detail})`,
  });
  if (isSelfReleaseMarker(value, tokens)) return signal('self_released', `${source}: ${value}`);
  const matched = matchReference(value);
  if (matched !== undefined) {
    const sameName = tokens.join(' ') === normalizeLabelName(matched.name);
    return signal(MATCH_CLASS[matched.kind], `${source}${sameName ? ':' : ` "${value}":`} ${describe(matched)}`, matched);
  }
  if (artistTokens.join('').length >= 2 && containsSequence(tokens, artistTokens)) {
    return signal('self_released', `${source} "${value}" is the artist's own name`);
  }
  return source === 'label'
    ? signal('indie_label', `label "${value}", not a major's or a distributor`)
    : signal('small_distributor', `distributor "${value}", not a major's`);
}

/**
 * Classifies a release from its label name(s), its distributor and the artist's name (see the
 * module comment for the rules). Empty names count as absent; nothing at all gives `unknown`.
 */
export function classifyLabel(
  labelName?: string | readonly string[] | null,
  distributorName?: string | null,
  options: ClassifyLabelOptions = {},
): LabelClassification {
  const labels = (typeof labelName === 'string' ? [labelName] : (labelName ?? [])).map((name) => name.trim()).filter((name) => name !== '');
  const distributor = distributorName?.trim() ?? '';
  const artistTokens = options.artistName ? labelNameTokens(options.artistName) : [];
  const signals = labels.map((name) => classifySignal('label', name, artistTokens));
  if (distributor !== '') signals.push(classifySignal('distributor', distributor, artistTokens));

  let decisive: LabelSignal | undefined;
  for (const signal of signals) if (decisive === undefined || CLASS_RANK[signal.class] > CLASS_RANK[decisive.class]) decisive = signal;
  if (decisive === undefined) return { class: 'unknown', reason: `${INDEPENDENCE_CLASS_TEXT.unknown} (no label or distributor found)`, signals };
  return { class: decisive.class, ...(decisive.matched && { matched: decisive.matched }), reason: decisive.reason, signals };
}
