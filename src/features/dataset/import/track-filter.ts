/**
 * Bits of the filter: 8 MB, about 2 false positives in a million at a million tracks (more
 * beyond, never wrong). At 2 MB (0.2%), a third of a million-row import's batches held one and
 * went the upsert way.
 */
const BITS = 1 << 26;
const HASHES = 5;

/** 32-bit FNV-1a of a string's UTF-16 code units, from a seed. */
function fnv1a(text: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The track ids an import has written, as a Bloom filter of fixed size: "not seen" is sure (the
 * row can go straight into songs), "maybe seen" is not (it goes the upsert way). A set of a
 * million ids would hold about 60 MB; this holds 8 MB whatever the file's size.
 */
export class TrackFilter {
  private readonly bits = new Uint8Array(BITS / 8);

  add(trackId: string): void {
    const [first, step] = this.hashes(trackId);
    for (let i = 0; i < HASHES; i++) {
      const bit = (first + i * step) % BITS;
      this.bits[bit >>> 3]! |= 1 << (bit & 7);
    }
  }

  /** Whether the filter may have the track (as mayHave), then adds it: one hashing for both. */
  mayHaveThenAdd(trackId: string): boolean {
    const [first, step] = this.hashes(trackId);
    let had = true;
    for (let i = 0; i < HASHES; i++) {
      const bit = (first + i * step) % BITS;
      const mask = 1 << (bit & 7);
      if ((this.bits[bit >>> 3]! & mask) === 0) {
        had = false;
        this.bits[bit >>> 3]! |= mask;
      }
    }
    return had;
  }

  mayHave(trackId: string): boolean {
    const [first, step] = this.hashes(trackId);
    for (let i = 0; i < HASHES; i++) {
      const bit = (first + i * step) % BITS;
      if ((this.bits[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  }

  /** Two independent hashes; the odd step visits distinct bits (double hashing). */
  private hashes(trackId: string): [number, number] {
    return [fnv1a(trackId, 0x811c9dc5), (fnv1a(trackId, 0x050c5d1f) | 1) >>> 0];
  }
}
