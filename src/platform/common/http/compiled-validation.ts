import { getMetadataStorage, ValidationTypes, type ValidationArguments, type ValidatorOptions } from 'class-validator';

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/** One rule of a property: a condition (ValidateIf, IsOptional) or a check (IsDefined, IsNumber, Min, ...). */
interface CompiledProperty {
  name: string;
  conditions: Array<(object: object, value: unknown) => boolean>;
  checks: Array<{ metadata: ValidationMetadata; validate: (value: unknown, args: ValidationArguments) => unknown }>;
}

/** A class whose objects class-validator checks. */
export type ValidatedClass = abstract new (...args: never[]) => unknown;

/** Says whether class-validator would find no error in an object of one class, without building its errors. */
export type ValidityCheck = (object: object) => boolean;

/** The options under which a compiled check answers as class-validator does; any other option: no check. */
const UNDERSTOOD_OPTIONS = new Set<keyof ValidatorOptions>(['whitelist', 'forbidNonWhitelisted', 'forbidUnknownValues', 'validationError']);

/** Rule types a check knows: a nested object, a promise or rules for each item of a collection leave the class to class-validator. */
const KNOWN_TYPES = new Set<string>([
  ValidationTypes.CUSTOM_VALIDATION,
  ValidationTypes.IS_DEFINED,
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.WHITELIST,
]);

/**
 * A check of `target`'s objects that answers true only where class-validator's validate(object,
 * options) answers no error: it reads the same decorators' metadata once and calls the same
 * constraint functions, without class-validator's per-call metadata lookups and error objects
 * (10 % of a POST /api/predict/manual/, docs/benchmarks.md). False means "not sure": the caller
 * then asks class-validator, which names the bad fields. Undefined when the class has no rules or
 * the options have settings the check does not reproduce (groups, nested objects, async rules...).
 */
export function compileValidityCheck(target: ValidatedClass, options: ValidatorOptions = {}): ValidityCheck | undefined {
  if (Object.keys(options).some((key) => !UNDERSTOOD_OPTIONS.has(key as keyof ValidatorOptions))) return undefined;
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(target, undefined as unknown as string, false, false, undefined);
  if (metadatas.length === 0 || metadatas.some((metadata) => !KNOWN_TYPES.has(metadata.type) || metadata.each)) return undefined;
  const properties: CompiledProperty[] = [];
  for (const [name, rules] of Object.entries(storage.groupByPropertyName(metadatas))) {
    const property: CompiledProperty = { name, conditions: [], checks: [] };
    for (const metadata of rules) {
      if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION) property.conditions.push(metadata.constraints[0] as CompiledProperty['conditions'][number]);
      if (metadata.type !== ValidationTypes.CUSTOM_VALIDATION && metadata.type !== ValidationTypes.IS_DEFINED) continue;
      for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
        if (constraint.async) return undefined;
        const instance = constraint.instance as { validate: (value: unknown, args: ValidationArguments) => unknown };
        property.checks.push({ metadata, validate: instance.validate.bind(instance) });
      }
    }
    properties.push(property);
  }
  const allowed = new Set(properties.map((property) => property.name));
  const targetName = target.name;

  return (object) => {
    // whitelist: class-validator names (or strips) every property without rules.
    if (options.whitelist) for (const key of Object.keys(object)) if (!allowed.has(key)) return false;
    for (const { name, conditions, checks } of properties) {
      const value = (object as Record<string, unknown>)[name];
      if (value instanceof Promise) return false;
      if (!conditions.every((condition) => condition(object, value))) continue;
      for (const { metadata, validate } of checks) {
        if (metadata.validateIf && !metadata.validateIf(object, value)) continue;
        const valid = validate(value, { targetName, property: name, object, value, constraints: metadata.constraints });
        if (valid !== true) return false;
      }
    }
    return true;
  };
}
