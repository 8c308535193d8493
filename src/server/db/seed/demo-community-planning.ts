import type { z } from 'zod';
import { programmeUpdate, type costingInput, type goalInput } from '#contracts/community-planning.contract.ts';
import { todayInKyiv, type Deps, type RequestActor } from '../../lib/context.ts';
import { createNeedsAssessment, updateNeedsAssessment } from '../../services/community-needs.service.ts';
import { createProgramme, updateProgramme } from '../../services/community-programmes.service.ts';
import { createOblastPlan, updateOblastPlan } from '../../services/oblast-plan.service.ts';
import { loadGrants } from '../../services/auth.service.ts';

/**
 * Demo community planning (SPEC §8, §9): planner.bucha's needs assessment for the current year with entered figures
 * (one of them differing from the system's count), a programme with two goals and a costed service; a smaller
 * programme of Dmytrivka in the same rayon for the neighbour comparison; coord.kyiv's oblast plan with activities.
 * Built with the same services the API uses. Idempotent: skipped when Bucha already has a programme.
 */
export async function seedDemoCommunityPlanning(deps: Deps): Promise<{ needsAssessmentId: string; programmeId: string; neighbourProgrammeId: string; oblastPlanId: string } | null> {
  const hromadas = await deps.db.selectFrom('territories').select(['id', 'name_en', 'parent_id']).where('level', 'in', ['hromada', 'oblast']).execute();
  const bucha = hromadas.find((h) => h.name_en.startsWith('Bucha'));
  const dmytrivka = hromadas.find((h) => h.name_en.startsWith('Dmytrivka'));
  const kyiv = hromadas.find((h) => h.name_en.startsWith('Kyiv'));
  if (!bucha || !dmytrivka || !kyiv) return null;
  if (await deps.db.selectFrom('community_programmes').select('id').where('hromada_id', '=', bucha.id).executeTakeFirst()) return null;
  const actorOf = async (username: string): Promise<RequestActor | null> => {
    const u = await deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (!u) return null;
    const grants = await loadGrants(deps, u.id);
    return { userId: u.id, username, ip: 'seed', grants: grants.map(({ role, organisationId, organisationType, hromadaId }) => ({ role, organisationId, organisationType, hromadaId })) };
  };
  const planner = await actorOf('planner.bucha');
  const coord = await actorOf('coord.kyiv');
  const admin = await actorOf('admin');
  if (!planner || !coord || !admin) return null;
  const year = Number(todayInKyiv(deps.now()).slice(0, 4));
  const sourceDate = `${year - 1}-12-15`;

  const na = await createNeedsAssessment(deps, planner, { hromadaId: bucha.id, year, title: `Оцінка потреб громади у соціальних послугах на ${year}–${year + 2} роки`, population: 61000, childPopulation: 12800 });
  await updateNeedsAssessment(deps, planner, na.id, {
    version: na.version,
    title: na.title,
    horizonYear: year + 2,
    population: 61000,
    childPopulation: 12800,
    figures: [
      { groupKey: 'cases_active', label: 'Сім’ї з дітьми у складних життєвих обставинах (облік ССД)', value: 14, sourceKind: 'administrative', sourceName: 'Служба у справах дітей Бучанської міської ради', sourceDate, note: 'Облік ССД включає сім’ї, щодо яких ще не відкрито випадок.' },
      { groupKey: null, label: 'Діти з інвалідністю', value: 312, sourceKind: 'administrative', sourceName: 'Управління соціальної політики, реєстр отримувачів допомоги', sourceDate, note: '' },
      { groupKey: null, label: 'Внутрішньо переміщені сім’ї з дітьми', value: 540, sourceKind: 'administrative', sourceName: 'Єдина інформаційна база даних про ВПО', sourceDate, note: '' },
    ],
    findings: [
      { sourceKind: 'focus_group', sourceName: 'Фокус-група з батьками дітей з інвалідністю', sourceDate, finding: 'Батьки назвали денний догляд і раннє втручання найбільш потрібними послугами, яких бракує в громаді.' },
      { sourceKind: 'survey', sourceName: 'Опитування шкіл громади', sourceDate, finding: 'Школи повідомляють про зростання кількості дітей, які пропускають заняття після евакуації.' },
    ],
    conclusions: 'Пріоритети: соціальний супровід сімей у СЖО, раннє втручання, денний догляд дітей з інвалідністю.',
  });

  const staff = [{ position: 'Фахівець із соціальної роботи', monthlyPay: 16800, monthlyHours: 168, hoursPerUnit: 1.5 }];
  const goals: Array<z.input<typeof goalInput>> = [
    {
      key: 'g1',
      title: 'Зменшити кількість дітей, розлучених із сім’ями, через соціальний супровід сімей у СЖО',
      targetGroup: 'сім’ї з дітьми у складних життєвих обставинах',
      rationale: 'Оцінка потреб громади: облік ССД і відкриті випадки',
      dueYear: year + 2,
      measures: [{ key: 'm1', title: 'Соціальний супровід сімей фахівцями ЦНСП', serviceCode: 'issb_family_social_support', responsible: 'ЦНСП Бучанської міської ради', year, resources: 'Два фахівці із соціальної роботи' }],
      indicators: [
        { key: 'i1', type: 'output', name: 'Сімей отримали соціальний супровід', unit: 'сімей', baseline: 20, target: 40, values: [{ period: String(year), actual: 26 }] },
        { key: 'i2', type: 'cost', name: 'Вартість супроводу однієї сім’ї на рік', unit: 'грн', baseline: 3000, target: 2640, values: [] },
      ],
    },
    {
      key: 'g2',
      title: 'Запровадити раннє втручання для дітей віком до 4 років',
      targetGroup: 'сім’ї з дітьми раннього віку з порушеннями розвитку',
      rationale: 'Фокус-група з батьками дітей з інвалідністю',
      dueYear: year + 1,
      measures: [{ key: 'm2', title: 'Закупівля послуги раннього втручання в сусідньої громади', serviceCode: 'issb_early_intervention', responsible: 'Управління соціальної політики', year: year + 1, resources: 'Кошти місцевого бюджету' }],
      indicators: [{ key: 'i3', type: 'quality', name: 'Частка сімей, задоволених послугою', unit: '%', baseline: 0, target: 80, values: [] }],
    },
  ];
  const costings: Array<z.input<typeof costingInput>> = [
    { key: 'c1', serviceCode: 'issb_family_social_support', staff, payrollChargePercent: 22, materialsPerUnit: 17, overheadKind: 'percent', overheadValue: 10, expectedRecipients: 40, unitsPerRecipient: 12, deliveryOption: 'own_provision', quotes: [{ option: 'outsource', supplier: 'ГО «Родинне коло»', unitPrice: 240 }], note: '' },
    { key: 'c2', serviceCode: 'issb_early_intervention', staff: [{ position: 'Фахівець з раннього втручання', monthlyPay: 18000, monthlyHours: 166, hoursPerUnit: 2 }], payrollChargePercent: 22, materialsPerUnit: 25, overheadKind: 'percent', overheadValue: 12, expectedRecipients: 15, unitsPerRecipient: 24, deliveryOption: 'buy_from_neighbour', quotes: [{ option: 'buy_from_neighbour', supplier: 'Ірпінська міська громада', unitPrice: 480 }], note: 'Власної команди раннього втручання немає.' },
  ];
  const p = await createProgramme(deps, planner, { hromadaId: bucha.id, title: `Програма соціального захисту дітей і підтримки сімей на ${year}–${year + 2} роки`, fromYear: year, toYear: year + 2, population: 61000, needsAssessmentId: na.id });
  await updateProgramme(deps, planner, p.id, programmeUpdate.parse({ version: p.version, title: p.title, fromYear: year, toYear: year + 2, status: 'approved', population: 61000, needsAssessmentId: na.id, goals, costings }));

  // Dmytrivka has no planner among the demo users: its programme is entered as if by its own planner.
  const dmytrivkaOrg = await deps.db.selectFrom('organisations').select(['id', 'type']).where('hromada_id', '=', dmytrivka.id).where('type', '=', 'css').executeTakeFirstOrThrow();
  const dPlanner: RequestActor = { ...admin, username: 'demo-seed', grants: [{ role: 'community_planner', organisationId: dmytrivkaOrg.id, organisationType: 'css', hromadaId: dmytrivka.id }] };
  const d = await createProgramme(deps, dPlanner, { hromadaId: dmytrivka.id, title: `Програма підтримки сімей з дітьми на ${year} рік`, fromYear: year, toYear: year, population: 24000, needsAssessmentId: null });
  await updateProgramme(deps, dPlanner, d.id, programmeUpdate.parse({
    version: d.version,
    title: d.title,
    fromYear: year,
    toYear: year,
    status: 'approved',
    population: 24000,
    needsAssessmentId: null,
    goals: [{ key: 'g1', title: 'Забезпечити соціальний супровід сімей у СЖО у кожному селі громади', targetGroup: 'сім’ї з дітьми у СЖО', rationale: 'Звернення старост', dueYear: year, measures: [{ key: 'm1', title: 'Виїзний соціальний супровід', serviceCode: 'issb_family_social_support', responsible: 'ЦНСП', year, resources: '' }], indicators: [{ key: 'i1', type: 'output', name: 'Сімей отримали супровід', unit: 'сімей', baseline: 8, target: 15, values: [] }] }],
    costings: [{ key: 'c1', serviceCode: 'issb_family_social_support', staff: [{ position: 'Фахівець із соціальної роботи', monthlyPay: 15000, monthlyHours: 166, hoursPerUnit: 2 }], payrollChargePercent: 22, materialsPerUnit: 30, overheadKind: 'percent', overheadValue: 10, expectedRecipients: 15, unitsPerRecipient: 12, deliveryOption: 'own_provision', quotes: [], note: 'Час на дорогу до віддалених сіл включено.' }],
  }));

  const plan = await createOblastPlan(deps, coord, { oblastId: kyiv.id, title: `Обласний план впровадження реформи «Кращий догляд» на ${year}–${year + 2} роки`, fromYear: year, toYear: year + 2 });
  const y = (cost: number, secured: number, offset = 0) => ({ year: year + offset, cost, secured });
  await updateOblastPlan(deps, coord, plan.id, {
    version: plan.version,
    title: plan.title,
    fromYear: year,
    toYear: year + 2,
    activities: [
      { key: 'a1', pillar: 'strengthen_families', component: 'case_management', title: 'Запровадити ведення випадку в усіх ЦНСП області', responsible: 'Обласний центр соціальних служб', fundingSource: 'oblast_budget', years: [y(1200000, 1200000), y(1500000, 900000, 1), y(1500000, 0, 2)] },
      { key: 'a2', pillar: 'strengthen_families', component: 'workforce', title: 'Навчання фахівців із соціальної роботи громад', responsible: 'Департамент соціального захисту населення', fundingSource: 'donors', years: [y(800000, 800000), y(600000, 300000, 1)] },
      { key: 'a3', pillar: 'family_based_care', component: 'none', title: 'Створити 20 нових прийомних сімей і ДБСТ', responsible: 'Служба у справах дітей облдержадміністрації', fundingSource: 'state_budget', years: [y(2400000, 1800000), y(2400000, 0, 1)] },
      { key: 'a4', pillar: 'reintegration_transformation', component: 'gatekeeping', title: 'Трансформація Бучанського будинку дитини в центр підтримки сімей', responsible: 'Обласна рада', fundingSource: 'local_budgets', years: [y(3000000, 1000000, 1), y(4500000, 0, 2)] },
    ],
  });
  return { needsAssessmentId: na.id, programmeId: p.id, neighbourProgrammeId: d.id, oblastPlanId: plan.id };
}
