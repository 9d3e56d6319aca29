import type { DestinationStream } from 'pino';

/**
 * A log destination that joins the lines logged in one turn of the event loop into one write to
 * `output` (setImmediate), instead of one blocking write per line: under load, many requests
 * finish per turn, and their log lines cost one system call. A line waits at most until the
 * current turn's I/O is done; what is waiting when the process exits is written then.
 */
export class LinesPerTurn implements DestinationStream {
  private pending: string[] = [];
  private readonly writeOut = () => this.flush();

  constructor(private readonly output: DestinationStream & { flushSync?: () => void }) {
    process.on('exit', () => {
      this.flush();
      output.flushSync?.();
    });
  }

  write(line: string): void {
    if (this.pending.length === 0) setImmediate(this.writeOut);
    this.pending.push(line);
  }

  /** Writes out what waits now (pino's logger.flush() calls it). */
  flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
    this.pending = [];
    this.output.write(text);
  }
}
