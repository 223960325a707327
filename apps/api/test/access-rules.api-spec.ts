import { RequestMethod } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_KEY } from '../src/modules/auth/access.decorator';
import { createTestApp, type TestApp } from './test-app';

describe('access rules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('every route declares who may call it (a new route without @Public or @Roles fails here)', () => {
    const reflector = t.app.get(Reflector);
    const scanner = new MetadataScanner();
    const routes: { route: string; rule: unknown }[] = [];
    for (const wrapper of new DiscoveryService(t.app.get(ModulesContainer)).getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as () => unknown;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        routes.push({ route: `${method} ${controller.name}.${name}`, rule: reflector.getAllAndOverride(ACCESS_KEY, [handler, controller]) });
      }
    }
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => r.rule === undefined).map((r) => r.route)).toEqual([]);
  });
});
