import { describe, expect, it } from 'vitest';
import { CHINOOK_GENRES, generateDemoStore } from '../../../../src/features/genre/demo/demo-store.js';

describe('generateDemoStore', () => {
  const store = generateDemoStore({ customers: 400, seed: 3 });

  it('is the same store for the same seed', () => {
    expect(generateDemoStore({ customers: 400, seed: 3 }).invoice_line).toEqual(store.invoice_line);
  });

  it('has Chinook’s 25 genres and the customers asked for, in many countries', () => {
    expect(store.genre.map((genre) => genre.name)).toEqual(CHINOOK_GENRES);
    expect(store.customer).toHaveLength(400);
    expect(new Set(store.customer.map((customer) => customer.country)).size).toBeGreaterThan(20);
  });

  it('refers only to rows that exist', () => {
    const ids = (rows: Array<Record<string, unknown>>, key: string) => new Set(rows.map((row) => row[key]));
    const tracks = ids(store.track, 'track_id');
    const invoices = ids(store.invoice, 'invoice_id');
    expect(store.invoice_line.every((line) => tracks.has(line.track_id) && invoices.has(line.invoice_id))).toBe(true);
    expect(store.invoice.every((invoice) => (invoice.customer_id as number) <= 400)).toBe(true);
  });

  it('totals each invoice from its lines', () => {
    const sums = new Map<unknown, number>();
    for (const line of store.invoice_line) sums.set(line.invoice_id, (sums.get(line.invoice_id) ?? 0) + (line.unit_price as number));
    expect(store.invoice.every((invoice) => Math.abs((invoice.total as number) - sums.get(invoice.invoice_id)!) < 0.005)).toBe(true);
  });

  it('gives countries their own tastes (Jamaica’s customers mostly buy reggae)', () => {
    const jamaicans = new Set(store.customer.filter((customer) => customer.country === 'Jamaica').map((customer) => customer.customer_id));
    const genreOf = new Map(store.track.map((track) => [track.track_id, track.genre_id]));
    const invoicesOf = new Map(store.invoice.map((invoice) => [invoice.invoice_id, invoice.customer_id]));
    const bought = store.invoice_line.filter((line) => jamaicans.has(invoicesOf.get(line.invoice_id)));
    const reggae = bought.filter((line) => genreOf.get(line.track_id) === CHINOOK_GENRES.indexOf('Reggae') + 1).length;
    expect(reggae / bought.length).toBeGreaterThan(0.4);
  });
});
