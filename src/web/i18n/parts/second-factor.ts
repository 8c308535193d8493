import type { DeepStrings } from './deep-strings.ts';

/**
 * Interface texts of the second factor (SPEC §11): the login's second step and the «Безпека» settings page with
 * enrolment, recovery codes and disabling. Ukrainian first, English complete. Only the top-level key `secondFactor`
 * belongs to this part.
 */
const uk = {
  secondFactor: {
    nav: 'Безпека',
    title: 'Безпека входу',
    intro:
      'Двофакторна автентифікація захищає дані дітей і родин, навіть якщо ваш пароль стане комусь відомий: після пароля «Родина» запитує шестизначний код із застосунку-автентифікатора на вашому телефоні.',
    requiredNotice: 'Ваша роль вимагає другого фактора входу. Налаштуйте його, щоб продовжити роботу в «Родині».',
    statusHeading: 'Стан',
    status: {
      none: 'Другий фактор не налаштовано.',
      pending: 'Налаштування розпочато, але не завершено: введіть код із застосунку.',
      enabled: 'Другий фактор увімкнено з {{date}}.',
    },
    requiredByRole: 'Для вашої ролі другий фактор обов’язковий — вимкнути його не можна. Якщо ви втратили телефон і коди відновлення, зверніться до адміністратора системи.',
    codesLeft: 'Невикористаних кодів відновлення: {{count}}.',
    enrol: {
      heading: 'Налаштування застосунку-автентифікатора',
      start: 'Налаштувати другий фактор',
      restart: 'Почати налаштування заново',
      step1: 'Установіть на телефон застосунок-автентифікатор, наприклад Google Authenticator, Microsoft Authenticator, FreeOTP або Aegis.',
      step2: 'Відскануйте QR-код застосунком або введіть ключ вручну.',
      step3: 'Введіть шестизначний код, який показує застосунок, і натисніть «Підтвердити».',
      qrAlt: 'QR-код для додавання «Родини» до застосунку-автентифікатора',
      manualKey: 'Ключ для введення вручну',
      manualHint: 'Тип: за часом (TOTP), 6 цифр, 30 секунд. Ключ показується лише зараз.',
      code: 'Код із застосунку',
      codeDescription: '6 цифр',
      confirm: 'Підтвердити',
      enabled: 'Другий фактор увімкнено.',
    },
    recovery: {
      heading: 'Коди відновлення',
      shownOnce:
        'Збережіть ці коди зараз: вони показуються лише один раз. Кожен код можна використати для входу один раз, якщо телефону немає під рукою. Зберігайте їх окремо від телефону — роздрукуйте або запишіть.',
      listLabel: 'Коди відновлення',
      copy: 'Копіювати коди',
      copied: 'Скопійовано',
      print: 'Надрукувати',
      done: 'Я зберіг(ла) коди',
      regenerateHeading: 'Нові коди відновлення',
      regenerateHint: 'Старі коди перестануть діяти. Підтвердьте, що це ви: код із застосунку або пароль.',
      regenerate: 'Створити нові коди',
    },
    disable: {
      heading: 'Вимкнення другого фактора',
      hint: 'Після вимкнення для входу знову буде достатньо пароля. Підтвердьте, що це ви: код із застосунку або пароль.',
      submit: 'Вимкнути другий фактор',
      disabled: 'Другий фактор вимкнено.',
    },
    proof: {
      code: 'Код із застосунку або код відновлення',
      password: 'Або пароль',
    },
    login: {
      title: 'Код підтвердження',
      hint: 'Відкрийте застосунок-автентифікатор і введіть шестизначний код для «Родини». Якщо телефону немає, введіть один із кодів відновлення.',
      code: 'Код',
      codeDescription: '6 цифр або код відновлення (наприклад, abcd-efgh-jkmn-pqrs)',
      submit: 'Увійти',
      back: 'Увійти під іншим іменем',
    },
  },
};

const en: DeepStrings<typeof uk> = {
  secondFactor: {
    nav: 'Security',
    title: 'Sign-in security',
    intro:
      'Two-factor authentication protects the data of children and families even if someone learns your password: after the password Rodyna asks for a six-digit code from the authenticator app on your phone.',
    requiredNotice: 'Your role requires a second sign-in factor. Set it up to continue working in Rodyna.',
    statusHeading: 'Status',
    status: {
      none: 'No second factor is set up.',
      pending: 'Set-up was started but not finished: enter the code from the app.',
      enabled: 'The second factor has been on since {{date}}.',
    },
    requiredByRole: 'Your role requires a second factor — it cannot be turned off. If you lost your phone and the recovery codes, contact the system administrator.',
    codesLeft: 'Unused recovery codes: {{count}}.',
    enrol: {
      heading: 'Authenticator app set-up',
      start: 'Set up the second factor',
      restart: 'Start the set-up again',
      step1: 'Install an authenticator app on your phone, for example Google Authenticator, Microsoft Authenticator, FreeOTP or Aegis.',
      step2: 'Scan the QR code with the app or type the key by hand.',
      step3: 'Enter the six-digit code the app shows and press “Confirm”.',
      qrAlt: 'QR code that adds Rodyna to the authenticator app',
      manualKey: 'Key to type by hand',
      manualHint: 'Type: time-based (TOTP), 6 digits, 30 seconds. The key is shown only now.',
      code: 'Code from the app',
      codeDescription: '6 digits',
      confirm: 'Confirm',
      enabled: 'The second factor is on.',
    },
    recovery: {
      heading: 'Recovery codes',
      shownOnce:
        'Save these codes now: they are shown only once. Each code signs you in once when your phone is not at hand. Keep them apart from the phone — print them or write them down.',
      listLabel: 'Recovery codes',
      copy: 'Copy the codes',
      copied: 'Copied',
      print: 'Print',
      done: 'I have saved the codes',
      regenerateHeading: 'New recovery codes',
      regenerateHint: 'The old codes stop working. Confirm it is you: a code from the app or your password.',
      regenerate: 'Create new codes',
    },
    disable: {
      heading: 'Turning the second factor off',
      hint: 'Afterwards the password alone signs you in again. Confirm it is you: a code from the app or your password.',
      submit: 'Turn the second factor off',
      disabled: 'The second factor is off.',
    },
    proof: {
      code: 'Code from the app or a recovery code',
      password: 'Or your password',
    },
    login: {
      title: 'Verification code',
      hint: 'Open your authenticator app and enter the six-digit code for Rodyna. Without your phone, enter one of your recovery codes.',
      code: 'Code',
      codeDescription: '6 digits or a recovery code (for example abcd-efgh-jkmn-pqrs)',
      submit: 'Sign in',
      back: 'Sign in as someone else',
    },
  },
};

/** The second-factor part of both catalogues. */
export const secondFactorMessages = { uk, en };

/** Error codes of the second-factor API, with their messages (spread into the `errors` block of uk.ts and en.ts). */
export const secondFactorErrors = {
  uk: {
    second_factor_enrolment_required: 'Ваша роль вимагає другого фактора входу. Налаштуйте його на сторінці «Безпека».',
    second_factor_already_enabled: 'Другий фактор уже ввімкнено. Щоб додати інший телефон, спершу вимкніть його.',
    second_factor_not_pending: 'Налаштування не розпочато або вже завершено. Почніть спочатку.',
    second_factor_not_enabled: 'Другий фактор не ввімкнено.',
    second_factor_code_invalid: 'Код неправильний або вже використаний. Перевірте час на телефоні й уведіть наступний код.',
    second_factor_password_invalid: 'Пароль неправильний.',
    second_factor_proof_required: 'Введіть код із застосунку або пароль.',
    second_factor_required_by_role: 'Для вашої ролі другий фактор обов’язковий — вимкнути його не можна.',
    second_factor_challenge_expired: 'Вхід тривав задовго або вже завершився. Увійдіть знову з паролем.',
  },
  en: {
    second_factor_enrolment_required: 'Your role requires a second sign-in factor. Set it up on the “Security” page.',
    second_factor_already_enabled: 'The second factor is already on. To add another phone, turn it off first.',
    second_factor_not_pending: 'No set-up is in progress, or it has finished. Start again.',
    second_factor_not_enabled: 'The second factor is not on.',
    second_factor_code_invalid: 'The code is wrong or already used. Check the time on your phone and enter the next code.',
    second_factor_password_invalid: 'The password is wrong.',
    second_factor_proof_required: 'Enter a code from the app or your password.',
    second_factor_required_by_role: 'Your role requires a second factor — it cannot be turned off.',
    second_factor_challenge_expired: 'Signing in took too long or has already finished. Sign in again with your password.',
  },
};
