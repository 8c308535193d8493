import { expect } from 'vitest';
import type { Client } from './factories.ts';

/**
 * Records, for every member of the case's family, a current written consent to sharing with providers (SPEC §11),
 * so that the case's referrals may be sent. `client` must be the case manager or supervisor.
 */
export async function consentToSharing(client: Client, caseId: string, givenOn = '2026-11-02'): Promise<void> {
  const list = await client.get(`/api/v1/cases/${caseId}/consents`);
  expect(list.status, JSON.stringify(list.body)).toBe(200);
  for (const m of list.body.members as Array<{ personId: string; role: string; sharingWithProviders: boolean }>) {
    if (m.sharingWithProviders) continue;
    const res = await client.send('POST', `/api/v1/cases/${caseId}/consents`, {
      personId: m.personId,
      kind: 'sharing_providers',
      givenBy: m.role === 'child' ? 'parent' : 'self',
      givenByName: m.role === 'child' ? 'Тестенко Ольга Петрівна' : '',
      givenOn,
      form: 'written',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
}
