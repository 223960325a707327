import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { TestApp } from './test-app';

export interface RouteInfo {
  /** "METHOD /full/path" */
  key: string;
  method: string;
  path: string;
}

/** Every route the app serves, as "METHOD /full/path", from the controllers Nest discovered. */
export function discoverRoutes(t: TestApp): RouteInfo[] {
  const config = (t.app as unknown as { config: { getGlobalPrefix(): string; getGlobalPrefixOptions(): { exclude?: { path: string; requestMethod: RequestMethod }[] } } }).config;
  const prefix = config.getGlobalPrefix();
  const excluded = config.getGlobalPrefixOptions().exclude ?? [];
  const scanner = new MetadataScanner();
  const routes: RouteInfo[] = [];
  const paths = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : [typeof value === 'string' ? value : '/']);
  const clean = (p: string) => ('/' + p.split('/').filter(Boolean).join('/')).replace(/\/$/, '') || '/';
  for (const wrapper of new DiscoveryService(t.app.get(ModulesContainer)).getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
    if (!controller) continue;
    for (const base of paths(Reflect.getMetadata(PATH_METADATA, controller))) {
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as () => unknown;
        const own = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
        if (own === undefined) continue;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
        const method = RequestMethod[requestMethod];
        for (const sub of paths(own)) {
          const local = clean(`${base}/${sub}`);
          const isExcluded = excluded.some((e) => clean(e.path) === local && (e.requestMethod === requestMethod || e.requestMethod === RequestMethod.ALL));
          const full = isExcluded || !prefix ? local : clean(`${prefix}/${local}`);
          routes.push({ key: `${method} ${full}`, method, path: full });
        }
      }
    }
  }
  return routes;
}
