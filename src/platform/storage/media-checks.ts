import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import { fileTypeFromFile } from 'file-type';
import { parseFile } from 'music-metadata';

export const AUDIO_FORMATS = ['mp3', 'wav', 'm4a', 'flac', 'ogg', 'aac'] as const;
export type AudioFormat = (typeof AUDIO_FORMATS)[number];

/** The content type each format is served with. */
export const AUDIO_MIME_TYPES: Record<AudioFormat, string> = {
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  flac: 'audio/flac',
  ogg: 'audio/ogg',
  aac: 'audio/aac',
};

/** What file-type calls the formats we accept (Ogg audio may be named by its codec). */
const DETECTED_AUDIO: Record<string, AudioFormat> = { mp3: 'mp3', wav: 'wav', m4a: 'm4a', flac: 'flac', ogg: 'ogg', oga: 'ogg', opus: 'ogg', aac: 'aac' };

export interface AudioFacts {
  format: AudioFormat;
  mimeType: string;
  durationMs: number;
  bitrateKbps: number | null;
  sampleRate: number | null;
}

/**
 * What an uploaded file really is, from its bytes (the name and the declared type are ignored):
 * one of AUDIO_FORMATS with a readable duration, else 415 naming the field and what was found.
 */
export async function inspectAudio(file: string, field: string): Promise<AudioFacts> {
  const detected = await fileTypeFromFile(file);
  const format = detected && DETECTED_AUDIO[detected.ext];
  if (!format) {
    throw new UnsupportedMediaTypeException(
      `${field} must be an audio file (${AUDIO_FORMATS.join(', ')}); its content is ${detected ? `${detected.mime}` : 'not a known media format'}`,
    );
  }
  const metadata = await parseFile(file, { duration: true, skipCovers: true }).catch(() => null);
  const seconds = metadata?.format.duration;
  if (!seconds || !Number.isFinite(seconds) || seconds <= 0) {
    throw new BadRequestException(`${field} looks like ${format} but its duration cannot be read: the file may be damaged or empty`);
  }
  const bitrate = metadata.format.bitrate;
  return {
    format,
    mimeType: AUDIO_MIME_TYPES[format],
    durationMs: Math.round(seconds * 1000),
    bitrateKbps: bitrate && Number.isFinite(bitrate) ? Math.round(bitrate / 1000) : null,
    sampleRate: metadata.format.sampleRate ?? null,
  };
}

const IMAGE_TYPES: Record<string, { extension: string; mimeType: string }> = {
  jpg: { extension: 'jpg', mimeType: 'image/jpeg' },
  png: { extension: 'png', mimeType: 'image/png' },
  webp: { extension: 'webp', mimeType: 'image/webp' },
};

/** A JPEG, PNG or WebP image by its bytes, else 415 naming the field. */
export async function inspectImage(file: string, field: string): Promise<{ extension: string; mimeType: string }> {
  const detected = await fileTypeFromFile(file);
  const image = detected && IMAGE_TYPES[detected.ext];
  if (!image) {
    throw new UnsupportedMediaTypeException(
      `${field} must be a JPEG, PNG or WebP image; its content is ${detected ? detected.mime : 'not a known image format'}`,
    );
  }
  return image;
}
