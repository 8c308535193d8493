import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatFullName } from '#domain/persons/person-name.ts';
import type { CaseDetail } from '#contracts/cases.contract.ts';
import type { SafetyAssessmentView } from '#contracts/safety-assessments.contract.ts';
import {
  caregiverKindUk,
  caseTypeUk,
  childCareStatusUk,
  commonUk,
  documentTitlesUk,
  identityDocumentTypeUk,
  labelOf,
  safetyActionTypeUk,
  safetyLevelUk,
  safetyParticipantUk,
} from './labels-uk.ts';
import { blockLabel, bulletList, dataTable, fieldTable, formatDateTimeUk, formatDateUk, formHeading, orDash, sectionHeading, signatureBlock, textBlock, type PrintableDocument } from './pdf.ts';

/** What the act prints: the case it belongs to and the act as the safety-assessment service presents it. */
export type SafetyAssessmentDocumentInput = {
  caseInfo: Pick<CaseDetail, 'number' | 'caseType' | 'hromada' | 'organisation' | 'members'>;
  act: SafetyAssessmentView;
  generatedAt: Date;
};

const sexUk: Record<'female' | 'male', string> = { female: 'жіноча', male: 'чоловіча' };

/**
 * The act of a child safety assessment (Annex 10 to the Procedure under Cabinet of Ministers Resolution No. 585 of
 * 01.06.2020; SPEC §2.4): the child's personal data and status, the identity document and contacts, the parents, other
 * legal representatives, people actually caring for the child and relatives, the assessed safety level with the threats
 * found, the bodies that took part, the immediate actions taken and by whom, and signature lines.
 */
export function safetyAssessmentDocument(input: SafetyAssessmentDocumentInput): PrintableDocument {
  const { caseInfo: c, act } = input;
  const child = act.child;
  const childName = formatFullName({ surname: child.surname, givenName: child.givenName, patronymic: child.patronymic });
  const relationship = c.members.find((m) => m.personId === child.personId)?.relationship ?? '';
  const status = act.status === 'completed' ? `завершено ${act.completedAt ? formatDateTimeUk(act.completedAt) : ''}`.trim() : 'чернетка (оцінювання триває)';
  const document = act.documentType ? [labelOf(identityDocumentTypeUk, act.documentType), act.documentNumber].filter((x) => x.trim()).join(' ') : act.documentNumber;

  const caregiverRows = act.caregivers.map((p, i): TableCell[] => [
    { text: String(i + 1), style: 'tableCell' },
    { text: labelOf(caregiverKindUk, p.kind), style: 'tableCell' },
    { text: p.name, style: 'tableCell' },
    { text: orDash(p.relation), style: 'tableCell' },
    { text: orDash(p.contact), style: 'tableCell' },
    { text: p.present ? commonUk.yes : commonUk.no, style: 'tableCell' },
  ]);
  const actionRows = act.actions.map((a, i): TableCell[] => [
    { text: String(i + 1), style: 'tableCell' },
    { text: [labelOf(safetyActionTypeUk, a.actionType), a.description].filter((x) => x.trim()).join(': '), style: 'tableCell' },
    { text: formatDateTimeUk(a.takenAt), style: 'tableCell' },
    { text: [a.takenByName, a.takenByOrganisation].filter((x) => x.trim()).join(', '), style: 'tableCell' },
  ]);

  const body: Content[] = [
    ...formHeading(documentTitlesUk.safetyAssessmentSource, documentTitlesUk.safetyAssessment, [commonUk.caseNumber(c.number)]),
    fieldTable([
      ['Номер випадку', c.number],
      ['Тип випадку', labelOf(caseTypeUk, c.caseType)],
      ['Територіальна громада', c.hromada.name],
      ['Надавач соціальних послуг', c.organisation.name],
      ['Дата і час проведення оцінки', formatDateTimeUk(act.assessedAt)],
      ['Стан акта', status],
    ]),

    sectionHeading('1. Персональні дані дитини'),
    fieldTable([
      ['Прізвище, ім’я, по батькові', childName],
      ['Стать', sexUk[child.sex]],
      ['Дата народження', formatDateUk(child.birthDate)],
      ['Ким доводиться в сім’ї', relationship],
      ['Статус дитини', labelOf(childCareStatusUk, act.childStatus)],
      ['Свідоцтво про народження або паспорт (серія, номер)', document],
      ['Контактні дані (місце проживання, телефон)', act.contacts],
    ]),

    sectionHeading('2. Відомості про батьків, інших законних представників, осіб, які фактично доглядають дитину, та родичів'),
    caregiverRows.length > 0
      ? dataTable([14, 80, '*', 62, 90, 44], ['№', 'Категорія', 'Прізвище, ім’я, по батькові', 'Ким доводиться', 'Контакти', 'Присутні під час оцінки'], caregiverRows)
      : { text: commonUk.none, style: 'value' },

    sectionHeading('3. Результати оцінки рівня безпеки дитини'),
    fieldTable([['Рівень безпеки дитини', { text: act.level ? labelOf(safetyLevelUk, act.level) : 'не визначено', style: 'value', bold: true }]]),
    textBlock('Виявлені загрози життю або здоров’ю дитини, фактори ризику', act.threats),
    blockLabel('Оцінку проводили'),
    bulletList(act.participants.map((p) => labelOf(safetyParticipantUk, p))),

    sectionHeading('4. Невідкладні заходи, вжиті для забезпечення безпеки дитини'),
    actionRows.length > 0 ? dataTable([14, '*', 70, 130], ['№', 'Захід', 'Дата і час', 'Хто вжив (особа, орган)'], actionRows) : { text: 'Невідкладних заходів не вживалося', style: 'value' },

    signatureBlock([
      { role: 'Особа, яка проводила оцінку', name: act.assessedBy.name },
      ...act.participants.filter((p) => p !== 'social_services').map((p) => ({ role: `Представник: ${labelOf(safetyParticipantUk, p)}`, name: '' })),
      { role: 'Батьки (законні представники) дитини, ознайомлені з актом', name: '' },
    ]),
  ];

  return {
    title: documentTitlesUk.safetyAssessment,
    runningHead: `${documentTitlesUk.safetyAssessment} · ${commonUk.caseNumber(c.number)}`,
    content: body,
    generatedAt: input.generatedAt,
    isDraft: act.status === 'draft',
  };
}
