import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-process.js';
import { freePort } from '../support/free-port.js';

const HEADER =
  'track,artist,uri,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,duration_ms,time_signature,chorus_hit,sections,target,decade';

/** Invented songs in the hit-predictor files' format; `hit` labels each from its danceability and a coin. */
function songsCsv(rows: number, seed: number, hit: (danceability: number, coin: number) => boolean): string {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const lines = Array.from({ length: rows }, (_, i) => {
    const danceability = random();
    const id = `${seed}x${i}`.padEnd(22, 'q');
    const features = [
      danceability,
      random(),
      5,
      -8 - random() * 10,
      1,
      0.05,
      random(),
      random() * 0.2,
      0.1,
      random(),
      90 + random() * 60,
      180_000 + Math.round(random() * 60_000),
      4,
      30,
      9,
    ];
    return [
      `Invented ${seed}-${i}`,
      'Nobody Real',
      `spotify:track:${id}`,
      ...features.map((value) => Number(value.toFixed(4))),
      hit(danceability, random()) ? 1 : 0,
      1990,
    ].join(',');
  });
  return [HEADER, ...lines].join('\n');
}

describe('npm run cli -- train: which version predicts afterwards', { timeout: 180_000 }, () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  let learnable: string;

  const cli = (...args: string[]) => runCli(args, env);
  const activeVersion = () => /^\* hit (\S+)/m.exec(cli('models', 'list', '--name', 'hit').stdout)?.[1];
  const versionOf = (stdout: string) => /^Model hit (\S+)/m.exec(stdout)?.[1];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'encore-train-'));
    await chmod(root, 0o755);
    env = { MODELS_DIR: join(root, 'models'), EMBEDDED_PG_DIR: join(root, 'pg'), EMBEDDED_PG_PORT: String(await freePort()) };
    learnable = join(root, 'learnable.csv');
    await writeFile(
      learnable,
      songsCsv(600, 7, (danceability, coin) => danceability + (coin - 0.5) * 0.3 > 0.5),
    );
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('activates the first version, says so, and names the command that trains it again', async () => {
    const trained = cli('train', '--csv', learnable, '--trees', '20');
    expect(trained.code).toBe(0);
    const version = versionOf(trained.stdout);
    expect(trained.stdout).toContain(`${version} is now the active version.`);
    expect(activeVersion()).toBe(version);
    const card = JSON.parse(await readFile(join(root, 'models', `hit-${version}.json`), 'utf8')) as { training_command: string; data_source: string };
    expect(card).toMatchObject({
      data_source: 'CSV learnable.csv (600 tracks)',
      training_command: 'npm run train -- --csv learnable.csv --trees 20 --min-samples-leaf 20 --seed 42',
    });
  });

  it('keeps the active version when the new one ranks the same test rows worse, and says which happened', () => {
    const before = activeVersion();
    // The labels follow danceability: a model that cannot read it ranks no better than chance.
    const trained = cli('train', '--csv', learnable, '--trees', '20', '--features', 'tempo,energy');
    expect(trained.code).toBe(0);
    expect(trained.stdout).toMatch(
      new RegExp(`Kept ${before} active: the new version is worse \\(ROC AUC [\\d.]+ against ${before}'s [\\d.]+ on the same rows\\)`),
    );
    expect(activeVersion()).toBe(before);
  });

  it('activates a worse version when --activate forces it', () => {
    const trained = cli('train', '--csv', learnable, '--trees', '20', '--features', 'tempo,energy', '--activate');
    const version = versionOf(trained.stdout);
    expect(trained.stdout).toContain(`${version} is now the active version.`);
    expect(activeVersion()).toBe(version);
  });

  it('saves without activating under --no-activate', () => {
    const before = activeVersion();
    const trained = cli('train', '--csv', learnable, '--trees', '20', '--no-activate');
    expect(trained.stdout).toContain('Not activated (--no-activate)');
    expect(activeVersion()).toBe(before);
  });
});
