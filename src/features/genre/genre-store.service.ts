import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../platform/database/prisma.service.js';
import { ChinookImportService, type StoreOrigin } from './chinook/chinook-import.service.js';
import { buildProfiles, type CustomerProfile, type GenreSpendRow } from './features.js';

/** The store's customers as the genre model sees them, read from schema chinook. */
@Injectable()
export class GenreStoreService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly chinook: ChinookImportService,
  ) {}

  /** Every customer's profile (customers who bought nothing have no top genre). */
  async profiles(customerId?: number): Promise<CustomerProfile[]> {
    const where = customerId === undefined ? {} : { customerId };
    const [customers, invoices, spending, latest] = await Promise.all([
      this.prisma.chinookCustomer.findMany({ where, select: { customerId: true, country: true, state: true, city: true }, orderBy: { customerId: 'asc' } }),
      this.prisma.chinookInvoice.findMany({ where, select: { customerId: true, invoiceDate: true, total: true } }),
      this.spending(customerId),
      // The store's latest invoice sets "now" for days since last purchase, whoever is asked about.
      this.prisma.chinookInvoice.aggregate({ _max: { invoiceDate: true } }),
    ]);
    const asOf = latest._max.invoiceDate ?? new Date(0);
    return buildProfiles(
      customers,
      invoices.map((invoice) => ({ ...invoice, total: Number(invoice.total) })),
      spending,
      asOf,
    );
  }

  async customer(customerId: number) {
    return this.prisma.chinookCustomer.findUnique({
      where: { customerId },
      select: { customerId: true, firstName: true, lastName: true, city: true, state: true, country: true },
    });
  }

  origin(): Promise<StoreOrigin | null> {
    return this.chinook.origin();
  }

  /** Spent and tracks bought per customer and genre: an aggregate PostgreSQL does best. */
  private spending(customerId?: number): Promise<GenreSpendRow[]> {
    return this.prisma.$queryRaw<GenreSpendRow[]>`
      SELECT i.customer_id AS "customerId", g.name AS genre,
             sum(il.unit_price * il.quantity)::float AS spent, sum(il.quantity)::int AS tracks
      FROM chinook.invoice_line il
      JOIN chinook.invoice i ON i.invoice_id = il.invoice_id
      JOIN chinook.track t ON t.track_id = il.track_id
      LEFT JOIN chinook.genre g ON g.genre_id = t.genre_id
      WHERE ${customerId ?? null}::int IS NULL OR i.customer_id = ${customerId ?? null}::int
      GROUP BY i.customer_id, g.name`;
  }
}
