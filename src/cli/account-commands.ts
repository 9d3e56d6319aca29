import type { Command } from 'commander';
import { AuthService } from '../auth/auth.service.js';
import type { CliContext } from './context.js';

export function registerAccountCommands(program: Command, context: CliContext): void {
  program
    .command('create-admin')
    .description('make an admin account, or promote the account with this email (its password unchanged)')
    .requiredOption('--email <email>', 'the admin\'s email')
    .requiredOption('--password <password>', 'the password of a new account (8+ characters, a letter and a digit)')
    .action((options: { email: string; password: string }) =>
      context.withApp(async (app) => {
        const { user, created } = await app.get(AuthService).createAdmin(options.email, options.password);
        context.out(`${created ? 'Created' : 'Promoted'} admin ${user.email} (username ${user.username}, id ${user.id}).`);
      }),
    );
}
