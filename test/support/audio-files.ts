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
  const samples = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * frequency * i) / sampleRate) * 12_000), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** The smallest valid PNG: one transparent pixel. */
export const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
