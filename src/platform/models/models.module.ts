import { Module } from '@nestjs/common';
import { ModelActivationListener } from './model-activation-listener.js';
import { ModelFileStore } from './model-file-store.js';
import { ModelRegistryService } from './model-registry.service.js';

@Module({ providers: [ModelRegistryService, ModelFileStore, ModelActivationListener], exports: [ModelRegistryService, ModelActivationListener] })
export class ModelsModule {}
