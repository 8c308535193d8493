import type { DeepStrings } from './deep-strings.ts';

/**
 * Interface texts of consent per person, the legal ground of a referral and the masking of sensitive fields
 * (SPEC §11): Ukrainian first, English complete. Spread at the top level of uk.ts/en.ts (only the keys `consent`
 * and `privacy` belong to this part); `consentErrors` is spread into the `errors` block.
 */
const uk = {
  consent: {
    heading: 'Згоди на обробку та передачу персональних даних',
    intro: 'Згода кожного члена сім’ї фіксується окремо, з датою, формою й обсягом. Відкликана згода залишається в історії. Направлення надавачу надсилається лише за чинної згоди на передачу даних надавачам усіх членів сім’ї або за зазначеної в направленні правової підстави.',
    membersCaption: 'Члени сім’ї та їхні чинні згоди',
    member: 'Член сім’ї',
    sharingNow: 'Передача надавачам',
    processingNow: 'Обробка даних',
    yes: 'є чинна згода',
    no: 'немає згоди',
    historyCaption: 'Історія згод: надані й відкликані',
    empty: 'Згод ще не зафіксовано.',
    add: 'Зафіксувати згоду',
    dialogTitle: 'Нова згода',
    person: 'Особа',
    kindLabel: 'Вид згоди',
    kind: {
      processing: 'На обробку персональних даних',
      sharing_providers: 'На передачу даних надавачам соціальних послуг',
      sharing_agencies: 'На передачу даних іншим органам і установам',
    },
    scope: 'Обсяг згоди (що саме і з якою метою)',
    provider: 'Лише цьому надавачу (необов’язково)',
    anyProvider: 'Будь-якому надавачу за направленнями випадку',
    givenByLabel: 'Хто надав згоду',
    givenBy: { self: 'Сама особа', parent: 'Один із батьків', legal_representative: 'Інший законний представник' },
    givenByName: 'Прізвище, ім’я, по батькові того, хто надав згоду',
    givenOn: 'Дата надання згоди',
    formLabel: 'Форма згоди',
    form: { written: 'Письмова (підписана)', oral: 'Усна, зафіксована фахівцем' },
    save: 'Зберегти згоду',
    saved: 'Згоду зафіксовано.',
    columns: { person: 'Особа', kind: 'Вид', givenBy: 'Хто надав', givenOn: 'Дата', form: 'Форма', status: 'Стан', actions: 'Дії' },
    status: { current: 'Чинна', withdrawn: 'Відкликана' },
    withdrawnOn: 'відкликано {{date}}: {{reason}}',
    onlyProvider: 'лише: {{name}}',
    withdraw: 'Відкликати',
    withdrawTitle: 'Відкликання згоди: {{name}}',
    withdrawDate: 'Дата відкликання',
    withdrawReason: 'Причина або підстава відкликання',
    withdrawSubmit: 'Зафіксувати відкликання',
    withdrawn: 'Відкликання згоди зафіксовано.',
    required: 'Заповніть це поле.',
  },
  privacy: {
    hidden: 'приховано',
    hiddenHint: 'Чутливі дані (жорстоке поводження, здоров’я, інвалідність) у списках бачать лише ті, хто веде випадок. Відкрийте запис, щоб побачити повністю.',
    legalGroundLabel: 'Правова підстава передачі без згоди (якщо згоди немає)',
    legalGroundNone: 'Немає — є згода сім’ї',
    legalGround: {
      child_protection: 'Захист дитини (Закон України «Про охорону дитинства»)',
      court_order: 'Рішення суду',
      life_threat: 'Загроза життю чи здоров’ю',
    },
    legalGroundNote: 'Чим підтверджено підставу (акт, рішення, дата)',
  },
} as const;

const en = {
  consent: {
    heading: 'Consent to processing and sharing of personal data',
    intro: 'Each family member’s consent is recorded separately, with its date, form and scope. A withdrawn consent stays in the history. A referral is sent to a provider only when every family member has a current consent to sharing with providers, or the referral states a legal ground.',
    membersCaption: 'Family members and their current consent',
    member: 'Family member',
    sharingNow: 'Sharing with providers',
    processingNow: 'Processing of data',
    yes: 'current consent',
    no: 'no consent',
    historyCaption: 'Consent history: given and withdrawn',
    empty: 'No consent recorded yet.',
    add: 'Record consent',
    dialogTitle: 'New consent',
    person: 'Person',
    kindLabel: 'Kind of consent',
    kind: {
      processing: 'To processing of personal data',
      sharing_providers: 'To sharing data with social service providers',
      sharing_agencies: 'To sharing data with other agencies',
    },
    scope: 'Scope (what exactly and for what purpose)',
    provider: 'Only this provider (optional)',
    anyProvider: 'Any provider of the case’s referrals',
    givenByLabel: 'Given by',
    givenBy: { self: 'The person', parent: 'A parent', legal_representative: 'Another legal representative' },
    givenByName: 'Full name of who gave the consent',
    givenOn: 'Date given',
    formLabel: 'Form',
    form: { written: 'Written (signed)', oral: 'Oral, recorded by the worker' },
    save: 'Save consent',
    saved: 'Consent recorded.',
    columns: { person: 'Person', kind: 'Kind', givenBy: 'Given by', givenOn: 'Date', form: 'Form', status: 'Status', actions: 'Actions' },
    status: { current: 'Current', withdrawn: 'Withdrawn' },
    withdrawnOn: 'withdrawn {{date}}: {{reason}}',
    onlyProvider: 'only: {{name}}',
    withdraw: 'Withdraw',
    withdrawTitle: 'Withdrawal of consent: {{name}}',
    withdrawDate: 'Date of withdrawal',
    withdrawReason: 'Reason or grounds for withdrawal',
    withdrawSubmit: 'Record the withdrawal',
    withdrawn: 'Withdrawal recorded.',
    required: 'Fill in this field.',
  },
  privacy: {
    hidden: 'hidden',
    hiddenHint: 'Sensitive data (abuse, health, disability) are shown in lists only to those who work on the case. Open the record to see it in full.',
    legalGroundLabel: 'Legal ground for sharing without consent (when there is none)',
    legalGroundNone: 'None — the family consented',
    legalGround: {
      child_protection: 'Protection of the child (Law of Ukraine “On Child Protection”)',
      court_order: 'Court order',
      life_threat: 'Threat to life or health',
    },
    legalGroundNote: 'What the ground rests on (act, decision, date)',
  },
} satisfies DeepStrings<typeof uk>;

export const consentMessages = { uk, en };

/** Messages of the error codes of consent, the referral's legal ground and sharing (spread into `errors`). */
export const consentErrors = {
  uk: {
    consent_required:
      'Направлення не надіслано: не в усіх членів сім’ї є чинна згода на передачу даних надавачам. Зафіксуйте згоду в розділі «Згоди» на вкладці «Огляд» випадку або зазначте в направленні правову підставу передачі без згоди.',
    consent_required_named:
      'Направлення не надіслано: немає чинної згоди на передачу даних надавачам у: {{names}}. Зафіксуйте їхню згоду в розділі «Згоди» на вкладці «Огляд» випадку або зазначте в направленні правову підставу передачі без згоди.',
    consent_giver_name_required: 'Зазначте прізвище, ім’я та по батькові того з батьків або законного представника, хто надав згоду.',
    consent_already_withdrawn: 'Цю згоду вже відкликано.',
    consent_withdrawal_date_invalid: 'Дата відкликання має бути не раніше дати надання згоди і не пізніше сьогодні.',
    legal_ground_note_required: 'Зазначте, чим підтверджено правову підставу (акт, рішення, дата).',
  },
  en: {
    consent_required:
      'The referral was not sent: not every family member has a current consent to sharing with providers. Record the consent in the “Consent” section of the case’s Overview tab, or state a legal ground for sharing without consent in the referral.',
    consent_required_named:
      'The referral was not sent: no current consent to sharing with providers for: {{names}}. Record their consent in the “Consent” section of the case’s Overview tab, or state a legal ground for sharing without consent in the referral.',
    consent_giver_name_required: 'Give the full name of the parent or legal representative who gave the consent.',
    consent_already_withdrawn: 'This consent is already withdrawn.',
    consent_withdrawal_date_invalid: 'The withdrawal date must be on or after the day the consent was given and not after today.',
    legal_ground_note_required: 'Say what the legal ground rests on (act, decision, date).',
  },
};
