import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatFullName } from '#domain/persons/person-name.ts';
import type { CaseDetail } from '#contracts/cases.contract.ts';
import type { PlanView } from '#contracts/case-plans.contract.ts';
import { caseTypeUk, commonUk, complexityUk, documentTitlesUk, labelOf, measureTypeUk, planStatusUk, responsibleKindUk } from './labels-uk.ts';
import { blockLabel, bulletList, dataTable, fieldTable, formatDateTimeUk, formatDateUk, formHeading, orDash, sectionHeading, signatureBlock, subsectionHeading, textBlock, type PrintableDocument } from './pdf.ts';

/** What the plan prints: the case, one plan version, and the names its codes and ids stand for. */
export type SupportPlanDocumentInput = {
  caseInfo: Pick<CaseDetail, 'number' | 'caseType' | 'complexity' | 'hromada' | 'organisation' | 'caseManager' | 'members'>;
  plan: PlanView;
  /** Well-being domain code → Ukrainian name (benchmark configuration). */
  domainNames: ReadonlyMap<string, string>;
  /** Catalogue service code → Ukrainian name. */
  serviceNames: ReadonlyMap<string, string>;
  /** User id → full name, for specialists named as responsible. */
  userNames: ReadonlyMap<string, string>;
  generatedAt: Date;
};

type Member = CaseDetail['members'][number];
type Measure = PlanView['goals'][number]['measures'][number];

const memberName = (m: Member) => formatFullName({ surname: m.surname, givenName: m.givenName, patronymic: m.patronymic });

/** The responsible party as the form writes it: who, and in what capacity. */
function responsibleOf(r: Measure['responsible'], members: Member[], users: ReadonlyMap<string, string>): string {
  if (!r) return commonUk.none;
  const kind = labelOf(responsibleKindUk, r.kind);
  if (r.kind === 'family_member') {
    const m = members.find((x) => x.personId === r.personId);
    return m ? `${memberName(m)} (${[kind, m.relationship].filter((x) => x.trim()).join(', ')})` : orDash(r.name);
  }
  const name = (r.userId ? users.get(r.userId) : undefined) ?? r.name;
  return name.trim() ? `${name} (${kind})` : kind;
}

/** The service a measure provides, by its catalogue name. */
function serviceOf(code: string | null, services: ReadonlyMap<string, string>): string {
  return code ? (services.get(code) ?? code) : commonUk.none;
}

/**
 * The social support plan of a family/person (Order of the Ministry of Social Policy No. 1005 of 13.07.2018;
 * SPEC §2.8): the family, goals per well-being domain, each with measures naming the responsible party, the deadline,
 * the expected result and the catalogue service; the services to be provided; the child's views and the family's
 * participation; the family's agreement with its date; signatures of the specialist and the family.
 */
export function supportPlanDocument(input: SupportPlanDocumentInput): PrintableDocument {
  const { caseInfo: c, plan } = input;
  const children = c.members.filter((m) => m.role === 'child');
  const adults = c.members.filter((m) => m.role !== 'child');
  const person = (m: Member) => [memberName(m), `${formatDateUk(m.birthDate)} р. н.`, m.relationship].filter((x) => x.trim()).join(', ');
  const services = [...new Set(plan.goals.flatMap((g) => g.measures.flatMap((m) => (m.serviceCode ? [m.serviceCode] : []))))];
  const status = plan.status === 'agreed' || plan.status === 'superseded' ? labelOf(planStatusUk, plan.status) : `${labelOf(planStatusUk, plan.status)} (план ще не погоджено із сім’єю)`;

  const goalBlocks = plan.goals.flatMap((g, i): Content[] => [
    subsectionHeading(`${i + 1}. ${input.domainNames.get(g.domain) ?? g.domain}`),
    textBlock('Мета', g.text),
    g.measures.length > 0
      ? dataTable(
          [16, '*', 86, 50, 84, 70],
          ['№', 'Захід', 'Відповідальний', 'Строк', 'Очікуваний результат', 'Послуга'],
          g.measures.map((m, j): TableCell[] => [
            { text: `${i + 1}.${j + 1}`, style: 'tableCell' },
            { text: [m.action, `(${labelOf(measureTypeUk, m.measureType)})`].filter((x) => x.trim()).join(' '), style: 'tableCell' },
            { text: responsibleOf(m.responsible, c.members, input.userNames), style: 'tableCell' },
            { text: orDash(formatDateUk(m.deadline)), style: 'tableCell' },
            { text: orDash(m.expectedResult), style: 'tableCell' },
            { text: serviceOf(m.serviceCode, input.serviceNames), style: 'tableCell' },
          ]),
        )
      : { text: 'Заходів не визначено', style: 'value' },
  ]);

  const childViews = plan.childViews.trim()
    ? textBlock('Думка дитини щодо плану (її словами)', plan.childViews)
    : textBlock('Думку дитини не вдалося почути. Причина', plan.childViewsNotHeardReason);

  const body: Content[] = [
    ...formHeading(documentTitlesUk.formSource, documentTitlesUk.supportPlan, [commonUk.caseNumber(c.number), `Версія плану № ${plan.versionNo}`]),
    fieldTable([
      ['Номер випадку', c.number],
      ['Тип випадку', labelOf(caseTypeUk, c.caseType)],
      ['Складність випадку', c.complexity ? labelOf(complexityUk, c.complexity) : ''],
      ['Територіальна громада', c.hromada.name],
      ['Надавач соціальних послуг', c.organisation.name],
      ['Фахівець, який здійснює соціальний супровід', c.caseManager.name],
      ['Дата складення версії', formatDateTimeUk(plan.createdAt)],
      ['Стан плану', status],
    ]),

    sectionHeading('1. Сім’я/особа'),
    fieldTable([
      ['Діти', bulletList(children.map(person))],
      ['Дорослі члени сім’ї', bulletList(adults.map(person))],
    ]),

    sectionHeading('2. Основні цілі та заходи соціального супроводу'),
    ...(goalBlocks.length > 0 ? goalBlocks : [{ text: 'Цілей не визначено', style: 'value' } as Content]),

    sectionHeading('3. Соціальні послуги, які надаватимуться'),
    bulletList(services.map((code) => serviceOf(code, input.serviceNames))),

    sectionHeading('4. Участь дитини та сім’ї у плануванні'),
    childViews,
    textBlock('Участь сім’ї у складанні плану', plan.familyParticipation),
    fieldTable([['Сімейна нарада (конференція) з розширеною родиною', plan.familyConferenceHeld ? `проведено ${formatDateUk(plan.familyConferenceDate)}`.trim() : 'не проводилася']]),

    sectionHeading('5. Згода сім’ї з планом'),
    plan.agreement.agreed
      ? fieldTable([
          ['З планом ознайомлені та згодні', commonUk.yes],
          ['Дата погодження', formatDateUk(plan.agreement.agreedOn)],
          ['Підписав(ла) від імені сім’ї', plan.agreement.signedBy],
        ])
      : fieldTable([['З планом ознайомлені та згодні', 'згоду сім’ї ще не отримано']]),

    blockLabel('Підписи'),
    signatureBlock([
      { role: 'Фахівець із соціальної роботи, який здійснює соціальний супровід', name: c.caseManager.name },
      { role: 'Член сім’ї (законний представник)', name: plan.agreement.signedBy },
    ]),
  ];

  return {
    title: documentTitlesUk.supportPlan,
    runningHead: `${documentTitlesUk.supportPlan} · ${commonUk.caseNumber(c.number)} · версія ${plan.versionNo}`,
    content: body,
    generatedAt: input.generatedAt,
    isDraft: plan.status === 'draft',
  };
}
