import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { LinesPerTurn } from '../../../src/platform/logging/lines-per-turn.js';

function recordingOutput() {
  const writes: string[] = [];
  return { writes, output: { write: (text: string) => void writes.push(text) } };
}

describe('LinesPerTurn', () => {
  it('writes the lines logged in one turn of the event loop as one write, in order, after that turn', async () => {
    const { writes, output } = recordingOutput();
    const lines = new LinesPerTurn(output);
    lines.write('one\n');
    lines.write('two\n');
    expect(writes).toEqual([]);
    await nextTurn();
    lines.write('three\n');
    await nextTurn();
    expect(writes).toEqual(['one\ntwo\n', 'three\n']);
  });

  it('writes what waits at once when flushed', () => {
    const { writes, output } = recordingOutput();
    const lines = new LinesPerTurn(output);
    lines.write('last words\n');
    lines.flush();
    expect(writes).toEqual(['last words\n']);
  });
});
