import { Global, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DatabaseServer } from './database-server.js';
import { DATABASE_URL } from './database.tokens.js';
import { PrismaService } from './prisma.service.js';

/** Stops the embedded server (if this process owns it) once everything else has shut down. */
class DatabaseServerLifecycle implements OnApplicationShutdown {
  constructor(private readonly server?: DatabaseServer) {}

  async onApplicationShutdown(): Promise<void> {
    await this.server?.stop();
  }
}

@Global()
@Module({})
export class DatabaseModule {
  /** `server`, when given, is stopped with the app; tests pass only a URL. */
  static forRoot(url: string, server?: DatabaseServer): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: DATABASE_URL, useValue: url }, { provide: DatabaseServerLifecycle, useValue: new DatabaseServerLifecycle(server) }, PrismaService],
      exports: [PrismaService, DATABASE_URL],
    };
  }
}
