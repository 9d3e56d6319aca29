import { Module } from '@nestjs/common';
import { ChinookImportService } from './chinook/chinook-import.service.js';

@Module({ providers: [ChinookImportService], exports: [ChinookImportService] })
export class GenreModule {}
