import { useState } from 'preact/hooks';
import { adminApi } from '../../api/admin.js';
import { AdminNav, Filter, FilterBar, SortHeader, useAdminFilters } from '../../components/admin-kit.js';
import { ConfirmDialog } from '../../components/dialog.js';
import { Loaded } from '../../components/loaded.js';
import { Pager } from '../../components/pager.js';
import { RequireSignIn } from '../../components/require-sign-in.js';
import { useAction, useLoad, useTitle } from '../../hooks.js';
import { formatDateTime, plural } from '../../lib/format.js';
import { roleLabel, type Account, type Role } from '../../lib/session.js';
import { useSession } from '../../session.js';

const ROLES: Role[] = ['user', 'artist', 'admin'];

/** Admins: accounts with search and a role filter; change a role or delete an account. */
export function AdminUsersPage() {
  useTitle('Admin · Users');
  return (
    <RequireSignIn role="admin" what="manage accounts">
      <AdminUsers />
    </RequireSignIn>
  );
}

type Pending = { kind: 'role'; user: Account; role: Role } | { kind: 'delete'; user: Account };

function AdminUsers() {
  const me = useSession()?.user.id;
  const filters = useAdminFilters([], '-created_at');
  const [version, setVersion] = useState(0);
  const [pending, setPending] = useState<Pending | null>(null);
  const users = useLoad((signal) => adminApi.users(filters.query, signal), [JSON.stringify(filters.query), version]);
  const done = () => (setPending(null), setVersion((value) => value + 1));
  return (
    <div class="admin-page">
      <AdminNav refreshKey={version} />
      <section class="card" aria-labelledby="admin-users-title">
        <div class="card-head">
          <h1 id="admin-users-title">Users</h1>
          {users.state === 'ready' && <span class="muted small">{plural(users.data.count, 'account')} match</span>}
        </div>
        <FilterBar filters={filters} flags={[]} searchLabel="Search email, username or name">
          <Filter label="Role">
            {(id) => (
              <select id={id} value={filters.extra['role'] ?? ''} onChange={(event) => filters.setExtra('role', (event.target as HTMLSelectElement).value)}>
                <option value="">All</option>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {roleLabel(role)}
                  </option>
                ))}
              </select>
            )}
          </Filter>
        </FilterBar>
        <Loaded value={users}>
          {(listing) =>
            listing.results.length === 0 ? (
              <p class="muted">No accounts match these filters.</p>
            ) : (
              <>
                <div class="table-scroll">
                  <table class="data-table" data-testid="admin-users">
                    <caption class="sr-only">Accounts, sorted by the column marked</caption>
                    <thead>
                      <tr>
                        <SortHeader filters={filters} field="username" label="Username" />
                        <SortHeader filters={filters} field="display_name" label="Name" />
                        <SortHeader filters={filters} field="email" label="Email" />
                        <SortHeader filters={filters} field="role" label="Role" />
                        <SortHeader filters={filters} field="created_at" label="Created" descendingFirst />
                        <th scope="col">
                          <span class="sr-only">Actions</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {listing.results.map((user) => (
                        <tr key={user.id}>
                          <th scope="row" class="cell-title">
                            {user.username}
                            {user.id === me && <span class="muted small"> (you)</span>}
                          </th>
                          <td>{user.display_name}</td>
                          <td>{user.email}</td>
                          <td>
                            <select
                              aria-label={`Role of ${user.username}`}
                              value={user.role}
                              disabled={user.id === me}
                              onChange={(event) => {
                                const role = (event.target as HTMLSelectElement).value as Role;
                                (event.target as HTMLSelectElement).value = user.role; // until confirmed
                                setPending({ kind: 'role', user, role });
                              }}
                            >
                              {ROLES.map((role) => (
                                <option key={role} value={role}>
                                  {roleLabel(role)}
                                </option>
                              ))}
                            </select>
                          </td>
                          <td class="nowrap">{formatDateTime(user.created_at)}</td>
                          <td class="row-actions">
                            <button
                              type="button"
                              class="button ghost small-button"
                              aria-label={`Delete ${user.username}`}
                              disabled={user.id === me}
                              onClick={() => setPending({ kind: 'delete', user })}
                            >
                              Delete
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pager label="User pages" page={filters.page} pageSize={filters.pageSize} count={listing.count} onPage={filters.setPage} />
              </>
            )
          }
        </Loaded>
      </section>
      {pending?.kind === 'role' && <ChangeRole user={pending.user} role={pending.role} onClose={() => setPending(null)} onDone={done} />}
      {pending?.kind === 'delete' && <DeleteUser user={pending.user} onClose={() => setPending(null)} onDone={done} />}
    </div>
  );
}

function ChangeRole({ user, role, onClose, onDone }: { user: Account; role: Role; onClose(): void; onDone(): void }) {
  const change = useAction(async () => {
    await adminApi.updateUser(user.id, { role });
    onDone();
  });
  return (
    <ConfirmDialog
      title={`Make ${user.username} ${role === 'admin' ? 'an admin' : role === 'artist' ? 'an artist' : 'a listener'}?`}
      message={`${user.display_name} is signed out and gets the new role at the next sign-in${role === 'artist' ? '; an artist to publish as is created if there is none' : ''}.`}
      action="Change role"
      busy={change.busy}
      error={change.error}
      onConfirm={() => void change.run()}
      onClose={onClose}
    />
  );
}

function DeleteUser({ user, onClose, onDone }: { user: Account; onClose(): void; onDone(): void }) {
  const remove = useAction(async () => {
    await adminApi.deleteUser(user.id);
    onDone();
  });
  return (
    <ConfirmDialog
      title={`Delete ${user.username}?`}
      message={`${user.display_name}’s sessions, likes, playlists and plan go with the account${user.role === 'artist' ? '; the artist they published as stays' : ''}.`}
      action="Delete account"
      busy={remove.busy}
      error={remove.error}
      onConfirm={() => void remove.run()}
      onClose={onClose}
    />
  );
}
