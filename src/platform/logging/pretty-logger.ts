import { ConsoleLogger, type ConsoleLoggerOptions, type LogLevel } from '@nestjs/common';
import { redactText } from './redact.js';
import { levelOfLogCall } from './startup-chatter.js';

/**
 * Nest's console format for people at a terminal. Structured fields passed after a message are
 * for JSON logs: here the message alone is printed (request lines already say everything), with
 * credentials censored as in JSON logs.
 */
export class PrettyLogger extends ConsoleLogger {
  constructor(
    options: ConsoleLoggerOptions,
    /** stderr for the CLI, whose stdout is a command's output. */
    private readonly stream?: 'stdout' | 'stderr',
  ) {
    super(options);
  }

  override log(message: unknown, ...params: unknown[]): void {
    if (levelOfLogCall(params) === 'debug') this.debug(message, ...params);
    else super.log(message, ...params);
  }

  protected override printMessages(
    messages: unknown[],
    context?: string,
    logLevel?: LogLevel,
    writeStreamType?: 'stdout' | 'stderr',
    errorStack?: unknown,
  ): void {
    const cleaned = messages.map((message) => (typeof message === 'string' ? redactText(message) : message));
    super.printMessages(cleaned, context, logLevel, this.stream ?? writeStreamType, errorStack);
  }
}
