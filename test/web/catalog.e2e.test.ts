import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toneWav } from '../support/audio-files.js';
import { horizontalOverflow, screenshot } from '../support/browser.js';
import { startBrowserApp, type BrowserApp } from '../support/browser-app.js';
import { browserSession, newAccount, type RegisteredAccount, type SessionAnswer } from '../support/browser-session.js';

/** The catalog, accounts, player, playlists and admin pages of the SPA, against the real app in Chromium. */
describe('the catalog in a browser', () => {
  let running: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    running = await startBrowserApp();
  }, 180_000);
  afterAll(() => running?.stop());

  beforeEach(async () => {
    page = await running.newPage();
  });
  afterEach(() => page.close());

  const open = (path: string) => page.goto(`${running.app.baseUrl}${path}`);
  const { call, register, registerAdmin, signInAs } = browserSession(
    () => running,
    () => page,
  );
  const uploadSong = async (artist: SessionAnswer, title: string, seconds = 2): Promise<{ id: string }> => {
    const form = new FormData();
    form.set('title', title);
    form.set('genres', 'Test Tones');
    form.set('audio', new Blob([toneWav(seconds)], { type: 'audio/wav' }), 'tone.wav');
    const response = await fetch(`${running.app.baseUrl}/api/songs`, { method: 'POST', headers: { authorization: `Bearer ${artist.token}` }, body: form });
    if (response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
  const audioState = () =>
    page.getByTestId('audio').evaluate((element) => {
      const audio = element as unknown as { currentSrc: string; duration: number; paused: boolean; currentTime: number };
      return { src: audio.currentSrc, duration: audio.duration, paused: audio.paused, time: audio.currentTime };
    });
  const row = (title: string) => page.getByTestId('song-row').filter({ hasText: title }).first();

  it('registers an artist with the form, then shows the account and its role in the header', async () => {
    const account = newAccount('artist');
    await open('/register');
    await page.getByLabel('An artist').check();
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Username').fill(account.username);
    await page.getByLabel('Artist name (optional)').fill('The Sine Waves');
    await page.getByLabel('Password').fill(account.password);
    await screenshot(page, 'register');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/catalog/upload');
    expect(await page.getByTestId('account-name').textContent()).toBe('The Sine Waves');
    expect(await page.getByTestId('account-role').textContent()).toBe('Artist');
  });

  it('shows the API’s sentence when registration is refused', async () => {
    const account = newAccount('weak');
    await open('/register');
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Username').fill(account.username);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByTestId('form-error').textContent()).toMatch(/^password /);
    expect(await page.getByTestId('account').textContent()).toContain('Sign in');
  });

  it('an artist uploads a song with the form, and it is in the catalog’s new songs', async () => {
    const artist = await register('artist');
    await signInAs(artist);
    await open('/catalog/upload');
    await page.getByLabel('Audio file').setInputFiles({ name: 'first-light.wav', mimeType: 'audio/wav', buffer: toneWav(3) });
    await page.getByLabel('Title', { exact: true }).fill('First Light Test');
    await page.getByLabel('Genres').fill('Test Tones, Ambient');
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => page.getByTestId('upload-success').textContent()).toContain('“First Light Test” is published');
    await row('First Light Test').waitFor();
    await screenshot(page, 'upload');
    await page.getByRole('link', { name: 'Home' }).click();
    const newSongs = page.getByRole('list', { name: 'New songs' });
    await expect.poll(() => newSongs.getByTestId('song-row').first().locator('.song-title').textContent()).toBe('First Light Test');
    await screenshot(page, 'catalog-home');
  });

  it('shows the API’s sentence when the uploaded file is not audio', async () => {
    await signInAs(await register('artist'));
    await open('/catalog/upload');
    await page
      .getByLabel('Audio file')
      .setInputFiles({ name: 'notes.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('these are my lyrics, not a song\n'.repeat(20)) });
    await page.getByLabel('Title', { exact: true }).fill('Not A Song');
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => page.getByTestId('form-error').textContent()).toMatch(/MP3|audio/i);
    expect(await page.getByTestId('upload-success').count()).toBe(0);
  });

  it('a listener registers, finds the song by search and plays it: the audio streams it with the token and the play is counted', async () => {
    const artist = await register('artist');
    const song = await uploadSong(artist.session, 'Searchable Sine Song', 4);
    const account = newAccount('listener');
    await open('/register');
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Username').fill(account.username);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/catalog');
    expect(await page.getByTestId('account-role').textContent()).toBe('Listener');
    await page.getByLabel('Search the catalog').fill('searchable sine');
    await page.getByLabel('Search the catalog').press('Enter');
    await page.waitForURL('**/catalog/search?q=searchable+sine');
    const counted = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith(`/api/songs/${song.id}/play`));
    await page.getByRole('button', { name: 'Play Searchable Sine Song' }).click();
    await counted;
    await expect.poll(async () => (await audioState()).duration).toBeGreaterThan(3);
    const state = await audioState();
    expect(state.src).toMatch(new RegExp(`/api/songs/${song.id}/stream\\?access_token=[\\w.-]+$`));
    expect(await page.getByTestId('player-title').textContent()).toBe('Searchable Sine Song');
    await expect.poll(async () => (await audioState()).time).toBeGreaterThan(0);
    await screenshot(page, 'search-playing');
  });

  it('likes a song and keeps it as a favourite, which the library then lists', async () => {
    const artist = await register('artist');
    await uploadSong(artist.session, 'Lovable Tone');
    await signInAs(await register('user'));
    await open('/catalog/search?q=lovable');
    const like = page.getByRole('button', { name: 'Like Lovable Tone' });
    await like.click();
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
    expect(await like.textContent()).toBe('1');
    await page.getByRole('button', { name: 'Favourite Lovable Tone' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Favourite Lovable Tone' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('link', { name: 'Your library' }).click();
    const favorites = page.getByRole('list', { name: 'Favourite songs' });
    await expect.poll(() => favorites.locator('.song-title').allTextContents()).toEqual(['Lovable Tone']);
    await screenshot(page, 'library');
  });

  it('seeks with the player’s slider', async () => {
    const artist = await register('artist');
    await uploadSong(artist.session, 'Long Seek Tone', 20);
    await signInAs(await register('user'));
    await open('/catalog/search?q=long+seek');
    await page.getByRole('button', { name: 'Play Long Seek Tone' }).click();
    await expect.poll(async () => (await audioState()).duration).toBeGreaterThan(19);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('slider', { name: 'Seek' }).fill('12');
    await expect.poll(async () => Math.round((await audioState()).time)).toBe(12);
    expect(await page.getByRole('slider', { name: 'Seek' }).getAttribute('aria-valuetext')).toBe('0:12 of 0:20');
  });

  it('Next skips through the list it was started from; a free listener’s 7th skip in an hour is refused with the limit and the song plays on', async () => {
    const artist = await register('artist');
    // Long enough that none ends (and moves on by itself) while the test skips.
    for (let i = 1; i <= 8; i++) await uploadSong(artist.session, `Skip Tone ${i}`, 30);
    await signInAs(await register('user'));
    await open(`/catalog/artists/${artist.session.user.artist_id}`);
    await page
      .getByRole('button', { name: /^Play Skip Tone/ })
      .first()
      .click();
    const title = page.getByTestId('player-title');
    await title.waitFor();
    const first = (await title.textContent())!;
    const status = page.getByTestId('player-status');
    await expect.poll(() => status.textContent()).toBe('6 skips left this hour');
    const next = page.getByRole('button', { name: 'Next', exact: true });
    for (let skip = 1; skip <= 6; skip++) {
      await next.click();
      await expect.poll(() => status.textContent()).toBe(`${6 - skip} skip${6 - skip === 1 ? '' : 's'} left this hour`);
    }
    const sixth = (await title.textContent())!;
    expect(sixth).not.toBe(first);
    await next.click();
    await expect.poll(() => status.textContent()).toMatch(/^Free listeners can skip 6 songs an hour/);
    expect(await title.textContent()).toBe(sixth);
    await expect.poll(async () => (await audioState()).paused).toBe(false);
    await screenshot(page, 'skip-limit');
  });

  it('refreshes an expired access token once for all the calls that needed it', async () => {
    const listener = await register('user');
    await signInAs(listener);
    // A token the server no longer accepts, as after it expired: every call gets 401 until it is refreshed.
    await page.evaluate(`{
      const session = JSON.parse(localStorage.getItem('encore.session'));
      localStorage.setItem('encore.session', JSON.stringify({ ...session, token: session.token + 'x' }));
    }`);
    const refreshes: string[] = [];
    page.on('request', (request) => request.url().endsWith('/api/auth/refresh') && refreshes.push(request.url()));
    await open('/catalog/library');
    await page.getByRole('heading', { name: 'Recently played' }).waitFor();
    // The library's sections load on their own: each answers once the one refresh is done.
    await expect.poll(() => page.getByText('No favourites yet').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Nothing played yet.').isVisible()).toBe(true);
    expect(refreshes).toHaveLength(1);
    expect(await page.getByTestId('account-role').textContent()).toBe('Listener');
  });

  it('signs out: the header offers Sign in again and the library asks to sign in', async () => {
    await signInAs(await register('user'));
    await open('/catalog/library');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('account').getByRole('link', { name: 'Sign in' }).waitFor();
    await open('/catalog/library');
    expect(await page.getByTestId('sign-in-required').isVisible()).toBe(true);
  });

  it('shows an album with its cover and songs, and an artist with their figures and a follow button', async () => {
    await signInAs(await register('user'));
    const albums = await call<{ results: Array<{ id: string; title: string; artist: { id: string; name: string } }> }>('GET', '/api/albums?page_size=1');
    const album = albums.results[0]!;
    await open(`/catalog/albums/${album.id}`);
    await page.getByRole('heading', { name: album.title, level: 1 }).waitFor();
    await page
      .getByRole('list', { name: `Songs of ${album.title}` })
      .getByTestId('song-row')
      .first()
      .waitFor();
    await screenshot(page, 'album');
    await page.getByRole('link', { name: album.artist.name }).first().click();
    await page.getByRole('heading', { name: album.artist.name, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Follow' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Following' }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'artist');
  });

  it('fits a 375 px phone without sideways scrolling: catalog, search with the player, album, upload', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    const artist = await register('artist');
    await uploadSong(artist.session, 'Phone Sized Tone');
    await signInAs(artist);
    await open('/catalog');
    await page.getByRole('list', { name: 'New songs' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'catalog-home');
    await open('/catalog/search?q=phone+sized');
    await page.getByRole('button', { name: 'Play Phone Sized Tone' }).click();
    await page.getByTestId('player').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'search-playing');
    const albums = await call<{ results: Array<{ id: string }> }>('GET', '/api/albums?page_size=1');
    await open(`/catalog/albums/${albums.results[0]!.id}`);
    await page.getByTestId('song-row').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'album');
    await open('/catalog/upload');
    await page.getByLabel('Audio file').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'upload');
  });

  it('creates a playlist, adds songs with their + button, moves one up, and its share link opens it for another listener', async () => {
    const artist = await register('artist');
    await uploadSong(artist.session, 'Mixtape Opener');
    await uploadSong(artist.session, 'Mixtape Closer');
    const owner = await register('user');
    await signInAs(owner);
    await open('/catalog/playlists');
    await page.getByLabel('Name').fill('Road Trip Mix');
    await page.getByRole('button', { name: 'Create playlist' }).click();
    await page.getByRole('heading', { name: 'Road Trip Mix', level: 1 }).waitFor();
    for (const title of ['Mixtape Opener', 'Mixtape Closer']) {
      await open(`/catalog/search?q=${encodeURIComponent(title)}`);
      await page.getByRole('button', { name: `Add ${title} to a playlist` }).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /^Road Trip Mix/ })
        .click();
      await expect.poll(() => page.getByTestId('added-to-playlist').textContent()).toContain('Added to “Road Trip Mix”.');
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    }
    await page.getByRole('link', { name: 'Playlists' }).click();
    await page.getByRole('link', { name: /^Road Trip Mix/ }).click();
    const songs = page.getByRole('list', { name: 'Songs of Road Trip Mix' }).locator('.song-title');
    await expect.poll(() => songs.allTextContents()).toEqual(['Mixtape Opener', 'Mixtape Closer']);
    // The list moves at once; the reload waits for the server to have stored the move.
    const stored = page.waitForResponse((response) => response.url().endsWith('/reorder') && response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Move Mixtape Closer up' }).click();
    await expect.poll(() => songs.allTextContents()).toEqual(['Mixtape Closer', 'Mixtape Opener']);
    expect((await stored).ok()).toBe(true);
    await page.reload();
    await expect.poll(() => songs.allTextContents()).toEqual(['Mixtape Closer', 'Mixtape Opener']);
    await screenshot(page, 'playlist');
    const link = (await page.getByTestId('share-link').inputValue())!;
    expect(link).toMatch(new RegExp(`^${running.app.baseUrl}/catalog/playlists/shared/[\\w-]{20,}$`));

    await signInAs(await register('user'));
    await page.goto(link);
    await page.getByRole('heading', { name: 'Road Trip Mix', level: 1 }).waitFor();
    await expect.poll(() => songs.allTextContents()).toEqual(['Mixtape Closer', 'Mixtape Opener']);
    expect(await page.getByRole('button', { name: 'Move Mixtape Opener up' }).count()).toBe(0);
  });

  describe('admin pages', () => {
    let admin: RegisteredAccount;
    const predictionsOf = async (count: number) => {
      const songs = await call<{ results: Array<{ track_name: string; artists: string }> }>(
        'GET',
        `/api/dataset/songs?ordering=-popularity&page_size=${count}`,
      );
      for (const song of songs.results) await call('POST', '/api/predict/spotify/', { title: song.track_name, artist: song.artists.split(';')[0] });
      return songs.results;
    };

    beforeAll(async () => {
      admin = await registerAdmin('admin');
      await predictionsOf(3);
    });

    it('an admin filters the songs table to hits, searches it, and sorts it by popularity', async () => {
      await signInAs(admin);
      await open('/catalog');
      await page.getByRole('link', { name: 'Admin', exact: true }).click();
      await page.waitForURL('**/admin/songs');
      const table = page.getByTestId('admin-songs');
      await table.waitFor();
      await page.getByLabel('Result', { exact: true }).selectOption('true');
      await expect.poll(async () => [...new Set(await table.locator('tbody .badge').allTextContents())]).toEqual(['HIT']);
      await page.getByRole('button', { name: 'Popularity' }).click();
      await expect.poll(() => page.getByRole('columnheader', { name: 'Popularity' }).getAttribute('aria-sort')).toBe('descending');
      const popularity = async () => (await table.locator('tbody tr td.numeric').allTextContents()).map(Number);
      await expect.poll(async () => (await popularity()).every((value, i, all) => i === 0 || all[i - 1]! >= value)).toBe(true);
      const title = (await table.locator('tbody th').nth(2).textContent())!;
      await page.getByLabel('Search title or artists').fill(title);
      await expect.poll(() => table.locator('tbody tr').count()).toBeLessThan(25);
      expect(await table.locator('tbody th').allTextContents()).toContain(title);
      await screenshot(page, 'admin-songs');
    });

    it('an admin edits a song in the dialog; a bad value gets the API’s sentence', async () => {
      const session = await signInAs(admin);
      await open('/admin/songs');
      const first = page.getByTestId('admin-songs').locator('tbody tr').first();
      const title = (await first.locator('th').textContent())!;
      await first.getByRole('button', { name: `Edit ${title}` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Popularity (0–100)').fill('150');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => dialog.getByTestId('form-error').textContent()).toBe('popularity must not be greater than 100');
      await dialog.getByLabel('Popularity (0–100)').fill('77');
      await dialog.getByLabel('Tempo (BPM)').fill('fast');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => dialog.getByTestId('form-error').textContent()).toBe('tempo must be a number');
      await dialog.getByLabel('Tempo (BPM)').fill('123.5');
      await dialog.getByLabel('Track').fill(`${title} (edited)`);
      await screenshot(page, 'admin-edit');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      const edited = page
        .getByTestId('admin-songs')
        .locator('tbody tr')
        .filter({ hasText: `${title} (edited)` });
      expect(await edited.locator('td.numeric').textContent()).toBe('77');
      const stored = await call<{ results: object[] }>('GET', `/api/admin/songs?search=${encodeURIComponent(`${title} (edited)`)}`, undefined, session.token);
      expect(stored.results[0]).toMatchObject({ popularity: 77, tempo: 123.5 });
    });

    it('an admin deletes a song once they confirm', async () => {
      await signInAs(admin);
      await open('/admin/songs');
      const table = page.getByTestId('admin-songs');
      const title = (await table.locator('tbody th').nth(1).textContent())!;
      await page.getByRole('button', { name: `Delete ${title}`, exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      expect(await table.locator('tbody th').nth(1).textContent()).toBe(title);
      await page.getByRole('button', { name: `Delete ${title}`, exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete song' }).click();
      await expect.poll(() => table.locator('tbody th').allTextContents()).not.toContain(title);
    });

    it('an admin lists predictions with their columns, corrects one and deletes another', async () => {
      await signInAs(admin);
      await open('/admin/predictions');
      const table = page.getByTestId('admin-predictions');
      await table.waitFor();
      expect((await table.locator('thead th').allTextContents()).map((text) => text.replace(/[▲▼]/g, ''))).toEqual([
        'Song',
        'Result',
        'Confidence',
        'Model said',
        'Adjusted by dataset',
        'Created',
        'Actions',
      ]);
      const rows = table.locator('tbody tr');
      const count = await rows.count();
      const before = (await rows.first().locator('td').first().textContent())!;
      const flipped = before === 'HIT' ? 'FLOP' : 'HIT';
      await rows
        .first()
        .getByRole('button', { name: new RegExp(`^Mark the prediction of .+ ${flipped}$`) })
        .click();
      await expect.poll(() => rows.first().locator('td').first().textContent()).toBe(flipped);
      await page.getByLabel('Result', { exact: true }).selectOption(flipped === 'HIT' ? 'true' : 'false');
      await expect.poll(async () => [...new Set(await rows.locator('td:first-of-type .badge').allTextContents())]).toEqual([flipped]);
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect.poll(() => rows.count()).toBe(count);
      await rows
        .last()
        .getByRole('button', { name: /^Delete the prediction of / })
        .click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete prediction' }).click();
      await expect.poll(() => rows.count()).toBe(count - 1);
      await screenshot(page, 'admin-predictions');
    });

    it('an admin finds an account, makes it an artist and deletes another', async () => {
      const listener = await register('user', 'promoted');
      const leaving = await register('user', 'leaving');
      await signInAs(admin);
      await open('/admin/users');
      const table = page.getByTestId('admin-users');
      await page.getByLabel('Search email, username or name').fill(listener.username);
      await expect.poll(() => table.locator('tbody th').allTextContents()).toEqual([listener.username]);
      await page.getByLabel(`Role of ${listener.username}`).selectOption('artist');
      await page.getByRole('dialog').getByRole('button', { name: 'Change role' }).click();
      await expect.poll(() => page.getByLabel(`Role of ${listener.username}`).inputValue()).toBe('artist');
      await page.getByLabel('Search email, username or name').fill(leaving.username);
      await page.getByRole('button', { name: `Delete ${leaving.username}` }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete account' }).click();
      await expect.poll(() => page.getByText('No accounts match these filters.').isVisible()).toBe(true);
      await page.getByLabel('Search email, username or name').fill('');
      await page.getByLabel('Role', { exact: true }).selectOption('admin');
      await expect.poll(() => table.locator('tbody th').allTextContents()).toEqual([`${admin.username} (you)`]);
      await screenshot(page, 'admin-users');
    });

    it('a listener sees no Admin menu, and the admin pages tell them they are not for their account', async () => {
      await signInAs(await register('user'));
      await open('/admin/songs');
      await page.getByTestId('role-required').waitFor();
      expect(await page.getByRole('link', { name: 'Admin', exact: true }).count()).toBe(0);
    });

    it('the admin pages fit a 375 px phone: the tables scroll inside their card', async () => {
      await page.setViewportSize({ width: 375, height: 800 });
      await signInAs(admin);
      for (const [path, table] of [
        ['/admin/songs', 'admin-songs'],
        ['/admin/predictions', 'admin-predictions'],
        ['/admin/users', 'admin-users'],
      ] as const) {
        await open(path);
        await page.getByTestId(table).waitFor();
        expect(await horizontalOverflow(page)).toBe(0);
        await screenshot(page, table);
      }
    });
  });
});
