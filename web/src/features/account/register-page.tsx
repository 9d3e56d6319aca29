import { useState } from 'preact/hooks';
import { catalogApi } from '../../api/catalog.js';
import { AppLink } from '../../components/app-link.js';
import { FormError } from '../../components/form-error.js';
import { SubmitButton } from '../../components/submit-button.js';
import { useAction } from '../../hooks.js';
import { safeNextPath, withQuery } from '../../lib/routes.js';
import { navigate, useQueryParam } from '../../router.js';
import { signIn, useSession } from '../../session.js';

type AccountRole = 'user' | 'artist';

interface Fields {
  email: string;
  username: string;
  display_name: string;
  password: string;
}

const EMPTY: Fields = { email: '', username: '', display_name: '', password: '' };

export function RegisterPage() {
  const next = safeNextPath(useQueryParam('next'), location.origin);
  const current = useSession();
  const [role, setRole] = useState<AccountRole>('user');
  const [fields, setFields] = useState<Fields>(EMPTY);
  const action = useAction(async () => {
    const displayName = fields.display_name.trim();
    signIn(
      await catalogApi.register({
        email: fields.email.trim(),
        username: fields.username.trim(),
        password: fields.password,
        role,
        ...(displayName && { display_name: displayName }),
      }),
    );
    navigate(role === 'artist' ? '/catalog/upload' : next);
  });
  const set = (name: keyof Fields) => (event: Event) => setFields({ ...fields, [name]: (event.target as HTMLInputElement).value });
  const submit = (event: Event) => {
    event.preventDefault();
    const missing = (['email', 'username', 'password'] as const).filter((name) => !fields[name].trim());
    if (missing.length > 0) return action.setError(`Enter ${missing.map((name) => (name === 'email' ? 'an email' : `a ${name}`)).join(', ')}.`);
    void action.run();
  };
  if (current) {
    return (
      <section class="card narrow">
        <h1>You already have an account</h1>
        <p class="muted">Sign out first to create another one.</p>
        <AppLink class="button primary" href="/catalog">
          Go to the catalog
        </AppLink>
      </section>
    );
  }
  return (
    <section class="card narrow auth-card" aria-labelledby="register-title">
      <h1 id="register-title">Create an account</h1>
      <form class="stack" onSubmit={submit} noValidate aria-describedby={action.error ? 'register-error' : undefined}>
        <fieldset class="choice-field">
          <legend>I am</legend>
          <div class="segmented">
            {(
              [
                ['user', 'A listener'],
                ['artist', 'An artist'],
              ] as const
            ).map(([value, label]) => (
              <label key={value}>
                <input type="radio" name="role" value={value} checked={role === value} onChange={() => setRole(value)} />
                <span>{label}</span>
              </label>
            ))}
          </div>
          <p class="muted small hint">{role === 'artist' ? 'Artists publish songs and albums, and listen too.' : 'Listeners play, like and collect songs.'}</p>
        </fieldset>
        <label class="field">
          <span>Email</span>
          <input name="email" type="email" value={fields.email} onInput={set('email')} autoComplete="email" maxLength={254} required />
        </label>
        <label class="field">
          <span>Username</span>
          <input
            name="username"
            value={fields.username}
            onInput={set('username')}
            autoComplete="username"
            maxLength={30}
            required
            aria-describedby="username-hint"
          />
          <small class="muted" id="username-hint">
            3–30 letters, digits, “_”, “.” or “-”.
          </small>
        </label>
        <label class="field">
          <span>{role === 'artist' ? 'Artist name' : 'Display name'} (optional)</span>
          <input name="display_name" value={fields.display_name} onInput={set('display_name')} autoComplete="nickname" maxLength={100} />
        </label>
        <label class="field">
          <span>Password</span>
          <input
            name="password"
            type="password"
            value={fields.password}
            onInput={set('password')}
            autoComplete="new-password"
            maxLength={128}
            required
            aria-describedby="password-hint"
          />
          <small class="muted" id="password-hint">
            8 or more characters with a letter and a digit.
          </small>
        </label>
        <FormError message={action.error} id="register-error" />
        <div class="actions">
          <SubmitButton busy={action.busy} label="Create account" busyLabel="Creating…" />
          <span class="muted small">
            Have an account? <AppLink href={withQuery('/signin', { next: next === '/catalog' ? undefined : next })}>Sign in</AppLink>
          </span>
        </div>
      </form>
    </section>
  );
}
