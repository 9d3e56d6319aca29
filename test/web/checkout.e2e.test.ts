import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeStripe } from '../features/payments/fake-stripe.js';
import { deliverSigned, stripeEvent } from '../features/payments/stripe-events.js';
import { screenshot } from '../support/browser.js';
import { startBrowserApp, type BrowserApp } from '../support/browser-app.js';
import { browserSession } from '../support/browser-session.js';

const WEBHOOK_SECRET = 'whsec_encore_web_checkout';

/** Catalog → Your plan on a server with Stripe (the fake): Subscribe goes to Checkout, Manage billing to the portal, in Chromium. */
describe('buying a plan on Stripe Checkout in a browser', () => {
  const stripe = new FakeStripe();
  let running: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    await stripe.start();
    running = await startBrowserApp({
      ...stripe.env,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_PRICE_PREMIUM: 'price_premium',
      STRIPE_PRICE_FAMILY: 'price_family',
    });
  }, 180_000);
  afterAll(async () => {
    await running?.stop();
    await stripe.stop();
  });

  beforeEach(async () => {
    page = await running.newPage();
  });
  afterEach(() => page.close());

  const open = (path: string) => page.goto(`${running.app.baseUrl}${path}`);
  const { register, signInAs } = browserSession(
    () => running,
    () => page,
  );
  /** Stripe tells the app, signed with the endpoint's secret. */
  const deliver = (type: string, object: unknown) => deliverSigned(running.app.baseUrl, stripeEvent(type, object), WEBHOOK_SECRET).expect(200);
  /** Signs a new listener in, opens Your plan and clicks Subscribe on `planName`: the page is then Stripe's Checkout; answers its session id. */
  const subscribeOnCheckout = async (planName: string) => {
    await signInAs(await register('user', 'buyer'));
    await open('/catalog/plan');
    await page.getByRole('button', { name: `Subscribe to ${planName}` }).click();
    await page.waitForURL(`${stripe.url}/c/pay/**`);
    return new URL(page.url()).pathname.split('/').at(-1)!;
  };

  it("takes Subscribe to Stripe's Checkout page, and back to the plan, now Premium, with Manage billing going to Stripe's portal", async () => {
    const sessionId = await subscribeOnCheckout('Premium Individual');
    expect(await page.getByRole('heading').textContent()).toBe('Fake Stripe Checkout');
    const { session } = stripe.completeCheckout(sessionId);
    expect(session.success_url).toBe(`${running.app.baseUrl}/catalog/plan?checkout=success`);

    await deliver('checkout.session.completed', session);
    await page.goto(session.success_url!);
    await page.getByTestId('checkout-return').waitFor();
    expect(await page.getByTestId('plan-name').textContent()).toContain('Premium Individual');
    await screenshot(page, 'plan-checkout-returned');
    await page.getByRole('button', { name: 'Manage billing' }).click();
    await page.waitForURL(`${stripe.url}/p/session/**`);
  });

  it('shows an owner whose renewal payment failed that they are on Free until it is paid', async () => {
    const { session, subscription } = stripe.completeCheckout(await subscribeOnCheckout('Premium Family'));
    await deliver('checkout.session.completed', session);
    await deliver('invoice.payment_failed', stripe.renew(subscription.id, false));
    await open('/catalog/plan');
    await page.getByTestId('payment-failed').waitFor();
    expect(await page.getByTestId('plan-name').textContent()).toContain('Free');
  });
});
