import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobQueueService } from '../../../platform/jobs/job-queue.service.js';
import { SpotifyConnectionsService, type RefreshRunResult } from './spotify-connections.service.js';

export const TOKEN_REFRESH_QUEUE = 'analytics-token-refresh';
/** Hourly: with a 90-minute window, every token is refreshed 30+ minutes before it expires. */
export const TOKEN_REFRESH_SCHEDULE = '0 * * * *';

/**
 * Refreshes connected accounts' OAuth tokens before they expire (Spotify's live an hour). Output:
 * {refreshed, failed, needs_reconnect, errors}; a failed refresh is recorded on its connection and
 * never fails the job, so one revoked grant does not hide the others.
 */
@Injectable()
export class SpotifyTokenRefreshJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueueService,
    private readonly connections: SpotifyConnectionsService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ queue: TOKEN_REFRESH_QUEUE, schedule: TOKEN_REFRESH_SCHEDULE, expireInSeconds: 900, handler: () => this.run() });
  }

  run(): Promise<RefreshRunResult> {
    return this.connections.refreshExpiring();
  }
}
