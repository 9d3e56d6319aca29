import type { ComponentChildren } from 'preact';
import type { Role } from '../lib/session.js';
import { withQuery } from '../lib/routes.js';
import { useSession } from '../session.js';
import { AppLink } from './app-link.js';

/**
 * Shows its children to signed-in accounts (of `role`, when given); others are told what to do.
 * `who` names the accounts of that role as the section knows them ("label staff").
 */
export function RequireSignIn({ role, who, what, children }: { role?: Role; who?: string; what: string; children: ComponentChildren }) {
  const current = useSession();
  const here = location.pathname + location.search;
  if (!current) {
    return (
      <section class="card narrow" data-testid="sign-in-required">
        <h1>Sign in first</h1>
        <p class="muted">Sign in to {what}.</p>
        <div class="actions">
          <AppLink class="button primary" href={withQuery('/signin', { next: here })}>
            Sign in
          </AppLink>
          <AppLink class="button ghost" href={withQuery('/register', { next: here })}>
            Create an account
          </AppLink>
        </div>
      </section>
    );
  }
  if (role && current.user.role !== role && current.user.role !== 'admin') {
    return (
      <section class="card narrow" data-testid="role-required">
        <h1>Not for this account</h1>
        <p class="muted">
          Only {who ?? `${role === 'artist' ? 'artist' : 'admin'} accounts`} can {what}. You are signed in as {current.user.display_name}.
        </p>
      </section>
    );
  }
  return <>{children}</>;
}
