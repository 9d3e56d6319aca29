import { Random } from '../../../ml/random.js';
import type { ChinookRows } from '../chinook/chinook-import.service.js';

/**
 * A synthetic music store in the Chinook schema: thousands of customers in many countries whose
 * purchases follow their own genre taste (drawn from their country's tastes), so a genre model
 * has something to learn on a fresh install. Names and places are invented or generic; no row
 * is a real person. Deterministic for a given seed.
 */
export interface DemoStoreOptions {
  customers: number;
  seed?: number;
}

/** Chinook's 25 genres, with their ids. */
export const CHINOOK_GENRES = [
  'Rock',
  'Jazz',
  'Metal',
  'Alternative & Punk',
  'Rock And Roll',
  'Blues',
  'Latin',
  'Reggae',
  'Pop',
  'Soundtrack',
  'Bossa Nova',
  'Easy Listening',
  'Heavy Metal',
  'R&B/Soul',
  'Electronica/Dance',
  'World',
  'Hip Hop/Rap',
  'Science Fiction',
  'TV Shows',
  'Sci Fi & Fantasy',
  'Drama',
  'Comedy',
  'Alternative',
  'Classical',
  'Opera',
];
const MEDIA_TYPES = ['MPEG audio file', 'Protected AAC audio file', 'Protected MPEG-4 video file', 'Purchased AAC audio file', 'AAC audio file'];
const VIDEO_GENRES = new Set(['TV Shows', 'Science Fiction', 'Sci Fi & Fantasy', 'Drama', 'Comedy']);

/** Genre weights everywhere, before a country's own taste. */
const GLOBAL_TASTE: Record<string, number> = {
  Rock: 10,
  Metal: 4,
  'Alternative & Punk': 4,
  Latin: 3,
  Jazz: 2.5,
  Blues: 1.5,
  Pop: 3,
  'Hip Hop/Rap': 2.5,
  'R&B/Soul': 2,
  'Electronica/Dance': 2,
  Classical: 2,
  Reggae: 1,
  'Easy Listening': 0.8,
  World: 1,
  Soundtrack: 1,
  Alternative: 1.5,
  'Bossa Nova': 0.5,
  'Heavy Metal': 0.8,
  'Rock And Roll': 0.6,
  Opera: 0.3,
  'TV Shows': 0.8,
  Drama: 0.5,
  Comedy: 0.4,
  'Sci Fi & Fantasy': 0.4,
  'Science Fiction': 0.3,
};

/**
 * How fans of a genre buy: invoices over the five years, tracks per invoice, and how much of
 * their buying goes to the genre. Collectors of classical or jazz buy whole albums now and then;
 * pop and hip hop fans buy single tracks often; so spending says something about taste.
 */
interface Habits {
  invoices: [number, number];
  basket: [number, number];
  loyalty: [number, number];
}
const DEFAULT_HABITS: Habits = { invoices: [3, 12], basket: [2, 7], loyalty: [0.45, 0.8] };
const HABITS: Record<string, Habits> = {
  Classical: { invoices: [1, 5], basket: [8, 16], loyalty: [0.7, 0.95] },
  Opera: { invoices: [1, 4], basket: [8, 14], loyalty: [0.7, 0.95] },
  Jazz: { invoices: [2, 7], basket: [6, 12], loyalty: [0.6, 0.9] },
  'Bossa Nova': { invoices: [2, 6], basket: [4, 10], loyalty: [0.6, 0.9] },
  'Hip Hop/Rap': { invoices: [12, 30], basket: [1, 3], loyalty: [0.5, 0.85] },
  Pop: { invoices: [14, 32], basket: [1, 3], loyalty: [0.4, 0.75] },
  'R&B/Soul': { invoices: [10, 24], basket: [1, 4], loyalty: [0.45, 0.8] },
  'Electronica/Dance': { invoices: [16, 36], basket: [1, 2], loyalty: [0.55, 0.9] },
  Metal: { invoices: [6, 16], basket: [5, 12], loyalty: [0.7, 0.95] },
  'Heavy Metal': { invoices: [5, 14], basket: [5, 12], loyalty: [0.7, 0.95] },
  Rock: { invoices: [4, 14], basket: [3, 9], loyalty: [0.4, 0.75] },
  'Alternative & Punk': { invoices: [6, 18], basket: [2, 6], loyalty: [0.5, 0.85] },
  Latin: { invoices: [10, 26], basket: [2, 5], loyalty: [0.55, 0.9] },
  Reggae: { invoices: [4, 12], basket: [3, 8], loyalty: [0.6, 0.9] },
  World: { invoices: [3, 9], basket: [4, 10], loyalty: [0.5, 0.85] },
  Soundtrack: { invoices: [2, 8], basket: [4, 10], loyalty: [0.5, 0.8] },
  'TV Shows': { invoices: [3, 10], basket: [2, 6], loyalty: [0.6, 0.9] },
};
/** A country's own taste counts this much more than the world's. */
const LOCAL_TASTE = 4;

interface Country {
  name: string;
  weight: number;
  /** Extra weight for the genres this country likes. */
  taste: Record<string, number>;
  places: Array<[state: string | null, city: string]>;
}

const COUNTRIES: Country[] = [
  {
    name: 'USA',
    weight: 14,
    taste: { 'Hip Hop/Rap': 8, 'R&B/Soul': 6, Rock: 6, Pop: 4 },
    places: [
      ['CA', 'Los Angeles'],
      ['NY', 'New York'],
      ['TX', 'Austin'],
      ['IL', 'Chicago'],
      ['WA', 'Seattle'],
      ['FL', 'Miami'],
    ],
  },
  {
    name: 'Canada',
    weight: 6,
    taste: { Rock: 6, 'Alternative & Punk': 5, Pop: 3 },
    places: [
      ['ON', 'Toronto'],
      ['QC', 'Montréal'],
      ['BC', 'Vancouver'],
      ['AB', 'Calgary'],
    ],
  },
  {
    name: 'Brazil',
    weight: 6,
    taste: { Latin: 14, 'Bossa Nova': 8, Rock: 2 },
    places: [
      ['SP', 'São Paulo'],
      ['RJ', 'Rio de Janeiro'],
      ['DF', 'Brasília'],
      ['MG', 'Belo Horizonte'],
    ],
  },
  {
    name: 'Argentina',
    weight: 3,
    taste: { Latin: 12, Rock: 4 },
    places: [
      [null, 'Buenos Aires'],
      [null, 'Córdoba'],
      [null, 'Rosario'],
    ],
  },
  {
    name: 'Mexico',
    weight: 4,
    taste: { Latin: 14, Pop: 3 },
    places: [
      [null, 'Ciudad de México'],
      [null, 'Guadalajara'],
      [null, 'Monterrey'],
    ],
  },
  {
    name: 'Chile',
    weight: 2,
    taste: { Latin: 10, Rock: 4 },
    places: [
      [null, 'Santiago'],
      [null, 'Valparaíso'],
    ],
  },
  {
    name: 'United Kingdom',
    weight: 6,
    taste: { 'Alternative & Punk': 8, 'Electronica/Dance': 5, Rock: 5 },
    places: [
      [null, 'London'],
      [null, 'Manchester'],
      [null, 'Edinburgh'],
      [null, 'Bristol'],
    ],
  },
  {
    name: 'Ireland',
    weight: 2,
    taste: { Rock: 5, World: 4, 'Alternative & Punk': 3 },
    places: [
      ['Dublin', 'Dublin'],
      [null, 'Cork'],
    ],
  },
  {
    name: 'Germany',
    weight: 6,
    taste: { Metal: 10, 'Electronica/Dance': 6, Classical: 3 },
    places: [
      [null, 'Berlin'],
      [null, 'Hamburg'],
      [null, 'München'],
      [null, 'Köln'],
      [null, 'Stuttgart'],
    ],
  },
  {
    name: 'Austria',
    weight: 2,
    taste: { Classical: 10, Opera: 4 },
    places: [
      [null, 'Wien'],
      [null, 'Salzburg'],
    ],
  },
  {
    name: 'France',
    weight: 5,
    taste: { Jazz: 8, 'Electronica/Dance': 5, Pop: 3 },
    places: [
      [null, 'Paris'],
      [null, 'Lyon'],
      [null, 'Marseille'],
      [null, 'Bordeaux'],
    ],
  },
  {
    name: 'Italy',
    weight: 3,
    taste: { Opera: 6, Classical: 6, Pop: 4 },
    places: [
      [null, 'Roma'],
      [null, 'Milano'],
      [null, 'Napoli'],
    ],
  },
  {
    name: 'Spain',
    weight: 3,
    taste: { Latin: 6, Pop: 5, Rock: 3 },
    places: [
      [null, 'Madrid'],
      [null, 'Barcelona'],
      [null, 'Sevilla'],
    ],
  },
  {
    name: 'Portugal',
    weight: 2,
    taste: { World: 6, Latin: 4 },
    places: [
      [null, 'Lisboa'],
      [null, 'Porto'],
    ],
  },
  {
    name: 'Netherlands',
    weight: 2,
    taste: { 'Electronica/Dance': 12 },
    places: [
      ['VV', 'Amsterdam'],
      [null, 'Rotterdam'],
    ],
  },
  {
    name: 'Belgium',
    weight: 2,
    taste: { 'Electronica/Dance': 6, Jazz: 4 },
    places: [
      [null, 'Brussels'],
      [null, 'Antwerpen'],
    ],
  },
  {
    name: 'Sweden',
    weight: 2,
    taste: { Metal: 8, Pop: 6 },
    places: [
      [null, 'Stockholm'],
      [null, 'Göteborg'],
    ],
  },
  {
    name: 'Norway',
    weight: 2,
    taste: { Metal: 12, 'Heavy Metal': 4 },
    places: [
      [null, 'Oslo'],
      [null, 'Bergen'],
    ],
  },
  {
    name: 'Finland',
    weight: 2,
    taste: { Metal: 12, 'Heavy Metal': 5 },
    places: [
      [null, 'Helsinki'],
      [null, 'Tampere'],
    ],
  },
  {
    name: 'Denmark',
    weight: 1.5,
    taste: { Pop: 5, Jazz: 4 },
    places: [
      [null, 'Copenhagen'],
      [null, 'Aarhus'],
    ],
  },
  {
    name: 'Poland',
    weight: 2,
    taste: { Metal: 5, Classical: 5 },
    places: [
      [null, 'Warszawa'],
      [null, 'Kraków'],
    ],
  },
  {
    name: 'Czech Republic',
    weight: 1.5,
    taste: { Classical: 6, Rock: 4 },
    places: [
      [null, 'Prague'],
      [null, 'Brno'],
    ],
  },
  { name: 'Hungary', weight: 1, taste: { Classical: 5, World: 3 }, places: [[null, 'Budapest']] },
  {
    name: 'Jamaica',
    weight: 1,
    taste: { Reggae: 20 },
    places: [
      [null, 'Kingston'],
      [null, 'Montego Bay'],
    ],
  },
  {
    name: 'India',
    weight: 3,
    taste: { World: 10, Soundtrack: 8 },
    places: [
      [null, 'Delhi'],
      [null, 'Bangalore'],
      [null, 'Mumbai'],
    ],
  },
  {
    name: 'Japan',
    weight: 3,
    taste: { Soundtrack: 8, Jazz: 5, 'Electronica/Dance': 4 },
    places: [
      [null, 'Tokyo'],
      [null, 'Osaka'],
      [null, 'Sapporo'],
    ],
  },
  {
    name: 'South Korea',
    weight: 2,
    taste: { Pop: 12, 'Hip Hop/Rap': 4 },
    places: [
      [null, 'Seoul'],
      [null, 'Busan'],
    ],
  },
  {
    name: 'Australia',
    weight: 3,
    taste: { Rock: 6, 'Alternative & Punk': 5 },
    places: [
      ['NSW', 'Sydney'],
      ['VIC', 'Melbourne'],
      ['QLD', 'Brisbane'],
    ],
  },
  {
    name: 'New Zealand',
    weight: 1,
    taste: { Rock: 5, Reggae: 4 },
    places: [
      [null, 'Auckland'],
      [null, 'Wellington'],
    ],
  },
  {
    name: 'South Africa',
    weight: 1.5,
    taste: { World: 8, Jazz: 4 },
    places: [
      [null, 'Johannesburg'],
      [null, 'Cape Town'],
    ],
  },
  {
    name: 'Nigeria',
    weight: 1.5,
    taste: { World: 8, 'Hip Hop/Rap': 5 },
    places: [
      [null, 'Lagos'],
      [null, 'Abuja'],
    ],
  },
];

const FIRST = [
  'Ana',
  'Ben',
  'Carla',
  'Dario',
  'Eva',
  'Felix',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Kira',
  'Luca',
  'Maya',
  'Nils',
  'Olga',
  'Pablo',
  'Quinn',
  'Rosa',
  'Sami',
  'Tara',
  'Uma',
  'Viktor',
  'Wen',
  'Yara',
  'Zoe',
];
const LAST = [
  'Almeida',
  'Brandt',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Hansen',
  'Ito',
  'Jansen',
  'Kowalski',
  'Larsen',
  'Moreau',
  'Novak',
  'Okafor',
  'Pereira',
  'Quist',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Ueda',
  'Varga',
  'Weber',
  'Xu',
  'Young',
];
const WORDS = [
  'Midnight',
  'Echo',
  'Velvet',
  'Neon',
  'River',
  'Glass',
  'Silver',
  'Paper',
  'Golden',
  'Hollow',
  'Electric',
  'Quiet',
  'Wild',
  'Lunar',
  'Crimson',
  'Northern',
  'Broken',
  'Sunday',
  'Static',
  'Ocean',
];
const THINGS = [
  'Lights',
  'Hearts',
  'Roads',
  'Dreams',
  'Signals',
  'Tides',
  'Shadows',
  'Machines',
  'Gardens',
  'Skies',
  'Stories',
  'Wolves',
  'Rooms',
  'Letters',
  'Engines',
];

const START = Date.UTC(2021, 0, 1);
const DAY = 86_400_000;
const SPAN_DAYS = 5 * 365;

function pickWeighted<T>(random: Random, items: T[], weight: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let threshold = random.next() * total;
  for (const item of items) {
    threshold -= weight(item);
    if (threshold < 0) return item;
  }
  return items[items.length - 1]!;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[random.nextInt(items.length)]!;

export function generateDemoStore({ customers: customerCount, seed = 7 }: DemoStoreOptions): Required<ChinookRows> {
  const random = new Random(seed);
  const genre = CHINOOK_GENRES.map((name, i) => ({ genre_id: i + 1, name }));
  const media_type = MEDIA_TYPES.map((name, i) => ({ media_type_id: i + 1, name }));

  const artist = Array.from({ length: 400 }, (_, i) => ({
    artist_id: i + 1,
    name: `${pick(random, WORDS)} ${pick(random, THINGS)}${i >= 300 ? ` ${i}` : ''}`,
  }));
  // Each album has one genre; weights follow world-wide taste so catalogues look like a store's.
  const album: Array<{ album_id: number; title: string; artist_id: number; genre: number }> = [];
  for (let i = 0; i < 900; i++) {
    const albumGenre = i < genre.length ? i + 1 : pickWeighted(random, genre, (g) => GLOBAL_TASTE[g.name] ?? 1).genre_id;
    album.push({ album_id: i + 1, title: `${pick(random, WORDS)} ${pick(random, THINGS)}`, artist_id: pick(random, artist).artist_id, genre: albumGenre });
  }
  const track: Array<Record<string, unknown>> = [];
  const tracksByGenre = new Map<number, Array<{ id: number; price: number }>>();
  for (const { album_id, genre: genreId } of album) {
    const video = VIDEO_GENRES.has(CHINOOK_GENRES[genreId - 1]!);
    for (let n = 0, count = 6 + random.nextInt(9); n < count; n++) {
      const id = track.length + 1;
      const price = video ? 1.99 : 0.99;
      track.push({
        track_id: id,
        name: `${pick(random, WORDS)} ${pick(random, THINGS)}`,
        album_id,
        media_type_id: video ? 3 : 1 + random.nextInt(2) * (random.next() < 0.5 ? 1 : 3),
        genre_id: genreId,
        composer: random.next() < 0.6 ? `${pick(random, FIRST)} ${pick(random, LAST)}` : null,
        milliseconds: video ? 1_200_000 + random.nextInt(2_400_000) : 120_000 + random.nextInt(300_000),
        bytes: 2_000_000 + random.nextInt(10_000_000),
        unit_price: price,
      });
      if (!tracksByGenre.has(genreId)) tracksByGenre.set(genreId, []);
      tracksByGenre.get(genreId)!.push({ id, price });
    }
  }

  const employee = Array.from({ length: 8 }, (_, i) => ({
    employee_id: i + 1,
    last_name: pick(random, LAST),
    first_name: pick(random, FIRST),
    title: i === 0 ? 'General Manager' : i < 3 ? 'Sales Manager' : 'Sales Support Agent',
    reports_to: i === 0 ? null : i < 3 ? 1 : 2 + (i % 2),
    birth_date: new Date(Date.UTC(1965 + random.nextInt(30), random.nextInt(12), 1 + random.nextInt(28))).toISOString(),
    hire_date: new Date(Date.UTC(2015 + random.nextInt(6), random.nextInt(12), 1 + random.nextInt(28))).toISOString(),
    city: 'Calgary',
    state: 'AB',
    country: 'Canada',
    email: `staff${i + 1}@store.example.com`,
  }));

  const customer: Array<Record<string, unknown>> = [];
  const invoice: Array<Record<string, unknown>> = [];
  const invoice_line: Array<Record<string, unknown>> = [];
  for (let c = 1; c <= customerCount; c++) {
    const country = pickWeighted(random, COUNTRIES, (entry) => entry.weight);
    const [state, city] = pick(random, country.places);
    const taste = (g: { name: string }) => (GLOBAL_TASTE[g.name] ?? 1) + LOCAL_TASTE * (country.taste[g.name] ?? 0);
    const favourite = pickWeighted(random, genre, taste).genre_id;
    const habits = HABITS[CHINOOK_GENRES[favourite - 1]!] ?? DEFAULT_HABITS;
    const between = ([low, high]: [number, number]) => low + random.next() * (high - low);
    const loyalty = between(habits.loyalty);
    const invoices = Math.round(between(habits.invoices));
    const [basketLow, basketHigh] = habits.basket;
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    customer.push({
      customer_id: c,
      first_name: first,
      last_name: last,
      company: random.next() < 0.15 ? `${pick(random, WORDS)} ${pick(random, THINGS)} Ltd.` : null,
      address: `${1 + random.nextInt(400)} ${pick(random, WORDS)} Street`,
      city,
      state,
      country: country.name,
      postal_code: String(10000 + random.nextInt(89999)),
      email: `${first}.${last}.${c}@example.com`
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^\w.@-]/g, ''),
      support_rep_id: 4 + random.nextInt(5),
    });
    const firstDay = random.nextInt(SPAN_DAYS - 30);
    for (let n = 0; n < invoices; n++) {
      const invoiceId = invoice.length + 1;
      let total = 0;
      for (let line = 0, lines = basketLow + random.nextInt(basketHigh - basketLow + 1); line < lines; line++) {
        const genreId = random.next() < loyalty ? favourite : pickWeighted(random, genre, taste).genre_id;
        const chosen = pick(random, tracksByGenre.get(genreId)!);
        total += chosen.price;
        invoice_line.push({ invoice_line_id: invoice_line.length + 1, invoice_id: invoiceId, track_id: chosen.id, unit_price: chosen.price, quantity: 1 });
      }
      const day = firstDay + random.nextInt(SPAN_DAYS - firstDay);
      invoice.push({
        invoice_id: invoiceId,
        customer_id: c,
        invoice_date: new Date(START + day * DAY).toISOString(),
        billing_address: customer[c - 1]!.address,
        billing_city: city,
        billing_state: state,
        billing_country: country.name,
        billing_postal_code: customer[c - 1]!.postal_code,
        total: Math.round(total * 100) / 100,
      });
    }
  }

  const playlist = [
    'Music',
    'Movies',
    'TV Shows',
    'Audiobooks',
    '90’s Music',
    'Grunge',
    'Classical',
    'Brazilian Music',
    'Heavy Metal Classic',
    'On-The-Go',
  ].map((name, i) => ({ playlist_id: i + 1, name }));
  const playlistTrack = new Set<string>();
  const playlist_track: Array<Record<string, unknown>> = [];
  for (const { playlist_id } of playlist) {
    for (let n = 0; n < 60; n++) {
      const trackId = 1 + random.nextInt(track.length);
      if (playlistTrack.has(`${playlist_id}:${trackId}`)) continue;
      playlistTrack.add(`${playlist_id}:${trackId}`);
      playlist_track.push({ playlist_id, track_id: trackId });
    }
  }

  return {
    genre,
    media_type,
    artist,
    album: album.map(({ genre: _, ...row }) => row),
    track,
    employee,
    customer,
    invoice,
    invoice_line,
    playlist,
    playlist_track,
  };
}
