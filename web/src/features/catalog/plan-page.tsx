import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { catalogApi } from '../../api/catalog.js';
import type { MySubscription, PlanInvitation } from '../../api/catalog-types.js';
import { CatalogNav } from './catalog-nav.js';
import { FormError } from '../../components/form-error.js';
import { Loaded } from '../../components/loaded.js';
import { RequireSignIn } from '../../components/require-sign-in.js';
import { SubmitButton } from '../../components/submit-button.js';
import { useAction, useLoad, useTitle } from '../../hooks.js';
import { formatDateTime, plural } from '../../lib/format.js';
import { useSession } from '../../session.js';
import { CheckoutReturn, PlanPurchase } from './plan-purchase.js';

const addressOf = (invitation: PlanInvitation) => invitation.email ?? `@${invitation.username}`;

/** The listener's plan and who shares it, buying one, the owner's invitations, and the invitations the listener received. */
export function PlanPage() {
  useTitle('Your plan');
  // Bumped after each change, so both cards load again (accepting changes the plan, inviting the list).
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((value) => value + 1);
  return (
    <div class="catalog-page">
      <CatalogNav />
      <RequireSignIn what="see your plan and the invitations to share one">
        <h1 class="page-title">Your plan</h1>
        <CheckoutReturn />
        <div class="catalog-columns">
          <div class="catalog-main">
            <CurrentPlan version={version} onChange={changed} />
          </div>
          <div class="catalog-side">
            <ReceivedInvitations version={version} onChange={changed} />
          </div>
        </div>
      </RequireSignIn>
    </div>
  );
}

function CurrentPlan({ version, onChange }: { version: number; onChange: () => void }) {
  const subscription = useLoad((signal) => catalogApi.subscription(signal), [version]);
  return (
    <section class="card" aria-labelledby="current-plan">
      <h2 id="current-plan">Plan</h2>
      <Loaded value={subscription}>{(data) => <PlanDetails subscription={data} onChange={onChange} />}</Loaded>
    </section>
  );
}

function PlanDetails({ subscription, onChange }: { subscription: MySubscription; onChange: () => void }) {
  const me = useSession()?.user;
  const { plan, role, owner, members, invitations } = subscription;
  const shared = plan.max_members > 1;
  return (
    <div class="stack">
      <p data-testid="plan-name">
        <strong>{plan.name}</strong>
        {role === 'member' && owner && <span class="muted"> · shared by {owner.display_name}</span>}
        {subscription.current_period_end && role === 'owner' && (
          <span class="muted small">
            {' '}
            · {subscription.cancel_at_period_end ? 'ends' : 'renews'} {formatDateTime(subscription.current_period_end)}
          </span>
        )}
      </p>
      {!shared && role !== 'member' && <p class="muted">Premium Duo and Premium Family are shared: their owner invites the others, who join by accepting.</p>}
      {shared && (
        <PeopleList label="People on the plan">
          {owner && <PersonRow name={owner.display_name} note="owner" />}
          {members.map((member) => (
            <PersonRow key={member.id} name={member.display_name} note={`joined ${formatDateTime(member.added_at)}`}>
              {role === 'owner' && (
                <ActionButton label="Remove" name={member.display_name} action={() => catalogApi.removeMember(member.id)} onDone={onChange} />
              )}
              {member.id === me?.id && <ActionButton label="Leave" name="the plan" action={() => catalogApi.removeMember(member.id)} onDone={onChange} />}
            </PersonRow>
          ))}
        </PeopleList>
      )}
      {role === 'owner' && shared && <SentInvitations invitations={invitations} seats={plan.max_members - 1 - members.length} onChange={onChange} />}
      <PlanPurchase subscription={subscription} onChange={onChange} />
    </div>
  );
}

function SentInvitations({ invitations, seats, onChange }: { invitations: PlanInvitation[]; seats: number; onChange: () => void }) {
  const [address, setAddress] = useState('');
  const invite = useAction(async () => {
    await catalogApi.inviteToPlan(address.trim());
    setAddress('');
    onChange();
  });
  const free = seats - invitations.length;
  return (
    <>
      <h3 id="pending-invitations">Pending invitations</h3>
      {invitations.length === 0 ? (
        <p class="muted" data-testid="no-pending-invitations">
          None: invite someone below.
        </p>
      ) : (
        <PeopleList label="Pending invitations">
          {invitations.map((invitation) => (
            <PersonRow key={invitation.id} name={addressOf(invitation)} note={`until ${formatDateTime(invitation.expires_at)}`}>
              <ActionButton
                label="Cancel"
                name={`the invitation to ${addressOf(invitation)}`}
                action={() => catalogApi.cancelInvitation(invitation.id)}
                onDone={onChange}
              />
            </PersonRow>
          ))}
        </PeopleList>
      )}
      <form
        class="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!address.trim()) return invite.setError('Enter an email address or a username.');
          void invite.run();
        }}
      >
        <label class="field">
          <span>Invite by email or username</span>
          <input
            value={address}
            onInput={(event) => setAddress((event.target as HTMLInputElement).value)}
            maxLength={254}
            autoComplete="off"
            data-testid="invite-address"
          />
          <small class="muted">{plural(Math.max(free, 0), 'seat')} free. They join only if they accept; each pending invitation holds a seat for 7 days.</small>
        </label>
        <FormError message={invite.error} />
        <div class="actions">
          <SubmitButton busy={invite.busy} label="Send invitation" busyLabel="Sending…" />
        </div>
      </form>
    </>
  );
}

function ReceivedInvitations({ version, onChange }: { version: number; onChange: () => void }) {
  const invitations = useLoad((signal) => catalogApi.planInvitations(signal), [version]);
  return (
    <section class="card" aria-labelledby="received-invitations">
      <h2 id="received-invitations">Invitations</h2>
      <Loaded value={invitations}>
        {({ results }) =>
          results.length === 0 ? (
            <p class="muted" data-testid="no-invitations">
              Nobody has invited you to share a plan.
            </p>
          ) : (
            <PeopleList label="Invitations to you">
              {results.map((invitation) => (
                <ReceivedInvitation key={invitation.id} invitation={invitation} onChange={onChange} />
              ))}
            </PeopleList>
          )
        }
      </Loaded>
    </section>
  );
}

function ReceivedInvitation({ invitation, onChange }: { invitation: PlanInvitation; onChange: () => void }) {
  const answer = useAction(async (accept: boolean) => {
    await (accept ? catalogApi.acceptInvitation(invitation.id) : catalogApi.declineInvitation(invitation.id));
    onChange();
  });
  return (
    <li class="tile plan-person" data-testid="received-invitation">
      <span class="tile-text">
        <strong>
          {invitation.owner.display_name}’s {invitation.plan.name}
        </strong>
        <span class="muted small">until {formatDateTime(invitation.expires_at)}</span>
        <FormError message={answer.error} />
      </span>
      <span class="plan-person-actions">
        <button type="button" class="button primary small-button" disabled={answer.busy} onClick={() => void answer.run(true)}>
          Accept
        </button>
        <button type="button" class="button ghost small-button" disabled={answer.busy} onClick={() => void answer.run(false)}>
          Decline
        </button>
      </span>
    </li>
  );
}

function PeopleList({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <ul class="link-list plan-people" aria-label={label}>
      {children}
    </ul>
  );
}

function PersonRow({ name, note, children }: { name: string; note: string; children?: ComponentChildren }) {
  return (
    <li class="tile plan-person">
      <span class="tile-text">
        <strong>{name}</strong>
        <span class="muted small">{note}</span>
      </span>
      {children && <span class="plan-person-actions">{children}</span>}
    </li>
  );
}

/** A small button acting on one row; a refusal shows the API's sentence beside it. */
function ActionButton({ label, name, action, onDone }: { label: string; name: string; action: () => Promise<void>; onDone: () => void }) {
  const run = useAction(async () => {
    await action();
    onDone();
  });
  return (
    <>
      <button type="button" class="button ghost small-button" aria-label={`${label} ${name}`} disabled={run.busy} onClick={() => void run.run()}>
        {label}
      </button>
      <FormError message={run.error} />
    </>
  );
}
