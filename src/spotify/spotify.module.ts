import { Module } from '@nestjs/common';
import { SpotifyClient } from './spotify-client.js';

@Module({ providers: [SpotifyClient], exports: [SpotifyClient] })
export class SpotifyModule {}
