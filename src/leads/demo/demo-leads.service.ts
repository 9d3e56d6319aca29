import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { PrismaService } from '../../database/prisma.service.js';
import { draftLead } from '../analysis/lead-facts.js';
import { LeadStoreService } from '../analysis/lead-store.service.js';
import { scoreLead } from '../scoring/score-lead.js';
import { DEMO_LEADS, demoFindings } from './demo-leads.js';

/** Fills an empty lead list with the demo pipeline (see demo-leads.ts), scored and kept by the real code. */
@Injectable()
export class DemoLeadsService {
  private readonly logger = new Logger('DemoLeads');

  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
    private readonly store: LeadStoreService,
  ) {}

  async importIfEmpty(now = new Date()): Promise<number | undefined> {
    if ((await this.prisma.leadProfile.count()) > 0) return undefined;
    for (const [index, demo] of DEMO_LEADS.entries()) {
      const { findings, previous } = demoFindings(demo, index, now);
      const draft = draftLead(findings, previous);
      const score = scoreLead(draft.facts, { now, targets: this.config.leadsGeographyTargets });
      const sources = ['musicbrainz', ...(findings.spotify ? ['spotify'] : []), ...(findings.lastfm ? ['lastfm'] : []), ...(findings.youtube ? ['youtube'] : [])];
      await this.store.save({ isrc: demo.isrc, findings, draft, score, sources });
    }
    this.logger.log(`The lead list was empty: added ${DEMO_LEADS.length} invented demo leads.`);
    return DEMO_LEADS.length;
  }
}
