import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { DATABASE_URL } from '../database/database.tokens.js';
import { MODEL_ACTIVATED_CHANNEL } from './model-registry.service.js';

const RECONNECT_MS = 2000;

/**
 * Tells subscribers when a model version is activated, by this process or another one (the
 * CLI's `train` or `models activate`), through PostgreSQL LISTEN/NOTIFY. After a lost
 * connection it reconnects and tells every subscriber, since it may have missed a change.
 */
@Injectable()
export class ModelActivationListener implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Models');
  private readonly subscribers = new Map<string, Set<() => void>>();
  private client?: pg.Client;
  private reconnectTimer?: NodeJS.Timeout;
  private closed = false;

  constructor(@Inject(DATABASE_URL) private readonly url: string) {}

  /** Calls `handler` whenever model `name` may have a new active version. */
  subscribe(name: string, handler: () => void): void {
    if (!this.subscribers.has(name)) this.subscribers.set(name, new Set());
    this.subscribers.get(name)!.add(handler);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect(false);
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(reconnecting: boolean): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'encore-model-listener' });
    client.on('notification', ({ payload }) => this.notify(payload?.split(':')[0]));
    client.on('error', (error) => this.logger.warn(`Model activation listener: ${error.message}`));
    client.on('end', () => this.scheduleReconnect());
    try {
      await client.connect();
      await client.query(`LISTEN ${MODEL_ACTIVATED_CHANNEL}`);
      this.client = client;
      if (reconnecting) this.notify(undefined);
    } catch (error) {
      this.logger.warn(`Model activation listener cannot connect (${(error as Error).message}); retrying`);
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect(true);
    }, RECONNECT_MS);
    this.reconnectTimer.unref();
  }

  /** Tells the subscribers of one model, or of all models when `name` is undefined. */
  private notify(name: string | undefined): void {
    const targets = name === undefined ? [...this.subscribers.values()] : [this.subscribers.get(name) ?? new Set()];
    for (const handlers of targets) for (const handler of handlers) handler();
  }
}
