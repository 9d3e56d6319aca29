import { catalogApi } from '../../api/catalog.js';
import type { CatalogSong } from '../../api/catalog-types.js';
import { ApiError } from '../../api/client.js';
import { currentItem, hasNext, nextInQueue, previousInQueue, startQueue, type Queue } from './queue.js';
import { freshToken, session } from '../../session.js';
import { Store } from '../../store.js';

export interface PlayerState {
  queue: Queue<CatalogSong> | null;
  playing: boolean;
  /** Skips left this hour: null unlimited, undefined not known (signed out, or not asked yet). */
  skipsLeft: number | null | undefined;
  /** Why the last skip or song failed (the API's 429 sentence, say); playback goes on. */
  notice: string | null;
  skipping: boolean;
}

export const player = new Store<PlayerState>({ queue: null, playing: false, skipsLeft: undefined, notice: null, skipping: false });

/** The one <audio> element of the app, rendered by the player bar. */
let audio: HTMLAudioElement | null = null;
/** Whether this start of the current song was counted (POST /play once per start). */
let counted = false;
/** Whether the current song was reloaded after an error (an expired token in its URL, say). */
let retried = false;

const update = (patch: Partial<PlayerState>) => player.set((state) => ({ ...state, ...patch }));

export function attachAudio(element: HTMLAudioElement | null): void {
  audio = element;
}

/** The stream URL: an <audio> element cannot send headers, so the token rides in the query. */
export function streamUrl(song: Pick<CatalogSong, 'id'>, token: string | null): string {
  return `/api/songs/${song.id}/stream${token ? `?access_token=${encodeURIComponent(token)}` : ''}`;
}

/** Plays `songs` from `index`; the same song again pauses or resumes it. */
export async function playFrom(songs: readonly CatalogSong[], index: number): Promise<void> {
  const current = currentItem(player.get().queue);
  if (current && current.id === songs[index]?.id) return togglePlay();
  const queue = startQueue(songs, index);
  if (!queue) return;
  update({ queue, notice: null });
  await load();
  if (session.current && player.get().skipsLeft === undefined) void loadSkipsLeft();
}

export function togglePlay(): void {
  if (!audio || !currentItem(player.get().queue)) return;
  if (audio.paused) audio.play().catch(() => update({ playing: false }));
  else audio.pause();
}

export function seek(seconds: number): void {
  if (audio && Number.isFinite(seconds)) audio.currentTime = seconds;
}

/**
 * Next song, as a skip: signed in, POST /api/player/skip first; when the plan allows no more
 * (429) the sentence is shown and the current song plays on.
 */
export async function skipToNext(): Promise<void> {
  const { queue, skipping } = player.get();
  const song = currentItem(queue);
  if (!queue || !song || !hasNext(queue) || skipping) return;
  if (session.current) {
    update({ skipping: true });
    try {
      const answer = await catalogApi.skip(song.id);
      update({ skipsLeft: answer.skips_left, notice: null });
    } catch (error) {
      if (error instanceof ApiError && error.status === 429) {
        update({ skipping: false, skipsLeft: 0, notice: error.message });
        return;
      }
      // Anything else (a server without skip limits, a deleted song) does not hold the listener back.
    }
    update({ skipping: false });
  }
  if (currentItem(player.get().queue) !== song) return;
  update({ queue: nextInQueue(queue) });
  await load();
}

/** Back one song, or to the start of this one when it has played a few seconds. */
export async function previous(): Promise<void> {
  const { queue } = player.get();
  if (!queue || !audio) return;
  const back = previousInQueue(queue, audio.currentTime);
  if (back.restart) {
    audio.currentTime = 0;
    return;
  }
  update({ queue: back.queue, notice: null });
  await load();
}

/** Stops and forgets the queue (signing out, for one). */
export function stop(): void {
  if (audio) {
    audio.pause();
    audio.removeAttribute('src');
    audio.load();
  }
  update({ queue: null, playing: false, notice: null, skipsLeft: undefined });
}

/** The audio element's events, wired by the player bar. */
export const audioEvents = {
  playing(): void {
    update({ playing: true });
    const song = currentItem(player.get().queue);
    if (!song || counted || !session.current) return;
    counted = true;
    catalogApi.play(song.id).catch(() => undefined);
  },
  paused(): void {
    update({ playing: false });
  },
  async ended(): Promise<void> {
    const { queue } = player.get();
    const next = queue && nextInQueue(queue);
    if (!next) return update({ playing: false });
    // A song that ends is not a skip.
    update({ queue: next });
    await load();
  },
  async failed(): Promise<void> {
    if (!audio || !currentItem(player.get().queue)) return;
    if (!retried && session.current) {
      retried = true;
      await load(audio.currentTime);
      return;
    }
    update({ playing: false, notice: 'This song cannot be played right now.' });
  },
};

async function load(resumeAt = 0): Promise<void> {
  const song = currentItem(player.get().queue);
  if (!song || !audio) return;
  if (resumeAt === 0) {
    counted = false;
    retried = false;
  }
  const token = await freshToken();
  if (currentItem(player.get().queue) !== song) return; // another song was chosen meanwhile
  audio.src = streamUrl(song, token);
  if (resumeAt > 0) audio.addEventListener('loadedmetadata', () => audio && (audio.currentTime = resumeAt), { once: true });
  try {
    await audio.play();
  } catch (error) {
    // Autoplay refused, or the load replaced by another: the play button starts it.
    if ((error as Error).name !== 'AbortError') update({ playing: false });
  }
}

async function loadSkipsLeft(): Promise<void> {
  try {
    const subscription = await catalogApi.subscription();
    if (player.get().skipsLeft === undefined) update({ skipsLeft: subscription.skips_left });
  } catch {
    // No subscriptions on this server: the count appears after the first skip.
  }
}

let listener = session.current?.user.id ?? null;
session.subscribe((current) => {
  const id = current?.user.id ?? null;
  if (id === listener) return;
  listener = id;
  stop();
});
