import type { TuneStyle } from './demo-audio.js';

const MAJOR = [0, 2, 4, 5, 7, 9, 11];
const MINOR = [0, 2, 3, 5, 7, 8, 10];
const PENTATONIC = [0, 2, 4, 7, 9];
const BLUES = [0, 3, 5, 6, 7, 10];

export interface DemoAlbum {
  title: string;
  releaseDate: string;
  colors: [[number, number, number], [number, number, number]];
  songs: string[];
}

export interface DemoArtist {
  name: string;
  bio: string;
  genres: string[];
  style: TuneStyle;
  albums: DemoAlbum[];
}

/** The demo label: invented artists (any likeness is accidental), each with a sound of its own. */
export const DEMO_ARTISTS: DemoArtist[] = [
  {
    name: 'Harbour Lights',
    bio: 'Synth-pop duo from Wellington; night drives and neon. (Demo artist.)',
    genres: ['Synthwave', 'Electronic'],
    style: { scale: MINOR, root: 57, bpm: 112, harmonics: [1, 0.5, 0.25, 0.12] },
    albums: [
      {
        title: 'City After Midnight',
        releaseDate: '2024-03-08',
        colors: [
          [40, 20, 90],
          [230, 60, 140],
        ],
        songs: ['Midnight City Lights', 'Neon Rain', 'Overpass'],
      },
      {
        title: 'Tidal',
        releaseDate: '2025-09-19',
        colors: [
          [10, 60, 110],
          [40, 200, 210],
        ],
        songs: ['Low Tide', 'Lighthouse Signal'],
      },
    ],
  },
  {
    name: 'Marama Bay',
    bio: 'Acoustic songwriter from Raglan. (Demo artist.)',
    genres: ['Folk', 'Acoustic'],
    style: { scale: MAJOR, root: 62, bpm: 92, harmonics: [1, 0.6, 0.2] },
    albums: [
      {
        title: 'Saltwater Letters',
        releaseDate: '2023-11-24',
        colors: [
          [200, 150, 90],
          [90, 140, 120],
        ],
        songs: ['Saltwater Letters', 'Kitchen Radio', 'Slow Ferry Home'],
      },
    ],
  },
  {
    name: 'The Dust Riders',
    bio: 'Desert blues trio from Alice Springs. (Demo artist.)',
    genres: ['Blues', 'Rock'],
    style: { scale: BLUES, root: 52, bpm: 100, harmonics: [1, 0.8, 0.5, 0.3, 0.15] },
    albums: [
      {
        title: 'Red Centre',
        releaseDate: '2022-06-03',
        colors: [
          [120, 40, 20],
          [240, 150, 60],
        ],
        songs: ['Desert Road', 'Midnight Train', 'Rust and Gold'],
      },
    ],
  },
  {
    name: 'Kōwhai',
    bio: 'Dream-pop project from Christchurch. (Demo artist.)',
    genres: ['Dream Pop', 'Indie Pop'],
    style: { scale: PENTATONIC, root: 64, bpm: 84, harmonics: [1, 0.15, 0.4] },
    albums: [
      {
        title: 'Paper Moons',
        releaseDate: '2025-01-31',
        colors: [
          [240, 200, 60],
          [250, 120, 150],
        ],
        songs: ['Ocean Eyes', 'Paper Moons', 'Slow Bloom'],
      },
    ],
  },
  {
    name: 'Southern Static',
    bio: 'Garage-rock four-piece from Dunedin. (Demo artist.)',
    genres: ['Rock', 'Indie Rock'],
    style: { scale: MINOR, root: 55, bpm: 132, harmonics: [1, 0.9, 0.7, 0.5, 0.35, 0.2] },
    albums: [
      {
        title: 'Loud Weather',
        releaseDate: '2024-08-16',
        colors: [
          [30, 30, 30],
          [200, 40, 40],
        ],
        songs: ['Loud Weather', 'Northbound', 'Static Heart'],
      },
    ],
  },
];
