import type { ProviderKind } from '#domain/services/providers.ts';
import type { Deps, Tx } from '../../lib/context.ts';
import { insertOrganisation } from './builders.ts';

type DemoProvider = {
  /** English name prefix of the hromada where the provider is. */
  hromada: string;
  /** An existing organisation of the demo world (matched by its English name prefix), or a new one with these names. */
  existing?: string;
  nameUk: string;
  nameEn: string;
  kind: ProviderKind;
  phone: string;
  email: string;
  address: string;
  contactPerson: string;
  services: Array<[code: string, capacity: number | null]>;
  /** English name prefixes of the hromadas served besides its own. */
  alsoServes: string[];
};

// Fictitious providers with small, plausible capacities (places at a time) for the demo's Bucha and Stryi hromadas.
const demoProviders: DemoProvider[] = [
  {
    hromada: 'Bucha',
    existing: 'NGO "Family Circle" (Bucha',
    nameUk: 'Громадська організація «Родинне коло» (Бучанська)',
    nameEn: 'NGO "Family Circle" (Bucha)',
    kind: 'ngo',
    phone: '+380 44 000 10 10',
    email: 'bucha@rodynne-kolo.example.org',
    address: 'м. Буча, вул. Героїв Майдану, 1',
    contactPerson: 'Шевчук Тетяна Андріївна',
    services: [
      ['issb_resilience_counselling', 20],
      ['issb_family_social_support', 15],
      ['issb_crisis_intervention', 4],
    ],
    alsoServes: ['Dmytrivka'],
  },
  {
    hromada: 'Bucha',
    nameUk: 'Комунальна установа «Бучанський центр комплексної реабілітації дітей з інвалідністю»',
    nameEn: 'Bucha Centre for Comprehensive Rehabilitation of Children with Disabilities',
    kind: 'public',
    phone: '+380 44 000 20 20',
    email: 'rehab@bucha.example.gov.ua',
    address: 'м. Буча, вул. Енергетиків, 5',
    contactPerson: 'Дорошенко Ігор Петрович',
    services: [
      ['issb_day_care_complex_disabilities', 12],
      ['issb_early_intervention', 10],
      ['issb_rehabilitation', 8],
    ],
    alsoServes: [],
  },
  {
    hromada: 'Stryi',
    existing: 'NGO "Family Circle" (Stryi',
    nameUk: 'Громадська організація «Родинне коло» (Стрийська)',
    nameEn: 'NGO "Family Circle" (Stryi)',
    kind: 'ngo',
    phone: '+380 32 000 30 30',
    email: 'stryi@rodynne-kolo.example.org',
    address: 'м. Стрий, вул. Шевченка, 10',
    contactPerson: 'Волошин Роман Іванович',
    services: [
      ['issb_family_social_support', 10],
      ['issb_resilience_counselling', 12],
    ],
    alsoServes: [],
  },
  {
    hromada: 'Stryi',
    nameUk: 'Благодійна організація «Милосердя» (Стрий)',
    nameEn: 'Charity "Myloserdia" (Stryi)',
    kind: 'faith_based',
    phone: '+380 32 000 40 40',
    email: 'info@myloserdia.example.org',
    address: 'м. Стрий, вул. Франка, 3',
    contactPerson: 'Сестра Марія (Гнатишин М. С.)',
    services: [
      ['issb_alternative_family_support', 6],
      ['basic_shelter', 0],
      ['basic_in_kind_assistance', null],
    ],
    alsoServes: ['Obroshyne'],
  },
];

async function hromadaId(trx: Tx, prefix: string): Promise<string> {
  const row = await trx.selectFrom('territories').select('id').where('level', '=', 'hromada').where('name_en', 'like', `${prefix}%`).executeTakeFirst();
  if (!row) throw new Error(`demo hromada ${prefix} missing`);
  return row.id;
}

/**
 * The demo providers register (SPEC §4.2): the demo world's NGO providers in Bucha and Stryi get their register
 * entries, and a communal and a faith-based provider join them, with services, places and hromadas served.
 * Runs after the demo organisations exist; does nothing when the register already has entries.
 */
export async function seedDemoProviders(deps: Pick<Deps, 'db'>): Promise<void> {
  if (await deps.db.selectFrom('provider_profiles').select('id').limit(1).executeTakeFirst()) return;
  await deps.db.transaction().execute(async (trx) => {
    for (const p of demoProviders) {
      const hId = await hromadaId(trx, p.hromada);
      let orgId: string | undefined;
      if (p.existing) {
        const org = await trx.selectFrom('organisations').select('id').where('type', '=', 'service_provider').where('name_en', 'like', `${p.existing}%`).executeTakeFirst();
        orgId = org?.id;
      }
      orgId ??= await insertOrganisation(trx, { type: 'service_provider', nameUk: p.nameUk, nameEn: p.nameEn, territoryId: hId, hromadaId: hId });
      const profile = await trx
        .insertInto('provider_profiles')
        .values({ organisation_id: orgId, kind: p.kind, status: 'active', phone: p.phone, email: p.email, address: p.address, contact_person: p.contactPerson })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('provider_services').values(p.services.map(([code, capacity]) => ({ provider_id: profile.id, service_code: code, capacity }))).execute();
      const served = [hId, ...(await Promise.all(p.alsoServes.map((h) => hromadaId(trx, h))))];
      await trx.insertInto('provider_territories').values(served.map((h) => ({ provider_id: profile.id, hromada_id: h }))).execute();
    }
  });
}
