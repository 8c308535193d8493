import type { SessionView } from '#contracts/workforce.contract.ts';
import { fieldTable, formatDateTimeUk, formatDateUk, formHeading, orDash, sectionHeading, signatureBlock, textBlock, type PrintableDocument } from './pdf.ts';

const purposeUk = { training_mentoring: 'навчальна (наставництво)', consulting: 'консультативна' } as const;
const kindUk = { individual: 'індивідуальна', pair_team: 'у парі / команді', group: 'групова' } as const;
const timingUk = { planned: 'планова (за графіком)', unscheduled: 'позапланова (на запит)' } as const;
const formatUk = { internal: 'внутрішня', external: 'зовнішня' } as const;
const stageUk = { preparation: 'підготовка', session: 'проведення', follow_up: 'завершення' } as const;

/** The supervision card (Order of the Ministry of Social Policy No. 5 of 05.01.2015), in Ukrainian; a card not yet submitted is a draft. */
export function supervisionCardDocument(s: SessionView, organisationName: string, generatedAt: Date): PrintableDocument {
  return {
    title: `Картка супервізії від ${formatDateUk(s.sessionDate)}`,
    runningHead: `Картка супервізії від ${formatDateUk(s.sessionDate)}`,
    generatedAt,
    isDraft: s.submittedAt === null,
    content: [
      ...formHeading('Наказ Мінсоцполітики від 05.01.2015 № 5', 'КАРТКА СУПЕРВІЗІЇ', [organisationName]),
      sectionHeading('1. Сесія'),
      fieldTable([
        ['Дата', formatDateUk(s.sessionDate)],
        ['Супервізор', s.supervisor.name],
        ['Супервізовані', s.participants.map((p) => p.name).join(', ')],
        ['Мета', purposeUk[s.purpose]],
        ['Форма за учасниками', kindUk[s.participantsKind]],
        ['Час проведення', timingUk[s.timing]],
        ['Форма', formatUk[s.format]],
        ['Етап', stageUk[s.stage]],
      ]),
      sectionHeading('2. Зміст'),
      textBlock('Теми', orDash(s.topics)),
      textBlock('Обговорені випадки', orDash(s.casesDiscussed)),
      textBlock('Висновки', orDash(s.conclusions)),
      textBlock('Рекомендації', orDash(s.recommendations)),
      sectionHeading('3. Подання'),
      fieldTable([['Подано керівнику служби', s.submittedAt && s.submittedTo ? `${s.submittedTo.name}, ${formatDateTimeUk(s.submittedAt)}` : 'не подано']]),
      signatureBlock([{ role: 'Супервізор', name: s.supervisor.name }, ...(s.submittedTo ? [{ role: 'Керівник служби', name: s.submittedTo.name }] : [])]),
    ],
  };
}
