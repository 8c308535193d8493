import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatFullName } from '#domain/persons/person-name.ts';
import type { CaseDetail } from '#contracts/cases.contract.ts';
import { adultFactorUk, caseTypeUk, childFactorUk, commonUk, documentTitlesUk, labelOf, reportSourceUk, urgentActionUk } from './labels-uk.ts';
import {
  blockLabel,
  bulletList,
  dataTable,
  fieldTable,
  formatDateTimeUk,
  formatDateUk,
  formHeading,
  sectionHeading,
  signatureBlock,
  textBlock,
  type PrintableDocument,
} from './pdf.ts';

/** What the notification form prints: the case it opened, the notification as received, and the receiving service. */
export type NotificationDocumentInput = {
  caseInfo: Pick<CaseDetail, 'number' | 'caseType' | 'registeredOn' | 'urgent' | 'hromada' | 'organisation' | 'caseManager' | 'members'>;
  notification: NonNullable<CaseDetail['notification']>;
  /** The Child Affairs Service or Centre of Social Services that received the notification. */
  receivingService: string;
  generatedAt: Date;
};

type Member = CaseDetail['members'][number];

function personCell(m: Member): TableCell {
  const name = formatFullName({ surname: m.surname, givenName: m.givenName, patronymic: m.patronymic });
  return m.latinName ? { stack: [{ text: name }, { text: `латиницею: ${m.latinName}`, style: 'small' }], style: 'tableCell' } : { text: name, style: 'tableCell' };
}

function membersTable(members: Member[]): Content {
  if (members.length === 0) return { text: commonUk.none, style: 'value' };
  return dataTable(
    [16, '*', 62, 80, 58],
    ['№', 'Прізвище, ім’я, по батькові', 'Дата народження', 'Родинний зв’язок', 'Особа з інвалідністю'],
    members.map((m, i): TableCell[] => [
      { text: String(i + 1), style: 'tableCell' },
      personCell(m),
      { text: formatDateUk(m.birthDate), style: 'tableCell' },
      { text: m.relationship || commonUk.none, style: 'tableCell' },
      { text: m.disability ? commonUk.yes : commonUk.no, style: 'tableCell' },
    ]),
  );
}

/**
 * The notification (information) about a family (person) in difficult life circumstances (Order 1005; SPEC §2.3):
 * who received it and when, where it came from, who was identified, the circumstances as coded factors,
 * the threat to life or health, actions taken, documents, and the case it was registered as.
 */
export function notificationDocument(input: NotificationDocumentInput): PrintableDocument {
  const { caseInfo: c, notification: n } = input;
  const children = c.members.filter((m) => m.role === 'child');
  const adults = c.members.filter((m) => m.role === 'adult');
  const childFactors = n.childFactors.map((f) => labelOf(childFactorUk, f));
  const adultFactors = n.adultFactors.map((f) => labelOf(adultFactorUk, f));
  const urgentActions = n.urgentActions.map((a) => labelOf(urgentActionUk, a));

  const content: Content[] = [
    ...formHeading(documentTitlesUk.formSource, documentTitlesUk.notification, [`${commonUk.caseNumber(c.number)} від ${formatDateUk(c.registeredOn)}`]),

    sectionHeading('1. Надходження повідомлення'),
    fieldTable([
      ['Служба (заклад), що отримала повідомлення', input.receivingService],
      ['Територіальна громада', n.hromadaName],
      ['Дата і час надходження', formatDateTimeUk(n.receivedAt)],
      ['Хто прийняв повідомлення', n.receivedByName],
      ['Джерело інформації', labelOf(reportSourceUk, n.source)],
    ]),

    sectionHeading('2. Хто повідомив'),
    fieldTable([
      ['Організація (установа, заклад)', n.reporterOrganisation],
      ['Особа, що повідомила (прізвище, ім’я, посада)', n.reporterPerson],
      ['Контактні дані', n.reporterContact],
    ]),

    sectionHeading('3. Кого виявлено'),
    blockLabel('Діти'),
    membersTable(children),
    blockLabel('Дорослі члени сім’ї'),
    membersTable(adults),

    sectionHeading('4. Складні життєві обставини'),
    textBlock('Опис ситуації', n.description),
    { text: ' ', fontSize: 4 },
    fieldTable([['Загроза життю або здоров’ю дитини', { text: n.threatToLifeOrHealth ? 'так, є загроза' : 'ні', style: 'value', bold: n.threatToLifeOrHealth }]]),
    blockLabel('Чинники складних життєвих обставин дитини (постанова КМУ № 585, п. 5)'),
    bulletList(childFactors),
    blockLabel('Чинники складних життєвих обставин дорослих членів сім’ї (постанова КМУ № 587)'),
    bulletList(adultFactors),

    sectionHeading('5. Вжиті заходи'),
    blockLabel('Невідкладні заходи (постанова КМУ № 585, п. 12)'),
    bulletList(urgentActions),
    textBlock('Заходи, яких уже вжито', n.actionsTaken),
    textBlock('Документи, що додаються', n.documents),

    sectionHeading('6. Реєстрація випадку'),
    fieldTable([
      ['Номер випадку', c.number],
      ['Дата реєстрації', formatDateUk(c.registeredOn)],
      ['Тип випадку', labelOf(caseTypeUk, c.caseType)],
      ['Терміновий випадок', c.urgent ? 'так — оцінку рівня безпеки дитини проводять негайно (постанова КМУ № 585, п. 12)' : commonUk.no],
      ['Надавач соціальних послуг', c.organisation.name],
      ['Фахівець, який веде випадок', c.caseManager.name],
    ]),

    signatureBlock([{ role: 'Повідомлення прийняв(ла)', name: n.receivedByName }]),
  ];

  return { title: documentTitlesUk.notification, runningHead: `${documentTitlesUk.notificationShort} · ${commonUk.caseNumber(c.number)}`, content, generatedAt: input.generatedAt };
}
