import { casePart, caseRead, caseWrite, type RoutePolicy, type SeedContext } from '../route-policy-kit.ts';

/** Consents of a case's family (SPEC §11): everyone who sees the case reads them; its case manager and supervisor record and withdraw them. */
export const policies: Record<string, RoutePolicy> = {
  'GET /api/v1/cases/:id/consents': caseRead(),
  'POST /api/v1/cases/:id/consents': caseWrite({
    // The Bucha child: a member of the Bucha case; under the Stryi case it is refused (422) after the access check.
    body: (w) => ({ personId: w.buchaChildId, kind: 'processing', givenBy: 'parent', givenByName: 'Тестенко Ольга Петрівна', givenOn: '2026-11-01', form: 'written', providerOrganisationId: null }),
  }),
  // A stale version: whoever passes the access check gets 409, so the consent stays current for the other users.
  'POST /api/v1/cases/:id/consents/:consentId/withdrawal': casePart(true, {
    params: (w) => ({ consentId: w.ids.consent as string }),
    body: () => ({ withdrawnOn: '2026-11-10', reason: 'Мати відкликала згоду письмово', version: 999 }),
  }),
};

/** A consent of the Bucha child, recorded by its case manager. */
export async function seedIds(ctx: SeedContext): Promise<Record<string, string>> {
  const consent = await ctx.created('cm.bucha', `/api/v1/cases/${ctx.buchaCaseId}/consents`, {
    personId: ctx.buchaChildId,
    kind: 'sharing_providers',
    givenBy: 'parent',
    givenByName: 'Тестенко Ольга Петрівна',
    givenOn: '2026-11-01',
    form: 'written',
  });
  return { consent: String(consent.id) };
}
