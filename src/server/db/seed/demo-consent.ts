import type { Deps, RequestActor } from '../../lib/context.ts';
import { loadGrants } from '../../services/auth.service.ts';
import { recordConsent } from '../../services/consent.service.ts';

/**
 * Demo consents (SPEC §11): every member of the demo cases consented in writing to the processing of their data on
 * the day the case was registered (a parent for each child); the families of cases already at implementation or
 * later also consented to sharing with providers, so their referrals may be sent. Recorded through the consent
 * service (audited) by each case's manager. Idempotent: skipped when any consent exists.
 */
export async function seedDemoConsents(deps: Deps): Promise<void> {
  if (await deps.db.selectFrom('person_consents').select('id').limit(1).executeTakeFirst()) return;
  const cases = await deps.db.selectFrom('cases').innerJoin('users', 'users.id', 'cases.case_manager_id').select(['cases.id', 'cases.step', 'cases.status', 'cases.registered_on', 'cases.case_manager_id', 'users.username']).where('cases.status', '=', 'open').execute();
  const actors = new Map<string, RequestActor>();
  const later = new Set(['implementation', 'reunification', 'monitoring', 'case_review', 'closure']);
  for (const c of cases) {
    let actor = actors.get(c.case_manager_id);
    if (!actor) {
      const grants = await loadGrants(deps, c.case_manager_id);
      actor = { userId: c.case_manager_id, username: c.username, ip: 'seed', grants: grants.map(({ role, organisationId, organisationType, hromadaId }) => ({ role, organisationId, organisationType, hromadaId })) };
      actors.set(c.case_manager_id, actor);
    }
    const members = await deps.db
      .selectFrom('case_members as m')
      .innerJoin('persons as p', 'p.id', 'm.person_id')
      .select(['m.person_id', 'm.role', 'p.surname', 'p.given_name', 'p.patronymic'])
      .where('m.case_id', '=', c.id)
      .orderBy('m.created_at')
      .execute();
    const adult = members.find((m) => m.role === 'adult');
    const kinds = later.has(c.step) ? (['processing', 'sharing_providers'] as const) : (['processing'] as const);
    for (const m of members) {
      const byParent = m.role === 'child' && adult !== undefined;
      for (const kind of kinds) {
        await recordConsent(deps, actor, c.id, {
          personId: m.person_id,
          kind,
          scope: kind === 'processing' ? 'Ведення випадку: оцінювання потреб, план, супровід' : 'Передача даних надавачам соціальних послуг за направленнями випадку',
          providerOrganisationId: null,
          givenBy: byParent ? 'parent' : 'self',
          givenByName: byParent && adult ? [adult.surname, adult.given_name, adult.patronymic].filter(Boolean).join(' ') : '',
          givenOn: c.registered_on,
          form: 'written',
        });
      }
    }
  }
}
