import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { BenchmarkConfig } from '#domain/cases/benchmarks.ts';
import { closureCriteria, reportCriteria } from '#domain/cases/closure.ts';
import { formatFullName } from '#domain/persons/person-name.ts';
import type { BenchmarkRecordView } from '#contracts/benchmarks.contract.ts';
import type { CaseDetail } from '#contracts/cases.contract.ts';
import type { ClosureRequestView } from '#contracts/closure.contract.ts';
import { caseTypeUk, closureCriterionUk, closureStatusUk, commonUk, complexityUk, documentTitlesUk, goalAchievementUk, labelOf, reportCriterionUk } from './labels-uk.ts';
import { blockLabel, bulletList, dataTable, fieldTable, formatDateTimeUk, formatDateUk, formHeading, orDash, sectionHeading, signatureBlock, subsectionHeading, textBlock, type PrintableDocument } from './pdf.ts';

/** What the report prints: the case, the closure request with its results report, the benchmark records and the names of codes. */
export type ResultsReportDocumentInput = {
  caseInfo: Pick<CaseDetail, 'number' | 'caseType' | 'complexity' | 'hromada' | 'organisation' | 'caseManager' | 'members' | 'registeredOn'>;
  closure: ClosureRequestView;
  /** The case's benchmark records in date order (the baseline and this request's closure records are used). */
  benchmarks: BenchmarkRecordView[];
  config: BenchmarkConfig;
  /** Catalogue service code → Ukrainian name. */
  serviceNames: ReadonlyMap<string, string>;
  /** The date the case was closed, when it is. */
  closedOn: string | null;
  generatedAt: Date;
};

type Member = CaseDetail['members'][number];

/** "3 — Достатньо (безпечно)": the score with the name of its level on the configured scale. */
function scoreText(score: number | undefined, config: BenchmarkConfig): string {
  if (score === undefined) return commonUk.none;
  const level = config.scale.levels.find((l) => l.value === score);
  return level ? `${score} — ${level.nameUk}` : String(score);
}

function changeText(from: number | undefined, to: number | undefined): string {
  if (from === undefined || to === undefined) return commonUk.none;
  const d = to - from;
  return d > 0 ? `+${d}` : String(d);
}

/** Per child: every configured domain with its baseline and closure scores and the change between them. */
function benchmarkBlocks(input: ResultsReportDocumentInput, children: Member[]): Content[] {
  const { config } = input;
  const closureIds = new Set(input.closure.benchmarkRecordIds);
  return children.flatMap((child): Content[] => {
    const own = input.benchmarks.filter((r) => r.child.personId === child.personId);
    const baseline = own.find((r) => r.occasion === 'baseline');
    const atClosure = own.find((r) => closureIds.has(r.id));
    if (!baseline && !atClosure) return [];
    const scoreOf = (r: BenchmarkRecordView | undefined, domain: string) => r?.scores.find((s) => s.domain === domain)?.score;
    return [
      subsectionHeading(`${formatFullName({ surname: child.surname, givenName: child.givenName, patronymic: child.patronymic })}, ${formatDateUk(child.birthDate)} р. н.`),
      dataTable(
        ['*', 96, 96, 40],
        ['Сфера благополуччя', `На початку (${formatDateUk(baseline?.recordedOn) || commonUk.none})`, `На завершення (${formatDateUk(atClosure?.recordedOn) || commonUk.none})`, 'Зміна'],
        config.domains.map((d): TableCell[] => {
          const from = scoreOf(baseline, d.code);
          const to = scoreOf(atClosure, d.code);
          return [
            { text: `${d.nameUk}${d.subject === 'caregivers' ? ' (батьки, доглядачі)' : ''}`, style: 'tableCell' },
            { text: scoreText(from, config), style: 'tableCell' },
            { text: scoreText(to, config), style: 'tableCell', bold: to !== undefined && to < config.scale.closureThreshold },
            { text: changeText(from, to), style: 'tableCell' },
          ];
        }),
      ),
    ];
  });
}

/**
 * The report on the results of social support of a family/person (Order of the Ministry of Social Policy No. 1005 of
 * 13.07.2018; SPEC §2.14): the period and the specialist, services provided, each goal of the plan with its achievement
 * (fully / partially / not) and comment, the well-being benchmarks at the start and at closure, the status at the start
 * and the end per criterion, the closure criteria, the child's and the family's views, recommendations, the supervisor's
 * decision and signature lines. Until the supervisor approves it the report prints marked as a draft.
 */
export function resultsReportDocument(input: ResultsReportDocumentInput): PrintableDocument {
  const { caseInfo: c, closure: r, config } = input;
  const children = c.members.filter((m) => m.role === 'child');
  const members = c.members.map((m) => [formatFullName({ surname: m.surname, givenName: m.givenName, patronymic: m.patronymic }), `${formatDateUk(m.birthDate)} р. н.`, m.relationship].filter((x) => x.trim()).join(', '));
  const period = `з ${formatDateUk(c.registeredOn)} по ${formatDateUk(input.closedOn) || `${formatDateUk(r.requestedAt.slice(0, 10))} (запит на закриття)`}`;
  const threshold = config.scale.levels.find((l) => l.value === config.scale.closureThreshold);
  const decision = r.decidedBy ? `${labelOf(closureStatusUk, r.status)}; ${r.decidedBy.name}, ${r.decidedAt ? formatDateTimeUk(r.decidedAt) : ''}`.trim() : labelOf(closureStatusUk, r.status);

  const body: Content[] = [
    ...formHeading(documentTitlesUk.formSource, documentTitlesUk.resultsReport, [commonUk.caseNumber(c.number)]),
    fieldTable([
      ['Номер випадку', c.number],
      ['Тип випадку', labelOf(caseTypeUk, c.caseType)],
      ['Складність випадку', c.complexity ? labelOf(complexityUk, c.complexity) : ''],
      ['Територіальна громада', c.hromada.name],
      ['Надавач соціальних послуг', c.organisation.name],
      ['Фахівець, який здійснював соціальний супровід', c.caseManager.name],
      ['Період соціального супроводу', period],
      ['План соціального супроводу', `версія № ${r.plan.versionNo}`],
      ['Рішення керівника (супервізора)', decision],
    ]),
    blockLabel('Члени сім’ї'),
    bulletList(members),

    sectionHeading('1. Надані соціальні послуги'),
    r.report.servicesProvided.length > 0
      ? dataTable(
          [16, 170, '*'],
          ['№', 'Послуга', 'Обсяг, зміст, строки'],
          r.report.servicesProvided.map((s, i): TableCell[] => [
            { text: String(i + 1), style: 'tableCell' },
            { text: s.serviceCode ? (input.serviceNames.get(s.serviceCode) ?? s.serviceCode) : commonUk.none, style: 'tableCell' },
            { text: orDash(s.description), style: 'tableCell' },
          ]),
        )
      : { text: commonUk.none, style: 'value' },

    sectionHeading('2. Досягнення цілей плану соціального супроводу'),
    r.goalResults.length > 0
      ? dataTable(
          [16, 90, '*', 70, 120],
          ['№', 'Сфера', 'Мета', 'Результат', 'Коментар'],
          r.goalResults.map((g, i): TableCell[] => [
            { text: String(i + 1), style: 'tableCell' },
            { text: config.domains.find((d) => d.code === g.domain)?.nameUk ?? g.domain, style: 'tableCell' },
            { text: orDash(g.goal), style: 'tableCell' },
            { text: labelOf(goalAchievementUk, g.achievement), style: 'tableCell', bold: true },
            { text: orDash(g.comment), style: 'tableCell' },
          ]),
        )
      : { text: commonUk.none, style: 'value' },

    sectionHeading('3. Показники благополуччя: на початку супроводу та на завершення'),
    { text: `Шкала від ${config.scale.min} до ${config.scale.max}; поріг закриття випадку — ${config.scale.closureThreshold}${threshold ? ` («${threshold.nameUk}»)` : ''}.`, style: 'small', margin: [0, 0, 0, 4] },
    ...(() => {
      const blocks = benchmarkBlocks(input, children);
      return blocks.length > 0 ? blocks : [{ text: commonUk.none, style: 'value' } as Content];
    })(),

    sectionHeading('4. Стан сім’ї/особи на початку та на завершення супроводу'),
    dataTable(
      [110, '*', '*'],
      ['Критерій', 'На початку', 'На завершення'],
      reportCriteria.map((code): TableCell[] => {
        const row = r.report.statusByCriterion.find((x) => x.criterion === code);
        const end = [row?.atEnd ?? '', row?.note ?? ''].filter((x) => x.trim()).join('. ');
        return [
          { text: labelOf(reportCriterionUk, code), style: 'tableCell' },
          { text: orDash(row?.atStart), style: 'tableCell' },
          { text: orDash(end), style: 'tableCell' },
        ];
      }),
    ),

    sectionHeading('5. Критерії закриття випадку'),
    dataTable(
      [170, 40, '*'],
      ['Критерій', 'Виконано', 'Примітка'],
      closureCriteria.map((code): TableCell[] => [
        { text: labelOf(closureCriterionUk, code), style: 'tableCell' },
        { text: r.criteria[code].met ? commonUk.yes : commonUk.no, style: 'tableCell' },
        { text: orDash(r.criteria[code].note), style: 'tableCell' },
      ]),
    ),

    sectionHeading('6. Думка дитини та сім’ї'),
    r.childViews.trim() ? textBlock('Думка дитини (її словами)', r.childViews) : textBlock('Думку дитини не вдалося почути. Причина', r.childViewsNotHeardReason),
    textBlock('Думка сім’ї', r.familyViews),

    sectionHeading('7. Рекомендації'),
    textBlock('Рекомендації щодо подальшої підтримки сім’ї/особи', r.report.recommendations),
    ...(r.decisionComment.trim() ? [textBlock('Коментар керівника (супервізора)', r.decisionComment)] : []),

    signatureBlock([
      { role: 'Фахівець із соціальної роботи, який здійснював соціальний супровід', name: r.requestedBy.name },
      { role: 'Керівник (супервізор)', name: r.decidedBy?.name ?? '' },
    ]),
  ];

  return {
    title: documentTitlesUk.resultsReport,
    runningHead: `${documentTitlesUk.resultsReport} · ${commonUk.caseNumber(c.number)}`,
    content: body,
    generatedAt: input.generatedAt,
    isDraft: r.status !== 'approved',
  };
}
