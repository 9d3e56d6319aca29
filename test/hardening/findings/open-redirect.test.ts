import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../../../web/src/lib/routes.js';

const ORIGIN = 'http://localhost:3000';

/**
 * Finding 5 of issue 20: /signin?next=%2F%09%2Fevil.example%2Fphish rendered the Continue link as
 * http://evil.example/phish. The sign-in and register pages read `next` from their query and pass
 * it through safeNextPath (more cases in test/web/lib/routes.test.ts).
 */
describe('the page after signing in, from the reported link', () => {
  it('is the catalog, not the site a tab in next pointed at', () => {
    const next = new URL('/signin?next=%2F%09%2Fevil.example%2Fphish', ORIGIN).searchParams.get('next');
    expect(new URL(next!, ORIGIN).href).toBe('http://evil.example/phish');
    expect(safeNextPath(next, ORIGIN)).toBe('/catalog');
  });
});
