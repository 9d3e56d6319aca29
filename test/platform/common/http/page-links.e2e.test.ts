import type { Type } from '@nestjs/common';
import { INTERCEPTORS_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageLinksInterceptor, WRITES_PAGE_LINKS } from '../../../../src/platform/common/http/page-links.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

interface Route {
  /** `Controller.method`, for failure lists. */
  name: string;
  controller: Type;
  methodName: string;
  handler: object;
}

/** Every route handler of the app's controllers, found as Nest's router finds them. */
function routesOf(t: TestApp): Route[] {
  const discovery = new DiscoveryService(t.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  return discovery.getControllers().flatMap(({ metatype }) => {
    const controller = metatype as Type;
    return scanner
      .getAllMethodNames(controller.prototype)
      .map((methodName) => ({
        name: `${controller.name}.${methodName}`,
        controller,
        methodName,
        handler: (controller.prototype as Record<string, object>)[methodName]!,
      }))
      .filter(({ handler }) => Reflect.getMetadata(PATH_METADATA, handler) !== undefined);
  });
}

/** A DTO with a documented `page_size`: PageQueryDto or PageDto, by inheritance or a Swagger type helper. */
const hasPageSize = (type: unknown) =>
  typeof type === 'function' &&
  ((Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, type.prototype as object) ?? []) as string[]).includes(':page_size');

/** The route reads a page query (`?page=&page_size=`) or documents a page as its 200 response. */
function answersPage({ controller, methodName, handler }: Route): boolean {
  const responses = (Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) ?? {}) as Record<string, { type?: unknown }>;
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, methodName) ?? {}) as Record<string, { index: number }>;
  const paramTypes = (Reflect.getMetadata('design:paramtypes', controller.prototype as object, methodName) ?? []) as unknown[];
  const queryTypes = Object.entries(args)
    .filter(([key]) => key.startsWith(`${RouteParamtypes.QUERY}:`))
    .map(([, { index }]) => paramTypes[index]);
  return hasPageSize(responses['200']?.type) || queryTypes.some(hasPageSize);
}

const addsPageLinks = ({ controller, handler }: Route) =>
  [controller, handler].some((target) => ((Reflect.getMetadata(INTERCEPTORS_METADATA, target) ?? []) as unknown[]).includes(PageLinksInterceptor));

/** A @WrittenListing: its handler writes the page's JSON, links included (the catalog's song listings). */
const writesPageLinks = ({ handler }: Route) => Reflect.getMetadata(WRITES_PAGE_LINKS, handler) === true;

describe('the page links of listings', () => {
  let t: TestApp;
  let routes: Route[];
  beforeAll(async () => {
    t = await createTestApp();
    routes = routesOf(t);
  });
  afterAll(() => t.close());

  it('are added on every route that takes a page query or documents a page (@Listing), or written by it (@WrittenListing)', () => {
    expect(
      routes
        .filter(answersPage)
        .filter((route) => !addsPageLinks(route) && !writesPageLinks(route))
        .map(({ name }) => name),
    ).toEqual([]);
  });

  it('are written by the song listings themselves, with no interceptor to pass their text through', () => {
    const written = routes.filter(writesPageLinks);
    expect(written.map(({ name }) => name).sort()).toEqual(['AlbumsController.albumSongs', 'ArtistsController.artistSongs', 'CatalogSongsController.list']);
    expect(written.filter(addsPageLinks)).toEqual([]);
  });

  it('recognises listings by their page query alone and by a query built with a Swagger type helper', () => {
    const listings = routes.filter(answersPage).map(({ name }) => name);
    expect(listings).toEqual(
      expect.arrayContaining(['CatalogSongsController.trending', 'PredictionHistoryController.list', 'LeadsController.list', 'PlaylistsController.listSongs']),
    );
  });

  it('leave every other route without an interceptor of theirs', () => {
    expect(routes.filter((route) => !answersPage(route) && addsPageLinks(route)).map(({ name }) => name)).toEqual([]);
  });
});
