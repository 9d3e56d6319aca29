/** What an account may do; admins may do everything. */
export type Role = 'user' | 'artist' | 'admin';

/** The caller of a request: its account, with the role the database holds now. */
export interface AuthUser {
  id: string;
  role: Role;
  username: string;
}
