import { monoWav } from '../../src/features/catalog/demo/demo-audio.js';

/** Real audio files made in code for upload tests (no binary fixtures in the repo). */

const MP3_FRAME_BYTES = 417; // MPEG-1 Layer III, 128 kbps, 44.1 kHz, no padding: 144 × 128000 / 44100
const MP3_FRAME_SECONDS = 1152 / 44_100;

/** A silent MP3 of about `seconds`: valid MPEG frames whose side info and main data are zero (silence). */
export function silentMp3(seconds: number): Buffer {
  const frames = Math.ceil(seconds / MP3_FRAME_SECONDS);
  const frame = Buffer.alloc(MP3_FRAME_BYTES);
  // Sync, MPEG-1, Layer III, no CRC | 128 kbps, 44.1 kHz | mono.
  frame.set([0xff, 0xfb, 0x90, 0xc0]);
  return Buffer.concat(Array.from({ length: frames }, () => frame));
}

/** A 16-bit mono PCM WAV of a sine tone. */
export function toneWav(seconds: number, frequency = 440, sampleRate = 8000): Buffer {
  const samples = Int16Array.from({ length: Math.round(seconds * sampleRate) }, (_, i) =>
    Math.round(Math.sin((2 * Math.PI * frequency * i) / sampleRate) * 12_000),
  );
  return monoWav(samples, sampleRate);
}

/** The smallest valid PNG: one transparent pixel. */
export const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
