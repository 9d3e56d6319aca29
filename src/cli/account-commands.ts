import type { Command } from 'commander';
import { accountEmailMessage, isAccountEmail } from '../platform/auth/account-email.js';
import { AuthService, type AdminAccountOutcome } from '../features/auth/auth.service.js';
import type { CliContext } from './context.js';

/** What create-admin did, in one sentence. */
export function describeAdminOutcome({ user, created, promoted, passwordSet }: AdminAccountOutcome): string {
  const account = `${user.email} (username ${user.username}, id ${user.id})`;
  if (created) return `Created admin ${account}.`;
  const role = promoted ? `Promoted ${account} to admin` : `${account} was already an admin`;
  return passwordSet ? `${role}; set its password and signed out its sessions.` : `${role}; its password is unchanged.`;
}

export function registerAccountCommands(program: Command, context: CliContext): void {
  program
    .command('create-admin')
    .description('make an admin account, or promote the account with this email (setting its password only when --password is given)')
    .requiredOption('--email <email>', "the admin's email")
    .option('--password <password>', 'required for a new account; for an existing one, sets its password (8+ characters, a letter and a digit)')
    .action((options: { email: string; password?: string }) => {
      // Before starting the database: a typo needs no server to be told.
      if (!isAccountEmail(options.email.trim().toLowerCase())) throw new Error(accountEmailMessage('--email'));
      return context.withApp(
        async (app) => {
          context.out(describeAdminOutcome(await app.get(AuthService).createAdmin(options.email, options.password)));
        },
        async () => [(await import('../features/auth/auth.module.js')).AuthModule],
      );
    });
}
