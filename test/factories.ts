import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { NotificationRequest } from '#contracts/cases.contract.ts';
import { demoPassword, seedDemo } from '#server/db/seed/demo.ts';
import { buildApp } from '#server/http/app.ts';
import type { Deps } from '#server/lib/context.ts';

/**
 * The demo world (two oblasts, four hromadas, a user per role, providers, the two first cases) as the test fixture:
 * the same builders as the demo seed. The workflow showcase cases are left out (seeded in full by `npm start`, and
 * checked by the start test and the browser journeys), so a test starts from a small known world and stays fast.
 */
export async function seedWorld(deps: Deps) {
  await seedDemo(deps, undefined, { workflowCases: false });
  const hromadas = await deps.db.selectFrom('territories').select(['id', 'name_en']).where('level', '=', 'hromada').execute();
  const byName = (prefix: string) => {
    const h = hromadas.find((x) => x.name_en.startsWith(prefix));
    if (!h) throw new Error(`no hromada ${prefix}`);
    return h.id;
  };
  const users = await deps.db.selectFrom('users').select(['id', 'username']).execute();
  const userId = (username: string) => {
    const u = users.find((x) => x.username === username);
    if (!u) throw new Error(`no user ${username}`);
    return u.id;
  };
  return { bucha: byName('Bucha'), dmytrivka: byName('Dmytrivka'), stryi: byName('Stryi'), obroshyne: byName('Obroshyne'), userId };
}

/** A signed-in HTTP client over `app.inject` (the real routes, middleware and database). */
export type Client = {
  username: string;
  get: (url: string) => Promise<{ status: number; body: any; headers: Record<string, unknown> }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  send: (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => Promise<{ status: number; body: any; headers: Record<string, unknown> }>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

function parse(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}

/** Logs a demo user in and returns a client carrying the session cookie. */
export async function loginAs(app: FastifyInstance, username: string, password = demoPassword): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'rodyna_session');
  if (!cookie) throw new Error('no session cookie');
  const headers = { cookie: `rodyna_session=${cookie.value}`, 'x-requested-with': 'rodyna' };
  return {
    username,
    get: async (url) => {
      const r = await app.inject({ method: 'GET', url, headers });
      return { status: r.statusCode, body: parse(r.body), headers: r.headers };
    },
    send: async (method, url, payload) => {
      const r = await app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
      return { status: r.statusCode, body: parse(r.body), headers: r.headers };
    },
  };
}

/** Builds the app without a listener or static files. */
export async function testApp(deps: Deps): Promise<FastifyInstance> {
  const app = await buildApp(deps, { logger: false, serveWeb: false });
  await app.ready();
  return app;
}

/** A valid notification for a hromada with one child and one adult; override what the test is about. */
export function aNotification(hromadaId: string, overrides: Partial<NotificationRequest> = {}): NotificationRequest {
  return {
    hromadaId,
    source: 'school',
    reporterOrganisation: 'Ліцей',
    reporterPerson: 'Класний керівник',
    reporterContact: '',
    receivedAt: '2026-11-20T09:00:00.000Z',
    description: 'Дитина пропускає заняття',
    childFactors: ['parents_evading_duties'],
    adultFactors: ['unemployment'],
    threatToLifeOrHealth: false,
    actionsTaken: '',
    urgentActions: [],
    documents: '',
    members: [
      { role: 'child', relationship: 'донька', person: { surname: 'Тестенко', givenName: 'Марія', patronymic: 'Іванівна', birthDate: '2016-03-01', sex: 'female', disability: false, latinName: '' } },
      { role: 'adult', relationship: 'мати', person: { surname: 'Тестенко', givenName: 'Ольга', patronymic: 'Петрівна', birthDate: '1990-01-01', sex: 'female', disability: false, latinName: '' } },
    ],
    openCase: true,
    caseType: 'prevention',
    ...overrides,
  };
}
