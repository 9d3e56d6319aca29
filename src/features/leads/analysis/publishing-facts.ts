/**
 * Whether the recording's songs have a publisher, from MusicBrainz's work relations: the fact
 * behind the score's "no publishing administration" factor. Pure.
 *
 * - true: a current `publishing` relation on one of the recording's works (or on the recording,
 *   MusicBrainz's deprecated form) to a label, or to an artist who is not one of the recording's
 *   credited artists.
 * - false: the works are documented (they have writers or other relations) and none names a
 *   publisher, or the only publishers are the credited artists themselves (self-published: no
 *   publishing administration). MusicBrainz is crowd-sourced, so "false" means "none recorded".
 * - null (unknown): the recording was not read, it links to no work, or its works carry no
 *   relation at all (nobody documented them, so the absence of a publisher says nothing).
 */
import type { MbPublisher, MbRecordingRights } from '../sources/musicbrainz.works.js';

export interface PublishingFacts {
  hasPublisher: boolean | null;
  /** The current publishers found (self-publishing credited artists included), by name. */
  publishers: string[];
  /** How many works of the recording were read. */
  works: number;
  /** The fact in words, for the lead's inputs. */
  detail: string;
}

export function publishingOf(rights: MbRecordingRights | null, creditedArtistIds: readonly string[]): PublishingFacts {
  if (!rights) return { hasPublisher: null, publishers: [], works: 0, detail: "The recording's works were not read from MusicBrainz" };
  const current = [...rights.works.flatMap((work) => work.publishers), ...rights.publishers].filter((publisher) => !publisher.ended);
  const names = unique(current.map((publisher) => publisher.name));
  const works = rights.works.length;
  const some = `${works} work${works === 1 ? '' : 's'}`;
  const credited = new Set(creditedArtistIds);
  const isSelf = (publisher: MbPublisher) => publisher.kind === 'artist' && credited.has(publisher.id);
  const outside = current.filter((publisher) => !isSelf(publisher));
  if (outside.length > 0) return { hasPublisher: true, publishers: names, works, detail: `Published by ${unique(outside.map((p) => p.name)).join(', ')}` };
  if (current.length > 0)
    return { hasPublisher: false, publishers: names, works, detail: `Self-published by ${names.join(', ')}: no publishing administration` };
  if (works === 0) return { hasPublisher: null, publishers: [], works, detail: 'MusicBrainz links no work to the recording' };
  if (rights.works.every((work) => work.relationCount === 0))
    return { hasPublisher: null, publishers: [], works, detail: `The recording's ${some} in MusicBrainz have no writers or publishers documented` };
  return { hasPublisher: false, publishers: [], works, detail: `No publisher on the recording's ${some} in MusicBrainz` };
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
