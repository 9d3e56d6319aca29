import type { LoggerService, LogLevel } from '@nestjs/common';
import { pino, stdTimeFunctions, type DestinationStream, type Level, type Logger as Pino } from 'pino';
import { mayHoldRedactedField, REDACTED, REDACTED_PATHS, redactText } from './redact.js';
import { levelOfLogCall } from './startup-chatter.js';

/** Nest's levels as pino names them. */
const PINO_LEVEL: Record<LogLevel, Level> = { fatal: 'fatal', error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };
const SEVERITY: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** A string that looks like a stack trace (Nest passes one to error()). */
const isStack = (value: unknown): value is string => typeof value === 'string' && /\n\s+at /.test(value);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * Nest's logger as JSON lines through pino: `{"level":"info","time":"<ISO>","pid","hostname",
 * "context":"HTTP","msg":"..."}` plus the fields of any plain object passed after the message
 * (`logger.log('GET /api/x 200', { req_id, status })`). Credentials are censored (see redact.ts).
 */
export class JsonLogger implements LoggerService {
  private readonly pino: Pino;
  /**
   * The same logger without pino's redaction, for lines whose fields hold nothing it could censor
   * (mayHoldRedactedField): walking REDACTED_PATHS' wildcards for every request line cost 6 % of
   * a POST /api/predict/manual/ (docs/benchmarks.md).
   */
  private readonly unredacted: Pino;

  constructor(level: LogLevel, destination: DestinationStream = pino.destination({ dest: 1, sync: true })) {
    const options = { level: PINO_LEVEL[level], timestamp: stdTimeFunctions.isoTime, formatters: { level: (label: string) => ({ level: label }) } };
    this.pino = pino({ ...options, redact: { paths: REDACTED_PATHS, censor: REDACTED } }, destination);
    this.unredacted = pino(options, destination);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write(levelOfLogCall(params), message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest passes the levels to print; pino takes the least severe of them. */
  setLogLevels(levels: LogLevel[]): void {
    const least = SEVERITY.filter((level) => levels.includes(level)).at(-1);
    this.pino.level = this.unredacted.level = least ? PINO_LEVEL[least] : 'silent';
  }

  /** Writes out what is buffered (the default destination is synchronous: nothing). */
  flush(): void {
    this.pino.flush();
  }

  private write(level: LogLevel, message: unknown, params: unknown[]): void {
    const pinoLevel = PINO_LEVEL[level];
    if (!this.pino.isLevelEnabled(pinoLevel)) return;
    const rest = [...params];
    // Nest's Logger appends its context as the last argument (and error() an undefined stack before it).
    const context = rest.length > 0 && typeof rest.at(-1) === 'string' && !isStack(rest.at(-1)) ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    const extra: string[] = [];
    for (const param of rest) {
      if (param === undefined) continue;
      if (isStack(param)) fields.stack = redactText(param);
      else if (param instanceof Error) fields.err = param;
      else if (isPlainObject(param)) Object.assign(fields, param);
      else extra.push(typeof param === 'string' ? param : JSON.stringify(param));
    }
    let text: string;
    if (message instanceof Error) {
      fields.err = message;
      text = message.message;
    } else if (isPlainObject(message)) {
      const { msg, message: inner, ...others } = message;
      Object.assign(fields, others);
      text = typeof msg === 'string' ? msg : typeof inner === 'string' ? inner : '';
    } else {
      text = typeof message === 'string' ? message : String(message);
    }
    if (extra.length > 0) text = [text, ...extra].join(' ');
    (mayHoldRedactedField(fields) ? this.pino : this.unredacted)[pinoLevel](fields, redactText(text));
  }
}
