import { BadRequestException, ConflictException, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { YoutubeTestResultDto } from '../dto/insights.dto.js';
import { SourceError } from '../sources/http-source.js';
import { YoutubeClient } from '../sources/youtube.client.js';

/** What a key check costs: one channels.list. */
const CHECK_UNITS = 1;

/**
 * POST /api/youtube/test (the original Prism's "Test YouTube integration"): is YouTube configured,
 * and does one cheap live call with the key work? Failures answer with the reason: 409 when no
 * key is set, 503 when YouTube refused or did not answer (today's quota in the body).
 */
@Injectable()
export class YoutubeCheckService {
  constructor(private readonly youtube: YoutubeClient) {}

  async check(artistName?: string): Promise<YoutubeTestResultDto> {
    if (!this.youtube.configured)
      throw new ConflictException({ message: 'YouTube is not configured: set YOUTUBE_API_KEY', status: 'not_configured', configured: false });
    const name = artistName?.trim() || undefined;
    let channel;
    try {
      channel = await this.youtube.checkKey(name);
    } catch (error) {
      if (error instanceof RangeError) throw new BadRequestException(`artist_name: ${error.message}`);
      if (!(error instanceof SourceError)) throw error;
      throw new ServiceUnavailableException({
        message: `YouTube integration test failed: ${error.message}`,
        status: 'error',
        configured: true,
        quota: await this.quota(),
      });
    }
    const found = name === undefined || channel !== null;
    return {
      status: found ? 'success' : 'not_found',
      message:
        name === undefined ? 'The YouTube API key works' : found ? `YouTube channel found for "${name}"` : `No YouTube channel has the handle of "${name}"`,
      artist_name: name ?? null,
      configured: true,
      channel_data: channel && {
        channel_id: channel.id,
        title: channel.title,
        handle: channel.customUrl,
        subscribers: channel.subscribers,
        views: channel.views,
        video_count: channel.videoCount,
      },
      units_spent: CHECK_UNITS,
      quota: await this.quota(),
      integration_status: 'YouTube API working correctly',
    };
  }

  private async quota(): Promise<{ used: number; limit: number }> {
    const status = await this.youtube.sourceStatus();
    return status.quota ?? { used: status.usageToday.units, limit: 0 };
  }
}
