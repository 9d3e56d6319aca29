import { Logger } from '@nestjs/common';
import { dirname } from 'node:path';
import { ModelRunner } from '../../ml/model-runner.js';
import type { ModelActivationListener } from './model-activation-listener.js';
import type { ModelCard } from './model-card.js';
import type { ModelRegistryService } from './model-registry.service.js';

export interface LoadedModel<Card extends ModelCard, Prepared = undefined> {
  card: Card;
  runner: ModelRunner;
  /** The ONNX file the runner was loaded from, for threads that load their own session of it. */
  onnxPath: string;
  /** What the model's own `prepare` made of the version once, at load (e.g. an explainer), not per request. */
  prepared: Prepared;
}

/** Made once per loaded version, beside its runner; it fails the load when it throws. */
export type PrepareModel<Card extends ModelCard, Prepared> = (card: Card, onnxPath: string) => Promise<Prepared>;

/** Whether a model can answer, as health and the admin API report it. */
export type ModelStatus = { status: 'ok'; version: string } | { status: 'unavailable'; reason: string };

/**
 * The active version of one model, run by a {@link ModelRunner} (its onnxruntime session opened
 * by its first run): loaded at start, swapped without a restart when another version is activated
 * (here or by another process), released after the runs in flight on it. While there is no usable
 * version, `loaded` is undefined and `reason` says why.
 */
export class ActiveModel<Card extends ModelCard, Prepared = undefined> {
  private readonly logger: Logger;
  private current?: LoadedModel<Card, Prepared>;
  private unavailable = 'no model has been loaded yet';
  private reloading: Promise<void> = Promise.resolve();
  /** Set by release: the app is closing, and an activation notice that still arrives loads nothing. */
  private released = false;

  constructor(
    private readonly name: string,
    private readonly registry: ModelRegistryService,
    private readonly listener: ModelActivationListener,
    /** Logger context, e.g. "HitModel". */
    context: string,
    private readonly prepare?: PrepareModel<Card, Prepared>,
  ) {
    this.logger = new Logger(context);
    registry.serve(name, this);
  }

  get card(): Card | undefined {
    return this.current?.card;
  }

  async start(): Promise<void> {
    this.listener.subscribe(this.name, () => void this.reload());
    await this.reload();
  }

  get loaded(): LoadedModel<Card, Prepared> | undefined {
    return this.current;
  }

  /** Why no version is loaded. */
  get reason(): string {
    return this.unavailable;
  }

  get status(): ModelStatus {
    return this.current ? { status: 'ok', version: this.current.card.version } : { status: 'unavailable', reason: this.unavailable };
  }

  /** Loads the active version if it is not the one in use; one reload at a time. */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(() => (this.released ? undefined : this.loadActive())).catch((error: unknown) => {
      this.logger.error(`Reloading the ${this.name} model failed: ${(error as Error).message}`);
    });
    return this.reloading;
  }

  /** For good (the app is closing): the version in use is released after the runs in flight on it, and none is loaded again. */
  async release(): Promise<void> {
    this.released = true;
    await this.reloading;
    const current = this.current;
    this.current = undefined;
    this.unavailable = `the ${this.name} model was released (the app is closing)`;
    await current?.runner.release();
  }

  private async loadActive(): Promise<void> {
    const row = await this.registry.active(this.name);
    if (row && row.modelVersion === this.current?.card.version) return;
    const previous = this.current;
    if (!row) {
      this.current = undefined;
      this.unavailable = `no ${this.name} model has been trained`;
    } else {
      const onnxPath = this.registry.onnxPath(row);
      try {
        const card = (await this.registry.readCard(row)) as Card;
        const runner = await ModelRunner.load(onnxPath);
        let prepared: Prepared;
        try {
          if (runner.featureCount !== card.features.length) throw new Error(`the ONNX file takes ${runner.featureCount} features, its card lists ${card.features.length}`);
          prepared = (this.prepare ? await this.prepare(card, onnxPath) : undefined) as Prepared;
        } catch (error) {
          await runner.release();
          throw error;
        }
        this.current = { card, runner, onnxPath, prepared }; // the swap: requests from now on use the new version
        this.logger.log(`Using ${this.name} model ${card.version} (accuracy ${card.metrics.accuracy.toFixed(3)})`);
      } catch (error) {
        const { message } = error as Error;
        this.current = undefined;
        // The reason goes into API answers: file names, not the server's folders.
        this.unavailable = `${this.name} model ${row.modelVersion} cannot be loaded (${message.replaceAll(`${dirname(onnxPath)}/`, '')})`;
        this.logger.error(`${this.name} model ${row.modelVersion} cannot be loaded (${message})`);
      }
    }
    await previous?.runner.release(); // after the runs in flight on it
  }
}
