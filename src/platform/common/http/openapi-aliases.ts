import type { OpenAPIObject } from '@nestjs/swagger';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** "/api/artist/{id}/outreach" → "api_artist_id_outreach". */
const slug = (path: string) => path.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');

/**
 * A handler mounted on several paths (an original system's path beside Encore's) is documented by
 * Nest once per path, its operationIds numbered (`LeadsController_detail[0]`, `[1]`, ...). The
 * first path gets the plain operationId; each further one is named after its path and says which
 * operation it repeats (`x-alias-of`), so tools that walk every operation can skip the repeats.
 */
export function markPathAliases(document: OpenAPIObject): OpenAPIObject {
  const firstPathOf = new Map<string, string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      const numbered = operation?.operationId ? /^(.*)\[\d+\]$/.exec(operation.operationId) : null;
      if (!operation || !numbered) continue;
      const operationId = numbered[1]!;
      const first = firstPathOf.get(operationId);
      if (first === undefined) {
        firstPathOf.set(operationId, path);
        item[method] = { ...operation, operationId };
        continue;
      }
      const alias = { ...operation, operationId: `${operationId}_${slug(path)}`, 'x-alias-of': `${method.toUpperCase()} ${first}` };
      item[method] = alias;
    }
  }
  return document;
}
