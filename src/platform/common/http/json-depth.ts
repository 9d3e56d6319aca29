import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * How deeply a request body may nest objects and arrays: far beyond any body of this API, far
 * below what the recursive transformation and validation of a body (class-transformer,
 * class-validator) survive without exhausting the stack.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * How deeply a parsed JSON value nests (a scalar: 0), counted without recursion and given up on
 * once past `limit`. Only objects and arrays are stacked, with their depths beside them: a
 * 10,000-row body's 100,000 numbers cost no allocation.
 */
export function jsonDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  if (!isContainer(value)) return 0;
  let deepest = 0;
  const nodes: object[] = [value];
  const depths: number[] = [1];
  const stack = (child: unknown, depth: number) => {
    if (!isContainer(child)) return;
    nodes.push(child);
    depths.push(depth);
  };
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    // Object.values' own enumerable values, without an array of them.
    if (Array.isArray(node)) for (const child of node as unknown[]) stack(child, depth + 1);
    else for (const key in node) if (Object.hasOwn(node, key)) stack((node as Record<string, unknown>)[key], depth + 1);
  }
  return deepest;
}

const isContainer = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** Refuses a parsed body nested deeper than MAX_JSON_DEPTH with 400, before anything walks it recursively. */
export function refuseDeepBodies(request: Request, _response: Response, next: NextFunction): void {
  if (jsonDepth(request.body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return next(new BadRequestException(`The request body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep`));
  }
  next();
}
