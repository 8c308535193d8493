import type { DeepStrings } from './deep-strings.ts';

/**
 * Interface texts of break-the-glass emergency access to a case (SPEC §11): the offer on the not-found page, the
 * dialog, the banner on the case page and the supervisor's list. Ukrainian first, English complete.
 */
const uk = {
  emergencyAccess: {
    offerHeading: 'Екстрений доступ',
    offerText: 'Якщо дитина в небезпеці і вам негайно потрібні дані цього випадку, ви можете відкрити його на обмежений час лише для перегляду. Доступ записується в журналі аудиту разом із причиною і показується супервізору фахівця, який веде випадок.',
    button: 'Екстрений доступ',
    dialogTitle: 'Екстрений доступ до випадку',
    warning: 'Це відкриття випадку поза вашою зоною відповідальності. Доступ буде записано в журналі аудиту з причиною і показано супервізору, відповідальному за випадок. Використовуйте лише в надзвичайній ситуації.',
    reasonLabel: 'Причина екстреного доступу',
    reasonDescription: 'Що сталося і чому дані потрібні саме зараз (щонайменше 10 символів).',
    reasonTooShort: 'Опишіть причину — щонайменше 10 символів.',
    submit: 'Відкрити випадок',
    banner: 'Екстрений доступ до випадку {{number}} (до {{time}}) — лише перегляд; доступ записано в журналі.',
    bannerTitle: 'Екстрений доступ',
    teamHeading: 'Екстрений доступ до випадків',
    teamIntro: 'Хто відкривав випадки ваших фахівців в екстреному порядку за останні 30 днів і чому.',
    teamCaption: 'Екстрений доступ до випадків ваших фахівців за останні 30 днів',
    teamEmpty: 'За останні 30 днів ніхто не відкривав випадки ваших фахівців в екстреному порядку.',
    columns: { grantedAt: 'Коли', user: 'Хто', case: 'Випадок', reason: 'Причина', expiresAt: 'Діяв до' },
  },
};

const en: DeepStrings<typeof uk> = {
  emergencyAccess: {
    offerHeading: 'Emergency access',
    offerText: 'If a child is in danger and you need this case’s data right now, you may open it for a limited time, read-only. The access is recorded in the audit trail with its reason and shown to the supervisor of the worker who handles the case.',
    button: 'Emergency access',
    dialogTitle: 'Emergency access to a case',
    warning: 'You are opening a case outside your area of responsibility. The access will be recorded in the audit trail with its reason and shown to the supervisor responsible for the case. Use it only in an emergency.',
    reasonLabel: 'Reason for emergency access',
    reasonDescription: 'What happened and why the data is needed right now (at least 10 characters).',
    reasonTooShort: 'Describe the reason — at least 10 characters.',
    submit: 'Open the case',
    banner: 'Emergency access to case {{number}} (until {{time}}) — view only; the access is recorded in the audit trail.',
    bannerTitle: 'Emergency access',
    teamHeading: 'Emergency access to cases',
    teamIntro: 'Who opened your workers’ cases by emergency access in the last 30 days, and why.',
    teamCaption: 'Emergency access to your workers’ cases in the last 30 days',
    teamEmpty: 'Nobody opened your workers’ cases by emergency access in the last 30 days.',
    columns: { grantedAt: 'When', user: 'Who', case: 'Case', reason: 'Reason', expiresAt: 'Valid until' },
  },
};

/** The emergency-access texts, spread into uk.ts and en.ts. */
export const securityMessages = { uk, en };
