import { BadRequestException, ValidationPipe, type ArgumentMetadata, type PipeTransform, type ValidationError } from '@nestjs/common';
import { ValidateIf, type ValidatorOptions } from 'class-validator';
import { compileValidityCheck, type ValidatedClass, type ValidityCheck } from './compiled-validation.js';

/** A JSON body field that may be left out but not sent as null (@IsOptional lets null through to the service). */
export const Omittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/**
 * Which broken rule explains a field best: presence and type before format, format before
 * length and range ("tempo must be a number", not "tempo must not be greater than 300").
 */
const RULE_PRIORITY = [
  'whitelistValidation',
  'isDefined',
  'isNotEmpty',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'nestedValidation',
  'isUuid',
  'isEmail',
  'isDateString',
  'isIn',
  'isEnum',
  'matches',
];
const rank = (constraint: string) => {
  const index = RULE_PRIORITY.indexOf(constraint);
  return index === -1 ? RULE_PRIORITY.length : index;
};

/** "field: problem", one per bad field, with dotted paths into nested objects and arrays. */
export function describeValidationErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    const own: string[] = [];
    if (constraints.some(([constraint]) => constraint === 'whitelistValidation')) own.push(`${path} is not an allowed field`);
    else if (constraints.length > 0 && (error.value === undefined || error.value === null)) own.push(`${path} is required`);
    else if (constraints.length > 0) {
      const [, text] = constraints.reduce((best, entry) => (rank(entry[0]) < rank(best[0]) ? entry : best));
      // class-validator starts its messages with the bare property name; name the full path instead.
      own.push(text.startsWith(`${error.property} `) ? `${path}${text.slice(error.property.length)}` : `${path}: ${text}`);
    }
    return [...own, ...describeValidationErrors(error.children ?? [], path)];
  });
}

/**
 * Nest's ValidationPipe that asks class-validator only about objects a compiled check of their
 * class's rules cannot vouch for (compileValidityCheck): valid bodies skip its per-call work, and
 * every invalid one still gets class-validator's errors, so the answers stay the same.
 */
export class CompiledRulesValidationPipe extends ValidationPipe {
  private readonly checks = new Map<ValidatedClass, ValidityCheck | undefined>();

  protected override validate(object: object, validatorOptions?: ValidatorOptions): ReturnType<ValidationPipe['validate']> {
    const target = object.constructor as ValidatedClass;
    if (!this.checks.has(target)) this.checks.set(target, compileValidityCheck(target, validatorOptions));
    return this.checks.get(target)?.(object) ? [] : super.validate(object, validatorOptions);
  }
}

/** Whitelists DTO fields, refuses unknown ones, converts types, and names every bad field. */
export function createValidationPipe(): ValidationPipe {
  return new CompiledRulesValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Every rule is checked; describeValidationErrors names the one that explains each field best.
    exceptionFactory: (errors) => new BadRequestException(describeValidationErrors(errors).join('; ')),
  });
}

/** The path of the first string (or key) holding a NUL character within `value`, `parent` itself for a string; undefined when none does. */
export function nulCharacterPath(value: unknown, parent = ''): string | undefined {
  // Paths are built only once a NUL is known to be there: for every key of a 10,000-row body they cost 3× its JSON.parse.
  return holdsNulCharacter(value) ? pathToNulCharacter(value, parent) : undefined;
}

function holdsNulCharacter(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return (value as unknown[]).some(holdsNulCharacter);
  for (const key in value) {
    if (Object.hasOwn(value, key) && (key.includes('\u0000') || holdsNulCharacter((value as Record<string, unknown>)[key]))) return true;
  }
  return false;
}

function pathToNulCharacter(value: unknown, parent: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? parent : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const path = parent ? `${parent}.${key}` : key;
    if (key.includes('\u0000')) return path;
    const found = pathToNulCharacter(item, path);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Refuses text with a NUL character in a body, query or path parameter, naming where: PostgreSQL
 * text cannot hold one, and no name, search or note of ours needs it. (Bodies are at most
 * MAX_JSON_DEPTH deep by then, so the walk is shallow.)
 */
export class RefuseNulCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const path = nulCharacterPath(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
    if (path !== undefined) throw new BadRequestException(`${path || metadata.type} must not contain NUL (\\u0000) characters`);
    return value;
  }
}
