import { describe, expect, it } from 'vitest';
import { generateDemoStore } from '../../../src/features/genre/demo/demo-store.js';
import { DEMO_LEADS, demoDraft } from '../../../src/features/leads/demo/demo-leads.js';

/** The host of a URL or the domain of an e-mail address. */
const domainOf = (value: string) => (value.includes('://') ? new URL(value).hostname : value.slice(value.lastIndexOf('@') + 1));
const reserved = (value: string) => /(^|\.)example\.com$|\.invalid$/.test(domainOf(value));

describe('generated demo contacts', () => {
  it('put every demo lead’s links and contacts on example.com or .invalid, as the sources’ answers and as the lead keeps them', () => {
    for (const [index, demo] of DEMO_LEADS.entries()) {
      const { findings, draft } = demoDraft(demo, index, new Date('2026-12-01T00:00:00Z'));
      const values = [...findings.artist!.urls.map((link) => link.url.replace(/^mailto:/, '')), ...draft.contacts.map((contact) => contact.value)];
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) expect(reserved(value), `${demo.artist}: ${value}`).toBe(true);
    }
  });

  it('keeps the platforms each demo lead is on, though no link uses a platform’s real host', () => {
    const hollis = DEMO_LEADS.findIndex((demo) => demo.artist === 'Hollis Reed');
    const { draft } = demoDraft(DEMO_LEADS[hollis]!, hollis, new Date('2026-12-01T00:00:00Z'));
    expect(new Set(draft.facts.platforms)).toEqual(new Set(['instagram', 'tiktok', 'apple_music', 'spotify', 'youtube']));
  });

  it('gives the generated store’s staff and customers example.com addresses', () => {
    const store = generateDemoStore({ customers: 200, seed: 3 });
    for (const row of [...store.employee, ...store.customer]) expect(reserved(String(row.email)), String(row.email)).toBe(true);
  });
});
