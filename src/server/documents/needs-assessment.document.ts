import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { adultIndicators, childIndicators, familyIndicators, type IndicatorEntry, type NeedsAssessmentContent } from '#domain/cases/needs-assessment.ts';
import { formatFullName } from '#domain/persons/person-name.ts';
import type { CaseDetail } from '#contracts/cases.contract.ts';
import {
  adultIndicatorUk,
  caseTypeUk,
  childIndicatorUk,
  commonUk,
  complexityUk,
  documentTitlesUk,
  familyAgreementUk,
  familyIndicatorUk,
  labelOf,
  legalCapacityUk,
  ratingUk,
} from './labels-uk.ts';
import {
  blockLabel,
  bulletList,
  dataTable,
  gridLayout,
  shade,
  fieldTable,
  formatDateTimeUk,
  formatDateUk,
  formHeading,
  orDash,
  sectionHeading,
  signatureBlock,
  subsectionHeading,
  textBlock,
  type PrintableDocument,
} from './pdf.ts';

/** What the act prints: the case with its household, and the act's answers and status. */
export type NeedsAssessmentDocumentInput = {
  caseInfo: Pick<CaseDetail, 'number' | 'caseType' | 'hromada' | 'organisation' | 'members'>;
  act: {
    status: 'draft' | 'completed';
    completedAt: string | null;
    dueDate: string;
    assessedByName: string;
    content: NeedsAssessmentContent;
  };
  generatedAt: Date;
};

type Member = CaseDetail['members'][number];

function nameOf(members: Member[], personId: string): string {
  const m = members.find((x) => x.personId === personId);
  return m ? formatFullName({ surname: m.surname, givenName: m.givenName, patronymic: m.patronymic }) : commonUk.none;
}

function birthOf(members: Member[], personId: string): string {
  const m = members.find((x) => x.personId === personId);
  return m ? `${formatDateUk(m.birthDate)} р. н.` : '';
}

function yesNo(value: boolean | null): string {
  return value === null ? commonUk.unknown : value ? commonUk.yes : commonUk.no;
}

/** Section 1: every household member at the place of residence (Order 1005, section 1), one framed block each. */
function householdBlocks(members: Member[], content: NeedsAssessmentContent): Content[] {
  if (members.length === 0) return [{ text: commonUk.none, style: 'value' }];
  return members.map((m, i): Content => {
    const info = content.members.find((x) => x.personId === m.personId);
    const label = (text: string): TableCell => ({ text, style: 'label', fillColor: shade });
    const value = (text: string): TableCell => ({ text: orDash(text), style: 'value' });
    const name = formatFullName({ surname: m.surname, givenName: m.givenName, patronymic: m.patronymic });
    const heading = [`${i + 1}. ${name}`, `${formatDateUk(m.birthDate)} р. н.`, m.relationship].filter((x) => x.trim()).join(', ');
    return {
      unbreakable: true,
      margin: [0, 0, 0, 6],
      table: {
        widths: [88, '*', 104, '*'],
        body: [
          [{ text: heading, style: 'value', bold: true, colSpan: 4, fillColor: shade }, {}, {}, {}],
          [label('Інвалідність'), value(yesNo(info ? info.disability : m.disability)), label('Дієздатність'), value(info?.legalCapacity ? labelOf(legalCapacityUk, info.legalCapacity) : '')],
          [label('Зайнятість або місце навчання'), value(info?.occupation ?? ''), label('Зареєстрований(а) за місцем проживання'), value(info ? yesNo(info.registeredAtResidence) : commonUk.unknown)],
          [label('Телефон'), { text: orDash(info?.phone), style: 'value', colSpan: 3 }, {}, {}],
        ],
      },
      layout: gridLayout,
    };
  });
}

/** Every indicator of a section with its Ukrainian label, rating and observation; unrated ones say so. */
function indicatorsTable<K extends string>(keys: readonly K[], labels: Record<K, string>, got: Partial<Record<K, IndicatorEntry>>): Content {
  return dataTable(
    [14, 136, 96, '*'],
    ['№', 'Показник', 'Оцінка', 'Спостереження'],
    keys.map((k, i): TableCell[] => {
      const entry = got[k];
      const rating = entry?.rating ?? null;
      return [
        { text: String(i + 1), style: 'tableCell' },
        { text: labels[k], style: 'tableCell' },
        { text: rating ? ratingUk[rating] : commonUk.notRated, style: 'tableCell', bold: rating === 'serious_concern', italics: rating === null },
        { text: orDash(entry?.note), style: 'tableCell' },
      ];
    }),
  );
}

/** Strengths come before needs on every part of the act (UX principle 4: strength-based practice). */
function strengthsAndNeeds(part: { strengths: string; needs: string }): Content[] {
  return [textBlock('Сильні сторони', part.strengths), textBlock('Потреби', part.needs)];
}

function childViews(c: NeedsAssessmentContent['children'][number]): Content {
  if (c.childViews.trim()) return textBlock('Думка дитини (її словами)', c.childViews);
  if (c.childViewsNotHeardReason.trim()) return textBlock('Думку дитини не вдалося почути. Причина', c.childViewsNotHeardReason);
  return textBlock('Думка дитини (її словами)', '');
}

/**
 * The act of needs assessment of a family/person (Order 1005; SPEC §2.5): the household, each child's and each
 * adult's indicators with ratings and notes, strengths before needs, the child's views, the family and environment,
 * the conclusion with the case complexity, who assessed, the family's position, and signature lines.
 */
export function needsAssessmentDocument(input: NeedsAssessmentDocumentInput): PrintableDocument {
  const { caseInfo: c, act } = input;
  const content = act.content;
  const conclusion = content.conclusion;
  const status = act.status === 'completed' ? `завершено ${act.completedAt ? formatDateTimeUk(act.completedAt) : ''}`.trim() : 'чернетка (оцінювання триває)';

  const body: Content[] = [
    ...formHeading(documentTitlesUk.formSource, documentTitlesUk.needsAssessment, [commonUk.caseNumber(c.number)]),
    fieldTable([
      ['Номер випадку', c.number],
      ['Тип випадку', labelOf(caseTypeUk, c.caseType)],
      ['Територіальна громада', c.hromada.name],
      ['Надавач соціальних послуг', c.organisation.name],
      ['Фахівець, який проводив оцінювання', act.assessedByName],
      ['Строк завершення оцінювання', formatDateUk(act.dueDate)],
      ['Стан акта', status],
    ]),

    sectionHeading('1. Загальна інформація про членів сім’ї, які проживають разом'),
    ...householdBlocks(c.members, content),

    sectionHeading('2. Стан і потреби дитини'),
    ...(content.children.length === 0
      ? [{ text: commonUk.none, style: 'value' } as Content]
      : content.children.flatMap((child, i): Content[] => [
          subsectionHeading(`2.${i + 1}. ${nameOf(c.members, child.personId)}, ${birthOf(c.members, child.personId)}`),
          indicatorsTable(childIndicators, childIndicatorUk, child.indicators),
          ...strengthsAndNeeds(child),
          childViews(child),
        ])),

    sectionHeading('3. Дорослі члени сім’ї'),
    ...(content.adults.length === 0
      ? [{ text: commonUk.none, style: 'value' } as Content]
      : content.adults.flatMap((adult, i): Content[] => [
          subsectionHeading(`3.${i + 1}. ${nameOf(c.members, adult.personId)}, ${birthOf(c.members, adult.personId)}`),
          indicatorsTable(adultIndicators, adultIndicatorUk, adult.indicators),
          ...strengthsAndNeeds(adult),
        ])),

    sectionHeading('4. Сім’я та середовище'),
    indicatorsTable(familyIndicators, familyIndicatorUk, content.family.indicators),
    ...strengthsAndNeeds(content.family),

    sectionHeading('5. Висновок'),
    fieldTable([['Складність випадку', { text: conclusion.complexity ? complexityUk[conclusion.complexity] : 'не визначено', style: 'value', bold: true }]]),
    textBlock('Висновок щодо потреб сім’ї/особи', conclusion.summary),
    blockLabel('Оцінювання проводили'),
    fieldTable([
      ['Фахівець із соціальної роботи', act.assessedByName],
      ['Інші залучені фахівці', bulletList(conclusion.otherSpecialists.map((s) => [s.name, s.position].filter((x) => x.trim()).join(', ')))],
    ]),
    blockLabel('Ознайомлення сім’ї з результатами оцінювання'),
    fieldTable([
      ['Позиція сім’ї', conclusion.familyAgreement ? labelOf(familyAgreementUk, conclusion.familyAgreement) : ''],
      ['Коментар сім’ї', conclusion.familyComment],
      ['Дата ознайомлення', formatDateUk(conclusion.agreementDate)],
    ]),

    signatureBlock([
      { role: 'Фахівець із соціальної роботи, який проводив оцінювання', name: act.assessedByName },
      { role: 'Член сім’ї (законний представник), ознайомлений з актом', name: '' },
    ]),
  ];

  return {
    title: documentTitlesUk.needsAssessment,
    runningHead: `${documentTitlesUk.needsAssessment} · ${commonUk.caseNumber(c.number)}`,
    content: body,
    generatedAt: input.generatedAt,
    isDraft: act.status === 'draft',
  };
}
