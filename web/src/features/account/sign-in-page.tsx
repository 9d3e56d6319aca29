import { useState } from 'preact/hooks';
import { catalogApi } from '../../api/catalog.js';
import { AppLink } from '../../components/app-link.js';
import { FormError } from '../../components/form-error.js';
import { SubmitButton } from '../../components/submit-button.js';
import { useAction } from '../../hooks.js';
import { safeNextPath, withQuery } from '../../lib/routes.js';
import { roleLabel } from '../../lib/session.js';
import { navigate, useQueryParam } from '../../router.js';
import { signIn, useSession } from '../../session.js';

export function SignInPage() {
  const next = safeNextPath(useQueryParam('next'), location.origin);
  const current = useSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction(async () => {
    signIn(await catalogApi.login(login.trim(), password));
    navigate(next);
  });
  const submit = (event: Event) => {
    event.preventDefault();
    if (!login.trim() || !password) return action.setError('Enter your email or username and your password.');
    void action.run();
  };
  if (current) {
    return (
      <section class="card narrow">
        <h1>You are signed in</h1>
        <p class="muted">
          As {current.user.display_name} ({roleLabel(current.user.role)}).
        </p>
        <AppLink class="button primary" href={next}>
          Continue
        </AppLink>
      </section>
    );
  }
  return (
    <section class="card narrow auth-card" aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in</h1>
      <p class="muted">Listen to the catalog, keep favourites and playlists, and publish your music.</p>
      <form class="stack" onSubmit={submit} noValidate aria-describedby={action.error ? 'signin-error' : undefined}>
        <label class="field">
          <span>Email or username</span>
          <input
            name="login"
            value={login}
            onInput={(event) => setLogin((event.target as HTMLInputElement).value)}
            autoComplete="username"
            maxLength={254}
            required
          />
        </label>
        <label class="field">
          <span>Password</span>
          <input
            name="password"
            type="password"
            value={password}
            onInput={(event) => setPassword((event.target as HTMLInputElement).value)}
            autoComplete="current-password"
            maxLength={1024}
            required
          />
        </label>
        <FormError message={action.error} id="signin-error" />
        <div class="actions">
          <SubmitButton busy={action.busy} label="Sign in" busyLabel="Signing in…" />
          <span class="muted small">
            New here? <AppLink href={withQuery('/register', { next: next === '/catalog' ? undefined : next })}>Create an account</AppLink>
          </span>
        </div>
      </form>
    </section>
  );
}
