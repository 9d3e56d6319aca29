import { catalogApi } from '../../api/catalog.js';
import type { MySubscription, PlanSummary } from '../../api/catalog-types.js';
import { FormError } from '../../components/form-error.js';
import { Loaded } from '../../components/loaded.js';
import { useAction, useLoad } from '../../hooks.js';
import { useQueryParam } from '../../router.js';

const LIVE = ['trialing', 'active', 'past_due'];

const monthly = (plan: PlanSummary) => `$${(plan.price_cents / 100).toFixed(2)}/month`;

/** What Stripe's Checkout page sent the listener back with (?checkout=success or canceled). */
export function CheckoutReturn() {
  const outcome = useQueryParam('checkout');
  if (outcome === 'success') {
    return (
      <p class="notice" role="status" data-testid="checkout-return">
        Thank you: your plan starts as soon as Stripe confirms the payment, usually within seconds. Reload this page if it still shows Free.
      </p>
    );
  }
  if (outcome === 'canceled') {
    return (
      <p class="notice" role="status" data-testid="checkout-return">
        Checkout was canceled: nothing was charged.
      </p>
    );
  }
  return null;
}

/**
 * Buying a plan, for listeners who pay for none: on Stripe's Checkout page when the server has
 * Stripe, else started at once (development servers charge nothing). An owner billed through
 * Stripe manages the plan (card, plan, canceling) on Stripe's billing portal instead.
 */
export function PlanPurchase({ subscription, onChange }: { subscription: MySubscription; onChange: () => void }) {
  const live = subscription.status !== null && LIVE.includes(subscription.status);
  if (subscription.role === 'member' && live) return null;
  if (subscription.role === 'owner' && live && subscription.provider === 'stripe') return <BillingPortal pastDue={subscription.status === 'past_due'} />;
  return <PaidPlans current={live ? subscription.subscribed_plan : null} onChange={onChange} />;
}

function PaidPlans({ current, onChange }: { current: string | null; onChange: () => void }) {
  const plans = useLoad((signal) => catalogApi.plans(signal), []);
  const buy = useAction(async (plan: string, checkout: boolean) => {
    if (checkout) {
      location.assign((await catalogApi.checkout(plan)).url);
      return;
    }
    await catalogApi.subscribe(plan);
    onChange();
  });
  return (
    <>
      <h3 id="paid-plans">Subscribe</h3>
      <Loaded value={plans}>
        {(list) => (
          <>
            <p class="muted small">
              {list.checkout ? 'You pay on Stripe’s secure page and come back here.' : 'This server takes no payments: plans start at once, free of charge.'}
              {list.trial_days > 0 && ` Your first paid plan starts with ${list.trial_days} days free.`}
            </p>
            <ul class="link-list plan-people" aria-label="Paid plans">
              {list.results
                .filter((plan) => plan.price_cents > 0 && plan.code !== current)
                .map((plan) => (
                  <li key={plan.code} class="tile plan-person">
                    <span class="tile-text">
                      <strong>{plan.name}</strong>
                      <span class="muted small">
                        {monthly(plan)} · {plan.description}
                      </span>
                    </span>
                    <span class="plan-person-actions">
                      <button
                        type="button"
                        class="button primary small-button"
                        aria-label={`Subscribe to ${plan.name}`}
                        disabled={buy.busy}
                        onClick={() => void buy.run(plan.code, list.checkout)}
                      >
                        Subscribe
                      </button>
                    </span>
                  </li>
                ))}
            </ul>
          </>
        )}
      </Loaded>
      <FormError message={buy.error} />
    </>
  );
}

function BillingPortal({ pastDue }: { pastDue: boolean }) {
  const open = useAction(async () => location.assign((await catalogApi.billingPortal()).url));
  return (
    <>
      {pastDue && (
        <p class="notice" role="alert" data-testid="payment-failed">
          <strong>Your last payment failed.</strong> Until it is paid you are on Free features. Update your card under Manage billing; Stripe retries the
          payment.
        </p>
      )}
      <div class="actions">
        <button type="button" class="button ghost" disabled={open.busy} onClick={() => void open.run()}>
          Manage billing
        </button>
        <span class="muted small">Change your card or plan, or cancel, on Stripe’s page.</span>
      </div>
      <FormError message={open.error} />
    </>
  );
}
