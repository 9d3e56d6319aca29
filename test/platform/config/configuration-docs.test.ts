import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { AppConfig } from '../../../src/platform/config/app-config.js';
import { projectRoot } from '../../../src/platform/config/paths.js';

/** Every variable AppConfig validates: each has at least one class-validator rule. */
const variables = [
  ...new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(AppConfig, '', true, false)
      .map((rule) => rule.propertyName),
  ),
].sort();
const read = (path: string) => readFileSync(join(projectRoot, path), 'utf8');

/** `NAME=value` lines of .env.example, commented out or not. */
const exampleValues = new Map([...read('.env.example').matchAll(/^#?\s?([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((match) => [match[1]!, match[2]!.trim()]));

describe('the configuration documentation', () => {
  it('finds the variables AppConfig reads', () => {
    expect(variables).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'JWT_SECRET']));
  });

  it('lists every variable AppConfig reads in .env.example', () => {
    expect(variables.filter((name) => !exampleValues.has(name))).toEqual([]);
  });

  it('lists every variable AppConfig reads in docs/configuration.md', () => {
    const page = read('docs/configuration.md');
    expect(variables.filter((name) => !page.includes(`\`${name}\``))).toEqual([]);
  });

  it('gives in .env.example the default AppConfig uses, wherever it sets a value', () => {
    const defaults = new AppConfig() as unknown as Record<string, unknown>;
    const differing = variables
      .filter((name) => exampleValues.get(name) && defaults[name] !== undefined && exampleValues.get(name) !== String(defaults[name]))
      .map((name) => `${name}: .env.example ${exampleValues.get(name)}, AppConfig ${String(defaults[name])}`);
    expect(differing).toEqual([]);
  });

  it('documents no variable that neither AppConfig nor docker-compose.yml reads', () => {
    const compose = [...read('docker-compose.yml').matchAll(/\$\{(\w+)/g)].map((match) => match[1]!);
    const known = new Set([...variables, ...compose]);
    expect([...exampleValues.keys()].filter((name) => !known.has(name))).toEqual([]);
  });
});
