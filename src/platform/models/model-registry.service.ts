import { Injectable, Logger, NotFoundException, type OnApplicationBootstrap } from '@nestjs/common';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config.js';
import { projectRoot } from '../config/paths.js';
import { PrismaService } from '../database/prisma.service.js';
import { Prisma, type ModelMetadata } from '../../generated/prisma/client.js';
import type { ModelStatus } from './active-model.js';
import { modelFileName, type ModelCard } from './model-card.js';
import { ModelFileStore, type ModelFileBytes } from './model-file-store.js';

/** Models that ship with Encore, tracked in git: trained by its own trainer on real data (see each card's training_command). */
export const SHIPPED_MODELS_DIR = join(projectRoot, 'models', 'pretrained');

/** The PostgreSQL channel told which model version became active ("<name>:<version>"). */
export const MODEL_ACTIVATED_CHANNEL = 'model_activated';

/** A model this instance predicts with: what health and metrics read of it. */
export interface ServedModel {
  readonly status: ModelStatus;
  readonly card: ModelCard | undefined;
}

/**
 * Trained models: a `model_metadata` row per version, exactly one of them active per model name,
 * with its files (ONNX + model card) stored beside it (ModelFileStore) and cached in the models
 * folder; and the models this instance serves, which each predictor's ActiveModel adds, so
 * health and metrics know them without knowing the features.
 */
@Injectable()
export class ModelRegistryService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Models');
  private readonly served = new Map<string, ServedModel>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
    private readonly files: ModelFileStore,
  ) {}

  /** Stores the files of versions registered before files were stored, from this instance's models folder. */
  async onApplicationBootstrap(): Promise<void> {
    // An app starts without its database (health then says so): the next start tries again.
    await this.files.backfill().catch((error: unknown) => this.logger.warn(`Could not store the files of older model versions: ${(error as Error).message}`));
  }

  /** Called by a model's ActiveModel: this instance predicts with it. */
  serve(name: string, model: ServedModel): void {
    this.served.set(name, model);
  }

  /** The models this instance predicts with, by name, in the order they were added. */
  get servedModels(): ReadonlyMap<string, ServedModel> {
    return this.served;
  }

  /**
   * Records the version with its files, in one transaction: no row without its bytes. The files
   * are cached first (each to a temporary name, so no half file is ever read).
   */
  async save(card: ModelCard, onnx: Uint8Array): Promise<ModelMetadata> {
    const files = await this.files.prepare(filesOf(card, onnx));
    return this.prisma.modelMetadata.create({
      data: {
        modelName: card.name,
        modelVersion: card.version,
        accuracy: card.metrics.accuracy,
        rocAuc: card.metrics.roc_auc,
        f1: card.metrics.f1,
        trainedOn: new Date(card.created_at),
        dataSource: card.data_source,
        trainingRows: card.training_rows,
        testRows: card.test_rows,
        path: files[0]!.fileName,
        files: { create: files },
      },
    });
  }

  /** The card of the newest version of `name` that ships in models/pretrained, or null when none does. */
  async shippedCard(name: string): Promise<ModelCard | null> {
    const cards = (await readdir(SHIPPED_MODELS_DIR).catch(() => [])).filter((file) => file.startsWith(`${name}-`) && file.endsWith('.json')).sort();
    const newest = cards.at(-1);
    return newest ? (JSON.parse(await readFile(join(SHIPPED_MODELS_DIR, newest), 'utf8')) as ModelCard) : null;
  }

  /**
   * Registers and activates the newest version of `name` that ships with Encore (SHIPPED_MODELS_DIR),
   * storing its files with it. Null when none ships.
   */
  async activateShipped(name: string): Promise<ModelCard | null> {
    const card = await this.shippedCard(name);
    if (!card) return null;
    const onnx = await readFile(join(SHIPPED_MODELS_DIR, modelFileName(card.name, card.version, 'onnx')));
    const known = await this.prisma.modelMetadata.findUnique({ where: { modelName_modelVersion: { modelName: name, modelVersion: card.version } } });
    if (known) await this.files.writeCache(filesOf(card, onnx));
    else
      await this.save(card, onnx).catch((error: unknown) => {
        // Instances starting together on an empty database: another one registered it first.
        if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
      });
    await this.activate(name, card.version);
    return card;
  }

  /** Makes `version` the one active version of `name`, and tells every running app. */
  async activate(name: string, version: string): Promise<ModelMetadata> {
    const activated = await this.prisma.$transaction(async (tx) => {
      // One activation per model name at a time, so two never end up active together.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`model:${name}`}))`;
      const target = await tx.modelMetadata.findUnique({ where: { modelName_modelVersion: { modelName: name, modelVersion: version } } });
      if (!target) throw new NotFoundException(`No ${name} model version ${version}; see "models list".`);
      await tx.modelMetadata.updateMany({ where: { modelName: name, isActive: true }, data: { isActive: false } });
      const row = await tx.modelMetadata.update({ where: { id: target.id }, data: { isActive: true, activatedAt: new Date() } });
      await tx.$executeRaw`SELECT pg_notify(${MODEL_ACTIVATED_CHANNEL}, ${`${name}:${version}`})`;
      return row;
    });
    this.logger.log(`Activated ${name} model ${version}`);
    return activated;
  }

  list(name?: string): Promise<ModelMetadata[]> {
    return this.prisma.modelMetadata.findMany({ where: name ? { modelName: name } : {}, orderBy: [{ modelName: 'asc' }, { createdAt: 'desc' }] });
  }

  active(name: string): Promise<ModelMetadata | null> {
    return this.prisma.modelMetadata.findFirst({ where: { modelName: name, isActive: true } });
  }

  onnxPath(row: ModelMetadata): string {
    return join(this.config.modelsDir, row.path);
  }

  /**
   * The version's model card, once its files are in this instance's models folder (fetched when
   * missing or different from the stored ones): onnxPath(row) can be loaded after it.
   */
  async readCard(row: ModelMetadata): Promise<ModelCard> {
    await this.files.cache(row);
    const path = join(this.config.modelsDir, modelFileName(row.modelName, row.modelVersion, 'json'));
    return JSON.parse(await readFile(path, 'utf8')) as ModelCard;
  }
}

/** A version's files: the ONNX file first (model_metadata.path names it), then the model card. */
function filesOf(card: ModelCard, onnx: Uint8Array): ModelFileBytes[] {
  return [
    { name: modelFileName(card.name, card.version, 'onnx'), bytes: onnx },
    { name: modelFileName(card.name, card.version, 'json'), bytes: `${JSON.stringify(card, null, 2)}\n` },
  ];
}
