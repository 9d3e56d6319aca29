import { describe, expect, it } from 'vitest';
import { passwordProblems } from '../../../src/features/auth/password-rules.js';

describe('passwordProblems', () => {
  it('accepts a long enough password with a letter and a digit', () => {
    expect(passwordProblems('blue-Harmony7', { username: 'ana', email: 'ana@example.com' })).toEqual([]);
  });

  it('names every rule a password breaks', () => {
    expect(passwordProblems('abc')).toEqual(['must be at least 8 characters', 'must contain a letter and a digit']);
  });

  it('refuses common passwords whatever their case', () => {
    expect(passwordProblems('Password123')).toEqual(['is too common']);
  });

  it('refuses passwords built on the username or the email name', () => {
    expect(passwordProblems('xX-anamusic-99', { username: 'anamusic' })).toEqual(['must not contain the username or email']);
    expect(passwordProblems('ana.lopez2024', { email: 'ana.lopez@example.com' })).toEqual(['must not contain the username or email']);
  });

  it('counts letters and digits of any script', () => {
    expect(passwordProblems('música١٢٣٤')).toEqual([]);
  });
});
