import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import { searchWords } from '../../vocabulary/search-text.js';
import { AppConfig } from '../../platform/config/app-config.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import type { LeadDetailDto, LeadDto, LeadFiltersDto, LeadPageDto, ListLeadsQueryDto, UpdateOutreachDto, YOUTUBE_FILTERS } from './dto/leads.dto.js';
import { leadDetailView, leadView, LEAD_INCLUDE } from './lead-view.js';
import { describeRegionNames, regionIdOf } from './scoring/region-names.js';
import { YOUTUBE_THRESHOLDS, type YoutubeOpportunityKind } from './scoring/youtube.js';
import { geographyTargets } from './scoring/geography-targets.js';

/** Sortable fields and their columns; leads without the figure come last either way. */
const ORDER_COLUMNS: Record<string, (sort: Prisma.SortOrder) => Prisma.LeadProfileOrderByWithRelationInput> = {
  total_score: (sort) => ({ totalScore: sort }),
  artist_name: (sort) => ({ artist: { name: sort } }),
  scored_at: (sort) => ({ scoredAt: sort }),
  spotify_followers: (sort) => ({ spotifyFollowers: { sort, nulls: 'last' } }),
  youtube_subscribers: (sort) => ({ youtubeSubscribers: { sort, nulls: 'last' } }),
};

/** Leads whose analysis found a YouTube opportunity of this kind (kept in the breakdown). */
const withOpportunity = (kind: YoutubeOpportunityKind): Prisma.LeadProfileWhereInput => ({
  breakdown: { path: ['opportunity', 'youtube'], array_contains: [{ kind }] },
});

const YOUTUBE_WHERE: Record<(typeof YOUTUBE_FILTERS)[number], Prisma.LeadProfileWhereInput> = {
  has_channel: { youtubeChannelId: { not: null } },
  no_channel: { youtubeCheckedAt: { not: null }, youtubeChannelId: null },
  high_potential: withOpportunity('high_growth_emerging'),
  underperforming: withOpportunity('underperforming'),
  active_uploaders: { youtubeChannelId: { not: null }, youtubeRecentUploads: { gte: YOUTUBE_THRESHOLDS.regularUploads90d } },
};

/** The Prisma filter of a lead list's filters (`region` already a region id). */
export function leadWhere(filters: LeadFiltersDto): Prisma.LeadProfileWhereInput {
  return {
    ...(filters.tier && { tier: { in: filters.tier } }),
    ...(filters.region && { region: filters.region }),
    ...(filters.min_score !== undefined && { totalScore: { gte: filters.min_score } }),
    ...(filters.outreach_status && { outreachStatus: filters.outreach_status }),
    ...(filters.youtube_filter && YOUTUBE_WHERE[filters.youtube_filter]),
    AND: searchWords(filters.search).map((word) => ({ artist: { searchText: { contains: word } } })),
  };
}

/** The lead list, a lead's details, and outreach. */
@Injectable()
export class LeadsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
  ) {}

  async list(query: ListLeadsQueryDto): Promise<LeadPageDto> {
    const where = leadWhere(this.withRegionId(query, 'region'));
    const sort = query.ordering.startsWith('-') ? 'desc' : 'asc';
    const [count, leads] = await Promise.all([
      this.prisma.leadProfile.count({ where }),
      this.prisma.leadProfile.findMany({
        where,
        include: LEAD_INCLUDE,
        orderBy: [ORDER_COLUMNS[query.ordering.replace(/^-/, '')]!(sort), { artistId: sort }],
        skip: (query.page - 1) * query.page_size,
        take: query.page_size,
      }),
    ]);
    return { count, page: query.page, page_size: query.page_size, results: leads.map(leadView) };
  }

  /** Every lead matching `filters`, best first (for exports, whose body names the region filter `filters.region`). */
  async all(filters: LeadFiltersDto): Promise<LeadDto[]> {
    const leads = await this.prisma.leadProfile.findMany({
      where: leadWhere(this.withRegionId(filters, 'filters.region')),
      include: LEAD_INCLUDE,
      orderBy: [{ totalScore: 'desc' }, { artistId: 'asc' }],
    });
    return leads.map(leadView);
  }

  /**
   * The filters with the region named by its id; a region no target has answers 400 naming the
   * accepted values (before, an original Prism name such as new_zealand silently matched nothing).
   */
  private withRegionId<T extends LeadFiltersDto>(filters: T, field: string): T {
    if (filters.region == null || filters.region === '') return filters;
    const targets = geographyTargets(this.config);
    const region = regionIdOf(filters.region, targets);
    if (region === null) throw new BadRequestException(`${field} must be one of ${describeRegionNames(targets)}; got "${filters.region}"`);
    return { ...filters, region };
  }

  async detail(artistId: string): Promise<LeadDetailDto> {
    const lead = await this.prisma.leadProfile.findUnique({
      where: { artistId },
      include: {
        ...LEAD_INCLUDE,
        artist: { select: { name: true, demo: true, leadRecordings: { orderBy: { analyzedAt: 'desc' } } } },
        outreach: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], include: { user: { select: { username: true } } } },
      },
    });
    if (!lead) throw new NotFoundException(`No lead for artist ${artistId}`);
    return leadDetailView(lead);
  }

  /** Sets the outreach status (and notes, when given), keeping the change in the history. */
  async updateOutreach(artistId: string, change: UpdateOutreachDto, userId: string): Promise<LeadDetailDto> {
    await this.prisma.$transaction(async (tx) => {
      const updated = await tx.leadProfile.updateMany({
        where: { artistId },
        data: { outreachStatus: change.status, ...(change.notes !== undefined && { outreachNotes: change.notes }) },
      });
      if (updated.count === 0) throw new NotFoundException(`No lead for artist ${artistId}`);
      await tx.leadOutreachEvent.create({ data: { artistId, status: change.status, notes: change.notes ?? '', userId } });
    });
    return this.detail(artistId);
  }
}
