/** Progress of a long command on stderr: a bar redrawn in place on a terminal, plain lines otherwise. */
export class Progress {
  private readonly started = Date.now();
  private lastLine = 0;
  private readonly tty = Boolean(process.stderr.isTTY);

  /** `fraction` of the work done (0–1), `done` units of `unit` so far. */
  update(fraction: number, done: number, unit: string): void {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = Math.round(done / Math.max(seconds, 0.001)).toLocaleString('en-US');
    const text = `${done.toLocaleString('en-US')} ${unit} (${rate} ${unit}/s)`;
    if (this.tty) {
      const width = 30;
      const filled = Math.round(Math.min(Math.max(fraction, 0), 1) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${text}   `);
    } else if (Date.now() - this.lastLine >= 2000) {
      this.lastLine = Date.now();
      process.stderr.write(`${(fraction * 100).toFixed(0)}% ${text}\n`);
    }
  }

  done(): void {
    if (this.tty) process.stderr.write('\n');
  }
}
