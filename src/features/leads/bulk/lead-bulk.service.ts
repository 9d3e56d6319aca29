import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { JobQueueService } from '../../../platform/jobs/job-queue.service.js';
import { LeadAnalysisService } from '../analysis/lead-analysis.service.js';

export const LEADS_BULK_QUEUE = 'leads-bulk';

export interface BulkOptions {
  batchSize: number;
  includeYoutube: boolean;
  forceRefresh: boolean;
}

/** GET /api/jobs/:id's `progress` of a bulk analysis. */
export interface BulkProgress {
  total: number;
  done: number;
  failed: number;
  pending: number;
  /** The failed ISRCs with their reasons (the first 100). */
  failures: Array<{ isrc: string; error: string }>;
}

/** A job may run this long (10,000 ISRCs at MusicBrainz's 1 request per second take hours). */
const BULK_JOB_SECONDS = 23 * 3600;
const LISTED_FAILURES = 100;

/**
 * Bulk ISRC analysis as a background job of the shared queue: the ISRCs are stored as the job's
 * items (lead_job_items) before the job is queued, and the worker analyses the pending ones,
 * `batchSize` at a time, recording each result. A job retried after a crash resumes where it
 * stopped: done items are not asked again.
 */
@Injectable()
export class LeadBulkService implements OnModuleInit {
  private readonly logger = new Logger(LeadBulkService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobQueueService,
    private readonly analysis: LeadAnalysisService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      queue: LEADS_BULK_QUEUE,
      schedule: null,
      policy: 'standard',
      expireInSeconds: BULK_JOB_SECONDS,
      retryLimit: 2,
      handler: (data, job) => this.run(job.id, data as unknown as BulkOptions),
      progress: (jobId) => this.progress(jobId),
    });
  }

  /** Queues the analysis of `isrcs` (normalized, distinct) for the account `requestedBy`; returns the job's id. */
  async queue(isrcs: readonly string[], options: BulkOptions, requestedBy: string): Promise<string> {
    const jobId = randomUUID();
    await this.prisma.leadJobItem.createMany({ data: isrcs.map((isrc, position) => ({ jobId, position, isrc })) });
    try {
      await this.jobs.send(LEADS_BULK_QUEUE, { ...options, total: isrcs.length }, { id: jobId, requestedBy });
    } catch (error) {
      await this.prisma.leadJobItem.deleteMany({ where: { jobId } });
      throw error;
    }
    return jobId;
  }

  async progress(jobId: string): Promise<BulkProgress> {
    const [counts, failures] = await Promise.all([
      this.prisma.leadJobItem.groupBy({ by: ['status'], where: { jobId }, _count: { _all: true } }),
      this.prisma.leadJobItem.findMany({
        where: { jobId, status: 'failed' },
        orderBy: { position: 'asc' },
        take: LISTED_FAILURES,
        select: { isrc: true, error: true },
      }),
    ]);
    const count = (status: string) => counts.find((row) => row.status === status)?._count._all ?? 0;
    const [done, failed, pending] = [count('done'), count('failed'), count('pending')];
    return { total: done + failed + pending, done, failed, pending, failures: failures.map((item) => ({ isrc: item.isrc, error: item.error ?? 'failed' })) };
  }

  /** Analyses the job's pending items, `batchSize` at a time; answers the final counts. */
  private async run(jobId: string, options: BulkOptions): Promise<Omit<BulkProgress, 'failures'>> {
    const items = await this.prisma.leadJobItem.findMany({
      where: { jobId, status: 'pending' },
      orderBy: { position: 'asc' },
      select: { position: true, isrc: true },
    });
    this.logger.log(`Bulk analysis ${jobId}: ${items.length} ISRC(s) to analyse`);
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const item = items[next++]!;
        await this.analyseItem(jobId, item.position, item.isrc, options);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.batchSize, items.length)) }, worker));
    const { total, done, failed, pending } = await this.progress(jobId);
    return { total, done, failed, pending };
  }

  private async analyseItem(jobId: string, position: number, isrc: string, options: BulkOptions): Promise<void> {
    const where = { jobId_position: { jobId, position } };
    try {
      const analysis = await this.analysis.analyze(isrc, { saveToDb: true, includeYoutube: options.includeYoutube, forceRefresh: options.forceRefresh });
      await this.prisma.leadJobItem.update({ where, data: { status: 'done', artistId: analysis.artistId, error: null, finishedAt: new Date() } });
    } catch (error) {
      // One ISRC's failure (unknown, sources down, a bug) is that item's result, not the job's.
      const message = error instanceof Error ? error.message : String(error);
      await this.prisma.leadJobItem.update({ where, data: { status: 'failed', error: message.slice(0, 1000), finishedAt: new Date() } });
    }
  }
}
