import { jsonReader } from './json-reader.js';
import { artistRef, labelRef, mbid, MusicBrainzFormatError, relationBase, type MbArtistRef, type MbLabelRef } from './musicbrainz.format.js';

/**
 * The rights side of a recording in MusicBrainz ws/2 JSON: the works it performs with their
 * publishers and writers, and the labels related to the recording itself. Read from
 * `GET /recording/<mbid>?inc=work-rels+work-level-rels+label-rels+artist-rels` (one request: with
 * work-level-rels MusicBrainz embeds each work's own label and artist relations), or from a
 * work lookup. Plus the counts browse answers carry (`release-group-count`, ...). Pure: JSON in,
 * plain data out; a body of the wrong shape throws MusicBrainzFormatError.
 *
 * Relation types, as MusicBrainz defines them (musicbrainz.org/relationships):
 * - label–work `publishing` ("published", type 05ee6f18-…): the label publishes the work. Seen
 *   from the work it runs backward (the label is the first entity).
 * - artist–work `publishing` (a442b140-…): a person or group that publishes the work.
 * - label–recording `publishing` (51e4a303-…): deprecated in favour of the two above, still read.
 * - label–recording `phonographic copyright`: the ℗ holder, the label that owns the master.
 * - artist–work `composer`, `lyricist`, `writer`, `librettist`, ...: the work's writers.
 */

/** Who publishes a work (or, by the deprecated relation, a recording). */
export interface MbPublisher {
  kind: 'label' | 'artist';
  id: string;
  name: string;
  /** The publishing relation has ended (an old deal). */
  ended: boolean;
}

export interface MbWorkRights {
  id: string;
  title: string;
  publishers: MbPublisher[];
  /** Artists credited with writing it (composer, lyricist, writer, librettist, ...). */
  writers: MbArtistRef[];
  /** How many relations of any kind MusicBrainz lists for it: 0 means nothing is documented. */
  relationCount: number;
}

export interface MbRecordingRights {
  recordingId: string;
  /** The works this recording performs (`performance` relations). */
  works: MbWorkRights[];
  /** Publishers related to the recording itself (the deprecated label–recording relation, artist–recording publishing). */
  publishers: MbPublisher[];
  /** ℗ holders: labels with a `phonographic copyright` relation to the recording. */
  phonographicCopyright: MbLabelRef[];
}

const PUBLISHING = 'publishing';
const WRITING = new Set(['composer', 'lyricist', 'writer', 'librettist', 'revised by', 'translator']);
const PHONOGRAPHIC_COPYRIGHT = 'phonographic copyright';

const { object, optionalObject, text, list, count } = jsonReader(MusicBrainzFormatError);

/** A relation's target when it is a label or an artist: the publisher it names, if of that type. */
function publisherOf(relation: Record<string, unknown>, type: string, ended: boolean, where: string): MbPublisher | null {
  if (type !== PUBLISHING) return null;
  if (relation.label !== undefined && relation.label !== null) {
    const label = labelRef(relation.label, `${where}.label`);
    return { kind: 'label', id: label.id, name: label.name, ended };
  }
  if (relation.artist !== undefined && relation.artist !== null) {
    const artist = artistRef(relation.artist, `${where}.artist`);
    return { kind: 'artist', id: artist.id, name: artist.name, ended };
  }
  return null;
}

/** A work (a lookup's body or a relation's `work`) with its publishers and writers. */
export function readWork(value: unknown, where = 'work'): MbWorkRights {
  const body = object(value, where);
  const relations = list(body, 'relations', where);
  const publishers: MbPublisher[] = [];
  const writers: MbArtistRef[] = [];
  relations.forEach((item, i) => {
    const at = `${where}.relations[${i}]`;
    const { relation, type, ended } = relationBase(item, at);
    const publisher = publisherOf(relation, type, ended, at);
    if (publisher) publishers.push(publisher);
    else if (WRITING.has(type) && relation.artist !== undefined && relation.artist !== null) writers.push(artistRef(relation.artist, `${at}.artist`));
  });
  return { id: mbid(body, 'id', where), title: text(body, 'title', where), publishers, writers, relationCount: relations.length };
}

/** GET /recording/<mbid>?inc=work-rels+work-level-rels+label-rels+artist-rels. */
export function readRecordingRights(value: unknown): MbRecordingRights {
  const body = object(value, 'recording');
  const works: MbWorkRights[] = [];
  const publishers: MbPublisher[] = [];
  const phonographicCopyright: MbLabelRef[] = [];
  list(body, 'relations', 'recording').forEach((item, i) => {
    const at = `recording.relations[${i}]`;
    const { relation, type, ended } = relationBase(item, at);
    const work = optionalObject(relation, 'work', at);
    if (work) {
      works.push(readWork(work, `${at}.work`));
      return;
    }
    const publisher = publisherOf(relation, type, ended, at);
    if (publisher) publishers.push(publisher);
    else if (type === PHONOGRAPHIC_COPYRIGHT && !ended && relation.label !== undefined && relation.label !== null) {
      phonographicCopyright.push(labelRef(relation.label, `${at}.label`));
    }
  });
  return { recordingId: mbid(body, 'id', 'recording'), works, publishers, phonographicCopyright };
}

/** The kinds of browse answers and the count each carries. */
export type MbBrowsed = 'release' | 'release-group' | 'recording';

/** The total a browse answer reports (`release-group-count`, ...), whatever page it holds. */
export function readBrowseCount(value: unknown, browsed: MbBrowsed): number {
  return count(object(value, `${browsed} browse`), `${browsed}-count`, `${browsed} browse`);
}
