import { roleLabel } from '../../lib/session.js';
import { withQuery } from '../../lib/routes.js';
import { navigate, usePath } from '../../router.js';
import { signOut, useSession } from '../../session.js';
import { AppLink } from '../../components/app-link.js';

/** The header's account corner: who is signed in and as what, or links to sign in and register. */
export function AccountMenu() {
  const current = useSession();
  const path = usePath();
  if (!current) {
    const next = path === '/signin' || path === '/register' ? undefined : path + location.search;
    return (
      <div class="account" data-testid="account">
        <AppLink class="nav-link" href={withQuery('/signin', { next })}>
          Sign in
        </AppLink>
        <AppLink class="button primary small-button" href={withQuery('/register', { next })}>
          Register
        </AppLink>
      </div>
    );
  }
  const { user } = current;
  return (
    <div class="account" data-testid="account">
      <span class="account-name">
        <span data-testid="account-name">{user.display_name}</span>
        <span class={`role-badge role-${user.role}`} data-testid="account-role">
          {roleLabel(user.role)}
        </span>
      </span>
      <button
        type="button"
        class="button ghost small-button"
        onClick={async () => {
          await signOut();
          navigate('/catalog');
        }}
      >
        Sign out
      </button>
    </div>
  );
}
