import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../platform/config/app-config.js';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { SettingsService } from '../../../platform/settings/settings.service.js';
import { LeadStoreService } from '../analysis/lead-store.service.js';
import { scoreLead } from '../scoring/score-lead.js';
import { DEMO_LEADS, demoDraft } from './demo-leads.js';
import { geographyTargets } from '../scoring/geography-targets.js';

/** Fills an empty lead list with the demo pipeline (see demo-leads.ts), scored and kept by the real code, on artists marked demo. */
@Injectable()
export class DemoLeadsService {
  private readonly logger = new Logger('DemoLeads');

  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
    private readonly store: LeadStoreService,
    private readonly settings: SettingsService,
  ) {}

  async importIfEmpty(now = new Date()): Promise<number | undefined> {
    if ((await this.settings.demoDataRemoved()) || (await this.prisma.leadProfile.count()) > 0) return undefined;
    await this.import(now);
    this.logger.log(`The lead list was empty: added ${DEMO_LEADS.length} invented demo leads.`);
    return DEMO_LEADS.length;
  }

  /** Adds the demo leads beside any others (`demo add`), unless they are there; returns how many. */
  async addDemo(now = new Date()): Promise<number> {
    if ((await this.prisma.leadProfile.count({ where: { artist: { demo: true } } })) > 0) return 0;
    await this.import(now);
    return DEMO_LEADS.length;
  }

  /**
   * Deletes the demo leads with their contacts, outreach history and recordings; returns how many
   * leads. Their artists are the catalog's to delete, with anything else kept about them.
   */
  async removeDemo(): Promise<number> {
    const ofDemoArtists = { where: { artist: { demo: true } } };
    // Contacts and outreach events go with their lead (ON DELETE CASCADE); recordings would only lose their artist.
    const [, leads] = await this.prisma.$transaction([this.prisma.leadRecording.deleteMany(ofDemoArtists), this.prisma.leadProfile.deleteMany(ofDemoArtists)]);
    return leads.count;
  }

  private async import(now: Date): Promise<void> {
    for (const [index, demo] of DEMO_LEADS.entries()) {
      const { findings, draft } = demoDraft(demo, index, now);
      const score = scoreLead(draft.facts, { now, targets: geographyTargets(this.config) });
      const sources = [
        'musicbrainz',
        ...(findings.spotify ? ['spotify'] : []),
        ...(findings.lastfm ? ['lastfm'] : []),
        ...(findings.youtube ? ['youtube'] : []),
      ];
      await this.store.save({ isrc: demo.isrc, findings, draft, score, sources, demo: true });
    }
  }
}
