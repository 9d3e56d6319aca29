/** What an account may do; admins may do everything. */
export type Role = 'user' | 'artist' | 'admin';

/** The caller of a request, as its access token says. */
export interface AuthUser {
  id: string;
  role: Role;
  username: string;
}
