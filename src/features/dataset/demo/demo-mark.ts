/** The dataset name of the generated demo songs (songs.dataset): what marks a song as demo data. */
export const DEMO_DATASET = 'demo';

/** Whether a dataset song is generated demo data. */
export const isDemoDataset = (dataset: string | null): boolean => dataset === DEMO_DATASET;

/** The song's page on Spotify; none for demo songs, whose track ids are invented. */
export const spotifyTrackUrl = (trackId: string | null, dataset: string | null): string | null =>
  trackId && !isDemoDataset(dataset) ? `https://open.spotify.com/track/${trackId}` : null;
