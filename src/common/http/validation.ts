import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/**
 * Which broken rule explains a field best: presence and type before format, format before
 * length and range ("tempo must be a number", not "tempo must not be greater than 300").
 */
const RULE_PRIORITY = [
  'whitelistValidation', 'isDefined', 'isNotEmpty', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject',
  'nestedValidation', 'isUuid', 'isEmail', 'isDateString', 'isIn', 'isEnum', 'matches',
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

/** Whitelists DTO fields, refuses unknown ones, converts types, and names every bad field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Every rule is checked; describeValidationErrors names the one that explains each field best.
    exceptionFactory: (errors) => new BadRequestException(describeValidationErrors(errors).join('; ')),
  });
}
