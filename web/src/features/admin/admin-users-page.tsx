import { useState } from 'preact/hooks';
import { adminApi } from './admin-api.js';
import { AdminNav, Filter, FilterBar, ListingCard, SortHeader, useAdminListing } from './admin-kit.js';
import { ACTIONS_COLUMN, ListingTable } from '../../components/data-table.js';
import { ConfirmDialog } from '../../components/dialog.js';
import { RequireSignIn } from '../../components/require-sign-in.js';
import { useAction, useTitle } from '../../hooks.js';
import { formatDateTime } from '../../lib/format.js';
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
  const { filters, listing, version, changed } = useAdminListing([], (query, signal) => adminApi.users(query, signal));
  const [pending, setPending] = useState<Pending | null>(null);
  const done = () => (setPending(null), changed());
  return (
    <div class="admin-page">
      <AdminNav refreshKey={version} />
      <ListingCard id="admin-users-title" title="Users" listing={listing} noun="account">
        <FilterBar filters={filters} flags={[]} searchLabel="Search email, username or name">
          <Filter label="Role">
            {(id) => (
              <select id={id} value={filters.extra['role'] ?? ''} onChange={(event) => filters.setExtra('role', (event.target as HTMLSelectElement).value)}>
                <option value="">All</option>
                <RoleOptions />
              </select>
            )}
          </Filter>
        </FilterBar>
        <ListingTable
          value={listing}
          empty="No accounts match these filters."
          pager={{ label: 'User pages', ...filters.paging }}
          testId="admin-users"
          caption="Accounts, sorted by the column marked"
          columns={[
            <SortHeader filters={filters} field="username" label="Username" />,
            <SortHeader filters={filters} field="display_name" label="Name" />,
            <SortHeader filters={filters} field="email" label="Email" />,
            <SortHeader filters={filters} field="role" label="Role" />,
            <SortHeader filters={filters} field="created_at" label="Created" descendingFirst />,
            ACTIONS_COLUMN,
          ]}
        >
          {(user) => (
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
                  <RoleOptions />
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
          )}
        </ListingTable>
      </ListingCard>
      {pending?.kind === 'role' && <ChangeRole user={pending.user} role={pending.role} onClose={() => setPending(null)} onDone={done} />}
      {pending?.kind === 'delete' && <DeleteUser user={pending.user} onClose={() => setPending(null)} onDone={done} />}
    </div>
  );
}

function RoleOptions() {
  return (
    <>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {roleLabel(role)}
        </option>
      ))}
    </>
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
