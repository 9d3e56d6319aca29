import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * How deeply a request body may nest objects and arrays: far beyond any body of this API, far
 * below what the recursive transformation and validation of a body (class-transformer,
 * class-validator) survive without exhausting the stack.
 */
export const MAX_JSON_DEPTH = 32;

/** How deeply a parsed JSON value nests (a scalar: 0), counted without recursion and given up on once past `limit`. */
export function jsonDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/** Refuses a parsed body nested deeper than MAX_JSON_DEPTH with 400, before anything walks it recursively. */
export function refuseDeepBodies(request: Request, _response: Response, next: NextFunction): void {
  if (jsonDepth(request.body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return next(new BadRequestException(`The request body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep`));
  }
  next();
}
