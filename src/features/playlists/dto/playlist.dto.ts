import { ApiProperty } from '@nestjs/swagger';
import { CatalogSongDto, toCatalogSongDto, type SongWithRefs } from '../../catalog/dto/catalog-song.dto.js';
import { PageDto } from '../../../platform/common/http/query.js';
import type { Playlist, PlaylistSong, User } from '../../../generated/prisma/client.js';

export class UserRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() display_name!: string;
}

export class PlaylistDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: ['public', 'private'] }) visibility!: string;
  @ApiProperty({ description: 'Collaborators may add, remove and reorder songs' }) collaborative!: boolean;
  @ApiProperty({ type: UserRefDto }) owner!: UserRefDto;
  @ApiProperty({ type: [UserRefDto], description: 'Who joined by the share link' }) collaborators!: UserRefDto[];
  @ApiProperty({ description: 'Songs the caller can see' }) song_count!: number;
  @ApiProperty({ description: 'Total length of the songs the caller can see' }) duration_ms!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '/api/playlists/shared/<token>',
    description: 'Only for the owner, collaborators and admins; null for others',
  })
  share_url!: string | null;
  @ApiProperty() created_at!: Date;
  @ApiProperty() updated_at!: Date;
}

export class PlaylistPageDto extends PageDto {
  @ApiProperty({ type: [PlaylistDto] }) results!: PlaylistDto[];
}

/** One entry of a playlist: a song at a position (the same song may appear more than once). */
export class PlaylistItemDto {
  @ApiProperty({ description: 'The entry id, for removing or moving this entry' }) id!: number;
  @ApiProperty({ description: '0-based place in the whole playlist (songs the caller cannot see are left out, so numbers may skip)' })
  position!: number;
  @ApiProperty() added_at!: Date;
  @ApiProperty({ type: UserRefDto, nullable: true, description: 'null once that account is deleted' }) added_by!: UserRefDto | null;
  @ApiProperty({ type: CatalogSongDto }) song!: CatalogSongDto;
}

export class PlaylistItemPageDto extends PageDto {
  @ApiProperty({ type: [PlaylistItemDto] }) results!: PlaylistItemDto[];
}

export type UserRef = Pick<User, 'id' | 'username' | 'displayName'>;
export const USER_REF = { select: { id: true, username: true, displayName: true } } as const;

/** What a playlist row must be loaded with to become a PlaylistDto. */
export const PLAYLIST_INCLUDE = {
  owner: USER_REF,
  collaborators: { select: { user: USER_REF }, orderBy: { addedAt: 'asc' } },
} as const;

export type PlaylistWithRefs = Playlist & { owner: UserRef; collaborators: { user: UserRef }[] };

export const toUserRefDto = (user: UserRef): UserRefDto => ({ id: user.id, username: user.username, display_name: user.displayName });

export const shareUrl = (token: string) => `/api/playlists/shared/${token}`;

export const toPlaylistDto = (playlist: PlaylistWithRefs, stats: { songCount: number; durationMs: number }, showShareUrl: boolean): PlaylistDto => ({
  id: playlist.id,
  name: playlist.name,
  description: playlist.description,
  visibility: playlist.visibility,
  collaborative: playlist.collaborative,
  owner: toUserRefDto(playlist.owner),
  collaborators: playlist.collaborators.map(({ user }) => toUserRefDto(user)),
  song_count: stats.songCount,
  duration_ms: stats.durationMs,
  share_url: showShareUrl ? shareUrl(playlist.shareToken) : null,
  created_at: playlist.createdAt,
  updated_at: playlist.updatedAt,
});

export type ItemWithRefs = PlaylistSong & { song: SongWithRefs; addedBy: UserRef | null };

export const toPlaylistItemDto = (item: ItemWithRefs, position: number): PlaylistItemDto => ({
  id: Number(item.id),
  position,
  added_at: item.addedAt,
  added_by: item.addedBy ? toUserRefDto(item.addedBy) : null,
  song: toCatalogSongDto(item.song),
});
