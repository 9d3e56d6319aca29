import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { AppConfig } from '../config/app-config.js';
import { PrismaClient } from '../../generated/prisma/client.js';
import { DATABASE_URL } from './database.tokens.js';
import { SequentialClient } from './sequential-client.js';

/** The one Prisma client of the app, on a pg pool that survives database restarts. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  private static readonly logger = new Logger('Database');

  readonly pool: pg.Pool;

  constructor(@Inject(DATABASE_URL) url: string, config: AppConfig) {
    const pool = new pg.Pool({
      connectionString: url,
      max: config.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: config.DATABASE_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      application_name: 'encore',
      Client: SequentialClient,
    });
    // An idle connection dropped by a restarting server must not crash the process:
    // the pool discards it and opens a new one on the next query.
    pool.on('error', (error) => PrismaService.logger.warn(`Idle database connection lost: ${error.message}`));
    super({ adapter: new PrismaPg(pool) });
    this.pool = pool;
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    await this.pool.end().catch(() => undefined);
  }
}
