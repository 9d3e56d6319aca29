/**
 * Text matched literally by LIKE and ILIKE, and by Prisma's `contains`, `startsWith` and
 * `endsWith`, which do not escape: "%" and "_" would be wildcards, and "\" PostgreSQL's escape.
 */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
