import type { DeepStrings } from './deep-strings.ts';

/**
 * Interface texts for setting bodies up and keeping them (SPEC §3, §9): the new-body and body forms, changing and
 * ending a membership, the analytics filters, and editing the oblast costed implementation plan's activities.
 * Ukrainian first, English complete. Only the top-level keys `panelKeeping` and `oblastPlanEdit` belong to this part.
 */
const uk = {
  panelKeeping: {
    newBody: 'Новий орган',
    newBodyIntro: 'Створіть комісію, орган опіки, обласну раду або робочу групу громади там, де вам дозволено.',
    editBody: 'Дані органу',
    kind: 'Вид органу',
    territory: 'Територія',
    nameUk: 'Назва українською',
    nameEn: 'Назва англійською',
    organisation: 'Організація, користувачі якої є членами і секретарем',
    organisationNone: '— не визначено —',
    create: 'Створити орган',
    save: 'Зберегти',
    saved: 'Збережено.',
    cancel: 'Скасувати',
    quorum: 'Чинних членів: {{count}}; кворум — не менше {{needed}} присутніх.',
    actions: 'Дії',
    editMember: 'Змінити',
    editMemberLabel: 'Змінити членство: {{name}}',
    memberHeading: 'Членство: {{name}}',
    toDate: 'Член до (останній день)',
    toDateDescription: 'Дата завершення членства у форматі дд.мм.рррр. З наступного дня член не враховується для кворуму.',
    clearToDate: 'Очистити дату завершення',
    filters: 'Фільтри',
    filterBody: 'Орган',
    filterTerritory: 'Територія',
    all: 'Усі',
    byQuarter: 'Частка сімейних рішень за кварталами (за обраними фільтрами)',
  },
  oblastPlanEdit: {
    add: 'Додати захід',
    edit: 'Змінити',
    editLabel: 'Змінити захід: {{title}}',
    remove: 'Вилучити',
    removeLabel: 'Вилучити захід: {{title}}',
    removeConfirm: 'Вилучити захід «{{title}}» з плану?',
    formNew: 'Новий захід',
    formEdit: 'Захід: {{title}}',
    title: 'Захід',
    pillar: 'Напрям',
    component: 'Складова',
    responsible: 'Відповідальний виконавець',
    fundingSource: 'Джерело фінансування',
    cost: 'Вартість, {{year}} рік, грн',
    secured: 'Забезпечено, {{year}} рік, грн',
    gapPreview: 'Дефіцит фінансування заходу: {{gap}} грн',
    save: 'Зберегти захід',
    cancel: 'Скасувати',
    actions: 'Дії',
    saved: 'План збережено; підсумки оновлено.',
  },
};

const en: DeepStrings<typeof uk> = {
  panelKeeping: {
    newBody: 'New body',
    newBodyIntro: 'Set up a commission, guardianship body, oblast council or community taskforce where you are allowed to.',
    editBody: 'Details of the body',
    kind: 'Kind of body',
    territory: 'Territory',
    nameUk: 'Name in Ukrainian',
    nameEn: 'Name in English',
    organisation: 'Organisation whose users are its members and secretary',
    organisationNone: '— not set —',
    create: 'Create the body',
    save: 'Save',
    saved: 'Saved.',
    cancel: 'Cancel',
    quorum: 'Current members: {{count}}; quorum is at least {{needed}} present.',
    actions: 'Actions',
    editMember: 'Change',
    editMemberLabel: 'Change membership: {{name}}',
    memberHeading: 'Membership: {{name}}',
    toDate: 'Member until (last day)',
    toDateDescription: 'The day the membership ends, as dd.mm.yyyy. From the next day the member does not count for quorum.',
    clearToDate: 'Clear the end date',
    filters: 'Filters',
    filterBody: 'Body',
    filterTerritory: 'Territory',
    all: 'All',
    byQuarter: 'Share of family-based decisions per quarter (for the chosen filters)',
  },
  oblastPlanEdit: {
    add: 'Add an activity',
    edit: 'Change',
    editLabel: 'Change activity: {{title}}',
    remove: 'Remove',
    removeLabel: 'Remove activity: {{title}}',
    removeConfirm: 'Remove the activity “{{title}}” from the plan?',
    formNew: 'New activity',
    formEdit: 'Activity: {{title}}',
    title: 'Activity',
    pillar: 'Pillar',
    component: 'Component',
    responsible: 'Responsible actor',
    fundingSource: 'Funding source',
    cost: 'Cost, {{year}}, UAH',
    secured: 'Secured, {{year}}, UAH',
    gapPreview: 'Funding gap of the activity: {{gap}} UAH',
    save: 'Save the activity',
    cancel: 'Cancel',
    actions: 'Actions',
    saved: 'Plan saved; totals updated.',
  },
};

/** The part of both catalogues. */
export const panelKeepingMessages = { uk, en };

/** Error messages of setting bodies up. */
export const panelKeepingErrors = {
  uk: {
    panel_body_level_invalid: 'Цей вид органу створюється на іншому рівні: обласна рада — для області, інші органи — для громади.',
    panel_body_organisation_invalid: 'Оберіть організацію відповідного виду, розташовану на території органу.',
    territory_not_found: 'Оберіть область або громаду.',
  },
  en: {
    panel_body_level_invalid: 'This kind of body sits at another level: the oblast council at an oblast, the other bodies at a hromada.',
    panel_body_organisation_invalid: 'Choose an organisation of the right kind located in the body’s territory.',
    territory_not_found: 'Choose an oblast or a hromada.',
  },
};
