import { registerDecorator, type ValidationArguments } from 'class-validator';
import { parseIsrc } from '../isrc.js';

/** Bulk jobs take at most this many ISRCs. */
export const MAX_ISRCS_PER_JOB = 10_000;
/** A message lists at most this many bad entries of a list. */
const LISTED_PROBLEMS = 5;

/** The problems of a list of ISRCs, each naming its index, e.g. `isrcs[3]: "US-RC1-7X-07839": the year ...`. */
export function isrcListProblems(property: string, values: unknown[]): string[] {
  return values.flatMap((value, index) => {
    if (typeof value !== 'string') return [`${property}[${index}] must be a string`];
    const parsed = parseIsrc(value);
    return parsed.ok ? [] : [`${property}[${index}]: ${parsed.error}`];
  });
}

/** A valid ISRC in any accepted spelling; the message says which part is wrong. */
export function IsIsrc() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isIsrc',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseIsrc(value).ok,
        defaultMessage: (args: ValidationArguments) => {
          if (typeof args.value !== 'string') return `${args.property} must be a string (an ISRC, CC-XXX-YY-NNNNN)`;
          const parsed = parseIsrc(args.value);
          return parsed.ok ? '' : `${args.property}: ${parsed.error}`;
        },
      },
    });
}

/** 1 to MAX_ISRCS_PER_JOB valid ISRCs; the message names the first bad entries by index. */
export function IsIsrcList() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isIsrcList',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) && value.length > 0 && value.length <= MAX_ISRCS_PER_JOB && isrcListProblems(propertyName, value).length === 0,
        defaultMessage: (args: ValidationArguments) => {
          const value: unknown = args.value;
          if (!Array.isArray(value)) return `${args.property} must be an array of ISRCs`;
          if (value.length === 0) return `${args.property} must hold at least one ISRC`;
          if (value.length > MAX_ISRCS_PER_JOB) return `${args.property} holds ${value.length} ISRCs; a job takes at most ${MAX_ISRCS_PER_JOB}`;
          const problems = isrcListProblems(args.property, value);
          const more = problems.length > LISTED_PROBLEMS ? ` (and ${problems.length - LISTED_PROBLEMS} more)` : '';
          return `${problems.slice(0, LISTED_PROBLEMS).join('; ')}${more}`;
        },
      },
    });
}
