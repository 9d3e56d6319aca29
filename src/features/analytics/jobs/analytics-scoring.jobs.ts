import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobQueueService } from '../../../platform/jobs/job-queue.service.js';
import { AlertsService } from '../alerts/alerts.service.js';
import { ArtistScoresService } from '../scores/artist-scores.service.js';

export const ANALYTICS_FVS_QUEUE = 'analytics-fvs';
export const ANALYTICS_MOMENTUM_QUEUE = 'analytics-momentum';
export const ANALYTICS_VIRAL_QUEUE = 'analytics-viral';
export const ANALYTICS_ALERT_CLEANUP_QUEUE = 'analytics-alert-cleanup';
/** Acknowledged alerts are kept this long; any alert at most ALERT_MAX_DAYS. */
const ACKNOWLEDGED_ALERT_DAYS = 30;
const ALERT_MAX_DAYS = 180;

/**
 * The scheduled analytics computations (UTC): FVS daily at 03:00, momentum and breakout every
 * 6 hours (with their alerts), viral spike detection every 3 hours, alert cleanup daily at 02:00.
 */
@Injectable()
export class AnalyticsScoringJobs implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueueService,
    private readonly scores: ArtistScoresService,
    private readonly alerts: AlertsService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ queue: ANALYTICS_FVS_QUEUE, schedule: '0 3 * * *', expireInSeconds: 1800, handler: () => this.scores.storeFanValueScores() });
    this.jobs.define({ queue: ANALYTICS_MOMENTUM_QUEUE, schedule: '0 */6 * * *', expireInSeconds: 1800, handler: () => this.scoreMomentum() });
    this.jobs.define({ queue: ANALYTICS_VIRAL_QUEUE, schedule: '0 */3 * * *', expireInSeconds: 1800, handler: () => this.alerts.detectSpikes() });
    this.jobs.define({
      queue: ANALYTICS_ALERT_CLEANUP_QUEUE,
      schedule: '0 2 * * *',
      expireInSeconds: 600,
      handler: () => this.alerts.cleanup(ACKNOWLEDGED_ALERT_DAYS, ALERT_MAX_DAYS),
    });
  }

  /** Momentum and breakout for every artist, then the alerts they call for. */
  async scoreMomentum() {
    const { artists, scored, ids } = await this.scores.storeMomentum();
    const { created } = await this.alerts.alertOnScores(ids);
    return { artists, scored, alerts_created: created };
  }

  /** Every score and alert at once: after the demo import, so a new install's dashboards are not empty. */
  async scoreEverything() {
    return { fvs: await this.scores.storeFanValueScores(), momentum: await this.scoreMomentum(), spikes: await this.alerts.detectSpikes() };
  }
}
