import { jsonReader, type Json } from './json-reader.js';

/**
 * MusicBrainz ws/2 JSON (https://musicbrainz.org/doc/MusicBrainz_API), read into plain typed
 * objects. Tolerant of what MusicBrainz leaves out or sends as null or "" (optional fields become
 * null or []); strict about what must be there (ids that are MBIDs, titles and names that are
 * strings) and about fields of the wrong kind: such a body is garbage and throws
 * MusicBrainzFormatError. Relations of kinds this does not read are skipped.
 */

/** The special label MusicBrainz puts on self-released releases ("[no label]"). */
export const MB_NO_LABEL_ID = '157afde4-4bf5-4039-8ad2-5a15acc85176';

export interface MbArtistRef {
  id: string;
  name: string;
  sortName: string | null;
  type: string | null;
  disambiguation: string | null;
}

export interface MbArtistCredit {
  /** The name as credited (may differ from the artist's own name). */
  name: string;
  /** What joins this credit to the next: " feat. ", " & ", "". */
  joinPhrase: string;
  artist: MbArtistRef;
}

export interface MbReleaseSummary {
  id: string;
  title: string;
  /** Official, Promotion, Bootleg, Pseudo-Release, ... */
  status: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string | null;
  /** ISO 3166-1 code of the release country (XW for worldwide). */
  country: string | null;
  disambiguation: string | null;
}

export interface MbRecording {
  id: string;
  title: string;
  lengthMs: number | null;
  disambiguation: string | null;
  firstReleaseDate: string | null;
  artistCredit: MbArtistCredit[];
  /** The credit as printed: names and join phrases. */
  artistName: string;
  releases: MbReleaseSummary[];
  /**
   * The works it performs (`performance` relations, asked with inc=work-rels): [] when it links
   * to none, null when the answer carries no relations (not asked, or an answer cached before).
   */
  workIds: string[] | null;
}

/** The recordings MusicBrainz has for an ISRC (usually one; several when it was reused or is a duplicate). */
export interface MbIsrcLookup {
  isrc: string;
  recordings: MbRecording[];
}

export interface MbArea {
  id: string | null;
  name: string;
  /** Country, Subdivision, City, ... */
  type: string | null;
  /** iso-3166-1-codes (countries); empty for cities and most subdivisions. */
  countryCodes: string[];
  /** iso-3166-2-codes (subdivisions: NZ-WGN, AU-NSW). */
  subdivisionCodes: string[];
}

export interface MbLifeSpan {
  begin: string | null;
  end: string | null;
  ended: boolean;
}

/** A URL relation: `type` is MusicBrainz's relation type (official homepage, social network, bandcamp, youtube, streaming, free streaming, ...). */
export interface MbUrl {
  type: string;
  url: string;
  /** The relation has ended (an old homepage, a deleted profile). */
  ended: boolean;
}

export interface MbTag {
  name: string;
  count: number;
}

export interface MbArtist {
  id: string;
  name: string;
  sortName: string | null;
  /** Person, Group, Orchestra, Choir, Character, Other. */
  type: string | null;
  gender: string | null;
  /** ISO 3166-1 code MusicBrainz derives from the area. */
  country: string | null;
  area: MbArea | null;
  beginArea: MbArea | null;
  lifeSpan: MbLifeSpan;
  disambiguation: string | null;
  urls: MbUrl[];
  tags: MbTag[];
  genres: MbTag[];
}

export interface MbLabelRef {
  id: string;
  name: string;
  sortName: string | null;
  /** Original Production, Imprint, Distributor, Holding, Reissue Production, ... */
  type: string | null;
  /** The LC code, without "LC". */
  labelCode: number | null;
  disambiguation: string | null;
}

export interface MbReleaseLabel {
  catalogNumber: string | null;
  /** Null when only a catalog number is known. */
  label: MbLabelRef | null;
  /** The label is MusicBrainz's "[no label]": the release is self-released. */
  noLabel: boolean;
}

export interface MbReleaseGroup {
  id: string;
  title: string;
  /** Album, Single, EP, ... */
  primaryType: string | null;
  secondaryTypes: string[];
}

export interface MbTrack {
  position: number | null;
  number: string | null;
  title: string;
  lengthMs: number | null;
  recordingId: string | null;
}

export interface MbMedium {
  position: number | null;
  format: string | null;
  trackCount: number;
  tracks: MbTrack[];
}

export interface MbRelease {
  id: string;
  title: string;
  status: string | null;
  date: string | null;
  country: string | null;
  barcode: string | null;
  disambiguation: string | null;
  labels: MbReleaseLabel[];
  releaseGroup: MbReleaseGroup | null;
  media: MbMedium[];
  /** Only when MusicBrainz sends it (inc=artist-credits); [] otherwise. */
  artistCredit: MbArtistCredit[];
}

/** A relation of a label to another label, as MusicBrainz gives it. */
export interface MbLabelRelation {
  /** label ownership, imprint, label distribution, label reissue, label rename, business association, ... */
  type: string;
  /**
   * MusicBrainz's reading direction: "backward" means the other label is the relation's first
   * entity, e.g. for "label ownership" the other label owns this one.
   */
  direction: 'forward' | 'backward';
  label: MbLabelRef;
  begin: string | null;
  end: string | null;
  ended: boolean;
}

/** What a parent label is to this one. */
export type MbParentKind = 'owner' | 'imprint_of' | 'distributor';

/** A label above this one: its owner, the label it is an imprint of, or its distributor. */
export interface MbLabelParent {
  kind: MbParentKind;
  /** The MusicBrainz relation type it comes from. */
  type: string;
  label: MbLabelRef;
  ended: boolean;
}

export interface MbLabel extends MbLabelRef {
  country: string | null;
  area: MbArea | null;
  lifeSpan: MbLifeSpan;
  urls: MbUrl[];
  relations: MbLabelRelation[];
  /** From `relations`: the labels this one belongs to, is an imprint of or is distributed by. */
  parents: MbLabelParent[];
}

/** A body that is not MusicBrainz's documented format. */
export class MusicBrainzFormatError extends Error {}

/**
 * Label-label relation types whose first entity is "above" the second: read backward (this
 * label is the second entity), the other label is this one's parent of that kind.
 * label ownership: "{parent} is/was the parent label of {subsidiary}"; imprint: "{label} has
 * imprint {imprint}"; label distribution: "{distributor} distributes {label}".
 */
const PARENT_RELATIONS = new Map<string, MbParentKind>([
  ['label ownership', 'owner'],
  ['imprint', 'imprint_of'],
  ['label distribution', 'distributor'],
]);

const MBID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const { object, optionalObject, text, optionalText, optionalNumber, flag, list, texts } = jsonReader(MusicBrainzFormatError);

export function mbid(parent: Json, key: string, where: string): string {
  const id = text(parent, key, where);
  if (!MBID.test(id)) throw new MusicBrainzFormatError(`${where}.${key} "${id.slice(0, 40)}" is not an MBID`);
  return id.toLowerCase();
}

function lifeSpan(parent: Json, where: string): MbLifeSpan {
  const span = optionalObject(parent, 'life-span', where);
  if (!span) return { begin: null, end: null, ended: false };
  return {
    begin: optionalText(span, 'begin', `${where}.life-span`),
    end: optionalText(span, 'end', `${where}.life-span`),
    ended: flag(span, 'ended', `${where}.life-span`),
  };
}

function area(parent: Json, key: string, where: string): MbArea | null {
  const value = optionalObject(parent, key, where);
  if (!value) return null;
  const at = `${where}.${key}`;
  return {
    id: value.id === undefined || value.id === null ? null : mbid(value, 'id', at),
    name: text(value, 'name', at),
    type: optionalText(value, 'type', at),
    countryCodes: texts(value, 'iso-3166-1-codes', at),
    subdivisionCodes: texts(value, 'iso-3166-2-codes', at),
  };
}

export function artistRef(value: unknown, where: string): MbArtistRef {
  const artist = object(value, where);
  return {
    id: mbid(artist, 'id', where),
    name: text(artist, 'name', where),
    sortName: optionalText(artist, 'sort-name', where),
    type: optionalText(artist, 'type', where),
    disambiguation: optionalText(artist, 'disambiguation', where),
  };
}

function artistCredit(parent: Json, where: string): MbArtistCredit[] {
  return list(parent, 'artist-credit', where).map((value, i) => {
    const at = `${where}.artist-credit[${i}]`;
    const credit = object(value, at);
    const artist = artistRef(credit.artist, `${at}.artist`);
    return { name: optionalText(credit, 'name', at) ?? artist.name, joinPhrase: typeof credit.joinphrase === 'string' ? credit.joinphrase : '', artist };
  });
}

/** "Artist A feat. Artist B": the credited names and their join phrases. */
export function creditedName(credit: MbArtistCredit[]): string {
  return credit
    .map((part) => part.name + part.joinPhrase)
    .join('')
    .trim();
}

function releaseSummary(value: unknown, where: string): MbReleaseSummary {
  const release = object(value, where);
  return {
    id: mbid(release, 'id', where),
    title: text(release, 'title', where),
    status: optionalText(release, 'status', where),
    date: optionalText(release, 'date', where),
    country: optionalText(release, 'country', where),
    disambiguation: optionalText(release, 'disambiguation', where),
  };
}

function recording(value: unknown, where: string): MbRecording {
  const body = object(value, where);
  const credit = artistCredit(body, where);
  return {
    id: mbid(body, 'id', where),
    title: text(body, 'title', where),
    lengthMs: optionalNumber(body, 'length', where),
    disambiguation: optionalText(body, 'disambiguation', where),
    firstReleaseDate: optionalText(body, 'first-release-date', where),
    artistCredit: credit,
    artistName: creditedName(credit),
    releases: list(body, 'releases', where).map((release, i) => releaseSummary(release, `${where}.releases[${i}]`)),
    workIds: body.relations === undefined || body.relations === null ? null : workIdsOf(body, where),
  };
}

function workIdsOf(body: Json, where: string): string[] {
  return list(body, 'relations', where).flatMap((value, i) => {
    const at = `${where}.relations[${i}]`;
    const work = optionalObject(object(value, at), 'work', at);
    return work ? [mbid(work, 'id', `${at}.work`)] : [];
  });
}

/** GET /isrc/<isrc>?inc=artist-credits+releases+work-rels. */
export function readIsrcLookup(value: unknown, isrc: string): MbIsrcLookup {
  const body = object(value, 'isrc');
  const recordings = body.recordings;
  if (!Array.isArray(recordings)) throw new MusicBrainzFormatError('isrc.recordings is missing or not an array');
  return {
    isrc: optionalText(body, 'isrc', 'isrc') ?? isrc,
    recordings: recordings.map((item, i) => recording(item, `isrc.recordings[${i}]`)),
  };
}

/** The fields every kind of relation has. */
export function relationBase(value: unknown, where: string): { relation: Json; type: string; direction: 'forward' | 'backward'; ended: boolean } {
  const relation = object(value, where);
  const type = text(relation, 'type', where);
  return { relation, type, direction: relation.direction === 'backward' ? 'backward' : 'forward', ended: flag(relation, 'ended', where) };
}

function urls(parent: Json, where: string): MbUrl[] {
  const found: MbUrl[] = [];
  list(parent, 'relations', where).forEach((value, i) => {
    const at = `${where}.relations[${i}]`;
    const { relation, type, ended } = relationBase(value, at);
    const url = optionalObject(relation, 'url', at);
    if (!url) return;
    const resource = optionalText(url, 'resource', `${at}.url`);
    if (resource) found.push({ type, url: resource, ended });
  });
  return found;
}

function tags(parent: Json, key: 'tags' | 'genres', where: string): MbTag[] {
  return list(parent, key, where).map((value, i) => {
    const at = `${where}.${key}[${i}]`;
    const tag = object(value, at);
    return { name: text(tag, 'name', at), count: optionalNumber(tag, 'count', at) ?? 0 };
  });
}

/** GET /artist/<mbid>?inc=url-rels+tags+genres. */
export function readArtist(value: unknown): MbArtist {
  const body = object(value, 'artist');
  return {
    ...artistRef(body, 'artist'),
    gender: optionalText(body, 'gender', 'artist'),
    country: optionalText(body, 'country', 'artist'),
    area: area(body, 'area', 'artist'),
    beginArea: area(body, 'begin-area', 'artist'),
    lifeSpan: lifeSpan(body, 'artist'),
    urls: urls(body, 'artist'),
    tags: tags(body, 'tags', 'artist'),
    genres: tags(body, 'genres', 'artist'),
  };
}

export function labelRef(value: unknown, where: string): MbLabelRef {
  const label = object(value, where);
  return {
    id: mbid(label, 'id', where),
    name: text(label, 'name', where),
    sortName: optionalText(label, 'sort-name', where),
    type: optionalText(label, 'type', where),
    labelCode: optionalNumber(label, 'label-code', where),
    disambiguation: optionalText(label, 'disambiguation', where),
  };
}

/** GET /release/<mbid>?inc=labels+recordings+release-groups. */
export function readRelease(value: unknown): MbRelease {
  const body = object(value, 'release');
  const group = optionalObject(body, 'release-group', 'release');
  return {
    id: mbid(body, 'id', 'release'),
    title: text(body, 'title', 'release'),
    status: optionalText(body, 'status', 'release'),
    date: optionalText(body, 'date', 'release'),
    country: optionalText(body, 'country', 'release'),
    barcode: optionalText(body, 'barcode', 'release'),
    disambiguation: optionalText(body, 'disambiguation', 'release'),
    labels: list(body, 'label-info', 'release').map((item, i) => {
      const at = `release.label-info[${i}]`;
      const info = object(item, at);
      const label = info.label === undefined || info.label === null ? null : labelRef(info.label, `${at}.label`);
      return { catalogNumber: optionalText(info, 'catalog-number', at), label, noLabel: label?.id === MB_NO_LABEL_ID };
    }),
    releaseGroup: group
      ? {
          id: mbid(group, 'id', 'release.release-group'),
          title: text(group, 'title', 'release.release-group'),
          primaryType: optionalText(group, 'primary-type', 'release.release-group'),
          secondaryTypes: texts(group, 'secondary-types', 'release.release-group'),
        }
      : null,
    media: list(body, 'media', 'release').map((item, i) => {
      const at = `release.media[${i}]`;
      const medium = object(item, at);
      const tracks = list(medium, 'tracks', at).map((track, j) => {
        const where = `${at}.tracks[${j}]`;
        const body = object(track, where);
        const recordingBody = optionalObject(body, 'recording', where);
        return {
          position: optionalNumber(body, 'position', where),
          number: optionalText(body, 'number', where),
          title: text(body, 'title', where),
          lengthMs: optionalNumber(body, 'length', where),
          recordingId: recordingBody ? mbid(recordingBody, 'id', `${where}.recording`) : null,
        };
      });
      return {
        position: optionalNumber(medium, 'position', at),
        format: optionalText(medium, 'format', at),
        trackCount: optionalNumber(medium, 'track-count', at) ?? tracks.length,
        tracks,
      };
    }),
    artistCredit: artistCredit(body, 'release'),
  };
}

/** GET /label/<mbid>?inc=label-rels+url-rels. */
export function readLabel(value: unknown): MbLabel {
  const body = object(value, 'label');
  const relations: MbLabelRelation[] = [];
  list(body, 'relations', 'label').forEach((item, i) => {
    const at = `label.relations[${i}]`;
    const { relation, type, direction, ended } = relationBase(item, at);
    if (relation.label === undefined || relation.label === null) return;
    relations.push({
      type,
      direction,
      label: labelRef(relation.label, `${at}.label`),
      begin: optionalText(relation, 'begin', at),
      end: optionalText(relation, 'end', at),
      ended,
    });
  });
  return {
    ...labelRef(body, 'label'),
    country: optionalText(body, 'country', 'label'),
    area: area(body, 'area', 'label'),
    lifeSpan: lifeSpan(body, 'label'),
    urls: urls(body, 'label'),
    relations,
    parents: relations
      .filter((relation) => relation.direction === 'backward' && PARENT_RELATIONS.has(relation.type))
      .map((relation) => ({ kind: PARENT_RELATIONS.get(relation.type)!, type: relation.type, label: relation.label, ended: relation.ended })),
  };
}
