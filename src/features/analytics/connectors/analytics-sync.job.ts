import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { JobQueueService } from '../../../platform/jobs/job-queue.service.js';
import { SpotifyUnavailableError } from '../../spotify/spotify-client.js';
import type { AnalyticsPlatformName } from '../dto/metrics.dto.js';
import { MetricsIngestionService } from '../ingestion/metrics-ingestion.service.js';
import { ConnectorRegistry } from './platform-connector.js';

export const ANALYTICS_SYNC_QUEUE = 'analytics-sync';
/** Every 6 hours, on the hour (UTC). */
export const ANALYTICS_SYNC_SCHEDULE = '0 */6 * * *';
/** Accounts synced at once: the Spotify client shares one token and waits out 429s for all of them. */
const CONCURRENCY = 4;
/** Failures named in the job's output (the rest are counted). */
const MAX_REPORTED_ERRORS = 20;

export interface AnalyticsSyncResult {
  /** Accounts whose numbers were fetched and stored. */
  synced: number;
  /** Accounts the platform could not answer for (each logged; the first ones listed in `errors`). */
  failed: number;
  /** Accounts on platforms without a configured connector (ingestion-only, or no credentials). */
  skipped: number;
  errors: Array<{ artist_id: string; platform: string; external_id: string; error: string }>;
}

/**
 * Syncs every linked platform account (artist_platform_accounts) whose platform has a configured
 * connector: fetches today's numbers, stores them through upsertDaily (idempotent per day, so a
 * second run on one day refreshes the row) and sets last_sync_at. One account failing never stops
 * the others: failures are counted and listed in the output. The job itself fails only when every
 * attempted account failed because the platform was unavailable (down, or the credentials
 * rejected): that is an outage worth a failed job, not an artist's problem.
 */
@Injectable()
export class AnalyticsSyncJob implements OnModuleInit {
  private readonly logger = new Logger(AnalyticsSyncJob.name);

  constructor(
    private readonly jobs: JobQueueService,
    private readonly prisma: PrismaService,
    private readonly connectors: ConnectorRegistry,
    private readonly ingestion: MetricsIngestionService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ queue: ANALYTICS_SYNC_QUEUE, schedule: ANALYTICS_SYNC_SCHEDULE, expireInSeconds: 3600, handler: () => this.run() });
  }

  async run(): Promise<AnalyticsSyncResult> {
    const accounts = await this.prisma.artistPlatformAccount.findMany({
      select: { artistId: true, platform: true, externalId: true },
      orderBy: [{ lastSyncAt: { sort: 'asc', nulls: 'first' } }, { artistId: 'asc' }],
    });
    const result: AnalyticsSyncResult = { synced: 0, failed: 0, skipped: 0, errors: [] };
    let unavailable = 0;
    const queue = accounts.filter((account) => {
      const usable = this.connectors.get(account.platform as AnalyticsPlatformName)?.configured === true;
      if (!usable) result.skipped++;
      return usable;
    });
    const worker = async () => {
      for (let account = queue.shift(); account; account = queue.shift()) {
        const connector = this.connectors.get(account.platform as AnalyticsPlatformName)!;
        try {
          const rows = await connector.sync(account);
          if (rows.length > 0) await this.ingestion.upsertDaily(account.artistId, rows, connector.source);
          // updateMany: an account unlinked meanwhile is simply not there any more.
          await this.prisma.artistPlatformAccount.updateMany({
            where: { artistId: account.artistId, platform: account.platform, externalId: account.externalId },
            data: { lastSyncAt: new Date() },
          });
          result.synced++;
        } catch (error) {
          result.failed++;
          if (error instanceof SpotifyUnavailableError) unavailable++;
          const message = error instanceof Error ? error.message : String(error);
          this.logger.warn(`Sync of ${account.platform} ${account.externalId} (artist ${account.artistId}) failed: ${message}`);
          if (result.errors.length < MAX_REPORTED_ERRORS) {
            result.errors.push({ artist_id: account.artistId, platform: account.platform, external_id: account.externalId, error: message });
          }
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    if (result.failed > 0 && result.synced === 0 && unavailable === result.failed) {
      throw new Error(`analytics-sync: all ${result.failed} account(s) failed, the platform is unavailable (first: ${result.errors[0]?.error})`);
    }
    this.logger.log(`analytics-sync: ${result.synced} synced, ${result.failed} failed, ${result.skipped} skipped`);
    return result;
  }
}
