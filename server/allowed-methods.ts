/**
 * Which methods a path allows, for answering a wrong method with 405 and `Allow` instead of 404.
 * Fastify's router only says "no route for this method and path", so the app records every route
 * as it is added (onRoute) and matches the path against their URL patterns.
 */
import type { FastifyInstance } from 'fastify';

interface RoutePattern {
  pattern: RegExp;
  methods: Set<string>;
}

/** `/api/scenarios/:id/versions` → a regex for whole paths; `*` matches the rest of the path. */
function patternOf(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((part) => {
      if (part === '*') return '.*';
      if (part.startsWith(':')) return '[^/]+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}

/** Records the app's API routes from now on; `allowedMethods(path)` lists the methods of the routes matching `path`. */
export function recordRoutes(app: FastifyInstance): { allowedMethods(path: string): string[] } {
  const routes = new Map<string, RoutePattern>();
  app.addHook('onRoute', (route) => {
    // Only API routes: the UI's static files answer every other path (`/*`).
    if (!route.url.startsWith('/api/')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let entry = routes.get(route.url);
    if (!entry) {
      entry = { pattern: patternOf(route.url), methods: new Set() };
      routes.set(route.url, entry);
    }
    for (const method of methods) entry.methods.add(method.toUpperCase());
  });
  return {
    allowedMethods(path: string): string[] {
      const allowed = new Set<string>();
      for (const { pattern, methods } of routes.values())
        if (pattern.test(path)) for (const method of methods) allowed.add(method);
      return [...allowed].sort();
    },
  };
}
