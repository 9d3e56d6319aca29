import { Injectable, Logger } from '@nestjs/common';
import { ChinookImportService } from '../chinook/chinook-import.service.js';
import type { ChinookCounts } from '../chinook/chinook-tables.js';
import { generateDemoStore } from './demo-store.js';

/** Customers of the demo store `import-chinook --demo` generates unless told otherwise. */
export const DEMO_STORE_CUSTOMERS = 3000;

/** Fills schema chinook with Encore's synthetic demo store, only when asked (the first start imports the real Chinook sample). */
@Injectable()
export class DemoStoreService {
  private readonly logger = new Logger('Chinook');

  constructor(private readonly chinook: ChinookImportService) {}

  async import(customers = DEMO_STORE_CUSTOMERS, seed?: number): Promise<ChinookCounts> {
    const counts = await this.chinook.importRows(generateDemoStore({ customers, seed }), {
      source: `Encore demo store (${customers.toLocaleString('en-US')} synthetic customers)`,
      synthetic: true,
    });
    this.logger.log(
      `Filled the demo store: ${counts.customer.toLocaleString('en-US')} customers, ${counts.invoice_line.toLocaleString('en-US')} invoice lines`,
    );
    return counts;
  }
}
