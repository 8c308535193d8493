import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { MeetingView } from '#contracts/panels.contract.ts';
import { commonUk, labelOf } from './labels-uk.ts';
import { blockLabel, dataTable, fieldTable, formatDateTimeUk, formatDateUk, formHeading, sectionHeading, signatureBlock, textBlock, type PrintableDocument } from './pdf.ts';

/** Ukrainian labels of the minutes of a panel or coordination body (SPEC §3, §9). */
export const careOptionUk = {
  family_of_origin_with_support: 'залишення в сім’ї походження з підтримкою',
  kinship: 'влаштування до родичів',
  foster_family: 'прийомна сім’я',
  family_type_home: 'дитячий будинок сімейного типу',
  guardianship: 'опіка (піклування)',
  adoption: 'усиновлення',
  institution: 'заклад інституційного догляду',
} as const;

const bodyKindUk = {
  child_rights_commission: 'Комісія з питань захисту прав дитини',
  guardianship_body: 'Орган опіки та піклування',
  better_care_council: 'Обласна рада з питань кращого догляду',
  community_taskforce: 'Робоча група громади з питань кращого догляду',
} as const;

const presenceUk = { in_person: 'присутній(-я) особисто', online: 'присутній(-я) онлайн', absent: 'відсутній(-я)' } as const;
const roleUk = { chair: 'голова', secretary: 'секретар', member: 'член' } as const;
const outcomeUk = { pending: 'не розглянуто', adopted: 'УХВАЛЕНО', rejected: 'НЕ УХВАЛЕНО' } as const;
const voteUk = { for: 'за', against: 'проти', abstain: 'утрималися' } as const;

/** The minutes: body, date and place, attendance, quorum, each agenda item with its vote and decision, action items, signatures. */
export function panelMinutesDocument(m: MeetingView, generatedAt: Date): PrintableDocument {
  const name = (x: { surname: string; givenName: string; patronymic: string }) => [x.surname, x.givenName, x.patronymic].filter(Boolean).join(' ');
  const chair = m.members.find((x) => x.role === 'chair');
  const secretary = m.members.find((x) => x.role === 'secretary');
  const content: Content[] = [
    ...formHeading(labelOf(bodyKindUk, m.body.kind), `ПРОТОКОЛ засідання № ${m.rank}`, [m.body.nameUk, `${formatDateTimeUk(m.scheduledAt)}${m.place ? `, ${m.place}` : ''}`]),
    ...(m.mentoring ? [{ text: 'Засідання проводиться із супроводом ментора (одне з перших п’яти засідань комісії).', style: 'small' } as Content] : []),
    sectionHeading('1. Присутність'),
    dataTable(
      [16, '*', 60, '*', 80],
      ['№', 'Прізвище, ім’я, по батькові', 'Роль', 'Організація', 'Участь'],
      m.members.map((x, i): TableCell[] => [
        { text: String(i + 1), style: 'tableCell' },
        { text: name(x) + (x.livedExperience ? ' (особистий досвід)' : ''), style: 'tableCell' },
        { text: roleUk[x.role], style: 'tableCell' },
        { text: x.organisationName || commonUk.none, style: 'tableCell' },
        { text: x.presence ? presenceUk[x.presence] : 'не відмічено', style: 'tableCell' },
      ]),
    ),
    fieldTable([
      ['Членів комісії (на дату засідання)', String(m.quorum.currentMembers)],
      ['Присутні', String(m.quorum.present)],
      ['Кворум', m.quorum.reached ? `є (потрібно щонайменше ${m.quorum.needed})` : `немає (потрібно щонайменше ${m.quorum.needed})`],
    ]),
    sectionHeading('2. Порядок денний і рішення'),
  ];
  for (const item of m.items) {
    content.push(blockLabel(`${item.position}. ${item.title}`));
    const rows: Array<[string, string]> = [['Питання', item.motion]];
    const s = item.submission;
    if (s) {
      rows.push(['Дитина', s.childName], ['Випадок', s.caseNumber]);
      if (s.provider) rows.push(['Надавач послуг', s.provider.nameUk]);
    }
    rows.push(['Голосування', `${voteUk.for} — ${item.votes.for}, ${voteUk.against} — ${item.votes.against}, ${voteUk.abstain} — ${item.votes.abstain}${item.castingVote ? ' (вирішальний голос голови)' : ''}`], ['Результат', outcomeUk[item.outcome]]);
    const d = s?.determination;
    if (d) {
      rows.push(['Рішення в найкращих інтересах дитини', labelOf(careOptionUk, d.chosenOption)], ['Обґрунтування', d.rationale], ['Думка дитини', d.childViews || (d.childNotHeardReason ? `не заслухано: ${d.childNotHeardReason}` : commonUk.none)], ['Окремі думки', d.dissentingOpinions], ['Дата перегляду', formatDateUk(d.followUpDate)]);
    }
    content.push(fieldTable(rows));
    if (d && d.options.length > 0) {
      content.push(
        dataTable(
          ['*', '*', '*', '*'],
          ['Розглянутий варіант', 'Необхідність', 'Придатність', 'Причина відхилення'],
          d.options.map((o): TableCell[] => [
            { text: labelOf(careOptionUk, o.option), style: 'tableCell' },
            { text: o.necessity || commonUk.none, style: 'tableCell' },
            { text: o.suitability || commonUk.none, style: 'tableCell' },
            { text: o.ruledOutReason || commonUk.none, style: 'tableCell' },
          ]),
        ),
      );
    }
  }
  content.push(sectionHeading('3. Доручення'));
  content.push(
    m.actionItems.length > 0
      ? dataTable(['*', 110, 62], ['Доручення', 'Відповідальний', 'Строк'], m.actionItems.map((a): TableCell[] => [{ text: a.title, style: 'tableCell' }, { text: a.owner, style: 'tableCell' }, { text: formatDateUk(a.dueDate), style: 'tableCell' }]))
      : textBlock('Доручення', ''),
  );
  content.push(
    signatureBlock([
      { role: 'Голова комісії', name: chair ? name(chair) : '' },
      { role: 'Секретар комісії', name: secretary ? name(secretary) : '' },
    ]),
  );
  const signed = [m.signatures.chair ? `голова — ${formatDateTimeUk(m.signatures.chair.at)}` : null, m.signatures.secretary ? `секретар — ${formatDateTimeUk(m.signatures.secretary.at)}` : null].filter(Boolean);
  if (signed.length > 0) content.push({ text: `Підписано в системі: ${signed.join('; ')}`, style: 'small', margin: [0, 6, 0, 0] });
  return { title: `Протокол засідання № ${m.rank}`, runningHead: `${m.body.nameUk} — протокол № ${m.rank}`, content, generatedAt, isDraft: !(m.signatures.chair && m.signatures.secretary) };
}
