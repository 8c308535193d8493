import type { Deps } from '../../lib/context.ts';
import { personKeys } from '../../services/intake.service.ts';

/**
 * Records for the M&E indicators (SPEC §10): children with care-arrangement histories (placements, reunifications,
 * institutions, supported living), prevention and other cases with needs assessments and delivered services,
 * caregivers approved over time, institutions of every type, and a few entered values of survey and administrative
 * indicators. Deterministic for a seed (a seeded PRNG, no clock); the indicator recount test uses the same builder
 * with its own seed. Idempotent per seed (case numbers `IND-<seed>-…`).
 */

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const surnamesF = ['Коваленко', 'Бондаренко', 'Шевченко', 'Ткаченко', 'Кравченко', 'Олійник', 'Мельник', 'Савчук', 'Руденко', 'Лисенко'];
const surnamesM = surnamesF;
const namesF = ['Анна', 'Софія', 'Марія', 'Дарина', 'Вікторія', 'Злата', 'Олена', 'Катерина'];
const namesM = ['Андрій', 'Максим', 'Артем', 'Дмитро', 'Назар', 'Богдан', 'Олександр', 'Іван'];
const patronymicsF = ['Іванівна', 'Петрівна', 'Андріївна', 'Миколаївна'];
const patronymicsM = ['Іванович', 'Петрович', 'Андрійович', 'Миколайович'];
const careTypesWeighted = ['own_family', 'own_family', 'kinship', 'guardianship', 'foster_family', 'family_type_home', 'patronage', 'institution', 'institution', 'institution', 'supported_independent_living', 'adoption'];
const institutionTypes = ['baby_home', 'children_home', 'boarding_school', 'special_boarding_school', 'rehabilitation_centre', 'social_care_home', 'shelter', 'other'];
const subordinations = ['social_policy', 'health', 'education', 'private'];
const caseTypes = ['prevention', 'prevention', 'prevention', 'reintegration', 'alternative_care', 'returning_child', 'care_leaver'];
const caregiverTypes = ['foster_family', 'family_type_home', 'patronage', 'guardianship', 'kinship', 'adoption'];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const minDate = (a: string, b: string) => (a < b ? a : b);

/** Options of the builder. */
export type IndicatorFixtureOptions = {
  seed: number;
  persons: number;
  today: string;
  /** Also cases (with assessments and services), caregivers and institutions (default true). The demo leaves them out so that worklists, registers and journeys keep their known content. */
  withCasesAndRegisters?: boolean;
};

/** Loads the records; returns how many persons were created (0 when this seed was loaded before). */
export async function seedIndicatorRecords(deps: Deps, options: IndicatorFixtureOptions): Promise<{ persons: number }> {
  const prefix = `IND-${options.seed}-`;
  const marker = `indicator_records_${options.seed}`;
  const already = await deps.db.selectFrom('app_settings').select('key').where('key', '=', marker).executeTakeFirst();
  if (already) return { persons: 0 };
  const full = options.withCasesAndRegisters ?? true;
  const rnd = prng(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const dateBetween = (from: string, to: string) => addDays(from, int(0, Math.round((Date.parse(to) - Date.parse(from)) / 86400000)));

  const hromadas = await deps.db
    .selectFrom('territories as h')
    .innerJoin('territories as r', 'r.id', 'h.parent_id')
    .select(['h.id', 'h.name_en', 'r.parent_id as oblast_id'])
    .where('h.level', '=', 'hromada')
    .orderBy('h.name_en')
    .execute();
  const places: { hromadaId: string; oblastId: string; orgId: string; userId: string }[] = [];
  for (const h of hromadas) {
    const staff = await deps.db
      .selectFrom('user_roles as ur')
      .innerJoin('organisations as o', 'o.id', 'ur.organisation_id')
      .select(['ur.user_id', 'o.id as org_id'])
      .where('o.hromada_id', '=', h.id)
      .where('o.type', '=', 'css')
      .where('ur.role', '=', 'case_manager')
      .orderBy('ur.user_id')
      .executeTakeFirst();
    if (staff && h.oblast_id) places.push({ hromadaId: h.id, oblastId: h.oblast_id, orgId: staff.org_id, userId: staff.user_id });
  }
  if (places.length === 0) return { persons: 0 };
  const service = await deps.db.selectFrom('service_catalogue').select('code').orderBy('code').executeTakeFirst();
  const today = options.today;

  await deps.db.transaction().execute(async (trx) => {
    for (let i = 0; i < options.persons; i += 1) {
      const place = pick(places);
      const sex = rnd() < 0.5 ? 'female' : 'male';
      const surname = pick(sex === 'female' ? surnamesF : surnamesM);
      const given = pick(sex === 'female' ? namesF : namesM);
      const birth = dateBetween('2004-01-01', minDate('2026-06-30', today));
      const r1 = rnd();
      const displacement = r1 < 0.78 ? 'none' : r1 < 0.93 ? 'idp' : 'abroad';
      const r2 = rnd();
      const legal = r2 < 0.6 ? 'none' : r2 < 0.8 ? 'orphan' : 'deprived_of_care';
      const person = await trx
        .insertInto('persons')
        .values({ surname, given_name: given, patronymic: pick(sex === 'female' ? patronymicsF : patronymicsM), birth_date: birth, sex, disability: rnd() < 0.15, displacement, legal_status: legal, ...personKeys({ surname, givenName: given }), hromada_id: place.hromadaId, organisation_id: place.orgId })
        .returning('id')
        .executeTakeFirstOrThrow();

      // Care-arrangement history: consecutive, non-overlapping episodes; the last may be current.
      let start = dateBetween(birth > '2023-01-01' ? birth : '2023-01-01', minDate('2026-10-31', today));
      const episodes = int(0, 4);
      for (let e = 0; e < episodes && start <= today; e += 1) {
        const type = pick(careTypesWeighted);
        const length = int(20, 420);
        let end: string | null = addDays(start, length);
        if (end >= today) end = rnd() < 0.7 ? null : today;
        const elsewhere = rnd() < 0.1 ? pick(places) : place;
        await trx
          .insertInto('care_episodes')
          .values({
            person_id: person.id,
            care_type: type,
            institution_type: type === 'institution' ? pick(institutionTypes) : null,
            institution_subordination: type === 'institution' ? pick(subordinations) : null,
            start_date: start,
            end_date: end,
            recorded_by: elsewhere.userId,
            hromada_id: elsewhere.hromadaId,
            organisation_id: elsewhere.orgId,
          })
          .execute();
        if (end === null) break;
        start = addDays(end, int(1, 60));
      }

      // A case for most children, with an assessment and services for many.
      if (full && rnd() < 0.65) {
        const registered = dateBetween('2024-01-01', today);
        const closed = rnd() < 0.5 ? addDays(registered, int(20, 400)) : null;
        const closedOn = closed !== null && closed < today ? closed : null;
        const c = await trx
          .insertInto('cases')
          .values({ number: `${prefix}${String(i).padStart(5, '0')}`, case_type: pick(caseTypes), status: closedOn ? 'closed' : 'open', step: closedOn ? 'closure' : 'implementation', complexity: pick(['simple', 'moderate', 'complex', 'emergency']), hromada_id: place.hromadaId, organisation_id: place.orgId, case_manager_id: place.userId, registered_on: registered, registered_by: place.userId, closed_on: closedOn })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.insertInto('case_members').values({ case_id: c.id, person_id: person.id, role: 'child' }).execute();
        if (rnd() < 0.75) {
          const done = addDays(registered, int(0, 14));
          const completed = done <= today && rnd() < 0.85;
          await trx
            .insertInto('needs_assessments')
            .values({ case_id: c.id, status: completed ? 'completed' : 'draft', content: '{}', assessed_by: place.userId, due_date: addDays(registered, 7), completed_at: completed ? new Date(`${done}T09:00:00Z`) : null, hromada_id: place.hromadaId, organisation_id: place.orgId })
            .execute();
        }
        if (service && rnd() < 0.55) {
          for (let s = int(1, 3); s > 0; s -= 1) {
            const on = addDays(registered, int(1, 70));
            if (on > today) continue;
            await trx.insertInto('delivered_services').values({ case_id: c.id, service_code: service.code, provider_name: 'Надавач', delivered_on: on, quantity: 1, unit: 'послуга', recorded_by: place.userId, hromada_id: place.hromadaId, organisation_id: place.orgId }).execute();
          }
        }
      }
    }

    // Caregivers approved over time.
    for (let k = 0; full && k < Math.max(6, Math.round(options.persons / 8)); k += 1) {
      const place = pick(places);
      const approved = rnd() < 0.7 ? dateBetween('2024-01-01', today) : null;
      await trx
        .insertInto('caregivers')
        .values({ caregiver_type: pick(caregiverTypes), name: `Родина ${pick(surnamesF)}`, hromada_id: place.hromadaId, organisation_id: place.orgId, stage: approved ? 'approved' : 'training', stage_date: approved ?? dateBetween('2024-01-01', today), approved_on: approved, capacity: int(1, 4), created_by: place.userId })
        .execute();
    }

    // Institutions of every type, some at oblast level (no hromada).
    for (let k = 0; full && k < Math.max(4, Math.round(options.persons / 25)); k += 1) {
      const place = pick(places);
      await trx
        .insertInto('institutions')
        .values({ name_uk: `Заклад № ${options.seed}-${k + 1}`, type: pick(institutionTypes), subordination: pick(subordinations), ownership: pick(['state', 'communal', 'private']), governance_level: pick(['national', 'oblast', 'hromada']), capacity: int(10, 120), status: pick(['operating', 'operating', 'transforming', 'transformed', 'closed']), oblast_id: place.oblastId, hromada_id: rnd() < 0.7 ? place.hromadaId : null, created_at: new Date('2024-01-01T00:00:00Z') })
        .execute();
    }
    await trx.insertInto('app_settings').values({ key: marker, value: JSON.stringify({ persons: options.persons }) }).execute();
  });
  return { persons: options.persons };
}

/** A few entered values of survey and administrative indicators for the demo (national and per hromada). */
export async function seedIndicatorEnteredValues(deps: Deps): Promise<void> {
  const existing = await deps.db.selectFrom('indicator_values').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const analyst = await deps.db.selectFrom('users').select('id').where('username', '=', 'analyst.national').executeTakeFirst();
  if (!analyst) return;
  const hromadas = await deps.db.selectFrom('territories').select(['id', 'name_en']).where('level', '=', 'hromada').orderBy('name_en').execute();
  const rows: { code: string; territory_id: string | null; period: string; numerator: number; denominator: number | null; source: string }[] = [
    { code: 'SG1.1', territory_id: null, period: '2025', numerator: 612, denominator: 1000, source: 'Національне опитування сімей, 2025' },
    { code: 'SG1.5', territory_id: null, period: '2025', numerator: 410, denominator: 1469, source: 'Звіт Мінсоцполітики, 2025' },
    { code: 'SG2.5', territory_id: null, period: '2025', numerator: 17, denominator: null, source: 'Дані судів, 2025' },
    { code: 'SA6', territory_id: null, period: '2025', numerator: 1250000, denominator: null, source: 'Звіт про виконання бюджетів, 2025' },
  ];
  for (const [i, h] of hromadas.entries()) {
    rows.push({ code: 'SG1.6', territory_id: h.id, period: '2025', numerator: i % 2, denominator: null, source: 'Штатний розпис громади' });
    rows.push({ code: 'SA1', territory_id: h.id, period: '2026', numerator: 2 + i * 3, denominator: null, source: 'Служба у справах дітей' });
  }
  await deps.db.insertInto('indicator_values').values(rows.map((r) => ({ ...r, entered_by: analyst.id }))).execute();
}

/** The demo's indicator data: records for the showcase and entered values. */
export async function seedDemoIndicators(deps: Deps): Promise<void> {
  await seedIndicatorRecords(deps, { seed: 2026, persons: 240, today: '2026-11-15', withCasesAndRegisters: false });
  await seedIndicatorEnteredValues(deps);
}
