import { Module } from '@nestjs/common';
import { ModelActivationListener } from './model-activation-listener.js';
import { ModelRegistryService } from './model-registry.service.js';

@Module({ providers: [ModelRegistryService, ModelActivationListener], exports: [ModelRegistryService, ModelActivationListener] })
export class ModelsModule {}
