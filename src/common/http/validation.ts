import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** "field: problem" for every broken constraint, with dotted paths into nested objects and arrays. */
export function describeValidationErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, text]) => {
      if (constraint === 'whitelistValidation') return `${path} is not an allowed field`;
      // class-validator starts its messages with the bare property name; name the full path instead.
      return text.startsWith(`${error.property} `) ? `${path}${text.slice(error.property.length)}` : `${path}: ${text}`;
    });
    return [...own, ...describeValidationErrors(error.children ?? [], path)];
  });
}

/** Whitelists DTO fields, refuses unknown ones, converts types, and names every bad field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // One message per field: "tempo must not be greater than 300", not every rule it breaks.
    stopAtFirstError: true,
    exceptionFactory: (errors) => new BadRequestException(describeValidationErrors(errors).join('; ')),
  });
}
