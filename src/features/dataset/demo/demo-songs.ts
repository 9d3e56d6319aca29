/**
 * SYNTHETIC demo songs. Everything this file produces is invented by Encore for demos and
 * tests: the artists, albums, titles, ids and numbers are made up and are NOT real Spotify
 * data. The output only imitates the shape of the Kaggle "Spotify Tracks Dataset" (same
 * columns, Kaggle-style `True`/`False` and `;`-joined artists) and the rough ranges and
 * correlations of its audio features, so that search, import and hit-prediction features can
 * be exercised without shipping third-party data.
 *
 * Generation is deterministic: a small seeded PRNG (mulberry32) with Box–Muller normals, so
 * the same options always give byte-identical CSV.
 */

import { KAGGLE_COLUMNS } from '../import/csv-formats.js';

/** The demo's CSV is in the Kaggle format, so the import reads it as any real Kaggle file. */
export const DEMO_COLUMNS = KAGGLE_COLUMNS;

export type DemoColumn = (typeof DEMO_COLUMNS)[number];

export interface DemoSongOptions {
  /** How many songs (CSV lines after the header). */
  count: number;
  /** PRNG seed, a safe integer; default 42. */
  seed?: number;
}

/** Yields the CSV header line, then one CSV line per song (no trailing newline in each string). */
export function demoSongCsvLines(options: DemoSongOptions): Generator<string> {
  const { count, seed = 42 } = options;
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  return generateLines(count, seed);
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness

class Random {
  private state: number;
  private spare = Number.NaN;

  constructor(seed: number, stream: number) {
    // Fold the (up to 53-bit) seed and a stream number into 32 bits, then scramble it.
    let h = (seed >>> 0) ^ Math.imul(Math.floor(seed / 0x1_0000_0000) >>> 0, 0x85ebca6b) ^ Math.imul(stream, 0xc2b2ae35);
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
    this.state = (h ^ (h >>> 16)) >>> 0;
  }

  /** mulberry32: a uniform 32-bit unsigned integer. */
  uint32(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Uniform element of a non-empty list (one draw, like `int(list.length)`). */
  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.next() * list.length)];
    if (item === undefined) throw new RangeError('cannot pick from an empty list');
    return item;
  }

  /** Standard normal (Box–Muller, the second value is kept for the next call). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const value = this.spare;
      this.spare = Number.NaN;
      return value;
    }
    const u = 1 - this.next(); // (0, 1]
    const radius = Math.sqrt(-2 * Math.log(u));
    const angle = 2 * Math.PI * this.next();
    this.spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }
}

// ---------------------------------------------------------------------------------------------
// Genres and their audio profiles (means on a 0..1 scale unless noted)

interface Genre {
  name: string;
  dance: number;
  energy: number;
  acoustic: number;
  /** Share of songs that are mostly instrumental (instrumentalness well above 0.5). */
  instrumental: number;
  /** Median speechiness. */
  speech: number;
  valence: number;
  tempo: number;
  tempoSd: number;
  /** dB added to the loudness implied by energy. */
  loudness: number;
  explicit: number;
  /** Median duration in ms. */
  duration: number;
  major: number;
  /** Popularity points added for the genre. */
  popularity: number;
  /** The logits of dance, energy, acoustic and valence (features are drawn on that scale). */
  danceLogit: number;
  energyLogit: number;
  acousticLogit: number;
  valenceLogit: number;
}

function genre(
  name: string,
  dance: number,
  energy: number,
  acoustic: number,
  instrumental: number,
  speech: number,
  valence: number,
  tempo: number,
  tempoSd: number,
  loudness: number,
  explicit: number,
  duration: number,
  major: number,
  popularity: number,
): Genre {
  const logits = { danceLogit: logit(dance), energyLogit: logit(energy), acousticLogit: logit(acoustic), valenceLogit: logit(valence) };
  return { name, dance, energy, acoustic, instrumental, speech, valence, tempo, tempoSd, loudness, explicit, duration, major, popularity, ...logits };
}

// prettier-ignore
const GENRES: readonly Genre[] = [
  //     name          dance energy acoust instr speech valence tempo sd  loud  expl  duration major pop
  genre('pop',         0.64, 0.64,  0.22,  0.04, 0.050, 0.52,   118, 24,  0.0, 0.12, 205_000, 0.66,  3),
  genre('rock',        0.52, 0.73,  0.12,  0.08, 0.045, 0.50,   124, 26,  0.0, 0.08, 230_000, 0.70, -1),
  genre('hip-hop',     0.74, 0.64,  0.16,  0.03, 0.200, 0.50,   110, 26,  0.0, 0.55, 200_000, 0.55,  3),
  genre('dance',       0.71, 0.78,  0.08,  0.20, 0.060, 0.52,   125,  4,  0.5, 0.08, 210_000, 0.58,  1),
  genre('r-n-b',       0.66, 0.55,  0.25,  0.05, 0.080, 0.50,   105, 24, -0.5, 0.25, 215_000, 0.55,  1),
  genre('country',     0.58, 0.63,  0.25,  0.02, 0.040, 0.55,   122, 26,  0.0, 0.04, 205_000, 0.85, -2),
  genre('jazz',        0.56, 0.35,  0.65,  0.35, 0.050, 0.48,   115, 28, -3.0, 0.01, 250_000, 0.60, -7),
  genre('classical',   0.32, 0.15,  0.90,  0.80, 0.045, 0.22,   105, 28, -6.0, 0.00, 320_000, 0.65, -10),
  genre('metal',       0.42, 0.90,  0.02,  0.25, 0.070, 0.24,   128, 28,  1.0, 0.15, 260_000, 0.55, -5),
  genre('folk',        0.54, 0.38,  0.70,  0.10, 0.040, 0.45,   115, 26, -2.0, 0.02, 220_000, 0.72, -5),
  genre('latin',       0.72, 0.72,  0.20,  0.03, 0.070, 0.66,   118, 26,  0.0, 0.12, 205_000, 0.62,  4),
  genre('electronic',  0.66, 0.76,  0.08,  0.55, 0.060, 0.40,   126,  5, -0.5, 0.05, 240_000, 0.55, -3),
];

// ---------------------------------------------------------------------------------------------
// Word lists for invented names (any resemblance to real artists or works is accidental)

const FIRST_NAMES = [
  'Mara',
  'Jonah',
  'Elena',
  'Theo',
  'Nina',
  'Felix',
  'Ada',
  'Leo',
  'Iris',
  'Cole',
  'Maya',
  'Otis',
  'Lena',
  'Rafael',
  'Sienna',
  'Hugo',
  'Nora',
  'Milo',
  'Ruby',
  'Jasper',
  'Clara',
  'Isaac',
  'Vera',
  'Dario',
  'June',
  'Oscar',
  'Tessa',
  'Arlo',
  'Freya',
  'Silas',
  'Björn',
  'Zoë',
  'Renée',
  'José',
  'Chloé',
  'Søren',
  'Inès',
  'Mateo',
  'Ana',
  'Yara',
  'Kai',
  'Luca',
  'Amara',
  'Ezra',
  'Noor',
  'Priya',
  'Kenji',
  'Aiko',
  'Tomás',
  'Joaquín',
  'Léa',
  'Wren',
  'Dev',
  'Callum',
];
const LAST_NAMES = [
  'Lind',
  'Hart',
  'Vale',
  'Rivers',
  'Stone',
  'Cross',
  'Moreau',
  'Bell',
  'Quinn',
  'Reyes',
  'Marsh',
  'Fontaine',
  'Novak',
  'Sato',
  'Okafor',
  'Castillo',
  'Wilde',
  'Hayes',
  'Sinclair',
  'Brandt',
  'Ålund',
  'Núñez',
  'Müller',
  'Lefèvre',
  'Åberg',
  'García',
  'Kowalski',
  'Ferreira',
  'Lindqvist',
  'Ashby',
  'Calloway',
  'Monroe',
  'Delacroix',
  'Holm',
  'Serrano',
  'Whitlock',
  'Varga',
  'Ionescu',
  'Rossi',
  'Bauer',
  'Navarro',
  'Ortega',
  'Thorne',
  'Achebe',
  'Mbeki',
  'Halloran',
];
const BAND_NOUNS = [
  'Harbors',
  'Foxes',
  'Lanterns',
  'Wolves',
  'Satellites',
  'Pilots',
  'Echoes',
  'Ravens',
  'Tides',
  'Comets',
  'Strangers',
  'Sparrows',
  'Machines',
  'Violets',
  'Drifters',
  'Giants',
  'Rebels',
  'Shadows',
  'Daughters',
  'Saints',
  'Owls',
  'Arrows',
  'Anchors',
  'Mirrors',
  'Lions',
  'Signals',
  'Orchids',
  'Ghosts',
  'Cowboys',
  'Hearts',
  'Sailors',
  'Dreamers',
];
const HANDLES = [
  'Kestrel',
  'Nova',
  'Pulse',
  'Vortex',
  'Echo',
  'Mantis',
  'Lynx',
  'Orbit',
  'Cobalt',
  'Falcon',
  'Prism',
  'Zephyr',
  'Ember',
  'Onyx',
  'Rook',
  'Static',
  'Halo',
  'Vandal',
  'Quasar',
  'Juno',
  'Raven',
  'Sable',
  'Tundra',
  'Neon',
];
const ADJECTIVES = [
  'Midnight',
  'Golden',
  'Paper',
  'Electric',
  'Silver',
  'Broken',
  'Neon',
  'Velvet',
  'Hollow',
  'Crimson',
  'Quiet',
  'Wild',
  'Summer',
  'Winter',
  'Distant',
  'Burning',
  'Frozen',
  'Secret',
  'Lonely',
  'Bright',
  'Restless',
  'Sleepless',
  'Endless',
  'Blue',
  'Faded',
  'Little',
  'Northern',
  'Southern',
  'Sweet',
  'Bitter',
  'Gentle',
  'Heavy',
  'Sacred',
  'Wicked',
  'Lucky',
  'Easy',
  'Modern',
  'Violet',
  'Amber',
  'Crystal',
  'Cosmic',
  'Empty',
  'Last',
  'Late',
  'Slow',
  'Satin',
  'Paper Thin',
];
const NOUNS = [
  'Static',
  'Hour',
  'Lanterns',
  'Highway',
  'Heart',
  'River',
  'Dreams',
  'Lights',
  'Fire',
  'Rain',
  'Stars',
  'Ocean',
  'City',
  'Garden',
  'Shadows',
  'Mirror',
  'Echo',
  'Horizon',
  'Signal',
  'Thunder',
  'Satellite',
  'Letters',
  'Streets',
  'Skies',
  'Waves',
  'Roses',
  'Wolves',
  'Ghosts',
  'Machine',
  'Paradise',
  'Radio',
  'Sunrise',
  'Sunset',
  'Window',
  'Diamonds',
  'Tides',
  'Island',
  'Season',
  'Parade',
  'Memory',
  'Fever',
  'Gravity',
  'Kingdom',
  'Canyon',
  'Motel',
  'Avenue',
  'Frequency',
  'Daydream',
  'Heartbeat',
  'Silence',
  'Coastline',
  'Carousel',
  'Lullaby',
  'Blossom',
];
const TAILS = ['Again', 'Tonight', 'Forever', 'Anymore', 'Tomorrow', 'Alone', 'Away', 'at Last', 'No More', 'for Now'];
const GERUNDS = [
  'Chasing',
  'Dancing',
  'Falling',
  'Running',
  'Waiting',
  'Dreaming',
  'Driving',
  'Holding',
  'Losing',
  'Finding',
  'Calling',
  'Counting',
  'Burning',
  'Breaking',
  'Drifting',
];
/** Whole titles, some with accents, commas or quotes (so CSV quoting and accent folding get exercised). */
const PHRASES = [
  'Paper Lanterns',
  'Café Lumière',
  'Déjà Vu',
  'Hello, Stranger',
  'Oh, Carolina',
  'Slow Down, Summer',
  'Stay, Stay, Stay',
  'The "Real" Thing',
  'She Said "Maybe"',
  'Señorita del Sol',
  'Niño Bonito',
  'Crème Brûlée',
  'Naïve Hearts',
  'São Paulo Nights',
  'Noël',
  'Résumé',
  'Mañana',
  'Corazón Roto',
  'Ça Va',
  'Zürich Rain',
  'Malmö Skyline',
  'Açaí Summer',
  'Take Me Home',
  'Yes, Maybe, No',
  'One More Time',
  'Call It "Love"',
  'Smörgåsbord',
  'Piñata',
];
const ENSEMBLES = ['Quartet', 'Trio', 'Ensemble', 'Orchestra', 'Sextet', 'Chamber Players'];
const SOLO_PREFIXES = ['Lil', 'Young', 'MC', 'Big'];

// ---------------------------------------------------------------------------------------------
// CSV and number helpers

function csvField(value: string): string {
  return value.includes('"') || value.includes(',') || value.includes('\n') || value.includes('\r') ? `"${value.replaceAll('"', '""')}"` : value;
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

const POWERS_OF_TEN = [1, 10, 100, 1000, 10000] as const;
type Digits = 0 | 1 | 2 | 3 | 4;

/**
 * `String(Math.round(value * 10^digits) / 10^digits)`, built from integers because that is
 * about three times faster than formatting a double (this runs a dozen times per row).
 */
function fixed(value: number, digits: Digits): string {
  const power = POWERS_OF_TEN[digits];
  let scaled = Math.round(value * power);
  if (scaled === 0) return '0';
  let sign = '';
  if (scaled < 0) {
    sign = '-';
    scaled = -scaled;
  }
  const whole = Math.floor(scaled / power);
  let fraction = scaled - whole * power;
  if (fraction === 0) return sign + whole;
  let width = digits;
  while (fraction % 10 === 0) {
    fraction /= 10;
    width--;
  }
  return `${sign}${whole}.${String(fraction).padStart(width, '0')}`;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * 22 base62 characters: 16 random ones (4 per PRNG draw), then 6 that encode a bijective
 * scramble of the row index (62^6 > 2^32), so ids never repeat within a run (up to 2^32 rows).
 */
function trackId(random: Random, index: number, salt: number): string {
  let id = '';
  for (let draw = 0; draw < 4; draw++) {
    let bits = random.uint32();
    for (let i = 0; i < 4; i++) {
      id += BASE62[bits % 62];
      bits = Math.floor(bits / 62);
    }
  }
  let h = (index ^ salt) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  for (let i = 0; i < 6; i++) {
    id += BASE62[h % 62];
    h = Math.floor(h / 62);
  }
  return id;
}

// ---------------------------------------------------------------------------------------------
// Invented catalogue: artists (each with a home genre, a fame and a few albums)

interface Artist {
  name: string;
  /** Home genre: most of the artist's songs are in it. */
  genre: Genre;
  /** Standard-normal "fame": popular artists get more points. */
  fame: number;
  albums: string[];
}

function artistName(random: Random, genreName: string): string {
  const roll = random.next();
  if ((genreName === 'classical' || genreName === 'jazz') && roll < 0.45) {
    return random.chance(0.5) ? `${random.pick(LAST_NAMES)} ${random.pick(ENSEMBLES)}` : `The ${random.pick(LAST_NAMES)} ${random.pick(ENSEMBLES)}`;
  }
  if ((genreName === 'dance' || genreName === 'electronic') && roll < 0.4) return `DJ ${random.pick(HANDLES)}`;
  if (genreName === 'hip-hop' && roll < 0.45) return `${random.pick(SOLO_PREFIXES)} ${random.pick(HANDLES)}`;
  if (roll < 0.5) return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
  if (roll < 0.75) return `The ${random.pick(ADJECTIVES)} ${random.pick(BAND_NOUNS)}`;
  if (roll < 0.85) return `${random.pick(ADJECTIVES)} ${random.pick(BAND_NOUNS)}`;
  if (roll < 0.93) return `${random.pick(FIRST_NAMES)} & the ${random.pick(BAND_NOUNS)}`;
  return random.pick(HANDLES) + (random.chance(0.5) ? '' : ` ${random.pick(NOUNS)}`);
}

function albumName(random: Random, artist: string): string {
  const roll = random.next();
  let name: string;
  if (roll < 0.4) name = `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`;
  else if (roll < 0.55) name = random.pick(NOUNS);
  else if (roll < 0.65) name = `The ${random.pick(NOUNS)} Sessions`;
  else if (roll < 0.75) name = random.pick(PHRASES);
  else if (roll < 0.82) name = artist;
  else if (roll < 0.9) name = `${random.pick(NOUNS)}, Vol. ${2 + random.int(3)}`;
  else name = `${random.pick(GERUNDS)} ${random.pick(NOUNS)}`;
  const extra = random.next();
  if (extra < 0.06) name += ' (Deluxe Edition)';
  else if (extra < 0.1) name += ` (Remastered ${1995 + random.int(30)})`;
  return name;
}

function buildArtists(random: Random, count: number): Artist[] {
  const size = Math.max(1, Math.min(count, 3000, Math.round(3 * Math.sqrt(count))));
  const artists: Artist[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < size; i++) {
    const home = random.pick(GENRES);
    let name = artistName(random, home.name);
    for (let attempt = 0; taken.has(name) && attempt < 50; attempt++) name = artistName(random, home.name);
    if (taken.has(name)) name = `${name} ${i}`;
    taken.add(name);
    const albums: string[] = [];
    const albumCount = 2 + random.int(5);
    for (let a = 0; a < albumCount; a++) albums.push(csvField(albumName(random, name)));
    artists.push({ name, genre: home, fame: random.normal(), albums });
  }
  return artists;
}

/** Skewed pick: low indices (the first artists) get more songs, like real catalogues. */
function pickArtist(random: Random, artists: readonly Artist[]): number {
  const u = random.next();
  return Math.floor(artists.length * u * u);
}

function artistAt(artists: readonly Artist[], index: number): Artist {
  const artist = artists[index];
  if (artist === undefined) throw new RangeError(`no artist ${index} among ${artists.length}`);
  return artist;
}

function trackName(random: Random): string {
  const roll = random.next();
  if (roll < 0.33) return `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`;
  if (roll < 0.45) return `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} ${random.pick(TAILS)}`;
  if (roll < 0.57) return `${random.pick(NOUNS)} of the ${random.pick(NOUNS)}`;
  if (roll < 0.66) return `${random.pick(GERUNDS)} ${random.pick(NOUNS)}`;
  if (roll < 0.72) return `${random.pick(GERUNDS)} in the ${random.pick(NOUNS)}`;
  if (roll < 0.82) return random.pick(NOUNS);
  if (roll < 0.9) return `${random.pick(NOUNS)} ${random.pick(NOUNS)}`;
  return random.pick(PHRASES);
}

// ---------------------------------------------------------------------------------------------
// The rows

function* generateLines(count: number, seed: number): Generator<string> {
  yield DEMO_COLUMNS.join(',');
  if (count === 0) return;

  const catalogueRandom = new Random(seed, 1);
  const artists = buildArtists(catalogueRandom, count);
  const idSalt = catalogueRandom.uint32();
  const random = new Random(seed, 2);

  for (let index = 0; index < count; index++) {
    const id = trackId(random, index, idSalt);

    // Who and what.
    const artistIndex = pickArtist(random, artists);
    const artist = artistAt(artists, artistIndex);
    const g = random.chance(0.88) ? artist.genre : random.pick(GENRES);
    let artistsField = artist.name;
    let title = trackName(random);
    if (random.chance(0.125)) {
      let other = pickArtist(random, artists);
      if (other === artistIndex) other = (other + 1) % artists.length;
      if (other !== artistIndex) {
        const featured = artistAt(artists, other).name;
        artistsField += `;${featured}`;
        if (random.chance(0.3)) title += ` (feat. ${featured})`;
      }
    }
    const versionRoll = random.next();
    const live = versionRoll < 0.025;
    const acousticVersion = !live && versionRoll < 0.035;
    if (live) title += ' - Live';
    else if (acousticVersion) title += ' - Acoustic Version';
    else if (versionRoll < 0.055) title += ' (Remastered)';
    else if (versionRoll < 0.065) title += ' - Radio Edit';
    const album = random.pick(artist.albums);

    // Audio features.
    let energy = sigmoid(g.energyLogit + 0.85 * random.normal());
    if (acousticVersion) energy *= 0.6;
    const dance = sigmoid(g.danceLogit + 0.6 * random.normal());
    const acoustic = acousticVersion ? 0.7 + 0.29 * random.next() : sigmoid(g.acousticLogit - 4.5 * (energy - g.energy) + 1.1 * random.normal());
    const valence = sigmoid(g.valenceLogit + 2.4 * (dance - g.dance) + 1.6 * (energy - g.energy) + 0.75 * random.normal());
    let loudness = -21 + 19 * energy + g.loudness + 2.3 * random.normal();
    if (random.chance(0.01)) loudness -= 15 * random.next(); // the odd very quiet recording
    loudness = Math.max(-45, -Math.log1p(Math.exp(-loudness))); // soft ceiling: approaches 0 dB, never reaches it
    const speechiness = Math.min(0.022 + (g.speech - 0.022) * Math.exp(0.6 * random.normal()), 0.96);
    const liveness = live ? 0.65 + 0.33 * random.next() : clamp(0.13 * Math.exp(0.55 * random.normal()), 0.015, 0.99);
    let instrumental: number;
    if (random.chance(g.instrumental)) instrumental = sigmoid(1.6 + 1.3 * random.normal());
    else if (random.chance(0.45)) instrumental = 0;
    else instrumental = Math.pow(10, -6 + 4.3 * random.next());
    let tempo = g.tempo + g.tempoSd * random.normal();
    if (tempo < 60 || tempo > 200) tempo = g.tempo + g.tempoSd * random.normal(); // one redraw, then clamp
    tempo = clamp(tempo, 60, 200);
    const duration = Math.round(clamp(g.duration * Math.exp(0.28 * random.normal()), 30_000, 900_000));
    const key = random.int(12);
    const mode = random.chance(g.major) ? 1 : 0;
    const signatureRoll = random.next();
    const timeSignature = signatureRoll < 0.885 ? 4 : signatureRoll < 0.965 ? 3 : signatureRoll < 0.99 ? 5 : 1;
    const explicit = random.chance(g.explicit);

    // Popularity: a noisy function of the features (plus genre and the artist's fame).
    const signal =
      58 +
      g.popularity +
      30 * (dance - 0.6) +
      12 * (energy - 0.6) +
      0.9 * (loudness + 7) +
      10 * (valence - 0.5) -
      12 * (acoustic - 0.3) -
      14 * instrumental -
      60 * Math.max(0, speechiness - 0.25) -
      22 * Math.abs(Math.log(duration / 210_000)) -
      12 * Math.max(0, liveness - 0.5) +
      (explicit ? 2 : 0);
    let popularity = Math.round(clamp(signal + 6 * artist.fame + 12 * random.normal(), 0, 100));
    if (random.chance(0.03)) popularity = random.int(5); // delisted or duplicate releases, as in the real data

    yield `${id},${csvField(artistsField)},${album},${csvField(title)},${popularity},${duration},${explicit ? 'True' : 'False'},${fixed(dance, 3)},${fixed(energy, 3)},${key},${fixed(loudness, 3)},${mode},${fixed(speechiness, 4)},${fixed(acoustic, 4)},${fixed(instrumental, 4)},${fixed(liveness, 4)},${fixed(valence, 3)},${fixed(tempo, 3)},${timeSignature},${g.name}`;
  }
}
