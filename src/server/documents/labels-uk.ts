import type { CaseType, Complexity } from '#domain/cases/case-types.ts';
import type { MeasureType, PlanStatus, ResponsibleKind } from '#domain/cases/case-plan.ts';
import type { ClosureCriterion, ReportCriterion } from '#domain/cases/closure.ts';
import type { GoalAchievement } from '#domain/cases/review.ts';
import type { CaregiverKind, ChildCareStatus, IdentityDocumentType, SafetyActionType, SafetyLevel, SafetyParticipant } from '#domain/cases/safety-assessment.ts';
import type { adultIndicators, childIndicators, familyAgreements, familyIndicators, IndicatorRating, legalCapacities } from '#domain/cases/needs-assessment.ts';
import type { AdultFactor, ChildFactor, ReportSource, UrgentAction } from '#domain/intake/factors.ts';

// Statutory documents are always in Ukrainian, the legal language (SPEC §12), whatever the user's interface
// language is; so their wording lives here on the server, apart from the web app's i18n catalogues.
// Every map is typed over the domain's code list, so a new code without a label fails the type check.

/** Titles of the statutory forms (Order of the Ministry of Social Policy No. 1005). */
export const documentTitlesUk = {
  notification: 'Повідомлення (інформація) про сім’ю (особу), яка перебуває у складних життєвих обставинах',
  notificationShort: 'Повідомлення про сім’ю (особу) у складних життєвих обставинах',
  needsAssessment: 'Акт оцінки потреб сім’ї/особи',
  formSource: 'Форма за наказом Міністерства соціальної політики України № 1005',
  safetyAssessment: 'Акт проведення оцінки рівня безпеки дитини',
  safetyAssessmentSource: 'Додаток 10 до Порядку, затвердженого постановою Кабінету Міністрів України від 01.06.2020 № 585',
  supportPlan: 'План соціального супроводу сім’ї/особи',
  resultsReport: 'Звіт про результати соціального супроводу сім’ї/особи',
} as const;

/** Case types (SPEC §2.1). */
export const caseTypeUk: Record<CaseType, string> = {
  prevention: 'профілактика (запобігання розлученню дитини із сім’єю)',
  reintegration: 'реінтеграція дитини в сім’ю',
  alternative_care: 'альтернативний догляд',
  returning_child: 'дитина, яка повертається в Україну',
  care_leaver: 'випускник закладу альтернативного догляду',
};

/** Case complexity from the conclusion of the act (Order 1005). */
export const complexityUk: Record<Complexity, string> = {
  simple: 'простий',
  moderate: 'середньої складності',
  complex: 'складний',
  emergency: 'екстрений (кризовий)',
};

/** Sources of a report (SPEC §2.3). */
export const reportSourceUk: Record<ReportSource, string> = {
  self_referral: 'звернення самої особи (сім’ї)',
  school: 'заклад освіти',
  health_facility: 'заклад охорони здоров’я',
  police: 'Національна поліція',
  neighbour_or_relative: 'сусіди або родичі',
  hotline: 'гаряча лінія',
  other_organisation: 'інша організація',
  official_duties: 'виявлено під час виконання службових обов’язків',
  community_outreach: 'робота в громаді',
  other: 'інше',
};

/** Difficult-life-circumstance factors of a child (Resolution 585 §5). */
export const childFactorUk: Record<ChildFactor, string> = {
  loss_of_motor_activity: 'втрата (часткова втрата) рухової активності',
  memory_impairment: 'втрата (часткова втрата) пам’яті',
  incurable_disease: 'невиліковна хвороба, хвороба, що потребує тривалого лікування',
  mental_behavioural_disorder: 'психічний та/або поведінковий розлад',
  homelessness: 'бездомність',
  divorce_behavioural_problems: 'поведінкові розлади через розлучення батьків',
  parents_evading_duties: 'ухилення батьків або осіб, які їх замінюють, від виконання обов’язків з виховання дитини',
  loss_of_social_ties: 'втрата соціальних зв’язків',
  disaster_or_hostilities_damage: 'шкода, завдана пожежею, стихійним лихом, катастрофою, бойовими діями, терористичним актом, збройним конфліктом, тимчасовою окупацією',
  cruel_treatment_slavery: 'жорстоке поводження: практики, подібні до рабства',
  cruel_treatment_sexual_exploitation: 'жорстоке поводження: сексуальна експлуатація',
  cruel_treatment_crime_involvement: 'жорстоке поводження: залучення до злочинної діяльності',
  cruel_treatment_witness_crime: 'жорстоке поводження: дитина — свідок злочину проти життя чи здоров’я',
  domestic_violence: 'домашнє насильство',
};

/** Difficult-life-circumstance factors of adult members (Law "On Social Services" art. 1; Resolution 587). */
export const adultFactorUk: Record<AdultFactor, string> = {
  old_age: 'похилий вік',
  disability: 'інвалідність',
  loss_of_motor_activity: 'втрата (часткова втрата) рухової активності',
  memory_impairment: 'втрата (часткова втрата) пам’яті',
  incurable_disease: 'невиліковна хвороба, хвороба, що потребує тривалого лікування',
  mental_behavioural_disorder: 'психічний та/або поведінковий розлад, зокрема внаслідок вживання психоактивних речовин',
  homelessness: 'бездомність',
  unemployment: 'безробіття',
  low_income: 'малозабезпеченість',
  loss_of_social_ties: 'втрата соціальних зв’язків, зокрема під час перебування в місцях позбавлення волі',
  addiction: 'залежність (алкогольна, наркотична, ігрова тощо)',
  domestic_violence: 'домашнє насильство',
  gender_based_violence: 'насильство за ознакою статі',
  human_trafficking: 'потрапляння в ситуацію торгівлі людьми',
  disaster_or_hostilities_damage: 'шкода, завдана пожежею, стихійним лихом, катастрофою, бойовими діями, терористичним актом, збройним конфліктом, тимчасовою окупацією',
  other: 'інше',
};

/** Urgent actions after a report of abuse or threat (Resolution 585 §12). */
export const urgentActionUk: Record<UrgentAction, string> = {
  medical_examination: 'медичне обстеження дитини',
  police_notified: 'повідомлено Національну поліцію',
  shelter_placement: 'тимчасове влаштування до притулку для дітей',
  rehabilitation_centre_placement: 'влаштування до центру соціально-психологічної реабілітації дітей',
  restraining_order: 'терміновий заборонний припис',
};

/** Indicators of section 2 of the act (the child's condition and needs). */
export const childIndicatorUk: Record<(typeof childIndicators)[number], string> = {
  growth: 'Відповідність ваги та зросту віку',
  illness_frequency: 'Частота захворювань',
  disability: 'Інвалідність',
  injuries: 'Травми (синці, опіки, порізи)',
  appearance: 'Занедбаний зовнішній вигляд',
  hygiene: 'Гігієна, чистота одягу та постільної білизни',
  nutrition: 'Харчування',
  education: 'Навчальні досягнення',
  emotional_state: 'Емоційний стан',
  habits: 'Звички',
  relations: 'Стосунки в сім’ї та з іншими людьми',
  self_care: 'Навички самообслуговування',
};

/** Indicators of section 3 of the act (adult members). */
export const adultIndicatorUk: Record<(typeof adultIndicators)[number], string> = {
  health: 'Стан здоров’я',
  emotional_state: 'Емоційний стан',
  habits: 'Звички',
  social_history: 'Соціальна історія',
  employment: 'Зайнятість',
  self_care: 'Навички самообслуговування',
  parental_duties: 'Виконання батьківських обов’язків',
};

/** Indicators of section 4 of the act (family and environment). */
export const familyIndicatorUk: Record<(typeof familyIndicators)[number], string> = {
  support_network: 'Мережа підтримки (родичі, друзі)',
  community_ties: 'Зв’язки з громадою',
  income: 'Доходи',
  debts: 'Борги',
  others_needing_care: 'Інші члени сім’ї, які потребують догляду',
  housing: 'Житлові умови та стан майна',
};

/** Rating of one indicator. */
export const ratingUk: Record<IndicatorRating, string> = {
  no_concern: 'немає занепокоєння',
  some_concern: 'є певне занепокоєння',
  serious_concern: 'серйозне занепокоєння',
  not_applicable: 'не стосується',
};

/** Legal capacity of a household member. */
export const legalCapacityUk: Record<(typeof legalCapacities)[number], string> = {
  full: 'повна',
  limited: 'обмежена',
  none: 'визнано недієздатною',
  not_applicable: 'не застосовується (дитина)',
};

/** The family's position on the assessment. */
export const familyAgreementUk: Record<(typeof familyAgreements)[number], string> = {
  agrees: 'погоджується з результатами оцінювання',
  partly_agrees: 'погоджується частково',
  disagrees: 'не погоджується',
};

/** Household role on a case. */
export const memberRoleUk: Record<'child' | 'adult', string> = { child: 'дитина', adult: 'дорослий' };

/** The child's status in the safety-assessment act (Resolution 585 Annex 10). */
export const childCareStatusUk: Record<ChildCareStatus, string> = {
  orphan: 'дитина-сирота',
  deprived_of_parental_care: 'дитина, позбавлена батьківського піклування',
  left_without_parental_care: 'дитина, яка залишилась без батьківського піклування',
  with_parents: 'дитина, яка проживає з батьками (законними представниками)',
};

/** The identity document named in the act. */
export const identityDocumentTypeUk: Record<IdentityDocumentType, string> = {
  birth_certificate: 'свідоцтво про народження',
  passport: 'паспорт',
};

/** People around the child as the act lists them. */
export const caregiverKindUk: Record<CaregiverKind, string> = {
  parent: 'батьки',
  legal_representative: 'інший законний представник',
  actual_carer: 'особа, яка фактично здійснює догляд',
  relative: 'родич',
};

/** The assessed level of the child's safety. */
export const safetyLevelUk: Record<SafetyLevel, string> = {
  safe: 'дитина в безпеці',
  conditionally_safe: 'умовно безпечно (є ризики, потрібен план безпеки)',
  unsafe: 'дитина в небезпеці (існує загроза життю або здоров’ю)',
};

/** Bodies taking part in the safety assessment (Resolution 585 §9). */
export const safetyParticipantUk: Record<SafetyParticipant, string> = {
  child_affairs_service: 'служба у справах дітей',
  police: 'уповноважений підрозділ органів Національної поліції',
  social_services: 'надавач соціальних послуг (центр надання соціальних послуг)',
  health_facility: 'заклад охорони здоров’я',
};

/** Immediate actions after the safety assessment. */
export const safetyActionTypeUk: Record<SafetyActionType, string> = {
  ...urgentActionUk,
  other: 'інший захід',
};

/** Measures of the Order 1005 support plan. */
export const measureTypeUk: Record<MeasureType, string> = {
  documents_for_state_aid: 'підготовка документів для отримання державної допомоги',
  housing_repair: 'організація ремонту житла',
  safe_conditions_for_children: 'створення безпечних умов для дітей',
  employment: 'працевлаштування працездатних членів сім’ї',
  legal_advice: 'надання юридичної консультації',
  housing_property_rights: 'захист житлових і майнових прав',
  home_care: 'догляд вдома',
  divorce_risk_reduction: 'зменшення ризиків для дітей під час розлучення батьків',
  rehabilitation: 'реабілітація',
  other: 'інший захід',
};

/** Who carries out a measure. */
export const responsibleKindUk: Record<ResponsibleKind, string> = {
  specialist: 'фахівець',
  family_member: 'член сім’ї',
  agency: 'установа, організація',
};

/** Where a plan version stands. */
export const planStatusUk: Record<PlanStatus, string> = {
  draft: 'чернетка',
  agreed: 'погоджено із сім’єю',
  superseded: 'замінено новішою версією',
};

/** A goal's achievement (Order 1005 results report: fully / partially / not achieved). */
export const goalAchievementUk: Record<GoalAchievement, string> = {
  fully: 'досягнуто повністю',
  partially: 'досягнуто частково',
  not_achieved: 'не досягнуто',
};

/** Criteria of the results report whose status is described at the start and at the end of support. */
export const reportCriterionUk: Record<ReportCriterion, string> = {
  child_needs: 'Стан і потреби дитини',
  parents_caregivers: 'Стан батьків (осіб, які їх замінюють)',
  family_environment: 'Сім’я та середовище',
};

/** Closure criteria the specialist confirms (SPEC §2.14). */
export const closureCriterionUk: Record<ClosureCriterion, string> = {
  goalsMet: 'Цілі плану соціального супроводу досягнуто',
  benchmarksAtThreshold: 'Показники благополуччя на рівні порогу закриття або вище',
  safeStableCare: 'Дитина перебуває в безпечному та стабільному сімейному середовищі',
  supportInPlace: 'Підтримку сім’ї після закриття забезпечено',
};

/** Status of a closure request. */
export const closureStatusUk: Record<'pending' | 'approved' | 'returned', string> = {
  pending: 'очікує погодження керівника (супервізора)',
  approved: 'погоджено, випадок закрито',
  returned: 'повернуто на доопрацювання',
};

/** Words the forms share. */
export const commonUk = {
  yes: 'так',
  no: 'ні',
  unknown: 'невідомо',
  none: '—',
  notRated: 'не оцінено',
  draft: 'ЧЕРНЕТКА',
  page: (current: number, total: number) => `Сторінка ${current} з ${total}`,
  generatedBy: (when: string) => `Сформовано в інформаційній системі «Родина» ${when}`,
  caseNumber: (number: string) => `Випадок № ${number}`,
  signature: 'підпис',
  nameAndInitials: 'прізвище, ініціали',
  date: 'дата',
} as const;

/** The label of a code; a code the catalogue does not know (older data) is printed as it is rather than lost. */
export function labelOf<K extends string>(catalogue: Record<K, string>, code: string): string {
  return Object.hasOwn(catalogue, code) ? catalogue[code as K] : code;
}
