import { addDays } from '#domain/calendar/iso-date.ts';
import { todayInKyiv, type Deps } from '../../lib/context.ts';

type DemoCaregiver = {
  name: string;
  type: 'foster_family' | 'family_type_home';
  /** Stages reached, each with how many days ago. */
  stages: Array<[stage: string, daysAgo: number]>;
  capacity: number;
  ageFrom: number;
  ageTo: number;
  siblings: boolean;
  disability: boolean;
  members: Array<[role: string, surname: string, givenName: string, patronymic: string, birthDate: string]>;
};

// Fictitious families of the demo's Bucha hromada (SPEC §5): one foster family available, one family-type home in training.
const demoCaregivers: DemoCaregiver[] = [
  {
    name: 'Прийомна сім’я Гордієнків',
    type: 'foster_family',
    stages: [['intent', 300], ['screening', 280], ['training', 250], ['home_assessment', 200], ['approved', 180], ['available', 175]],
    capacity: 2,
    ageFrom: 3,
    ageTo: 14,
    siblings: true,
    disability: false,
    members: [
      ['applicant', 'Гордієнко', 'Тетяна', 'Степанівна', '1981-03-14'],
      ['co_applicant', 'Гордієнко', 'Василь', 'Іванович', '1979-11-02'],
      ['own_child', 'Гордієнко', 'Марія', 'Василівна', '2010-06-21'],
    ],
  },
  {
    name: 'Дитячий будинок сімейного типу Савчуків',
    type: 'family_type_home',
    stages: [['intent', 60], ['screening', 45], ['training', 20]],
    capacity: 0,
    ageFrom: 0,
    ageTo: 17,
    siblings: true,
    disability: true,
    members: [
      ['applicant', 'Савчук', 'Олена', 'Миколаївна', '1976-08-09'],
      ['co_applicant', 'Савчук', 'Петро', 'Андрійович', '1974-01-30'],
      ['assistant', 'Савчук', 'Ганна', 'Петрівна', '1999-04-17'],
    ],
  },
];

/** Loads the demo caregivers of Bucha, dated relative to today. Idempotent: a caregiver already there by name is left alone. */
export async function seedDemoCaregivers(deps: Deps): Promise<void> {
  const today = todayInKyiv(deps.now());
  const cas = await deps.db.selectFrom('users').select('id').where('username', '=', 'cas.bucha').executeTakeFirst();
  const hromada = await deps.db.selectFrom('territories').select('id').where('level', '=', 'hromada').where('name_en', 'like', 'Bucha%').executeTakeFirst();
  const org = hromada ? await deps.db.selectFrom('organisations').select('id').where('type', '=', 'cas').where('hromada_id', '=', hromada.id).executeTakeFirst() : undefined;
  if (!cas || !hromada || !org) return;
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    for (const c of demoCaregivers) {
      if (await trx.selectFrom('caregivers').select('id').where('name', '=', c.name).executeTakeFirst()) continue;
      const dated = c.stages.map(([stage, ago]) => [stage, addDays(today, -ago)] as const);
      const last = dated[dated.length - 1] ?? ['intent', today];
      const approved = dated.find(([s]) => s === 'approved');
      const approval = approved ? { decision_reference: `${180 + c.capacity}-р`, deciding_authority: 'Виконавчий комітет Бучанської міської ради', agreement_reference: `Договір № ${12 + c.capacity}` } : {};
      const row = await trx
        .insertInto('caregivers')
        .values({ caregiver_type: c.type, name: c.name, address: 'м. Буча', hromada_id: hromada.id, organisation_id: org.id, stage: last[0], stage_date: last[1], approved_on: approved ? approved[1] : null, ...approval, capacity: c.capacity, age_from: c.ageFrom, age_to: c.ageTo, siblings_accepted: c.siblings, disability_specialisation: c.disability, created_by: cas.id, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('caregiver_members').values(c.members.map(([role, surname, given_name, patronymic, birth_date]) => ({ caregiver_id: row.id, role, surname, given_name, patronymic, birth_date, created_at: now }))).execute();
      let from: string | null = null;
      for (const [stage, date] of dated) {
        await trx.insertInto('caregiver_stage_moves').values({ caregiver_id: row.id, from_stage: from, to_stage: stage, moved_on: date, ...(stage === 'approved' ? approval : {}), recorded_by: cas.id, created_at: now }).execute();
        from = stage;
      }
    }
  });
}
