import { addDays } from '#domain/calendar/iso-date.ts';
import { caseloadPercent, type CaseCounts } from '#domain/workforce/caseload.ts';
import { todayInKyiv, type Deps, type RequestActor } from '../../lib/context.ts';
import { loadGrants } from '../../services/auth.service.ts';
import { submitNotification } from '../../services/intake.service.ts';
import { caseloadOf, loadWorkforceSettings } from '../../services/workforce.service.ts';

/**
 * Demo workforce of the Bucha Centre of Social Services (SPEC §7, §8): the staff register (the director — the head of
 * the service, with no account in the demo —, sv.bucha, cm.bucha, cm2.bucha, a paraprofessional and a volunteer),
 * trainings, supervision sessions with submitted cards (cm.bucha's planned supervision is overdue), wellbeing check-ins,
 * the workforce-need inputs of the hromada, and — with `backlog` — new unassessed cases registered to cm.bucha so that
 * their weighted caseload is over capacity on sv.bucha's team view. Idempotent: skipped once the register has entries.
 */
export async function seedDemoWorkforce(deps: Deps, options: { backlog?: boolean } = {}): Promise<void> {
  const db = deps.db;
  if (await db.selectFrom('workforce_staff').select('id').limit(1).executeTakeFirst()) return;
  const org = await db.selectFrom('organisations').select(['id', 'hromada_id']).where('type', '=', 'css').where('name_en', 'like', '%Bucha%').executeTakeFirst();
  if (!org || !org.hromada_id) return;
  const hromadaId = org.hromada_id;
  const users = await db.selectFrom('users').select(['id', 'username']).where('username', 'in', ['sv.bucha', 'cm.bucha', 'cm2.bucha']).execute();
  const uid = (u: string) => users.find((x) => x.username === u)?.id ?? null;
  const sv = uid('sv.bucha');
  const cm = uid('cm.bucha');
  const cm2 = uid('cm2.bucha');
  if (!sv || !cm || !cm2) return;
  const starostat = await db.selectFrom('territories').select('id').where('parent_id', '=', hromadaId).where('level', '=', 'starostat').executeTakeFirst();
  const today = todayInKyiv(deps.now());
  const now = deps.now();

  await db.transaction().execute(async (trx) => {
    const staff = async (v: { user: string | null; surname: string; given: string; patronymic: string; position: string; qualification: string; employment: 'full_time' | 'part_time'; fte: number; kind?: string; head?: boolean; territory?: string | null; started: string; interval?: number | null }) =>
      (
        await trx
          .insertInto('workforce_staff')
          .values({
            organisation_id: org.id,
            user_id: v.user,
            surname: v.surname,
            given_name: v.given,
            patronymic: v.patronymic,
            position: v.position,
            qualification: v.qualification,
            employment: v.employment,
            fte: v.fte,
            staff_kind: v.kind ?? 'professional',
            is_head: v.head ?? false,
            territory_id: v.territory ?? hromadaId,
            started_on: v.started,
            ended_on: null,
            supervision_interval_days: v.interval ?? null,
            created_by: sv,
            updated_by: sv,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const head = await staff({ user: null, surname: 'Савчук', given: 'Тамара', patronymic: 'Миколаївна', position: 'Директорка центру надання соціальних послуг', qualification: 'Магістр соціальної роботи', employment: 'full_time', fte: 1, head: true, started: '2019-09-02' });
    await staff({ user: sv, surname: 'Мельник', given: 'Галина', patronymic: 'Іванівна', position: 'Супервізорка, завідувачка відділення', qualification: 'Магістр психології; сертифікат супервізора', employment: 'full_time', fte: 1, started: '2020-03-01' });
    const cmStaff = await staff({ user: cm, surname: 'Коваленко', given: 'Олена', patronymic: 'Петрівна', position: 'Фахівчиня із соціальної роботи', qualification: 'Бакалавр соціальної роботи', employment: 'full_time', fte: 1, started: '2021-02-15', interval: 30 });
    const cm2Staff = await staff({ user: cm2, surname: 'Ткаченко', given: 'Ірина', patronymic: 'Василівна', position: 'Фахівчиня із соціальної роботи', qualification: 'Магістр соціальної педагогіки', employment: 'full_time', fte: 1, started: '2023-06-01', interval: 30 });
    await staff({ user: null, surname: 'Гриценко', given: 'Марія', patronymic: 'Степанівна', position: 'Соціальна помічниця (парапрофесіоналка)', qualification: 'Навчання парапрофесіоналів, 40 год', employment: 'part_time', fte: 0.5, kind: 'paraprofessional', territory: starostat?.id ?? hromadaId, started: '2024-09-01' });
    await staff({ user: null, surname: 'Бойко', given: 'Андрій', patronymic: 'Олексійович', position: 'Волонтер', qualification: '', employment: 'part_time', fte: 0.25, kind: 'volunteer', started: '2025-03-01' });

    await trx
      .insertInto('workforce_trainings')
      .values([
        { staff_id: cmStaff, kind: 'pre_service', topic: 'Ведення випадку: базовий курс', hours: 40, completed_on: '2021-03-20', certificate_number: 'ЦНСП-2021-017', created_by: sv },
        { staff_id: cmStaff, kind: 'in_service', topic: 'Оцінка безпеки дитини та робота з насильством у сім’ї', hours: 16, completed_on: addDays(today, -120), certificate_number: 'ОЦСС-2026-044', created_by: sv },
        { staff_id: cm2Staff, kind: 'pre_service', topic: 'Ведення випадку: базовий курс', hours: 40, completed_on: '2023-07-10', certificate_number: 'ЦНСП-2023-031', created_by: sv },
        { staff_id: cm2Staff, kind: 'in_service', topic: 'Підтримка сімей внутрішньо переміщених осіб', hours: 8, completed_on: addDays(today, -60), certificate_number: '', created_by: sv },
      ])
      .execute();

    const session = async (v: { date: string; purpose: string; kind: string; timing: string; format: string; participants: string[]; topics: string; cases: string; conclusions: string; recommendations: string }) => {
      const row = await trx
        .insertInto('supervision_sessions')
        .values({
          organisation_id: org.id,
          supervisor_id: sv,
          purpose: v.purpose,
          participants_kind: v.kind,
          timing: v.timing,
          format: v.format,
          stage: 'follow_up',
          session_date: v.date,
          topics: v.topics,
          cases_discussed: v.cases,
          conclusions: v.conclusions,
          recommendations: v.recommendations,
          submitted_at: now,
          submitted_to: head,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('supervision_participants').values(v.participants.map((user_id) => ({ session_id: row.id, user_id }))).execute();
    };
    await session({ date: addDays(today, -40), purpose: 'consulting', kind: 'individual', timing: 'planned', format: 'internal', participants: [cm], topics: 'Планування роботи з сім’ями, що повернулися після евакуації', cases: 'Два випадки на етапі оцінювання потреб', conclusions: 'Оцінювання ведеться вчасно; потрібна підтримка у плануванні послуг.', recommendations: 'Залучити надавача послуг з психологічної підтримки; наступна супервізія за графіком.' });
    await session({ date: addDays(today, -12), purpose: 'training_mentoring', kind: 'individual', timing: 'planned', format: 'internal', participants: [cm2], topics: 'Методика оцінки безпеки дитини', cases: 'Один випадок з ознаками насильства', conclusions: 'Фахівчиня застосовує методику впевнено.', recommendations: 'Поділитися досвідом на груповій супервізії.' });
    await session({ date: addDays(today, -5), purpose: 'consulting', kind: 'group', timing: 'unscheduled', format: 'internal', participants: [cm, cm2], topics: 'Навантаження та розподіл нових випадків', cases: 'Нові повідомлення за тиждень', conclusions: 'Навантаження Коваленко О. П. перевищує норму.', recommendations: 'Передати частину нових випадків іншій фахівчині; запланувати індивідуальну супервізію.' });

    const checkins: Array<[string, number, number, number, number]> = [
      [cm, -28, 4, 4, 3],
      [cm, -14, 4, 5, 3],
      [cm, -3, 5, 4, 2],
      [cm2, -21, 2, 3, 4],
      [cm2, -7, 3, 3, 4],
    ];
    await trx.insertInto('wellbeing_checkins').values(checkins.map(([user_id, d, exhaustion, stress, support]) => ({ user_id, organisation_id: org.id, checked_on: addDays(today, d), exhaustion, stress, support }))).execute();

    if (!(await trx.selectFrom('workforce_hromada_inputs').select('hromada_id').where('hromada_id', '=', hromadaId).executeTakeFirst())) {
      await trx.insertInto('workforce_hromada_inputs').values({ hromada_id: hromadaId, other_services_fte: 1.5, travel_minutes: JSON.stringify(starostat ? { [starostat.id]: 50 } : {}), updated_by: null, version: 1 }).execute();
    }
  });

  if (options.backlog) await seedBacklog(deps, cm, hromadaId);
}

const backlogFamilies: Array<[string, string, string, string]> = [
  ['Олійник', 'Марко', 'Тарасович', 'Оксана'],
  ['Бондар', 'Дарина', 'Ігорівна', 'Людмила'],
  ['Мороз', 'Артем', 'Вікторович', 'Ганна'],
  ['Кравець', 'Вікторія', 'Сергіївна', 'Олена'],
  ['Ковальчук', 'Богдан', 'Юрійович', 'Тетяна'],
  ['Ткачук', 'Анна', 'Романівна', 'Ірина'],
  ['Поліщук', 'Денис', 'Олегович', 'Світлана'],
  ['Левченко', 'Злата', 'Андріївна', 'Юлія'],
  ['Марченко', 'Іван', 'Петрович', 'Надія'],
  ['Сидоренко', 'Катерина', 'Миколаївна', 'Марина'],
  ['Білик', 'Назар', 'Васильович', 'Оксана'],
  ['Гуменюк', 'Соломія', 'Іванівна', 'Леся'],
  ['Дячук', 'Матвій', 'Олександрович', 'Віра'],
  ['Зайченко', 'Єва', 'Дмитрівна', 'Любов'],
  ['Лук’яненко', 'Тимофій', 'Степанович', 'Алла'],
  ['Панченко', 'Мілана', 'Богданівна', 'Інна'],
  ['Руденко', 'Остап', 'Григорович', 'Зоя'],
  ['Семенко', 'Аліна', 'Вадимівна', 'Раїса'],
  ['Тарасенко', 'Кирило', 'Максимович', 'Галина'],
  ['Шевчук', 'Олеся', 'Антонівна', 'Ольга'],
];

/** Registers new (not yet assessed) cases to the case manager until their weighted caseload is above capacity. */
async function seedBacklog(deps: Deps, cmId: string, hromadaId: string): Promise<void> {
  const grants = await loadGrants(deps, cmId);
  const actor: RequestActor = { userId: cmId, username: 'cm.bucha', ip: 'seed', grants: grants.map(({ role, organisationId, organisationType, hromadaId: h }) => ({ role, organisationId, organisationType, hromadaId: h })) };
  const { weights } = await loadWorkforceSettings(deps.db);
  const percent = async () => caseloadPercent((await caseloadOf(deps.db, [cmId], weights)).get(cmId)?.counts ?? ({} as CaseCounts), weights);
  let i = 0;
  while (i < backlogFamilies.length && (await percent()) <= 100) {
    const [surname, given, patronymic, mother] = backlogFamilies[i] as [string, string, string, string];
    const female = /а$|я$/.test(given);
    await submitNotification(deps, actor, {
      hromadaId,
      source: i % 2 === 0 ? 'school' : 'health_facility',
      reporterOrganisation: i % 2 === 0 ? 'Бучанський ліцей № 1' : 'Бучанська центральна міська лікарня',
      reporterPerson: 'Класний керівник',
      reporterContact: '',
      receivedAt: deps.now().toISOString(),
      description: 'Сім’я потребує оцінювання потреб: повідомлення надійшло протягом тижня.',
      childFactors: ['parents_evading_duties'],
      adultFactors: ['low_income'],
      threatToLifeOrHealth: false,
      actionsTaken: '',
      urgentActions: [],
      documents: '',
      members: [
        { role: 'child', relationship: female ? 'донька' : 'син', person: { surname, givenName: given, patronymic, birthDate: `${2010 + (i % 12)}-0${1 + (i % 9)}-1${i % 10}`, sex: female ? 'female' : 'male', disability: false, latinName: '' } },
        { role: 'adult', relationship: 'мати', person: { surname, givenName: mother, patronymic: 'Іванівна', birthDate: `${1980 + (i % 12)}-0${1 + (i % 9)}-2${i % 8}`, sex: 'female', disability: false, latinName: '' } },
      ],
      openCase: true,
      caseType: 'prevention',
    });
    i += 1;
  }
}
