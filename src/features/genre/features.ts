import { createHash } from 'node:crypto';

/** What a customer's history says, as the genre model reads it. */
export interface CustomerProfile {
  customerId: number;
  total_spent: number;
  total_tracks_bought: number;
  /** Share of the customer's spending that went to their top genre, 0–1. */
  genre_spending_ratio: number;
  invoice_count: number;
  average_invoice: number;
  /** Days from the last purchase to the store's latest invoice. */
  days_since_last_purchase: number;
  country: string | null;
  state: string | null;
  city: string | null;
  /** The genre they spent most on (the label); null for a customer who bought nothing. */
  topGenre: string | null;
}

/** The model's inputs, in order. */
export const GENRE_FEATURES = [
  'total_spent',
  'total_tracks_bought',
  'genre_spending_ratio',
  'invoice_count',
  'average_invoice',
  'days_since_last_purchase',
  'country',
  'state',
  'city',
] as const;
export type GenreFeature = (typeof GENRE_FEATURES)[number];
export const NUMERIC_GENRE_FEATURES = GENRE_FEATURES.slice(0, 6) as Array<Exclude<GenreFeature, LocationField>>;
export const LOCATION_FIELDS = ['country', 'state', 'city'] as const;
export type LocationField = (typeof LOCATION_FIELDS)[number];

export interface CustomerRow {
  customerId: number;
  country: string | null;
  state: string | null;
  city: string | null;
}
export interface InvoiceRow {
  customerId: number;
  invoiceDate: Date;
  total: number;
}
export interface GenreSpendRow {
  customerId: number;
  genre: string | null;
  spent: number;
  tracks: number;
}

const DAY_MS = 86_400_000;
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * One profile per customer from their invoices and per-genre spending. The top genre is the one
 * with the most spent; ties go to the genre with more tracks bought, then to the name that sorts
 * first, so the label never depends on row order. Tracks without a genre count as "Unknown".
 */
export function buildProfiles(
  customers: CustomerRow[],
  invoices: InvoiceRow[],
  spending: GenreSpendRow[],
  /** "Now" for days since last purchase: the store's latest invoice (by default, the latest given). */
  asOf = new Date(invoices.reduce((latest, invoice) => Math.max(latest, invoice.invoiceDate.getTime()), 0)),
): CustomerProfile[] {
  const invoicesOf = groupBy(invoices, (invoice) => invoice.customerId);
  const spendingOf = groupBy(spending, (row) => row.customerId);
  return customers.map((customer) => {
    const own = invoicesOf.get(customer.customerId) ?? [];
    const genres = (spendingOf.get(customer.customerId) ?? []).map((row) => ({ ...row, genre: row.genre ?? 'Unknown' }));
    const totalSpent = genres.reduce((sum, row) => sum + row.spent, 0);
    const top = [...genres].sort((a, b) => b.spent - a.spent || b.tracks - a.tracks || a.genre.localeCompare(b.genre))[0];
    const last = own.reduce((latest, invoice) => Math.max(latest, invoice.invoiceDate.getTime()), 0);
    return {
      customerId: customer.customerId,
      total_spent: round2(totalSpent),
      total_tracks_bought: genres.reduce((sum, row) => sum + row.tracks, 0),
      genre_spending_ratio: top && totalSpent > 0 ? top.spent / totalSpent : 0,
      invoice_count: own.length,
      average_invoice: own.length > 0 ? round2(own.reduce((sum, invoice) => sum + invoice.total, 0) / own.length) : 0,
      days_since_last_purchase: own.length > 0 ? Math.round((asOf.getTime() - last) / DAY_MS) : 0,
      country: customer.country,
      state: customer.state,
      city: customer.city,
      topGenre: top && totalSpent > 0 ? top.genre : null,
    };
  });
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(row);
  }
  return groups;
}

/** The code of each place seen in training; anything else is "unknown". */
export type LocationEncoding = Record<LocationField, { values: string[]; unknown: number }>;

/** Places by how many customers live there (then by name), each numbered; one more number means "unknown". */
export function fitLocationEncoding(profiles: Array<Pick<CustomerProfile, LocationField>>): LocationEncoding {
  const encode = (field: LocationField) => {
    const counts = new Map<string, number>();
    for (const profile of profiles) {
      const value = normalizePlace(profile[field]);
      if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const values = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value]) => value);
    return { values, unknown: values.length };
  };
  return { country: encode('country'), state: encode('state'), city: encode('city') };
}

/** Case, accents and spacing do not make a new place: "  são paulo" is "São Paulo". */
export function normalizePlace(value: string | null | undefined): string {
  return (value ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-US');
}

export interface EncodedPlace {
  code: number;
  known: boolean;
}

export function encodePlace(encoding: LocationEncoding, field: LocationField, value: string | null | undefined): EncodedPlace {
  const normalized = normalizePlace(value);
  const index = normalized ? encoding[field].values.indexOf(normalized) : -1;
  return index >= 0 ? { code: index, known: true } : { code: encoding[field].unknown, known: !normalized };
}

/** The model's input row for a profile, and which given places were not seen in training. */
export function genreFeatureRow(
  profile: Pick<CustomerProfile, (typeof NUMERIC_GENRE_FEATURES)[number] | LocationField>,
  encoding: LocationEncoding,
): { row: number[]; unseen: LocationField[] } {
  const unseen: LocationField[] = [];
  const places = LOCATION_FIELDS.map((field) => {
    const place = encodePlace(encoding, field, profile[field]);
    if (!place.known) unseen.push(field);
    return place.code;
  });
  return { row: [...NUMERIC_GENRE_FEATURES.map((name) => profile[name]), ...places], unseen };
}

/** Genres with fewer than `minCustomers` customers become "Other", so every class has enough examples. */
export function groupRareGenres(labels: string[], minCustomers: number): { labels: string[]; classes: string[]; grouped: string[] } {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const grouped = [...counts.entries()]
    .filter(([, count]) => count < minCustomers)
    .map(([genre]) => genre)
    .sort();
  const rare = new Set(grouped);
  const mapped = labels.map((label) => (rare.has(label) ? OTHER_GENRE : label));
  const classes = [...new Set(mapped)].sort((a, b) => (a === OTHER_GENRE ? 1 : b === OTHER_GENRE ? -1 : a.localeCompare(b)));
  return { labels: mapped, classes, grouped };
}

export const OTHER_GENRE = 'Other';

/** A digest of the customers' profiles as given (in customer order): equal for stores holding the same data. */
export function profilesDigest(profiles: readonly CustomerProfile[]): string {
  return createHash('sha256').update(JSON.stringify(profiles)).digest('hex');
}
