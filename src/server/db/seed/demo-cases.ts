import { addDays } from '#domain/calendar/iso-date.ts';
import { careEpisodeCreateRequest } from '#contracts/care-episodes.contract.ts';
import { familyAssessmentContent, relativeCreateRequest, tracingAttemptRequest } from '#contracts/family-tracing.contract.ts';
import type { Deps, RequestActor } from '../../lib/context.ts';
import { startCareEpisode } from '../../services/care-episodes.service.ts';
import { addRelative, createFamilyAssessment, recordTracingAttempt } from '../../services/family-tracing.service.ts';
import { createPlanVersion, savePlan } from '../../services/case-plans.service.ts';
import { planSaveRequest } from '#contracts/case-plans.contract.ts';
import {
  agreeDemoPlan,
  approve,
  completeDemoAssessment,
  completeDemoSafetyAct,
  decideAndSign,
  demoClosureRequest,
  demoNote,
  demoPlanReport,
  demoReview,
  demoScores,
  demoTeamMember,
  demoVisit,
  moveTo,
  openDemoCase,
  recordBaseline,
  recordDueFollowUps,
  seedClock,
  type SeedClock,
} from './demo-workflow.ts';

/** Who and where the demo cases are built for. */
export type DemoCaseContext = {
  actors: { cmBucha: RequestActor; svBucha: RequestActor; cmStryi: RequestActor };
  userIds: { cmBucha: string; casBucha: string; cmStryi: string };
  hromadas: { bucha: string; stryi: string };
  providers: { bucha: string; stryi: string };
};

const address = 'м. Буча, вул. Вокзальна';

/** Prevention at implementation: assessments done, an agreed plan in force, services decided and contracted, visits and notes. */
async function preventionAtImplementation(c: SeedClock, x: DemoCaseContext): Promise<void> {
  const cm = x.actors.cmBucha;
  c.on(75);
  const { caseId, personIds } = await openDemoCase(c, cm, {
    hromadaId: x.hromadas.bucha,
    caseType: 'prevention',
    source: 'health_facility',
    reporter: 'КНП «Бучанська міська лікарня», дитяча поліклініка',
    description: 'Мати трьох місяців не приводить доньку на щеплення та огляди; сім’я переїхала з Харківщини, мати без роботи, житло орендоване.',
    childFactors: ['parents_evading_duties', 'disaster_or_hostilities_damage'],
    adultFactors: ['unemployment', 'low_income'],
    members: [
      { role: 'child', relationship: 'донька', person: { surname: 'Бойко', givenName: 'Дарина', patronymic: 'Сергіївна', birthDate: '2014-09-03', sex: 'female' } },
      { role: 'adult', relationship: 'мати', person: { surname: 'Бойко', givenName: 'Оксана', patronymic: 'Василівна', birthDate: '1986-12-14', sex: 'female' } },
    ],
  });
  const [child = '', mother = ''] = personIds;
  await completeDemoSafetyAct(c, cm, caseId, child, { level: 'conditionally_safe', threats: 'Дитина часто залишається сама до пізнього вечора; мати виснажена, але турботлива.', caregivers: [{ kind: 'parent', name: 'Бойко Оксана Василівна', relation: 'мати' }] });
  c.on(71);
  await completeDemoAssessment(c, cm, caseId, {
    childStrengths: 'Дарина любить малювати, має подругу в класі, довіряє мамі',
    childNeeds: 'Медичний огляд, підтримка в навчанні після переїзду',
    childViews: 'Хочу, щоб мама не хвилювалась і щоб я ходила на гурток малювання',
    childConcerns: { illness_frequency: 'Пропущені планові щеплення', education: 'Відставання з математики' },
    adultStrengths: 'Мати любить доньку, готова працювати з фахівцем',
    adultNeeds: 'Робота, оформлення статусу ВПО та допомоги',
    familyStrengths: 'Сусідка допомагає доглядати Дарину',
    familyNeeds: 'Стабільний дохід, погашення боргу за оренду',
    complexity: 'moderate',
    summary: 'Сім’я потребує соціального супроводу: працевлаштування матері, медичний огляд дитини, підтримка в навчанні.',
  });
  c.on(68);
  await moveTo(c, cm, caseId, 'case_planning');
  c.on(62);
  const { planId } = await agreeDemoPlan(c, cm, caseId, {
    childViews: 'Дарина хоче ходити на гурток малювання і щоб мама була вдома ввечері',
    familyParticipation: 'Мати брала участь у складанні плану, запропонувала залучити сусідку',
    signedBy: 'Бойко О. В.',
    goals: [
      {
        domain: 'health',
        text: 'Дарина пройшла медичний огляд і отримала пропущені щеплення',
        measures: [{ action: 'Записати Дарину до педіатра, пройти огляд і щеплення', measureType: 'other', responsible: { kind: 'family_member', personId: mother }, deadlineIn: -5, expectedResult: 'Огляд пройдено, щеплення за календарем', serviceCode: 'issb_social_medical_patronage' }],
      },
      {
        domain: 'economic_housing',
        text: 'Сім’я має стабільний дохід і не має боргу за оренду',
        measures: [
          { action: 'Оформити статус ВПО та допомогу на проживання', measureType: 'documents_for_state_aid', responsible: { kind: 'specialist', userId: x.userIds.cmBucha }, deadlineIn: 9, expectedResult: 'Допомогу призначено', serviceCode: 'issb_family_social_support' },
          { action: 'Пройти співбесіди через центр зайнятості', measureType: 'employment', responsible: { kind: 'family_member', personId: mother }, deadlineIn: 40, expectedResult: 'Мати працевлаштована' },
        ],
      },
      {
        domain: 'education_development',
        text: 'Дарина наздогнала програму з математики і відвідує гурток',
        measures: [{ action: 'Група продовженого дня та заняття з учителем', measureType: 'safe_conditions_for_children', responsible: { kind: 'agency', name: 'Бучанський ліцей № 1' }, deadlineIn: 25, expectedResult: 'Оцінки з математики не нижче середнього рівня', serviceCode: 'issb_after_school_care' }],
      },
    ],
  });
  c.on(60);
  await decideAndSign(c, cm, caseId, planId, { serviceCodes: ['issb_family_social_support', 'issb_social_medical_patronage', 'issb_after_school_care'], providerId: x.providers.bucha, signedBy: 'Бойко О. В.' });
  await moveTo(c, cm, caseId, 'implementation');
  await recordBaseline(c, cm, caseId, child, demoScores(2, { safety: 3, attachment_family: 3, caregiver_social_support: 1 }));
  await demoTeamMember(c, cm, caseId, { userId: x.userIds.casBucha, teamRole: 'child_affairs_specialist' });
  await demoTeamMember(c, cm, caseId, { externalName: 'Кравець Оксана Миколаївна', externalOrganisation: 'Бучанський ліцей № 1', teamRole: 'psychologist' });
  c.on(45);
  await demoVisit(c, cm, caseId, { personsMetIds: [child, mother], address, observations: 'Житло чисте, холодильник заповнений. Дарина показала свої малюнки, говорили наодинці — почувається в безпеці.' });
  c.on(33);
  await demoNote(c, cm, caseId, 'phone_call', 'Мати повідомила, що подала документи на допомогу ВПО; чекає рішення управління соціального захисту.');
  c.on(18);
  await demoVisit(c, cm, caseId, { personsMetIds: [child, mother], address, observations: 'Мати пройшла дві співбесіди. Дарина відвідує групу продовженого дня.' });
  c.on(4);
  await demoNote(c, cm, caseId, 'office_meeting', 'Зустріч із класним керівником: Дарина підтягнула математику, пропусків немає.');
}

/** Reintegration at family assessment: the child in an institution since years, relatives traced, the assessment in draft. */
async function reintegrationAtFamilyAssessment(c: SeedClock, x: DemoCaseContext): Promise<void> {
  const cm = x.actors.cmBucha;
  c.on(34);
  const { caseId, personIds } = await openDemoCase(c, cm, {
    hromadaId: x.hromadas.bucha,
    caseType: 'reintegration',
    source: 'official_duties',
    reporter: 'Служба у справах дітей Бучанської міської ради',
    description: 'Дитина понад два роки перебуває в закладі інституційного догляду; мати висловила бажання забрати сина додому.',
    childFactors: ['loss_of_social_ties'],
    adultFactors: ['low_income'],
    members: [
      { role: 'child', relationship: 'син', person: { surname: 'Ковальчук', givenName: 'Назар', patronymic: 'Олегович', birthDate: '2012-06-21', sex: 'male' } },
      { role: 'adult', relationship: 'мати', person: { surname: 'Ковальчук', givenName: 'Валентина', patronymic: 'Іванівна', birthDate: '1988-03-02', sex: 'female' } },
    ],
  });
  const [child = ''] = personIds;
  await startCareEpisode(c.deps, cm, caseId, careEpisodeCreateRequest.parse({ personId: child, careType: 'own_family', startDate: '2012-06-21', endDate: addDays(c.today, -791), reason: 'Проживав із матір’ю', endReason: 'Влаштування до закладу через тяжке матеріальне становище сім’ї' }));
  await startCareEpisode(
    c.deps,
    cm,
    caseId,
    careEpisodeCreateRequest.parse({
      personId: child,
      careType: 'institution',
      institutionType: 'boarding_school',
      institutionSubordination: 'education',
      institutionName: 'Київський обласний ліцей-інтернат № 2',
      startDate: addDays(c.today, -790),
      reason: 'Заява матері про тимчасове влаштування',
      decidingAuthority: 'Служба у справах дітей Бучанської міської ради',
      decisionNumber: '112/03',
      decisionDate: addDays(c.today, -795),
    }),
  );
  c.on(29);
  await completeDemoAssessment(c, cm, caseId, {
    childStrengths: 'Назар добре вчиться, займається футболом, підтримує зв’язок із бабусею',
    childNeeds: 'Повернення до сім’ї, підготовка до переходу в нову школу',
    childViews: 'Хочу жити вдома з мамою і ходити до школи в Бучі',
    childConcerns: { emotional_state: 'Сумує за домом, тривожиться перед змінами', relations: 'Рідко бачиться з мамою' },
    adultStrengths: 'Мати має постійну роботу, винайняла двокімнатну квартиру',
    adultNeeds: 'Підготовка до повернення сина, батьківські навички',
    familyStrengths: 'Бабуся живе поруч і готова допомагати',
    familyNeeds: 'Облаштування кімнати для дитини',
    complexity: 'complex',
    summary: 'Рекомендовано реінтеграцію дитини в сім’ю за умови підготовки матері та підтримки бабусі.',
  });
  const attempt = (daysAgo: number, a: Record<string, unknown>) => recordTracingAttempt(c.deps, cm, caseId, tracingAttemptRequest.parse({ attemptedOn: c.on(daysAgo), ...a }));
  await attempt(24, { soughtName: 'Ковальчук Ганна Петрівна', soughtRelation: 'бабуся', method: 'records_search', outcome: 'found', notes: 'Знайдено за даними реєстру територіальної громади: проживає в Бучі.' });
  await attempt(22, { soughtName: 'Ковальчук Олег Миколайович', soughtRelation: 'батько', method: 'other_agency', outcome: 'not_found', notes: 'Запит до органів поліції: місце перебування невідоме.' });
  await attempt(15, { soughtName: 'Мороз Тетяна Петрівна', soughtRelation: 'тітка', method: 'community_inquiry', outcome: 'lead', notes: 'Сусіди повідомили, що тітка переїхала до Ірпеня; уточнюємо адресу.' });
  await addRelative(
    c.deps,
    cm,
    caseId,
    relativeCreateRequest.parse({
      person: { surname: 'Ковальчук', givenName: 'Ганна', patronymic: 'Петрівна', birthDate: '1959-11-08', sex: 'female', disability: false, latinName: '' },
      childPersonId: child,
      relation: 'grandmother',
      contact: '+380 67 555 12 34',
      verified: true,
      verifiedOn: addDays(c.today, -15),
      verificationMethod: 'documents',
      willingness: 'willing',
      capacity: 'able_with_support',
      assessmentNotes: 'Бабуся щотижня навідує онука; готова забирати його зі школи.',
    }),
  );
  c.on(8);
  await moveTo(c, cm, caseId, 'family_assessment');
  c.on(5);
  await createFamilyAssessment(
    c.deps,
    cm,
    caseId,
    familyAssessmentContent.parse({
      riskFactors: 'Обмежений дохід; досвід розлуки.',
      protectiveFactors: 'Стабільна робота матері, підтримка бабусі.',
      strengths: 'Мати регулярно відвідує сина, тепла прив’язаність.',
      separationView: 'Мати вважає, що влаштування було вимушеним через втрату житла.',
      readiness: 'partly_ready',
      place: address,
    }),
  );
  await demoNote(c, cm, caseId, 'office_meeting', 'Зустріч із матір’ю: обговорили графік гостьових візитів Назара на вихідні.');
}

/** A prevention case from registration to the case-review step; returns what closure needs. */
async function preventionToReview(
  c: SeedClock,
  x: DemoCaseContext,
  d: { registered: number; family: { surname: string; child: [string, string, string, 'female' | 'male']; adult: [string, string, string, 'female' | 'male'] }; relationship: [string, string]; goalText: string; visits: number[]; planReportOn: number | null; reviewed: number | null },
) {
  const cm = x.actors.cmBucha;
  c.on(d.registered);
  const f = d.family;
  const { caseId, personIds } = await openDemoCase(c, cm, {
    hromadaId: x.hromadas.bucha,
    caseType: 'prevention',
    source: 'school',
    reporter: 'Бучанський ліцей № 1',
    description: 'Дитина систематично пропускає заняття; батько залишився без роботи, сім’я має борги.',
    childFactors: ['parents_evading_duties'],
    adultFactors: ['unemployment'],
    members: [
      { role: 'child', relationship: d.relationship[0], person: { surname: f.surname, givenName: f.child[0], patronymic: f.child[1], birthDate: f.child[2], sex: f.child[3] } },
      { role: 'adult', relationship: d.relationship[1], person: { surname: f.surname, givenName: f.adult[0], patronymic: f.adult[1], birthDate: f.adult[2], sex: f.adult[3] } },
    ],
  });
  const [child = '', adult = ''] = personIds;
  c.on(d.registered - 4);
  await completeDemoAssessment(c, cm, caseId, {
    childStrengths: 'Допитлива дитина, любить спорт',
    childNeeds: 'Регулярне відвідування школи',
    childViews: 'Хочу ходити до школи разом із друзями',
    childConcerns: { education: 'Багато пропусків' },
    adultStrengths: 'Відповідальний, шукає роботу',
    adultNeeds: 'Працевлаштування',
    familyStrengths: 'Підтримка родичів',
    familyNeeds: 'Погашення боргів',
    complexity: 'simple',
    summary: 'Сім’я потребує короткотривалого соціального супроводу.',
  });
  await moveTo(c, cm, caseId, 'case_planning');
  c.on(d.registered - 6);
  const { planId, goalKeys } = await agreeDemoPlan(c, cm, caseId, {
    childViews: 'Хоче ходити до школи і на секцію',
    familyParticipation: 'Батьки брали участь у складанні плану',
    signedBy: `${f.surname} ${f.adult[0].slice(0, 1)}. ${f.adult[1].slice(0, 1)}.`,
    goals: [
      { domain: 'education_development', text: d.goalText, measures: [{ action: 'Щотижневі зустрічі з класним керівником', measureType: 'other', responsible: { kind: 'specialist', userId: x.userIds.cmBucha }, deadlineIn: -d.registered + 60, expectedResult: 'Пропусків без поважної причини немає', serviceCode: 'issb_family_social_support' }] },
      { domain: 'economic_housing', text: 'Батько працевлаштований, борги погашено', measures: [{ action: 'Консультація центру зайнятості', measureType: 'employment', responsible: { kind: 'family_member', personId: adult }, deadlineIn: -d.registered + 90, expectedResult: 'Батько має роботу', serviceCode: 'basic_counselling' }] },
    ],
  });
  await decideAndSign(c, cm, caseId, planId, { serviceCodes: ['issb_family_social_support', 'basic_counselling'], providerId: x.providers.bucha, signedBy: `${f.surname} ${f.adult[0]}` });
  await moveTo(c, cm, caseId, 'implementation');
  await recordBaseline(c, cm, caseId, child, demoScores(2, { safety: 3 }));
  for (const [i, day] of d.visits.entries()) {
    c.on(day);
    await demoVisit(c, cm, caseId, { personsMetIds: [child, adult], address, observations: i === 0 ? 'Сім’я виконує план, дитина відвідує школу.' : 'Батько працевлаштований; дитина спокійна, говорили наодинці.' });
    if (i === 0) await moveTo(c, cm, caseId, 'monitoring');
  }
  if (d.planReportOn !== null) {
    c.on(d.planReportOn);
    await demoPlanReport(c, cm, caseId, planId);
  }
  if (d.reviewed !== null) {
    c.on(d.reviewed);
    await demoReview(c, cm, caseId, { childId: child, goalKeys, childViews: 'Мені подобається в школі', scores: demoScores(3), decision: 'prepare_closure', notes: 'Цілі досягнуто; готувати закриття випадку.', participants: ['Коваленко О. П.', `${f.surname} ${f.adult[0]}`] });
  }
  await moveTo(c, cm, caseId, 'case_review');
  return { caseId, child, goalKeys };
}

/** Closure proposed and waiting for sv.bucha; and a case closed two months ago with its follow-up visit scheduled. */
async function closures(c: SeedClock, x: DemoCaseContext): Promise<void> {
  const cm = x.actors.cmBucha;
  const pending = await preventionToReview(c, x, { registered: 100, family: { surname: 'Романенко', child: ['Вікторія', 'Андріївна', '2011-01-27', 'female'], adult: ['Андрій', 'Вікторович', '1981-08-19', 'male'] }, relationship: ['донька', 'батько'], goalText: 'Вікторія відвідує школу без пропусків', visits: [70, 35], planReportOn: 45, reviewed: 10 });
  c.on(3);
  await demoClosureRequest(c, cm, pending.caseId, { childId: pending.child, goalKeys: pending.goalKeys, childViews: 'Вікторія каже, що вдома все добре', familyViews: 'Батько дякує за підтримку і вважає, що далі впорається сам', serviceCode: 'issb_family_social_support', services: 'Соціальний супровід сім’ї, 6 місяців', recommendations: 'Продовжити участь Вікторії у спортивній секції; батькові — підтримувати зв’язок із центром зайнятості.' });

  const closed = await preventionToReview(c, x, { registered: 280, family: { surname: 'Петренко', child: ['Іван', 'Сергійович', '2016-05-09', 'male'], adult: ['Сергій', 'Іванович', '1984-10-02', 'male'] }, relationship: ['син', 'батько'], goalText: 'Іван відвідує школу без пропусків', visits: [200], planReportOn: null, reviewed: null });
  c.on(66);
  const { approvalId } = await demoClosureRequest(c, cm, closed.caseId, { childId: closed.child, goalKeys: closed.goalKeys, childViews: 'Іван каже, що йому подобається нова школа', familyViews: 'Батько вважає, що сім’я впоралася', serviceCode: 'issb_family_social_support', services: 'Соціальний супровід сім’ї, 7 місяців', recommendations: 'Відвідати сім’ю через три місяці після закриття.' });
  c.on(63);
  await approve(c, x.actors.svBucha, approvalId, 'Погоджую закриття: критерії виконано, показники на рівні порогу.');
  await recordDueFollowUps(c, cm, closed.caseId);
}

/** Stryi: a case at planning with a draft plan, and a fresh case whose needs assessment is overdue. */
async function stryi(c: SeedClock, x: DemoCaseContext): Promise<void> {
  const cm = x.actors.cmStryi;
  c.on(21);
  const planning = await openDemoCase(c, cm, {
    hromadaId: x.hromadas.stryi,
    caseType: 'prevention',
    source: 'neighbour_or_relative',
    reporter: '',
    description: 'Сусіди повідомили, що двоє дітей часто залишаються без нагляду, мати працює позмінно.',
    childFactors: ['parents_evading_duties'],
    adultFactors: ['low_income'],
    members: [
      { role: 'child', relationship: 'син', person: { surname: 'Дмитрук', givenName: 'Остап', patronymic: 'Романович', birthDate: '2017-02-15', sex: 'male' } },
      { role: 'adult', relationship: 'мати', person: { surname: 'Дмитрук', givenName: 'Христина', patronymic: 'Ярославівна', birthDate: '1992-07-30', sex: 'female' } },
    ],
  });
  c.on(16);
  await completeDemoAssessment(c, cm, planning.caseId, {
    childStrengths: 'Остап товариський, любить конструктори',
    childNeeds: 'Нагляд після школи',
    childViews: 'Хочу, щоб мама частіше була вдома',
    childConcerns: { self_care: 'Сам розігріває їжу на плиті' },
    adultStrengths: 'Мати працьовита, дбає про сина',
    adultNeeds: 'Графік роботи без нічних змін',
    familyStrengths: 'Бабуся у селі неподалік',
    familyNeeds: 'Догляд дитини після уроків',
    complexity: 'simple',
    summary: 'Потрібна організація догляду дитини після уроків.',
  });
  await moveTo(c, cm, planning.caseId, 'case_planning');
  c.on(2);
  const draft = await createPlanVersion(c.deps, cm, planning.caseId);
  await savePlan(
    c.deps,
    cm,
    planning.caseId,
    draft.id,
    planSaveRequest.parse({
      version: draft.version,
      childViews: 'Остап хоче ходити на гурток робототехніки',
      goals: [{ domain: 'safety', text: 'Остап після уроків під наглядом дорослих', measures: [{ action: 'Група продовженого дня', measureType: 'safe_conditions_for_children', responsible: { kind: 'agency', name: 'Стрийська гімназія № 3' }, deadline: addDays(c.today, 14), expectedResult: 'Дитина під наглядом до 18:00', serviceCode: 'issb_after_school_care' }] }],
    }),
  );

  c.on(12);
  await openDemoCase(c, cm, {
    hromadaId: x.hromadas.stryi,
    caseType: 'prevention',
    source: 'self_referral',
    reporter: '',
    description: 'Батько звернувся по допомогу: після демобілізації не може знайти роботу, син-підліток перестав ходити до школи.',
    childFactors: ['loss_of_social_ties'],
    adultFactors: ['unemployment'],
    members: [
      { role: 'child', relationship: 'син', person: { surname: 'Савчук', givenName: 'Матвій', patronymic: 'Богданович', birthDate: '2010-10-05', sex: 'male' } },
      { role: 'adult', relationship: 'батько', person: { surname: 'Савчук', givenName: 'Богдан', patronymic: 'Миколайович', birthDate: '1979-04-18', sex: 'male' } },
    ],
  });
}

/** Builds the workflow demo cases of Bucha and Stryi (SPEC §2), each dated relative to the seed's today. */
export async function seedWorkflowCases(deps: Deps, x: DemoCaseContext): Promise<void> {
  const c = seedClock(deps);
  await preventionAtImplementation(c, x);
  await reintegrationAtFamilyAssessment(c, x);
  await closures(c, x);
  await stryi(c, x);
}
