import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoLeadsService } from '../../../../src/features/leads/demo/demo-leads.service.js';
import { DEMO_LEADS } from '../../../../src/features/leads/demo/demo-leads.js';
import { createAccount, type TestAccount } from '../../../support/accounts.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

describe('the demo A&R pipeline', () => {
  let t: TestApp;
  let admin: TestAccount;
  let leads: Array<{ artist_name: string; tier: string; independence: string; region: string; reasons: string[] }>;

  beforeAll(async () => {
    t = await createTestApp({ GENRE_TRAIN_CRON: 'off' });
    admin = await createAccount(t, 'admin');
    expect(await t.app.get(DemoLeadsService).importIfEmpty()).toBe(DEMO_LEADS.length);
    leads = (await request(t.http).get('/api/leads?page_size=100').set('authorization', admin.bearer).expect(200)).body.results;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('scores every demo lead through the real scoring, from an A-tier New Zealand self-release down to a major in D', () => {
    expect(leads).toHaveLength(DEMO_LEADS.length);
    expect(leads[0]).toMatchObject({ artist_name: 'Aroha Vale', tier: 'A', independence: 'self_released', region: 'nz' });
    expect(leads.at(-1)).toMatchObject({ artist_name: 'Hollis Reed', independence: 'major', tier: 'D' });
    expect(new Set(leads.map((lead) => lead.tier))).toEqual(new Set(['A', 'B', 'C', 'D']));
    expect(leads[0]!.reasons.join(' ')).toContain('Growing streams');
  });

  it('adds nothing when leads exist', async () => {
    expect(await t.app.get(DemoLeadsService).importIfEmpty()).toBeUndefined();
    expect(await t.prisma.leadProfile.count()).toBe(DEMO_LEADS.length);
  });
});
