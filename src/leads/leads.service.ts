import { Injectable, NotFoundException } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { searchWords } from '../admin/admin-query.js';
import { PrismaService } from '../database/prisma.service.js';
import type { LeadDetailDto, LeadDto, LeadFiltersDto, LeadPageDto, ListLeadsQueryDto, UpdateOutreachDto } from './dto/leads.dto.js';
import { leadDetailView, leadView, LEAD_INCLUDE } from './lead-view.js';

/** Sortable fields and their columns; leads without the figure come last either way. */
const ORDER_COLUMNS: Record<string, (sort: Prisma.SortOrder) => Prisma.LeadProfileOrderByWithRelationInput> = {
  total_score: (sort) => ({ totalScore: sort }),
  artist_name: (sort) => ({ artist: { name: sort } }),
  scored_at: (sort) => ({ scoredAt: sort }),
  spotify_followers: (sort) => ({ spotifyFollowers: { sort, nulls: 'last' } }),
  youtube_subscribers: (sort) => ({ youtubeSubscribers: { sort, nulls: 'last' } }),
};

/** The Prisma filter of a lead list's filters. */
export function leadWhere(filters: LeadFiltersDto): Prisma.LeadProfileWhereInput {
  const youtube: Record<string, Prisma.LeadProfileWhereInput> = {
    has_channel: { youtubeChannelId: { not: null } },
    no_channel: { youtubeCheckedAt: { not: null }, youtubeChannelId: null },
  };
  return {
    ...(filters.tier && { tier: { in: filters.tier } }),
    ...(filters.region && { region: filters.region }),
    ...(filters.min_score !== undefined && { totalScore: { gte: filters.min_score } }),
    ...(filters.outreach_status && { outreachStatus: filters.outreach_status }),
    ...(filters.youtube_filter && youtube[filters.youtube_filter]),
    AND: searchWords(filters.search).map((word) => ({ artist: { searchText: { contains: word } } })),
  };
}

/** The lead list, a lead's details, and outreach. */
@Injectable()
export class LeadsService {
  constructor(private readonly prisma: PrismaService) {}

  async list(query: ListLeadsQueryDto): Promise<LeadPageDto> {
    const where = leadWhere(query);
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

  /** Every lead matching `filters`, best first (for exports). */
  async all(filters: LeadFiltersDto): Promise<LeadDto[]> {
    const leads = await this.prisma.leadProfile.findMany({ where: leadWhere(filters), include: LEAD_INCLUDE, orderBy: [{ totalScore: 'desc' }, { artistId: 'asc' }] });
    return leads.map(leadView);
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
