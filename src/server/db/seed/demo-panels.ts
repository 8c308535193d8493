import { addDays } from '#domain/calendar/iso-date.ts';
import { todayInKyiv, type Deps } from '../../lib/context.ts';

/**
 * Demo panels (SPEC §3, §9): the Commission on Protection of Child Rights of the Bucha hromada with its members —
 * the chair (panel.member), the secretary (panel.secretary), members of the services, one from the provider NGO
 * (flagged as a conflict of interest), one person with lived experience of care — and one past meeting with its
 * attendance, an adopted item and an action item; and the Kyiv Oblast Better Care Council, which has not met yet
 * (flagged). Dated relative to today. Idempotent: skipped when the commission exists.
 */
export const demoCommissionNameUk = 'Комісія з питань захисту прав дитини Бучанської міської ради';

type DemoMember = { surname: string; givenName: string; patronymic: string; organisationName: string; org?: string; sector: string; role: 'chair' | 'secretary' | 'member'; livedExperience?: boolean; user?: string; presence: 'in_person' | 'online' | 'absent' };

const commissionMembers: DemoMember[] = [
  { surname: 'Павленко', givenName: 'Віктор', patronymic: 'Семенович', organisationName: 'Бучанська міська рада (заступник міського голови)', sector: 'local_government', role: 'chair', user: 'panel.member', presence: 'in_person' },
  { surname: 'Савченко', givenName: 'Людмила', patronymic: 'Григорівна', organisationName: 'Комісія з питань захисту прав дитини', sector: 'child_affairs', role: 'secretary', user: 'panel.secretary', presence: 'in_person' },
  { surname: 'Коваленко', givenName: 'Ірина', patronymic: 'Петрівна', organisationName: 'Центр надання соціальних послуг', sector: 'social_services', role: 'member', presence: 'in_person' },
  { surname: 'Мельник', givenName: 'Олег', patronymic: 'Іванович', organisationName: 'Управління освіти', sector: 'education', role: 'member', presence: 'online' },
  { surname: 'Бондар', givenName: 'Ганна', patronymic: 'Василівна', organisationName: 'Центр первинної медичної допомоги', sector: 'health', role: 'member', presence: 'absent' },
  { surname: 'Ткаченко', givenName: 'Андрій', patronymic: 'Миколайович', organisationName: 'ГО «Родинне коло»', org: 'provider', sector: 'service_provider', role: 'member', presence: 'in_person' },
  { surname: 'Гайова', givenName: 'Оксана', patronymic: 'Ігорівна', organisationName: 'Спілка випускників закладів догляду', sector: 'civil_society', role: 'member', livedExperience: true, presence: 'in_person' },
];

const councilMembers: DemoMember[] = [
  { surname: 'Лисенко', givenName: 'Оксана', patronymic: 'Вікторівна', organisationName: 'Київська обласна військова адміністрація', sector: 'local_government', role: 'chair', presence: 'absent' },
  { surname: 'Дорошенко', givenName: 'Марина', patronymic: 'Олексіївна', organisationName: 'Обласний центр соціальних служб', sector: 'social_services', role: 'secretary', presence: 'absent' },
  { surname: 'Клименко', givenName: 'Тарас', patronymic: 'Юрійович', organisationName: 'Благодійний фонд «Діти в сім’ї»', sector: 'civil_society', role: 'member', livedExperience: true, presence: 'absent' },
];

/** Loads the demo bodies once. */
export async function seedDemoPanels(deps: Pick<Deps, 'db' | 'now'>): Promise<void> {
  const db = deps.db;
  if (await db.selectFrom('panel_bodies').select('id').where('name_uk', '=', demoCommissionNameUk).executeTakeFirst()) return;
  const orgs = await db.selectFrom('organisations').select(['id', 'type', 'hromada_id']).where('type', 'in', ['child_rights_commission', 'service_provider']).execute();
  const territories = await db.selectFrom('territories').select(['id', 'level', 'name_en']).where('level', 'in', ['oblast', 'hromada']).execute();
  const bucha = territories.find((t) => t.level === 'hromada' && t.name_en.startsWith('Bucha'));
  const kyiv = territories.find((t) => t.level === 'oblast' && t.name_en.startsWith('Kyiv'));
  const commissionOrg = orgs.find((o) => o.type === 'child_rights_commission' && o.hromada_id === bucha?.id);
  const providerOrg = orgs.find((o) => o.type === 'service_provider' && o.hromada_id === bucha?.id);
  if (!bucha || !kyiv || !commissionOrg) return;
  const users = await db.selectFrom('users').select(['id', 'username']).where('username', 'in', ['panel.member', 'panel.secretary']).execute();
  const today = todayInKyiv(deps.now());
  const since = addDays(today, -400);
  await db.transaction().execute(async (trx) => {
    const commission = await trx.insertInto('panel_bodies').values({ kind: 'child_rights_commission', name_uk: demoCommissionNameUk, name_en: 'Commission on Protection of Child Rights of Bucha City Council', territory_id: bucha.id, organisation_id: commissionOrg.id }).returning('id').executeTakeFirstOrThrow();
    const memberIds: Array<{ id: string; presence: DemoMember['presence'] }> = [];
    for (const m of commissionMembers) {
      const row = await trx
        .insertInto('panel_members')
        .values({
          body_id: commission.id,
          surname: m.surname,
          given_name: m.givenName,
          patronymic: m.patronymic,
          organisation_name: m.organisationName,
          organisation_id: m.org === 'provider' ? (providerOrg?.id ?? null) : m.role === 'secretary' ? commissionOrg.id : null,
          institution_id: null,
          sector: m.sector,
          role: m.role,
          lived_experience: m.livedExperience ?? false,
          from_date: since,
          to_date: null,
          user_id: users.find((u) => u.username === m.user)?.id ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      memberIds.push({ id: row.id, presence: m.presence });
    }
    const secretary = users.find((u) => u.username === 'panel.secretary')?.id ?? null;
    const chair = users.find((u) => u.username === 'panel.member')?.id ?? null;
    const held = new Date(`${addDays(today, -42)}T07:00:00.000Z`);
    const meeting = await trx
      .insertInto('panel_meetings')
      .values({ body_id: commission.id, scheduled_at: held, place: 'м. Буча, вул. Енергетиків, 12, зала засідань', created_by: secretary, chair_signed_by: chair, chair_signed_at: held, secretary_signed_by: secretary, secretary_signed_at: held })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const m of memberIds) await trx.insertInto('panel_attendance').values({ meeting_id: meeting.id, member_id: m.id, presence: m.presence }).execute();
    await trx
      .insertInto('panel_agenda_items')
      .values({ meeting_id: meeting.id, position: 1, title: 'Про стан влаштування дітей, позбавлених батьківського піклування, у сімейні форми виховання', motion: 'Взяти інформацію до відома; доручити Службі у справах дітей підготувати перелік дітей для розгляду на наступному засіданні', outcome: 'adopted', votes_for: 6, votes_against: 0, votes_abstain: 0, decided_at: held })
      .execute();
    await trx.insertInto('panel_action_items').values({ meeting_id: meeting.id, title: 'Підготувати перелік дітей у закладах для перегляду їхнього влаштування', owner: 'Служба у справах дітей Бучанської міської ради', due_date: addDays(today, -7), status: 'in_progress' }).execute();
    await trx.insertInto('panel_action_items').values({ meeting_id: meeting.id, title: 'Провести навчання членів комісії з оцінки найкращих інтересів дитини', owner: 'Центр надання соціальних послуг', due_date: addDays(today, 30), status: 'open' }).execute();
    const council = await trx.insertInto('panel_bodies').values({ kind: 'better_care_council', name_uk: 'Рада з питань кращого догляду за дітьми Київської області', name_en: 'Kyiv Oblast Better Care Council', territory_id: kyiv.id, organisation_id: null }).returning('id').executeTakeFirstOrThrow();
    for (const m of councilMembers) {
      await trx.insertInto('panel_members').values({ body_id: council.id, surname: m.surname, given_name: m.givenName, patronymic: m.patronymic, organisation_name: m.organisationName, organisation_id: null, institution_id: null, sector: m.sector, role: m.role, lived_experience: m.livedExperience ?? false, from_date: since, to_date: null, user_id: null }).execute();
    }
  });
}
