import { ApiProperty } from '@nestjs/swagger';
import { PageDto } from '../../../platform/common/http/query.js';
import { DEMO_DESCRIPTION } from '../../dataset/dto/song.dto.js';
import type { Album, Artist, CatalogSong, Genre } from '../../../generated/prisma/client.js';

export class ArtistRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class AlbumRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

/** A catalog song as listeners see it. */
export class CatalogSongDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: ArtistRefDto }) artist!: ArtistRefDto;
  @ApiProperty({ type: AlbumRefDto, nullable: true }) album!: AlbumRefDto | null;
  @ApiProperty({ type: [String] }) genres!: string[];
  @ApiProperty({ type: String, nullable: true, example: '2024-05-17' }) release_date!: string | null;
  @ApiProperty({ enum: ['public', 'private'] }) visibility!: string;
  @ApiProperty() duration_ms!: number;
  @ApiProperty({ enum: ['mp3', 'wav', 'm4a', 'flac', 'ogg', 'aac'] }) format!: string;
  @ApiProperty() mime_type!: string;
  @ApiProperty() size_bytes!: number;
  @ApiProperty({ type: Number, nullable: true }) bitrate_kbps!: number | null;
  @ApiProperty() play_count!: number;
  @ApiProperty() like_count!: number;
  @ApiProperty({ example: '/api/songs/<id>/stream' }) stream_url!: string;
  @ApiProperty({ description: DEMO_DESCRIPTION }) demo!: boolean;
  @ApiProperty() created_at!: Date;
  @ApiProperty() updated_at!: Date;
}

export class CatalogSongPageDto extends PageDto {
  @ApiProperty({ type: [CatalogSongDto] }) results!: CatalogSongDto[];
}

/** What a song row must be loaded with to become a CatalogSongDto. */
export const SONG_INCLUDE = {
  artist: { select: { id: true, name: true } },
  album: { select: { id: true, title: true } },
  genres: { select: { genre: { select: { name: true } } }, orderBy: { genre: { name: 'asc' } } },
} as const;

export type SongWithRefs = CatalogSong & {
  artist: Pick<Artist, 'id' | 'name'>;
  album: Pick<Album, 'id' | 'title'> | null;
  genres: { genre: Pick<Genre, 'name'> }[];
};

/** A date column as YYYY-MM-DD. */
export const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export const toCatalogSongDto = (song: SongWithRefs): CatalogSongDto => ({
  id: song.id,
  title: song.title,
  artist: { id: song.artist.id, name: song.artist.name },
  album: song.album ? { id: song.album.id, title: song.album.title } : null,
  genres: song.genres.map(({ genre }) => genre.name),
  release_date: isoDate(song.releaseDate),
  visibility: song.visibility,
  duration_ms: song.durationMs,
  format: song.audioFormat,
  mime_type: song.mimeType,
  size_bytes: song.sizeBytes,
  bitrate_kbps: song.bitrateKbps,
  play_count: song.playCount,
  like_count: song.likeCount,
  stream_url: `/api/songs/${song.id}/stream`,
  demo: song.demo,
  created_at: song.createdAt,
  updated_at: song.updatedAt,
});
