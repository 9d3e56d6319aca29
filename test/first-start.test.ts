import { describe, expect, it } from 'vitest';
import type { INestApplicationContext } from '@nestjs/common';
import { runFirstStart, type FirstStartStep } from '../src/first-start.js';

const app = {} as INestApplicationContext;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the first start', () => {
  it("runs the chains side by side and each chain's steps in order", async () => {
    const events: string[] = [];
    const step =
      (name: string): FirstStartStep =>
      async () => {
        events.push(`${name} begins`);
        await tick();
        events.push(`${name} ends`);
      };
    await runFirstStart(app, [
      [step('songs'), step('hit model')],
      [step('store'), step('genre model')],
    ]);
    const at = (event: string) => events.indexOf(event);
    // The store's chain began while the songs' first step was still running...
    expect(at('store begins')).toBeLessThan(at('songs ends'));
    // ...and in each chain a step began only after the one before it ended.
    expect(at('songs ends')).toBeLessThan(at('hit model begins'));
    expect(at('store ends')).toBeLessThan(at('genre model begins'));
    expect(events).toHaveLength(8);
  });

  it('lets the other chains finish when one fails, then throws its failure', async () => {
    const finished: string[] = [];
    const failing: FirstStartStep = () => Promise.reject(new Error('the store cannot be read'));
    const slow: FirstStartStep = async () => {
      await tick();
      await tick();
      finished.push('songs');
    };
    await expect(runFirstStart(app, [[failing, () => Promise.resolve(finished.push('never'))], [slow]])).rejects.toThrow('the store cannot be read');
    expect(finished).toEqual(['songs']);
  });
});
