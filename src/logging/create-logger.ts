import type { LoggerService, LogLevel } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { pino } from 'pino';
import type { LogFormat } from '../config/app-config.js';
import { JsonLogger } from './json-logger.js';
import { PrettyLogger } from './pretty-logger.js';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** `level` and every level more severe. */
export function logLevelsFrom(level: LogLevel): LogLevel[] {
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}

export interface LoggerOptions {
  /** json (pino, one object per line) or pretty (Nest's console format). Default pretty. */
  format?: LogFormat;
  /** Where lines go: stdout by default; the CLI writes to stderr. */
  stream?: 'stdout' | 'stderr';
  /** JSON lines to this stream instead (tests). */
  destination?: DestinationStream;
}

/** A logger printing `level` and everything more severe, in the format asked for. */
export function createLogger(level: LogLevel, { format = 'pretty', stream = 'stdout', destination }: LoggerOptions = {}): LoggerService {
  if (format === 'json') return new JsonLogger(level, destination ?? pino.destination({ dest: stream === 'stderr' ? 2 : 1, sync: true }));
  return new PrettyLogger({ logLevels: logLevelsFrom(level) }, stream);
}
