import { vi } from 'vitest';

/** One route as Fastify registered it: method, URL pattern, its declared access and its request schemas (zod). */
export type RecordedRoute = {
  method: string;
  url: string;
  access: 'public' | 'user' | undefined;
  schema: { body?: unknown; querystring?: unknown; params?: unknown };
};

/** Every route registered by apps built while the recorder is installed (HEAD twins left out), keyed `METHOD url`. */
export const recordedRoutes = new Map<string, RecordedRoute>();

/**
 * A stand-in for the `fastify` module whose factory adds an `onRoute` hook before anything is registered, so a test
 * sees every route of `buildApp` exactly as registered. Install it in a test file with
 * `vi.mock('fastify', async () => (await import('<path>/test/route-recorder.ts')).fastifyWithRecorder())`.
 */
export async function fastifyWithRecorder(): Promise<Record<string, unknown>> {
  const actual = await vi.importActual<Record<string, unknown> & { default: (opts?: unknown) => unknown }>('fastify');
  const wrapped = (opts?: unknown) => {
    const instance = actual.default(opts) as { addHook: (name: string, fn: (route: RawRoute) => void) => void };
    instance.addHook('onRoute', (route: RawRoute) => {
      for (const method of [route.method].flat()) {
        if (method === 'HEAD') continue;
        recordedRoutes.set(`${method} ${route.url}`, {
          method,
          url: route.url,
          access: route.config?.access,
          schema: { body: route.schema?.body, querystring: route.schema?.querystring, params: route.schema?.params },
        });
      }
    });
    return instance;
  };
  return { ...actual, default: wrapped, fastify: wrapped };
}

type RawRoute = {
  method: string | string[];
  url: string;
  config?: { access?: 'public' | 'user' };
  schema?: { body?: unknown; querystring?: unknown; params?: unknown };
};
