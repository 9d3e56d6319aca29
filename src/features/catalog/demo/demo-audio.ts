import { Random } from '../../../ml/random.js';

/** How the demo synthesizer plays a tune: its scale, speed and timbre. */
export interface TuneStyle {
  /** Semitones above the root that make the scale. */
  scale: number[];
  /** Root note as a MIDI number (60 = middle C). */
  root: number;
  bpm: number;
  /** Relative strengths of the first harmonics: the timbre. */
  harmonics: number[];
}

const SAMPLE_RATE = 16_000;
const frequency = (midi: number) => 440 * 2 ** ((midi - 69) / 12);

/**
 * A short instrumental tune as a 16-bit mono WAV: a seeded melody over a bass line that follows a
 * I–V–vi–IV progression, with soft attacks and decays. Demo catalog songs are real, playable audio.
 */
export function synthesizeTune(style: TuneStyle, seconds: number, seed: number): Buffer {
  const random = new Random(seed);
  const samples = Math.round(seconds * SAMPLE_RATE);
  const pcm = new Float32Array(samples);
  const beat = 60 / style.bpm;
  const progression = [0, 4, 5, 3]; // scale degrees of I, V, vi, IV
  const note = (degree: number, octave: number) =>
    style.root +
    12 * (octave + Math.floor(degree / style.scale.length)) +
    style.scale[((degree % style.scale.length) + style.scale.length) % style.scale.length]!;

  // Each harmonic's sine advances by the recurrence sin((n+1)w) = 2cos(w)·sin(nw) − sin((n−1)w)
  // and the decay by one factor a sample: Math.sin and Math.exp per sample and harmonic made the
  // 17 demo songs cost 2.5 s of CPU at a first start (docs/benchmarks.md); these cost a few ns.
  const play = (start: number, length: number, midi: number, gain: number, harmonics: number[]) => {
    const from = Math.round(start * SAMPLE_RATE);
    const to = Math.min(samples, Math.round((start + length) * SAMPLE_RATE));
    const step = (2 * Math.PI * frequency(midi)) / SAMPLE_RATE;
    const twoCos = harmonics.map((_, h) => 2 * Math.cos(step * (h + 1)));
    const current = harmonics.map(() => 0);
    const previous = harmonics.map((_, h) => -Math.sin(step * (h + 1)));
    const attackSamples = 0.01 * SAMPLE_RATE;
    const decayPerSample = Math.exp(-3 / (length * SAMPLE_RATE));
    let decay = gain;
    for (let i = from, n = 0; i < to; i++, n++) {
      let value = 0;
      for (let h = 0; h < harmonics.length; h++) {
        value += harmonics[h]! * current[h]!;
        const next = twoCos[h]! * current[h]! - previous[h]!;
        previous[h] = current[h]!;
        current[h] = next;
      }
      pcm[i]! += Math.min(1, n / attackSamples) * decay * value;
      decay *= decayPerSample;
    }
  };

  let degree = 0;
  for (let bar = 0; bar * 4 * beat < seconds; bar++) {
    const chord = progression[bar % progression.length]!;
    play(bar * 4 * beat, 4 * beat, note(chord, -2), 0.25, [1, 0.3]);
    for (let step = 0; step < 8; step++) {
      if (random.next() < 0.2) continue; // a rest
      degree = Math.max(-3, Math.min(9, degree + Math.round((random.next() - 0.5) * 4)));
      const pitch = step % 4 === 0 ? note(chord + 2 * Math.floor(random.next() * 3), 0) : note(degree, 0);
      play(bar * 4 * beat + (step * beat) / 2, beat, pitch, 0.22, style.harmonics);
    }
  }
  return pcmToWav(pcm);
}

/** The samples scaled to 80% of full scale. Loops: `reduce` and a mapping `Int16Array.from` cost more than the synthesis. */
function pcmToWav(pcm: Float32Array): Buffer {
  let peak = 1e-9;
  for (const value of pcm) peak = Math.max(peak, Math.abs(value));
  const samples = new Int16Array(pcm.length);
  for (let i = 0; i < pcm.length; i++) samples[i] = Math.round((pcm[i]! / peak) * 0.8 * 32_767);
  return monoWav(samples, SAMPLE_RATE);
}

/** 16-bit mono PCM samples as a WAV file. */
export function monoWav(samples: Int16Array, sampleRate: number): Buffer {
  const data = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
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
