import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { allowedDhis2Actions, canOnDhis2 } from './dhis2-policy.ts';

const as = (role: Actor['grants'][number]['role']): Actor => ({ userId: 'u', grants: [{ role, organisationId: 'o', organisationType: 'coordination_centre', hromadaId: null }] });

describe('DHIS2 policy', () => {
  it('lets the administrator edit mappings and push, the national analyst push, nobody else anything', () => {
    expect(allowedDhis2Actions(as('system_admin'))).toEqual(['edit', 'push']);
    expect(allowedDhis2Actions(as('national_analyst'))).toEqual(['push']);
    expect(canOnDhis2(as('national_analyst'), 'edit_mappings')).toBe(false);
    for (const role of ['oblast_coordinator', 'community_planner', 'supervisor', 'case_manager', 'auditor'] as const) {
      expect(canOnDhis2(as(role), 'read')).toBe(false);
      expect(canOnDhis2(as(role), 'push')).toBe(false);
    }
  });
});
