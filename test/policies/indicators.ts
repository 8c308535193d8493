import type { DemoUser } from '../matrix-world.ts';
import { both, hromadaOf, only, simple, type Outcome, type PolicyPart, type RoutePolicy, type Variant } from '../route-policy-kit.ts';

/**
 * M&E indicators and the situational analysis (SPEC §10, §11: aggregates only). Readers: the national analyst
 * (everything), the oblast coordinator (their oblast and what is in it; the country suppressed), the community planner
 * and the supervisor (their hromada; the rayon, oblast and country containing it, suppressed); everyone else 403.
 * Called on the Bucha hromada (every reader's own or contained territory) and on the Stryi hromada (Lviv oblast: only
 * the national analyst). Entered values: the national analyst anywhere, the coordinator in their oblast, the planner
 * in their hromada.
 */
const readers: readonly DemoUser[] = ['analyst.national', 'coord.kyiv', 'planner.bucha', 'sv.bucha'];
const writers: readonly DemoUser[] = ['analyst.national', 'coord.kyiv', 'planner.bucha'];
const period = '2026Q3';

const scoped = (users: readonly DemoUser[]) => (u: DemoUser, v: Variant): Outcome => {
  if (v === 'stryi') return u === 'analyst.national' ? 'allowed' : 'forbidden';
  return users.includes(u) ? 'allowed' : 'forbidden';
};
const territoryRoute = (rule: string, users: readonly DemoUser[], extra: Partial<RoutePolicy> = {}): RoutePolicy => ({ rule, expect: scoped(users), variants: both, coverage: 'full', ...extra });
const code = (c: string) => () => ({ code: c });

export const policies: PolicyPart['policies'] = {
  'GET /api/v1/indicators': simple('indicator readers', only(readers)),
  'GET /api/v1/indicators/:code/table': territoryRoute('indicator readers within their territory (or a territory containing it)', readers, { params: code('SG4.3'), query: (w, v) => `territoryId=${hromadaOf(w, v)}&period=${period}&disaggregation=age` }),
  'GET /api/v1/indicators/:code/trend': territoryRoute('indicator readers within their territory', readers, { params: code('SG2.4'), query: (w, v) => `territoryId=${hromadaOf(w, v)}&period=${period}&quarters=4` }),
  'GET /api/v1/indicators/:code/values': territoryRoute('indicator readers within their territory', readers, { params: code('SA1'), query: (w, v) => `territoryId=${hromadaOf(w, v)}` }),
  'PUT /api/v1/indicators/:code/values': territoryRoute('analyst anywhere, coordinator in their oblast, planner in their hromada', writers, {
    params: code('SG1.6'),
    body: (w, v) => ({ territoryId: hromadaOf(w, v), period: '2025', key: 'total', numerator: 1, denominator: null, source: 'Штатний розпис', notes: '' }),
  }),
  'GET /api/v1/situational-analysis': territoryRoute('indicator readers within their territory', readers, { query: (w, v) => `territoryId=${hromadaOf(w, v)}&period=${period}` }),
};
