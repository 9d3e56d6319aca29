import { existsSync, watch } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HitModelTrainerService } from '../../../src/features/hit-prediction/model/hit-model-trainer.service.js';
import { OnnxForest } from '../../../src/ml/onnx-model.js';
import { modelFileName } from '../../../src/platform/models/model-card.js';
import { DemoSongsService } from '../../../src/features/dataset/demo/demo-songs.service.js';
import { spawnCli, type CliProcess } from '../../support/cli-process.js';
import { eventually } from '../../support/eventually.js';
import { MANUAL_SONG_FEATURES } from '../../support/hit-song-features.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/** CPU seconds a process has used (all its threads: the forest grows on worker threads). */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime and stime, in clock ticks of 1/100 s
}

/** The files of `names` (in the models folder) that do not load: ONNX models, JSON model cards. */
async function unreadable(modelsDir: string, names: string[]): Promise<string[]> {
  const failed: string[] = [];
  for (const name of names) {
    try {
      if (name.endsWith('.onnx')) await (await OnnxForest.load(join(modelsDir, name))).release();
      else JSON.parse(await readFile(join(modelsDir, name), 'utf8'));
    } catch {
      failed.push(name);
    }
  }
  return failed;
}

interface KillPoint {
  /** Options of `train` that keep it at this point long enough. */
  args: string[];
  /** Where the command is when killed: training (no file written yet) or writing (its temporary file exists). */
  stage: 'training' | 'writing';
  /** Waits for the point, then kills the command; says where it was. */
  kill(cli: CliProcess, t: TestApp): Promise<KillPoint['stage'] | 'after writing'>;
}

const KILL_POINTS: Array<[string, KillPoint]> = [
  [
    'mid-training',
    {
      // More trees than it will ever finish before the kill.
      args: ['--trees', '20000'],
      stage: 'training',
      async kill(cli, t) {
        const pid = cli.child.pid!;
        const before = new Set(await readdir(t.modelsDir));
        // Its model listener joins ours once the command's app is up; then it trains.
        await eventually(
          'the command to start',
          async () =>
            (
              await t.prisma.$queryRaw<Array<{ n: number }>>`
          SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'encore-model-listener'`
            )[0]!.n >= 2,
          60_000,
        );
        const started = await cpuSeconds(pid);
        await eventually('a few CPU seconds of training', async () => (await cpuSeconds(pid)) >= started + 3, 60_000);
        cli.child.kill('SIGKILL');
        return (await readdir(t.modelsDir)).every((name) => before.has(name)) ? 'training' : 'writing';
      },
    },
  ],
  [
    'writing the model file',
    {
      // Leaves of one song make a file of megabytes: its write takes a while.
      args: ['--trees', '20', '--min-samples-leaf', '1'],
      stage: 'writing',
      async kill(cli, t) {
        const pid = cli.child.pid!;
        let temporary: string | undefined;
        const watcher = watch(t.modelsDir, (_event, name) => {
          if (temporary || !name?.endsWith('.tmp')) return;
          process.kill(pid, 'SIGSTOP'); // at once: frozen as the write begins, then killed
          temporary = name;
        });
        try {
          await eventually('the command to write its model file', () => temporary !== undefined || cli.child.exitCode !== null, 90_000);
        } finally {
          watcher.close();
        }
        const stage = temporary && existsSync(join(t.modelsDir, temporary)) ? 'writing' : 'after writing';
        cli.child.kill('SIGKILL');
        return stage;
      },
    },
  ],
];

describe('train killed with SIGKILL', { timeout: 150_000 }, () => {
  let t: TestApp;
  let previousVersion: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(DemoSongsService).import(5000);
    previousVersion = (await t.app.get(HitModelTrainerService).train({ trees: 5 })).card.version;
  }, 60_000);

  afterAll(() => t?.close());

  describe.each(KILL_POINTS)('%s', (_point, point) => {
    let stage: string;

    beforeAll(async () => {
      const cli = spawnCli(['train', '--model-type', 'hit', ...point.args], { DATABASE_URL: t.database.url, MODELS_DIR: t.modelsDir });
      stage = await point.kill(cli, t);
      expect(await cli.exit(), cli.output()).toMatchObject({ signal: 'SIGKILL' });
    }, 120_000);

    it('was killed at that point', () => {
      expect(stage).toBe(point.stage);
    });

    it('keeps the previous version active', async () => {
      const active = await t.prisma.modelMetadata.findMany({ where: { modelName: 'hit', isActive: true } });
      expect(active.map((row) => row.modelVersion)).toEqual([previousVersion]);
    });

    it('registers no version whose files are missing or unreadable', async () => {
      const rows = await t.prisma.modelMetadata.findMany();
      const files = rows.flatMap((row) => [row.path, modelFileName(row.modelName, row.modelVersion, 'json')]);
      expect(await unreadable(t.modelsDir, files)).toEqual([]);
    });

    it('leaves no half-written file under a model file name (only under its temporary name)', async () => {
      const files = (await readdir(t.modelsDir)).filter((name) => name.endsWith('.onnx') || name.endsWith('.json'));
      expect(await unreadable(t.modelsDir, files)).toEqual([]);
    });

    it('starts again and predicts with the previous version', async () => {
      const restarted = await createTestApp({}, t);
      try {
        const { body } = await request(restarted.http).post('/api/predict/manual/').send(MANUAL_SONG_FEATURES).expect(200);
        expect(body.model_version).toBe(previousVersion);
      } finally {
        await restarted.close();
      }
    });
  });

  it('removes the temporary file a killed training left when the next training saves its model', async () => {
    expect((await readdir(t.modelsDir)).filter((name) => name.endsWith('.tmp'))).not.toEqual([]);
    await t.app.get(HitModelTrainerService).train({ trees: 3, activate: false });
    expect((await readdir(t.modelsDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
