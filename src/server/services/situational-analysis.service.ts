import { sql, type RawBuilder } from 'kysely';
import type { SituationalAnalysis } from '#contracts/indicators.contract.ts';
import { parsePeriod } from '#domain/indicators/periods.ts';
import { suppressSituation } from '#domain/indicators/suppression.ts';
import { canReadIndicatorsOf, isOwnStaffOf } from '#domain/access/indicator-policy.ts';
import { DomainError } from '#domain/errors.ts';
import type { Deps, RequestActor, Tx } from '../lib/context.ts';
import { indicatorScopeFor, resolveTerritory, type ResolvedTerritory } from './indicators.service.ts';
import { canUseIndicators } from '#domain/access/indicator-policy.ts';

/**
 * The situational analysis of 001 Annex 5 for any territory and period, from the same records as the indicators:
 * children and families, family-based care and adoption, institutional care, integrated social services, workforce,
 * finance, participation and social norms. Figures the system holds no records for are the entered values of the
 * `SA*` indicators (and the territory register for the child population); each cell says where it comes from.
 */

type Cell = SituationalAnalysis['tables'][number]['rows'][number]['cells'][number];
type Row = SituationalAnalysis['tables'][number]['rows'][number];
type Table = SituationalAnalysis['tables'][number];

const personColumns = [
  { key: 'total', labelUk: 'Усього', labelEn: 'Total' },
  { key: 'female', labelUk: 'Дівчата', labelEn: 'Girls' },
  { key: 'male', labelUk: 'Хлопці', labelEn: 'Boys' },
  { key: 'disability', labelUk: 'З інвалідністю', labelEn: 'With disability' },
];
const valueColumn = [{ key: 'total', labelUk: 'Значення', labelEn: 'Value' }];

type Scope = { national: boolean; territoryId: string | null; level: ResolvedTerritory['level'] };

/** `column IN (territories of the scope)`, or TRUE for the country. */
function inScope(scope: Scope, column: string): RawBuilder<unknown> {
  if (scope.national) return sql`TRUE`;
  const col = scope.level === 'oblast' ? 'o' : scope.level === 'rayon' ? 'r' : 'h';
  return sql`${sql.raw(column)} IN (SELECT id FROM tp WHERE ${sql.raw(col)} = ${scope.territoryId})`;
}

const tpCte = sql`tp AS (
  SELECT t.id,
    CASE WHEN t.level = 'hromada' THEN t.id WHEN p1.level = 'hromada' THEN p1.id END AS h,
    CASE WHEN t.level = 'rayon' THEN t.id WHEN p1.level = 'rayon' THEN p1.id WHEN p2.level = 'rayon' THEN p2.id END AS r,
    CASE WHEN t.level = 'oblast' THEN t.id WHEN p1.level = 'oblast' THEN p1.id WHEN p2.level = 'oblast' THEN p2.id WHEN p3.level = 'oblast' THEN p3.id END AS o
  FROM territories t LEFT JOIN territories p1 ON p1.id = t.parent_id LEFT JOIN territories p2 ON p2.id = p1.parent_id LEFT JOIN territories p3 ON p3.id = p2.parent_id)`;

type Counts = { total: number; female: number; male: number; disability: number };

/** Counts distinct persons of a query giving `person_id` (joined to persons for sex and disability). */
async function personCounts(db: Tx, personIds: RawBuilder<unknown>): Promise<Counts> {
  const r = await sql<Counts>`
    WITH ${tpCte}, ids AS (${personIds})
    SELECT count(*)::int AS total, count(*) FILTER (WHERE p.sex = 'female')::int AS female, count(*) FILTER (WHERE p.sex = 'male')::int AS male,
      count(*) FILTER (WHERE p.disability)::int AS disability
    FROM persons p WHERE p.id IN (SELECT person_id FROM ids)`.execute(db);
  const row = r.rows[0];
  return { total: Number(row?.total ?? 0), female: Number(row?.female ?? 0), male: Number(row?.male ?? 0), disability: Number(row?.disability ?? 0) };
}

async function scalar(db: Tx, query: RawBuilder<unknown>): Promise<number> {
  const r = await sql<{ n: number | null }>`WITH ${tpCte} ${query}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

const computed = (value: number, ref: string): Cell => ({ value, suppressed: false, source: 'computed', ref });
const none = (ref: string): Cell => ({ value: null, suppressed: false, source: 'none', ref });

function personRow(key: string, labelUk: string, labelEn: string, c: Counts): Row {
  return { key, labelUk, labelEn, cells: [computed(c.total, key), computed(c.female, key), computed(c.male, key), computed(c.disability, key)] };
}

/** The entered value of an `SA*`/`SG*` code for the territory and the period's year (or the period itself). */
async function entered(db: Tx, code: string, territoryId: string | null, periodKeys: string[]): Promise<Cell> {
  let q = db.selectFrom('indicator_values').select(['numerator', 'denominator', 'period']).where('code', '=', code).where('key', '=', 'total').where('period', 'in', periodKeys);
  q = territoryId === null ? q.where('territory_id', 'is', null) : q.where('territory_id', '=', territoryId);
  const rows = await q.execute();
  const best = periodKeys.map((k) => rows.find((r) => r.period === k)).find((r) => r !== undefined);
  if (!best || best.numerator === null) return none(code);
  const n = Number(best.numerator);
  const d = best.denominator === null ? null : Number(best.denominator);
  return { value: d !== null && d > 0 && code === 'SA10' ? Math.round((1000 * n) / d) / 10 : n, suppressed: false, source: 'entered', ref: code };
}

/** Builds the analysis without access checks or suppression (the raw engine). */
export async function computeSituationalAnalysis(db: Tx, territoryId: string | null, periodKey: string): Promise<SituationalAnalysis> {
  const period = parsePeriod(periodKey);
  const territory = await resolveTerritory(db, territoryId);
  const scope: Scope = { national: territory.id === null, territoryId: territory.id, level: territory.level };
  const E = period.end;
  const S = period.start;
  const periodKeys = [period.key, String(period.year)];
  const child = sql`p.birth_date > (${E}::date - interval '18 years')::date AND p.birth_date <= ${E}::date`;

  // Children and families
  const childPopulation = await scalar(db, sql`SELECT sum(t.child_population)::int AS n FROM territories t WHERE t.level = 'hromada' AND ${inScope(scope, 't.id')}`);
  const withoutCare = await personCounts(db, sql`SELECT p.id AS person_id FROM persons p WHERE p.legal_status IN ('orphan', 'deprived_of_care') AND ${child} AND ${inScope(scope, 'p.hromada_id')}`);
  const openCaseChildren = (types: string, extra: RawBuilder<unknown>) => sql`
    SELECT m.person_id FROM cases c JOIN case_members m ON m.case_id = c.id AND m.role = 'child' JOIN persons p ON p.id = m.person_id
    WHERE c.case_type IN ${sql.raw(types)} AND c.registered_on <= ${E}::date AND (c.closed_on IS NULL OR c.closed_on > ${E}::date) AND ${child} AND ${extra} AND ${inScope(scope, 'c.hromada_id')}`;
  const difficult = await personCounts(db, openCaseChildren(`('prevention','reintegration','returning_child')`, sql`TRUE`));
  const atRisk = await personCounts(db, openCaseChildren(`('prevention')`, sql`c.complexity IN ('complex', 'emergency')`));
  const displaced = await personCounts(db, sql`SELECT p.id AS person_id FROM persons p WHERE p.displacement <> 'none' AND ${child} AND ${inScope(scope, 'p.hromada_id')}`);
  const displacedAbroad = await personCounts(db, sql`SELECT p.id AS person_id FROM persons p WHERE p.displacement = 'abroad' AND ${child} AND ${inScope(scope, 'p.hromada_id')}`);
  const families = await scalar(db, sql`SELECT count(*)::int AS n FROM cases c WHERE c.registered_on <= ${E}::date AND (c.closed_on IS NULL OR c.closed_on > ${E}::date) AND ${inScope(scope, 'c.hromada_id')}`);
  const awaitingCourt = await entered(db, 'SA1', territory.id, periodKeys);
  const childrenTable: Table = {
    key: 'children_families',
    titleUk: 'Діти та сім’ї',
    titleEn: 'Children and families',
    columns: personColumns,
    rows: [
      { key: 'child_population', labelUk: 'Дитяче населення', labelEn: 'Child population', cells: [{ value: childPopulation, suppressed: false, source: 'territory', ref: 'territories.child_population' }, none('child_population'), none('child_population'), none('child_population')] },
      personRow('without_parental_care', 'Діти-сироти та позбавлені батьківського піклування', 'Orphans and children deprived of parental care', withoutCare),
      personRow('difficult_circumstances', 'Діти в сім’ях у складних життєвих обставинах (відкриті справи)', 'Children in families in difficult life circumstances (open cases)', difficult),
      personRow('at_risk_of_separation', 'Діти з ризиком розлучення з сім’єю (складні та екстрені справи превенції)', 'Children at risk of separation (complex and emergency prevention cases)', atRisk),
      personRow('displaced', 'Переміщені або евакуйовані діти', 'Displaced or evacuated children', displaced),
      personRow('displaced_abroad', 'з них за кордоном', 'of them abroad', displacedAbroad),
      { key: 'families_open_cases', labelUk: 'Сім’ї з відкритими справами', labelEn: 'Families with open cases', cells: [computed(families, 'families_open_cases'), none('-'), none('-'), none('-')] },
      { key: 'awaiting_court', labelUk: 'Діти, які очікують рішення суду про позбавлення батьківських прав', labelEn: 'Children awaiting a court decision on parental rights', cells: [awaitingCourt, none('SA1'), none('SA1'), none('SA1')] },
    ],
  };

  // Family-based care and adoption
  const currentOf = (type: string) => personCounts(db, sql`SELECT e.person_id FROM care_episodes e JOIN persons p ON p.id = e.person_id WHERE e.care_type = ${type} AND e.start_date <= ${E}::date AND (e.end_date IS NULL OR e.end_date >= ${E}::date) AND ${child} AND ${inScope(scope, 'e.hromada_id')}`);
  const familyRows: Row[] = [];
  const labels: Record<string, [string, string]> = {
    kinship: ['Діти під опікою родичів', 'Children in kinship care'],
    guardianship: ['Діти під опікою, піклуванням', 'Children in guardianship'],
    foster_family: ['Діти в прийомних сім’ях', 'Children in foster families'],
    family_type_home: ['Діти в дитячих будинках сімейного типу', 'Children in family-type homes'],
    patronage: ['Діти в сім’ях патронатних вихователів', 'Children in patronage families'],
  };
  for (const [type, [uk, en]] of Object.entries(labels)) familyRows.push(personRow(`in_${type}`, uk, en, await currentOf(type)));
  const adopted = await personCounts(db, sql`SELECT e.person_id FROM care_episodes e JOIN persons p ON p.id = e.person_id WHERE e.care_type = 'adoption' AND e.start_date BETWEEN ${S}::date AND ${E}::date AND ${inScope(scope, 'e.hromada_id')}`);
  familyRows.push(personRow('adopted_in_period', 'Діти, усиновлені в періоді', 'Children adopted in the period', adopted));
  const eligible = await entered(db, 'SA2', territory.id, periodKeys);
  familyRows.push({ key: 'eligible_for_adoption', labelUk: 'Діти, які можуть бути усиновлені', labelEn: 'Children eligible for adoption', cells: [eligible, none('SA2'), none('SA2'), none('SA2')] });
  const forms = await scalar(db, sql`SELECT count(*)::int AS n FROM caregivers c WHERE c.caregiver_type <> 'adoption' AND c.stage IN ('approved', 'available') AND c.approved_on <= ${E}::date AND ${inScope(scope, 'c.hromada_id')}`);
  familyRows.push({ key: 'family_forms', labelUk: 'Сімейні форми виховання (опікуни, прийомні батьки, ДБСТ)', labelEn: 'Family-based forms of care (guardians, foster carers, family-type homes)', cells: [computed(forms, 'caregivers'), none('-'), none('-'), none('-')] });
  const adopters = await scalar(db, sql`SELECT count(*)::int AS n FROM caregivers c WHERE c.caregiver_type = 'adoption' AND c.stage <> 'deregistered' AND ${inScope(scope, 'c.hromada_id')}`);
  familyRows.push({ key: 'prospective_adopters', labelUk: 'Кандидати в усиновлювачі', labelEn: 'Prospective adopters', cells: [computed(adopters, 'caregivers'), none('-'), none('-'), none('-')] });
  const familyTable: Table = { key: 'family_care', titleUk: 'Сімейні форми догляду та усиновлення', titleEn: 'Family-based alternative care and adoption', columns: personColumns, rows: familyRows };

  // Institutional care
  const institutions = await scalar(db, sql`SELECT count(*)::int AS n FROM institutions i WHERE i.status <> 'closed' AND ${inScope(scope, 'COALESCE(i.hromada_id, i.oblast_id)')}`);
  const privateInstitutions = await scalar(db, sql`SELECT count(*)::int AS n FROM institutions i WHERE i.status <> 'closed' AND i.ownership = 'private' AND ${inScope(scope, 'COALESCE(i.hromada_id, i.oblast_id)')}`);
  const inInstitution = (extra: RawBuilder<unknown>) => personCounts(db, sql`SELECT e.person_id FROM care_episodes e JOIN persons p ON p.id = e.person_id WHERE e.care_type = 'institution' AND e.start_date <= ${E}::date AND (e.end_date IS NULL OR e.end_date >= ${E}::date) AND ${child} AND ${extra} AND ${inScope(scope, 'e.hromada_id')}`);
  const counted = await scalar(db, sql`SELECT sum(c.total)::int AS n FROM institutions i JOIN LATERAL (SELECT x.total FROM institution_child_counts x WHERE x.institution_id = i.id AND x.as_of <= ${E}::date ORDER BY x.as_of DESC LIMIT 1) c ON TRUE WHERE ${inScope(scope, 'COALESCE(i.hromada_id, i.oblast_id)')}`);
  const enrolledThisYear = await inInstitution(sql`e.start_date >= ${`${period.year}-01-01`}::date`);
  const institutionRows: Row[] = [
    { key: 'institutions', labelUk: 'Заклади інституційного догляду та виховання', labelEn: 'Institutional care and education facilities', cells: [computed(institutions, 'SG4.5'), none('-'), none('-'), none('-')] },
    { key: 'institutions_private', labelUk: 'з них приватні', labelEn: 'of them private', cells: [computed(privateInstitutions, 'SG4.5'), none('-'), none('-'), none('-')] },
    personRow('children_in_institutions', 'Діти в закладах (за записами справ)', 'Children in institutions (case records)', await inInstitution(sql`TRUE`)),
    { key: 'children_counted_by_institutions', labelUk: 'Діти в закладах (за підрахунками закладів)', labelEn: 'Children in institutions (institutions’ counts)', cells: [computed(counted, 'institution_child_counts'), none('-'), none('-'), none('-')] },
    personRow('institutions_orphans', 'з них сироти та позбавлені батьківського піклування', 'of them orphans and deprived of parental care', await inInstitution(sql`p.legal_status <> 'none'`)),
    personRow('institutions_enrolled_this_year', 'з них влаштовані цього року', 'of them enrolled this year', enrolledThisYear),
  ];
  for (const [band, from, to] of [['0_1', 0, 0], ['1_2', 1, 2], ['3_5', 3, 5], ['6_10', 6, 10], ['11_14', 11, 14], ['15_17', 15, 17]] as const) {
    const c = await inInstitution(sql`date_part('year', age(${E}::date, p.birth_date))::int BETWEEN ${from} AND ${to}`);
    institutionRows.push(personRow(`institutions_age_${band}`, `вік ${band.replace('_', '–')}`, `age ${band.replace('_', '–')}`, c));
  }
  const institutionTable: Table = { key: 'institutional_care', titleUk: 'Інституційний догляд', titleEn: 'Institutional alternative care', columns: personColumns, rows: institutionRows };

  // Integrated social services and benefits
  const applicants = await scalar(db, sql`SELECT count(*)::int AS n FROM cases c WHERE c.registered_on BETWEEN ${S}::date AND ${E}::date AND ${inScope(scope, 'c.hromada_id')}`);
  const assessed = await scalar(db, sql`SELECT count(DISTINCT n.case_id)::int AS n FROM needs_assessments n WHERE n.completed_at IS NOT NULL AND (n.completed_at AT TIME ZONE 'Europe/Kyiv')::date BETWEEN ${S}::date AND ${E}::date AND ${inScope(scope, 'n.hromada_id')}`);
  const receiving = await scalar(db, sql`SELECT count(DISTINCT d.case_id)::int AS n FROM delivered_services d WHERE d.delivered_on BETWEEN ${S}::date AND ${E}::date AND ${inScope(scope, 'd.hromada_id')}`);
  const unmet = await scalar(db, sql`SELECT COALESCE(sum(u.count), 0)::int AS n FROM unmet_needs u WHERE u.recorded_on BETWEEN ${S}::date AND ${E}::date AND ${inScope(scope, 'u.hromada_id')}`);
  const providers = await scalar(db, sql`SELECT count(DISTINCT pp.id)::int AS n FROM provider_profiles pp JOIN provider_territories pt ON pt.provider_id = pp.id WHERE pp.status = 'active' AND ${inScope(scope, 'pt.hromada_id')}`);
  const v = (key: string, uk: string, en: string, cell: Cell): Row => ({ key, labelUk: uk, labelEn: en, cells: [cell] });
  const issbTable: Table = {
    key: 'issb',
    titleUk: 'Інтегровані соціальні послуги та виплати',
    titleEn: 'Integrated social services and benefits',
    columns: valueColumn,
    rows: [
      v('resilience_centres', 'Центри життєстійкості', 'Resilience centres', await entered(db, 'SA3', territory.id, periodKeys)),
      v('applicants', 'Сім’ї / особи, які звернулися (справи, зареєстровані в періоді)', 'Applicants (cases registered in the period)', computed(applicants, 'cases')),
      v('assessed', 'Сім’ї / особи, яким оцінено потреби', 'Assessed for needs', computed(assessed, 'needs_assessments')),
      v('receiving', 'Сім’ї / особи, які отримують послуги', 'Receiving services', computed(receiving, 'delivered_services')),
      v('unmet_need', 'Незадоволена потреба в послугах', 'Unmet need for services', computed(unmet, 'unmet_needs')),
      v('providers', 'Надавачі соціальних послуг', 'Providers of social services', computed(providers, 'provider_profiles')),
      v('school_enrolment', 'Діти в закладах освіти, інклюзивне навчання', 'Children enrolled in school, inclusive education', await entered(db, 'SA4', territory.id, periodKeys)),
    ],
  };

  // Workforce, finance, participation and norms
  const staff = (roleList: string) => scalar(db, sql`SELECT count(DISTINCT ur.user_id)::int AS n FROM user_roles ur JOIN organisations o ON o.id = ur.organisation_id JOIN users u ON u.id = ur.user_id WHERE u.is_active AND ur.role IN ${sql.raw(roleList)} AND ${inScope(scope, 'COALESCE(o.hromada_id, o.territory_id)')}`);
  const systemTable: Table = {
    key: 'care_system',
    titleUk: 'Система догляду: кадри, фінанси, участь, соціальні норми',
    titleEn: 'Care system: workforce, finance, participation, social norms',
    columns: valueColumn,
    rows: [
      v('social_workers', 'Фахівці із соціальної роботи громад', 'Community social workers', computed(await staff(`('case_manager')`), 'user_roles')),
      v('community_staff', 'Працівники громад у системі захисту дітей', 'Community staff in child protection', computed(await staff(`('case_manager','child_affairs_specialist','supervisor','community_planner')`), 'user_roles')),
      v('institution_staff', 'Працівники закладів', 'Staff of institutions', await entered(db, 'SA5', territory.id, periodKeys)),
      v('budget_services', 'Видатки на соціальні послуги, тис. грн', 'Expenditure on social services, thousand UAH', await entered(db, 'SA6', territory.id, periodKeys)),
      v('budget_institutions', 'Бюджет на інституційний догляд, тис. грн', 'Budget for institutional care, thousand UAH', await entered(db, 'SA7', territory.id, periodKeys)),
      v('budget_family_care', 'Бюджет на сімейний догляд, тис. грн', 'Budget for family-based care, thousand UAH', await entered(db, 'SA8', territory.id, periodKeys)),
      v('pwle_participation', 'Рішення за участі людей з досвідом', 'Decisions with participation of people with lived experience', await entered(db, 'SA9', territory.id, periodKeys)),
      v('social_norms', 'Підтримка сімейного догляду (опитування), %', 'Support for family care (survey), %', await entered(db, 'SA10', territory.id, periodKeys)),
    ],
  };

  return {
    territory: { id: territory.id, level: territory.level, nameUk: territory.nameUk, nameEn: territory.nameEn },
    period: period.key,
    periodStart: period.start,
    periodEnd: period.end,
    tables: [childrenTable, familyTable, institutionTable, issbTable, systemTable],
    suppressionApplied: false,
  };
}

/** GET /api/v1/situational-analysis — access by territory scope; counts 1–4 suppressed outside the territory's own staff. */
export async function getSituationalAnalysis(deps: Deps, actor: RequestActor, query: { territoryId?: string | undefined; period: string; publish?: 'true' | 'false' | undefined }): Promise<SituationalAnalysis> {
  if (!canUseIndicators(actor)) throw new DomainError('forbidden', 'You may not use indicators');
  parsePeriod(query.period);
  const territory = await resolveTerritory(deps.db, query.territoryId);
  const scope = await indicatorScopeFor(deps.db, actor);
  if (!canReadIndicatorsOf(scope, territory.path)) throw new DomainError('forbidden', 'These figures are outside your territory');
  const analysis = await computeSituationalAnalysis(deps.db, territory.id, query.period);
  return query.publish === 'true' || !isOwnStaffOf(scope, territory.path) ? suppressSituation(analysis) : analysis;
}
