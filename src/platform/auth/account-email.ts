import { isEmail, ValidateBy } from 'class-validator';

export const EMAIL_MAX_LENGTH = 254;

/** An account's email, as registration and create-admin accept it: an address of at most 254 characters. */
export function isAccountEmail(value: unknown): value is string {
  return typeof value === 'string' && value.length <= EMAIL_MAX_LENGTH && isEmail(value);
}

export const accountEmailMessage = (name: string) => `${name} must be an email address of at most ${EMAIL_MAX_LENGTH} characters`;

/** Validates a DTO field with isAccountEmail. */
export const IsAccountEmail = () =>
  ValidateBy({ name: 'isAccountEmail', validator: { validate: isAccountEmail, defaultMessage: (args) => accountEmailMessage(args?.property ?? 'email') } });
