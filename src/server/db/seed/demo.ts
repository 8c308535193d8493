import { seedDemoIndicators } from './demo-indicators.ts';
import type { Role } from '#domain/organisations/roles.ts';
import type { Deps, RequestActor } from '../../lib/context.ts';
import { loadGrants } from '../../services/auth.service.ts';
import { submitNotification } from '../../services/intake.service.ts';
import { createUser } from '../../services/users.service.ts';
import { insertOrganisation, insertTerritory } from './builders.ts';
import { seedWorkflowCases } from './demo-cases.ts';
import { seedDemoCaregivers } from './demo-caregivers.ts';
import { seedDemoInstitutions } from './demo-institutions.ts';
import { seedDemoProviders } from './demo-providers.ts';
import { seedDemoConsents } from './demo-consent.ts';
import { seedDemoPanels } from './demo-panels.ts';
import { seedDemoWorkforce } from './demo-workforce.ts';
import { seedDemoCommunityPlanning } from './demo-community-planning.ts';

/** The shared password of every demo user (README). */
export const demoPassword = 'Rodyna-Demo-2026';

type DemoHromada = { key: string; nameUk: string; nameEn: string; kind: 'urban' | 'rural'; starostats: Array<[string, string]> };
type DemoRayon = { nameUk: string; nameEn: string; hromadas: DemoHromada[] };
type DemoOblast = { nameUk: string; nameEn: string; rayons: DemoRayon[] };

// Real oblasts, rayons and hromadas (2020 administrative reform); populations are left to the KATOTTH import.
const geography: DemoOblast[] = [
  {
    nameUk: 'Київська область',
    nameEn: 'Kyiv Oblast',
    rayons: [
      {
        nameUk: 'Бучанський район',
        nameEn: 'Bucha Raion',
        hromadas: [
          { key: 'bucha', nameUk: 'Бучанська міська територіальна громада', nameEn: 'Bucha urban hromada', kind: 'urban', starostats: [['Блиставицький старостинський округ', 'Blystavytsia starostat']] },
          { key: 'dmytrivka', nameUk: 'Дмитрівська сільська територіальна громада', nameEn: 'Dmytrivka rural hromada', kind: 'rural', starostats: [] },
        ],
      },
    ],
  },
  {
    nameUk: 'Львівська область',
    nameEn: 'Lviv Oblast',
    rayons: [
      { nameUk: 'Стрийський район', nameEn: 'Stryi Raion', hromadas: [{ key: 'stryi', nameUk: 'Стрийська міська територіальна громада', nameEn: 'Stryi urban hromada', kind: 'urban', starostats: [] }] },
      { nameUk: 'Львівський район', nameEn: 'Lviv Raion', hromadas: [{ key: 'obroshyne', nameUk: 'Оброшинська сільська територіальна громада', nameEn: 'Obroshyne rural hromada', kind: 'rural', starostats: [] }] },
    ],
  },
];

const hromadaShort: Record<string, [string, string]> = {
  bucha: ['Бучанської міської ради', 'Bucha City Council'],
  dmytrivka: ['Дмитрівської сільської ради', 'Dmytrivka Village Council'],
  stryi: ['Стрийської міської ради', 'Stryi City Council'],
  obroshyne: ['Оброшинської сільської ради', 'Obroshyne Village Council'],
};

type DemoUser = { username: string; surname: string; givenName: string; patronymic: string; role: Role; org: string; supervisor?: string };

/** Demo users: one per role of SPEC §0, plus case managers in every hromada. */
export const demoUsers: DemoUser[] = [
  { username: 'cm.bucha', surname: 'Коваленко', givenName: 'Олена', patronymic: 'Петрівна', role: 'case_manager', org: 'bucha.css', supervisor: 'sv.bucha' },
  { username: 'cm2.bucha', surname: 'Ткаченко', givenName: 'Ірина', patronymic: 'Василівна', role: 'case_manager', org: 'bucha.css', supervisor: 'sv.bucha' },
  { username: 'sv.bucha', surname: 'Мельник', givenName: 'Галина', patronymic: 'Іванівна', role: 'supervisor', org: 'bucha.css' },
  { username: 'cas.bucha', surname: 'Бондаренко', givenName: 'Андрій', patronymic: 'Миколайович', role: 'child_affairs_specialist', org: 'bucha.cas' },
  { username: 'cm.dmytrivka', surname: 'Кравчук', givenName: 'Наталія', patronymic: 'Олегівна', role: 'case_manager', org: 'dmytrivka.css' },
  { username: 'cas.dmytrivka', surname: 'Олійник', givenName: 'Василь', patronymic: 'Петрович', role: 'child_affairs_specialist', org: 'dmytrivka.cas' },
  { username: 'cm.stryi', surname: 'Гнатів', givenName: 'Оксана', patronymic: 'Романівна', role: 'case_manager', org: 'stryi.css' },
  { username: 'cas.stryi', surname: 'Федорович', givenName: 'Марта', patronymic: 'Степанівна', role: 'child_affairs_specialist', org: 'stryi.cas' },
  { username: 'cm.obroshyne', surname: 'Яремко', givenName: 'Юрій', patronymic: 'Богданович', role: 'case_manager', org: 'obroshyne.css' },
  { username: 'provider.bucha', surname: 'Шевчук', givenName: 'Тетяна', patronymic: 'Андріївна', role: 'provider_worker', org: 'bucha.provider' },
  { username: 'reporter.school', surname: 'Литвиненко', givenName: 'Світлана', patronymic: 'Олександрівна', role: 'reporter', org: 'bucha.school' },
  { username: 'panel.member', surname: 'Павленко', givenName: 'Віктор', patronymic: 'Семенович', role: 'panel_member', org: 'bucha.commission' },
  { username: 'panel.secretary', surname: 'Савченко', givenName: 'Людмила', patronymic: 'Григорівна', role: 'panel_secretary', org: 'bucha.commission' },
  { username: 'planner.bucha', surname: 'Руденко', givenName: 'Максим', patronymic: 'Олегович', role: 'community_planner', org: 'bucha.social_protection' },
  { username: 'coord.kyiv', surname: 'Лисенко', givenName: 'Оксана', patronymic: 'Вікторівна', role: 'oblast_coordinator', org: 'kyiv.oblast_admin' },
  { username: 'analyst.national', surname: 'Гончаренко', givenName: 'Дмитро', patronymic: 'Ігорович', role: 'national_analyst', org: 'national.centre' },
  { username: 'admin', surname: 'Захарченко', givenName: 'Роман', patronymic: 'Анатолійович', role: 'system_admin', org: 'national.centre' },
  { username: 'auditor', surname: 'Кузьменко', givenName: 'Лариса', patronymic: 'Юріївна', role: 'auditor', org: 'national.centre' },
];

/** Whether demo data is already there. */
export async function hasDemoData(deps: Pick<Deps, 'db'>): Promise<boolean> {
  return !!(await deps.db.selectFrom('users').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst());
}

/** What to load besides territory, organisations, users, providers and the two first cases. */
export type DemoOptions = {
  /** The showcase: cases at every step of the workflow, institutions and caregivers (default true); API tests leave it out to stay fast and start from a known world. */
  workflowCases?: boolean;
};

/** Loads the demo territory, organisations, users, providers and cases. Deterministic in content; idempotent. */
export async function seedDemo(deps: Deps, log: (m: string) => void = () => {}, options: DemoOptions = {}): Promise<{ created: boolean }> {
  if (await hasDemoData(deps)) return { created: false };
  const orgs = new Map<string, string>();
  const hromadas = new Map<string, string>();
  await deps.db.transaction().execute(async (trx) => {
    const national = await insertOrganisation(trx, { type: 'coordination_centre', nameUk: 'Координаційний центр з розвитку сімейного виховання та догляду дітей', nameEn: 'Coordination Centre for Family Upbringing and Child Care Development', territoryId: null, hromadaId: null });
    orgs.set('national.centre', national);
    for (const o of geography) {
      const oblastId = await insertTerritory(trx, { level: 'oblast', nameUk: o.nameUk, nameEn: o.nameEn });
      if (o.nameEn.startsWith('Kyiv')) orgs.set('kyiv.oblast_admin', await insertOrganisation(trx, { type: 'oblast_administration', nameUk: 'Київська обласна військова адміністрація', nameEn: 'Kyiv Oblast Military Administration', territoryId: oblastId, hromadaId: null }));
      for (const r of o.rayons) {
        const rayonId = await insertTerritory(trx, { level: 'rayon', nameUk: r.nameUk, nameEn: r.nameEn, parentId: oblastId });
        for (const h of r.hromadas) {
          const hId = await insertTerritory(trx, { level: 'hromada', nameUk: h.nameUk, nameEn: h.nameEn, parentId: rayonId, kind: h.kind });
          hromadas.set(h.key, hId);
          for (const [uk, en] of h.starostats) await insertTerritory(trx, { level: 'starostat', nameUk: uk, nameEn: en, parentId: hId });
          const [ofUk, ofEn] = hromadaShort[h.key] ?? [h.nameUk, h.nameEn];
          const add = async (suffix: string, type: Parameters<typeof insertOrganisation>[1]['type'], nameUk: string, nameEn: string) =>
            orgs.set(`${h.key}.${suffix}`, await insertOrganisation(trx, { type, nameUk, nameEn, territoryId: hId, hromadaId: hId }));
          await add('css', 'css', `Центр надання соціальних послуг ${ofUk}`, `Centre of Social Services of ${ofEn}`);
          await add('cas', 'cas', `Служба у справах дітей ${ofUk}`, `Child Affairs Service of ${ofEn}`);
          await add('provider', 'service_provider', `Громадська організація «Родинне коло» (${h.nameUk.split(' ')[0]})`, `NGO "Family Circle" (${h.nameEn.split(' ')[0]})`);
          if (h.key === 'bucha') {
            await add('school', 'school', 'Бучанський ліцей № 1', 'Bucha Lyceum No. 1');
            await add('commission', 'child_rights_commission', `Комісія з питань захисту прав дитини ${ofUk}`, `Commission on Protection of Child Rights of ${ofEn}`);
            await add('social_protection', 'social_protection', `Управління соціальної політики ${ofUk}`, `Social Policy Department of ${ofEn}`);
          }
        }
      }
    }
  });
  const ids = new Map<string, string>();
  // Supervisors first so that case managers can point at them.
  for (const u of [...demoUsers].sort((a, b) => Number(!!a.supervisor) - Number(!!b.supervisor))) {
    const orgId = orgs.get(u.org);
    if (!orgId) throw new Error(`demo organisation ${u.org} missing`);
    const { id } = await createUser(deps, { username: u.username, password: demoPassword, surname: u.surname, givenName: u.givenName, patronymic: u.patronymic, grants: [{ role: u.role, organisationId: orgId }], supervisorId: u.supervisor ? (ids.get(u.supervisor) ?? null) : null, isDemo: true }, null);
    ids.set(u.username, id);
  }
  await seedDemoCases(deps, ids, hromadas, orgs, options.workflowCases ?? true);
  await seedDemoProviders(deps);
  if (options.workflowCases ?? true) {
    await seedDemoInstitutions(deps);
    await seedDemoCaregivers(deps);
    await seedDemoConsents(deps);
    await seedDemoPanels(deps);
    await seedDemoWorkforce(deps, { backlog: true });
    await seedDemoCommunityPlanning(deps);
    await seedDemoIndicators(deps);
  }
  log(`demo data loaded: ${demoUsers.length} users, ${orgs.size} organisations, ${hromadas.size} hromadas`);
  return { created: true };
}

async function actorFor(deps: Deps, userId: string, username: string): Promise<RequestActor> {
  const grants = await loadGrants(deps, userId);
  return { userId, username, ip: 'seed', grants: grants.map(({ role, organisationId, organisationType, hromadaId }) => ({ role, organisationId, organisationType, hromadaId })) };
}

function required(map: Map<string, string>, key: string): string {
  const value = map.get(key);
  if (!value) throw new Error(`demo ${key} missing`);
  return value;
}

async function seedDemoCases(deps: Deps, ids: Map<string, string>, hromadas: Map<string, string>, orgs: Map<string, string>, workflowCases: boolean): Promise<void> {
  const cm = await actorFor(deps, required(ids, 'cm.bucha'), 'cm.bucha');
  const bucha = required(hromadas, 'bucha');
  const receivedAt = deps.now().toISOString();
  await submitNotification(deps, cm, {
    hromadaId: bucha,
    source: 'school',
    reporterOrganisation: 'Бучанський ліцей № 1',
    reporterPerson: 'Литвиненко С. О., класний керівник',
    reporterContact: '+380 44 000 00 00',
    receivedAt,
    description: 'Дитина часто пропускає заняття, мати втратила роботу після евакуації, сім\'я живе в тимчасовому житлі.',
    childFactors: ['parents_evading_duties', 'disaster_or_hostilities_damage'],
    adultFactors: ['unemployment', 'low_income'],
    threatToLifeOrHealth: false,
    actionsTaken: 'Класний керівник поспілкувався з матір\'ю.',
    urgentActions: [],
    documents: 'Довідка зі школи про пропуски занять',
    members: [
      { role: 'child', relationship: 'син', person: { surname: 'Шевченко', givenName: 'Максим', patronymic: 'Андрійович', birthDate: '2015-04-12', sex: 'male', disability: false, latinName: '' } },
      { role: 'adult', relationship: 'мати', person: { surname: 'Шевченко', givenName: 'Наталія', patronymic: 'Іванівна', birthDate: '1988-09-30', sex: 'female', disability: false, latinName: '' } },
    ],
    openCase: true,
    caseType: 'prevention',
  });
  await submitNotification(deps, cm, {
    hromadaId: bucha,
    source: 'police',
    reporterOrganisation: 'Бучанське районне управління поліції',
    reporterPerson: 'Ювенальний превентолог',
    reporterContact: '',
    receivedAt,
    description: 'Повідомлення про домашнє насильство щодо дитини.',
    childFactors: ['domestic_violence'],
    adultFactors: ['addiction'],
    threatToLifeOrHealth: true,
    actionsTaken: 'Поліцію викликано на місце.',
    urgentActions: ['police_notified', 'medical_examination'],
    documents: '',
    members: [
      { role: 'child', relationship: 'донька', person: { surname: 'Іваненко', givenName: 'Софія', patronymic: 'Олегівна', birthDate: '2012-02-03', sex: 'female', disability: true, latinName: 'IVANENKO Sofiia' } },
      { role: 'adult', relationship: 'батько', person: { surname: 'Іваненко', givenName: 'Олег', patronymic: 'Петрович', birthDate: '1982-06-15', sex: 'male', disability: false, latinName: '' } },
    ],
    openCase: true,
    caseType: 'prevention',
  });
  if (!workflowCases) return;
  // The whole workflow, built with the same services the API uses and dated relative to today (SPEC §2).
  await seedWorkflowCases(deps, {
    actors: { cmBucha: cm, svBucha: await actorFor(deps, required(ids, 'sv.bucha'), 'sv.bucha'), cmStryi: await actorFor(deps, required(ids, 'cm.stryi'), 'cm.stryi') },
    userIds: { cmBucha: required(ids, 'cm.bucha'), casBucha: required(ids, 'cas.bucha'), cmStryi: required(ids, 'cm.stryi') },
    hromadas: { bucha, stryi: required(hromadas, 'stryi') },
    providers: { bucha: required(orgs, 'bucha.provider'), stryi: required(orgs, 'stryi.provider') },
  });
}
