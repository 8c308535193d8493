import type { APIRequestContext } from 'playwright-core';
import { todayKyiv } from './support.ts';

/**
 * Records, through the API as the signed-in case manager, a written consent to sharing with providers for every
 * family member of the case (SPEC §11), so that a journey may send referrals. The consent journey (99) records it
 * in the browser instead.
 */
export async function consentToSharing(req: APIRequestContext, baseUrl: string, caseId: string): Promise<void> {
  const url = `${baseUrl}/api/v1/cases/${caseId}/consents`;
  const list = await req.fetch(url);
  if (!list.ok()) throw new Error(`GET ${url} → ${list.status()}`);
  const [d, m, y] = todayKyiv().split('.');
  const members = ((await list.json()) as { members: Array<{ personId: string; role: string; name: string; sharingWithProviders: boolean }> }).members;
  const adult = members.find((x) => x.role === 'adult');
  for (const member of members.filter((x) => !x.sharingWithProviders)) {
    const res = await req.fetch(url, {
      method: 'POST',
      headers: { 'x-requested-with': 'rodyna' },
      data: { personId: member.personId, kind: 'sharing_providers', givenBy: member.role === 'child' && adult ? 'parent' : 'self', givenByName: member.role === 'child' && adult ? adult.name : '', givenOn: `${y}-${m}-${d}`, form: 'written' },
    });
    if (!res.ok()) throw new Error(`POST ${url} → ${res.status()} ${await res.text()}`);
  }
}
