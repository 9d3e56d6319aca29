/** Passwords people pick first; rejected whatever the other rules say. */
const COMMON_PASSWORDS = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  '12345678',
  '123456789',
  '1234567890',
  'qwerty123',
  'qwertyuiop',
  '1q2w3e4r',
  'iloveyou1',
  'sunshine1',
  'princess1',
  'football1',
  'baseball1',
  'welcome1',
  'abc12345',
  'letmein1',
  'monkey123',
  'dragon123',
  'trustno1',
  'superman1',
  'starwars1',
  'michael1',
  'admin123',
  'administrator',
  'changeme',
  'changeme1',
  'musiclover',
  'spotify1',
  'encore123',
  'music123',
]);

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * What is wrong with a new password, in words (empty when it is acceptable): 8–128 characters,
 * a letter and a digit, not a common password, and not the account's username or email name.
 */
export function passwordProblems(password: string, account: { username?: string; email?: string } = {}): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) problems.push('must contain a letter and a digit');
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) problems.push('is too common');
  const names = [account.username, account.email?.split('@')[0]].filter((name): name is string => Boolean(name && name.length >= 3));
  if (names.some((name) => lower.includes(name.toLowerCase()))) problems.push('must not contain the username or email');
  return problems;
}
