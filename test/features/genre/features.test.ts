import { describe, expect, it } from 'vitest';
import {
  buildProfiles,
  encodePlace,
  fitLocationEncoding,
  genreFeatureRow,
  groupRareGenres,
  OTHER_GENRE,
  profilesDigest,
  type CustomerProfile,
} from '../../../src/features/genre/features.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('buildProfiles', () => {
  const customers = [
    { customerId: 1, country: 'Brazil', state: 'SP', city: 'São Paulo' },
    { customerId: 2, country: 'USA', state: 'CA', city: 'Los Angeles' },
    { customerId: 3, country: null, state: null, city: null },
  ];
  const invoices = [
    { customerId: 1, invoiceDate: day('2025-01-01'), total: 3.96 },
    { customerId: 1, invoiceDate: day('2025-03-01'), total: 1.98 },
    { customerId: 2, invoiceDate: day('2025-03-11'), total: 1.98 },
  ];
  const spending = [
    { customerId: 1, genre: 'Latin', spent: 3.96, tracks: 4 },
    { customerId: 1, genre: 'Rock', spent: 1.98, tracks: 2 },
    { customerId: 2, genre: 'Rock', spent: 0.99, tracks: 1 },
    { customerId: 2, genre: 'Jazz', spent: 0.99, tracks: 1 },
  ];

  it('sums spending and tracks, and takes the top genre’s share of spending', () => {
    expect(buildProfiles(customers, invoices, spending)[0]).toEqual({
      customerId: 1,
      total_spent: 5.94,
      total_tracks_bought: 6,
      genre_spending_ratio: expect.closeTo(2 / 3, 10),
      invoice_count: 2,
      average_invoice: 2.97,
      days_since_last_purchase: 10,
      country: 'Brazil',
      state: 'SP',
      city: 'São Paulo',
      topGenre: 'Latin',
    });
  });

  it('breaks a tie in spending by tracks, then by genre name', () => {
    expect(buildProfiles(customers, invoices, spending)[1]!.topGenre).toBe('Jazz');
  });

  it('gives a customer who bought nothing zeros and no label', () => {
    expect(buildProfiles(customers, invoices, spending)[2]).toMatchObject({ total_spent: 0, invoice_count: 0, genre_spending_ratio: 0, topGenre: null });
  });
});

describe('location encoding', () => {
  const encoding = fitLocationEncoding([
    { country: 'USA', state: 'CA', city: 'Los Angeles' },
    { country: 'usa ', state: 'NY', city: 'New York' },
    { country: 'Brazil', state: 'SP', city: 'São Paulo' },
  ]);

  it('numbers places by how many customers live there, case and spaces aside', () => {
    expect(encoding.country).toEqual({ values: ['usa', 'brazil'], unknown: 2 });
  });

  it('reads an unseen place as unknown and flags it; a missing one is unknown without a flag', () => {
    expect([encodePlace(encoding, 'country', 'Atlantis'), encodePlace(encoding, 'country', null), encodePlace(encoding, 'country', ' BRAZIL')]).toEqual([
      { code: 2, known: false },
      { code: 2, known: true },
      { code: 1, known: true },
    ]);
  });

  it('builds the model row in feature order and names the unseen places', () => {
    const profile = {
      total_spent: 10,
      total_tracks_bought: 10,
      genre_spending_ratio: 0.5,
      invoice_count: 2,
      average_invoice: 5,
      days_since_last_purchase: 3,
      country: 'USA',
      state: 'TX',
      city: null,
    };
    expect(genreFeatureRow(profile, encoding)).toEqual({ row: [10, 10, 0.5, 2, 5, 3, 0, 3, 3], unseen: ['state'] });
  });
});

describe('groupRareGenres', () => {
  it('groups genres with too few customers as Other, listed last', () => {
    expect(groupRareGenres(['Rock', 'Rock', 'Jazz', 'Latin', 'Latin', 'Opera'], 2)).toEqual({
      labels: ['Rock', 'Rock', OTHER_GENRE, 'Latin', 'Latin', OTHER_GENRE],
      classes: ['Latin', 'Rock', OTHER_GENRE],
      grouped: ['Jazz', 'Opera'],
    });
  });
});

describe('profilesDigest', () => {
  const customer = (overrides: Partial<CustomerProfile> = {}): CustomerProfile => ({
    customerId: 1,
    total_spent: 39.62,
    total_tracks_bought: 38,
    genre_spending_ratio: 0.5,
    invoice_count: 7,
    average_invoice: 5.66,
    days_since_last_purchase: 12,
    country: 'Brazil',
    state: 'SP',
    city: 'São Paulo',
    topGenre: 'Rock',
    ...overrides,
  });

  it('is the same for the same customers, and differs when one purchase or one label differs', () => {
    const store = [customer(), customer({ customerId: 2, topGenre: 'Metal' })];
    expect(profilesDigest(store)).toBe(profilesDigest(structuredClone(store)));
    expect(profilesDigest([customer({ total_spent: 40.61 }), store[1]!])).not.toBe(profilesDigest(store));
    expect(profilesDigest([store[0]!, customer({ customerId: 2, topGenre: 'Rock' })])).not.toBe(profilesDigest(store));
  });
});
