import type { DemoUser } from '../matrix-world.ts';
import { only, simple, type PolicyPart } from '../route-policy-kit.ts';

/**
 * Dashboards, indicator exports, the council report and the DHIS2 push (SPEC §10.4, §11). Figures come from the
 * indicator engine, so its readers apply: the national analyst, the oblast coordinator, the community planner and the
 * supervisor (each for their territory and, suppressed, the country); everyone else 403. The DHIS2 mapping tables are
 * kept by the system administrator; the administrator and the national analyst read them, dry-run and push.
 */
const indicatorReaders: readonly DemoUser[] = ['analyst.national', 'coord.kyiv', 'planner.bucha', 'sv.bucha'];
const dhis2Users: readonly DemoUser[] = ['admin', 'analyst.national'];
const period = '2026Q3';

const element = (w: { ids: Record<string, string> }) => ({ id: w.ids.dhis2Element as string });
const orgUnit = (w: { ids: Record<string, string> }) => ({ id: w.ids.dhis2OrgUnit as string });

export const policies: PolicyPart['policies'] = {
  'GET /api/v1/dashboards': simple('indicator readers (the country, suppressed outside their own territory)', only(indicatorReaders), { query: () => `period=${period}` }),
  'GET /api/v1/dashboards/map': simple('indicator readers', only(indicatorReaders), { query: () => `period=${period}&code=SG4.3` }),
  'GET /api/v1/indicator-exports': simple('indicator readers; small cells suppressed outside the territory’s own staff', only(indicatorReaders), { query: () => `code=SG4.3&period=${period}&format=csv` }),
  'GET /api/v1/council-reports/quarterly.pdf': simple('indicator readers; published (suppressed) figures', only(indicatorReaders), { query: () => `period=${period}` }),
  'GET /api/v1/dhis2/mappings': simple('the administrator and the national analyst', only(dhis2Users)),
  'POST /api/v1/dhis2/mappings/elements': simple('the system administrator keeps the mapping', only(['admin']), {
    body: () => ({ indicatorCode: 'SG4.4', disaggregation: 'total', dataElement: 'deSG44total', categoryOptionCombo: null }),
  }),
  'PUT /api/v1/dhis2/mappings/elements/:id': simple('the system administrator keeps the mapping', only(['admin']), {
    params: element,
    body: () => ({ indicatorCode: 'SG4.3', disaggregation: 'total', dataElement: 'deSG43total', categoryOptionCombo: null, version: 999 }),
  }),
  'DELETE /api/v1/dhis2/mappings/elements/:id': simple('the system administrator keeps the mapping', only(['admin']), { params: element, query: () => 'version=999' }),
  'PUT /api/v1/dhis2/mappings/org-units': simple('the system administrator keeps the mapping', only(['admin']), { body: (w) => ({ territoryId: w.world.bucha, orgUnit: 'ouBuchaH001', version: 999 }) }),
  'DELETE /api/v1/dhis2/mappings/org-units/:id': simple('the system administrator keeps the mapping', only(['admin']), { params: orgUnit, query: () => 'version=999' }),
  'GET /api/v1/dhis2/pushes': simple('the administrator and the national analyst', only(dhis2Users)),
  'POST /api/v1/dhis2/pushes': simple('the administrator and the national analyst (dry run here)', only(dhis2Users), { body: (w) => ({ quarter: period, dryRun: true, remoteDryRun: false, territoryId: w.world.bucha, importStrategy: 'CREATE_AND_UPDATE' }) }),
};

/** One element and one org-unit mapping for the routes addressed by id. */
export const seedIds: PolicyPart['seedIds'] = async ({ deps, world }) => {
  const el = await deps.db.insertInto('dhis2_element_mappings').values({ indicator_code: 'SG4.3', disaggregation: 'total', data_element: 'deSG43total' }).returning('id').executeTakeFirstOrThrow();
  const ou = await deps.db.insertInto('dhis2_org_unit_mappings').values({ territory_id: world.bucha, org_unit: 'ouBuchaH001' }).returning('id').executeTakeFirstOrThrow();
  return { dhis2Element: el.id, dhis2OrgUnit: ou.id };
};
