import type { LoggerService, LogLevel } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { pino } from 'pino';
import type { LogFormat } from '../config/app-config.js';
import { JsonLogger } from './json-logger.js';
import { LinesPerTurn } from './lines-per-turn.js';
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

/**
 * stdout, one write per turn of the event loop rather than per line (7 % of a POST
 * /api/predict/manual/ went to a write per request line, docs/benchmarks.md). What waits is
 * written when the process exits, and the app exits through process.exit on a shutdown signal
 * (createApp) so that it does.
 */
function serverOutput(): DestinationStream {
  return new LinesPerTurn(pino.destination({ dest: 1, sync: true }));
}

/** A logger printing `level` and everything more severe, in the format asked for. */
export function createLogger(level: LogLevel, { format = 'pretty', stream = 'stdout', destination }: LoggerOptions = {}): LoggerService {
  if (format === 'json') return new JsonLogger(level, destination ?? (stream === 'stderr' ? pino.destination({ dest: 2, sync: true }) : serverOutput()));
  return new PrettyLogger({ logLevels: logLevelsFrom(level) }, stream);
}
