import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { horizontalOverflow, screenshot } from '../support/browser.js';
import { startBrowserApp, type BrowserApp } from '../support/browser-app.js';
import { browserSession } from '../support/browser-session.js';

/** Catalog → Your plan: a Family owner invites, the invited listener accepts or declines, in Chromium. */
describe('sharing a plan in a browser', () => {
  let running: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    running = await startBrowserApp();
  }, 180_000);
  afterAll(() => running?.stop());

  beforeEach(async () => {
    page = await running.newPage();
  });
  afterEach(() => page.close());

  const open = (path: string) => page.goto(`${running.app.baseUrl}${path}`);
  const { call, register, signInAs } = browserSession(
    () => running,
    () => page,
  );
  const familyOwner = async () => {
    const owner = await register('user', 'owner');
    await call('POST', '/api/subscriptions/subscribe', { plan: 'family' }, owner.session.token);
    return owner;
  };

  it('lets the owner invite by email and see the invitation pending, then the invitee accept and join', async () => {
    const [owner, friend] = [await familyOwner(), await register('user', 'friend')];
    await signInAs(owner);
    await open('/catalog/plan');
    await page.getByLabel('Invite by email or username').fill(friend.email);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const pending = page.getByRole('list', { name: 'Pending invitations' });
    await pending.getByText(friend.email).waitFor();
    expect(await page.getByRole('list', { name: 'People on the plan' }).getByRole('listitem').count()).toBe(1);
    await screenshot(page, 'plan-owner-invited');

    await signInAs(friend);
    await open('/catalog/plan');
    const invitation = page.getByTestId('received-invitation');
    // Registered without a display name, so it shows the username.
    expect(await invitation.textContent()).toContain(`${owner.username}’s Premium Family`);
    await screenshot(page, 'plan-invitee');
    expect(await horizontalOverflow(page)).toBe(0);
    await invitation.getByRole('button', { name: 'Accept' }).click();
    await page.getByTestId('no-invitations').waitFor();
    expect(await page.getByTestId('plan-name').textContent()).toContain('Premium Family');
    expect(await page.getByRole('list', { name: 'People on the plan' }).getByRole('listitem').count()).toBe(2);
  });

  it('lets the invitee decline, and shows the owner the seat free again', async () => {
    const [owner, friend] = [await familyOwner(), await register('user', 'friend')];
    await call('POST', '/api/subscriptions/members', { username: friend.username }, owner.session.token);
    await signInAs(friend);
    await open('/catalog/plan');
    await page.getByTestId('received-invitation').getByRole('button', { name: 'Decline' }).click();
    await page.getByTestId('no-invitations').waitFor();
    expect(await page.getByTestId('plan-name').textContent()).toContain('Free');

    await signInAs(owner);
    await open('/catalog/plan');
    await page.getByTestId('no-pending-invitations').waitFor();
  });

  it("shows the API's sentence when the invitee cannot accept because they pay for their own plan", async () => {
    const [owner, payer] = [await familyOwner(), await register('user', 'payer')];
    await call('POST', '/api/subscriptions/subscribe', { plan: 'premium' }, payer.session.token);
    await call('POST', '/api/subscriptions/members', { username: payer.username }, owner.session.token);
    await signInAs(payer);
    await open('/catalog/plan');
    await page.getByTestId('received-invitation').getByRole('button', { name: 'Accept' }).click();
    expect(await page.getByTestId('form-error').textContent()).toMatch(/^You pay for Premium Individual yourself until /);
  });

  it('starts a plan at once from Subscribe on a server without Stripe, as before Checkout', async () => {
    await signInAs(await register('user', 'buyer'));
    await open('/catalog/plan');
    await page.getByRole('button', { name: 'Subscribe to Premium Duo' }).click();
    await page.getByRole('list', { name: 'People on the plan' }).waitFor();
    expect(await page.getByTestId('plan-name').textContent()).toContain('Premium Duo');
    expect(new URL(page.url()).origin).toBe(running.app.baseUrl);
  });

  it('lets the owner cancel a pending invitation', async () => {
    const [owner, friend] = [await familyOwner(), await register('user', 'friend')];
    await call('POST', '/api/subscriptions/members', { email: friend.email }, owner.session.token);
    await signInAs(owner);
    await open('/catalog/plan');
    await page.getByRole('button', { name: `Cancel the invitation to ${friend.email}` }).click();
    await page.getByTestId('no-pending-invitations').waitFor();
  });
});
