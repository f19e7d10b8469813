import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { Permission } from '@rounds/domain';
import { IS_PUBLIC, REQUIRED_PERMISSION } from '../../apps/api/src/common/access.decorators';

export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** e.g. /api/v1/posts/:id/approve */
  path: string;
  isPublic: boolean;
  permission?: Permission | 'any-role';
  params: string[];
}

const VERBS: Partial<Record<RequestMethod, ApiRoute['method']>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};

const join = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** Every route of /api/v1, read from the controllers' metadata, so new routes are covered. */
export function listApiRoutes(app: INestApplication): ApiRoute[] {
  const routes: ApiRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { prototype: object } | undefined;
      if (!controller?.prototype) continue;
      const base: string = Reflect.getMetadata(PATH_METADATA, controller) ?? '';
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const verb = VERBS[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const sub: string | undefined = Reflect.getMetadata(PATH_METADATA, handler);
        if (!verb || sub === undefined) continue;
        const path = join('api/v1', base, sub);
        // Health, metrics and the short-link redirect (/l/:code) live outside /api/v1.
        if (/^\/api\/v1\/(health|metrics|l\/)/.test(path) || path === '/api/v1') continue;
        const read = (key: string) =>
          Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        routes.push({
          method: verb,
          path,
          isPublic: Boolean(read(IS_PUBLIC)),
          permission: read(REQUIRED_PERMISSION),
          params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]),
        });
      }
    }
  }
  return routes;
}
