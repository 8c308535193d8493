// The second factor in a real browser (SPEC §11, issue 8 item 2): cm.bucha opens «Безпека», enrols an authenticator
// (the journey computes the TOTP code with otpauth from the key shown as text), sees the recovery codes once, signs
// out, signs in with password + code, then with a recovery code once (the same code again is refused), and finally
// turns the second factor off again so later journeys keep the README's password-only login. Axe on every new screen.
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, expectVisible, inBrowser, login, logout, step } from './support.ts';

/** The journey's name in the run's report. */
export const name = 'second factor: enrol with the key → sign in with password + code → recovery code once → turn off';

const totpOf = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });

/**
 * A code is accepted once, so the sign-in after enrolment needs a newer one: the app's code for the next 30-second
 * step, which the server takes within its one-step tolerance for clock drift (as from a phone whose clock runs ahead).
 */
const nextStepCode = (totp: TOTP): string => totp.generate({ timestamp: Date.now() + 30_000 });

async function passwordStep(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Ім’я користувача').fill(username);
  await page.getByRole('textbox', { name: 'Пароль' }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Увійти', exact: true }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Код підтвердження' }), 'the second step of the login');
}

async function codeStep(page: Page, code: string): Promise<void> {
  await page.getByRole('textbox', { name: /^Код/ }).fill(code);
  await page.getByRole('button', { name: 'Увійти', exact: true }).click();
}

/** The journey; throws on the first failure. */
export async function runJourney(baseUrl: string): Promise<void> {
  await inBrowser('second-factor', async ({ page, scan }) => {
    step('cm.bucha opens «Безпека» and starts the set-up');
    await login(page, baseUrl, 'cm.bucha');
    await page.getByRole('navigation', { name: 'Основна навігація' }).getByRole('link', { name: 'Безпека' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Безпека входу' }), 'the security settings page');
    await expectVisible(page.getByText('Другий фактор не налаштовано.'), 'the status without a second factor');
    await scan('security-page');
    await page.getByRole('button', { name: 'Налаштувати другий фактор' }).click();
    await expectVisible(page.getByRole('img', { name: 'QR-код для додавання «Родини» до застосунку-автентифікатора' }), 'the QR code');
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    if (!/^[A-Z2-7]{32}$/.test(secret)) throw new Error(`unexpected key text: ${secret}`);
    await scan('security-enrolment');

    step('a wrong code is refused, the right one turns it on; the recovery codes are shown once');
    const totp = totpOf(secret);
    const right = totp.generate();
    await page.getByRole('textbox', { name: /^Код із застосунку/ }).fill(right === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Підтвердити' }).click();
    await expectVisible(page.getByText('Код неправильний або вже використаний', { exact: false }), 'the refusal of a wrong code');
    await page.getByRole('textbox', { name: /^Код із застосунку/ }).fill(totp.generate());
    await page.getByRole('button', { name: 'Підтвердити' }).click();
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Коди відновлення' }), 'the recovery codes');
    const codes = (await page.getByTestId('recovery-codes').getByRole('listitem').allInnerTexts()).map((c) => c.trim());
    if (codes.length !== 10) throw new Error(`expected 10 recovery codes, got ${codes.length}`);
    await expectVisible(page.getByRole('button', { name: 'Копіювати коди' }), 'the copy button');
    await expectVisible(page.getByRole('button', { name: 'Надрукувати' }), 'the print button');
    await scan('security-recovery-codes');
    await page.getByRole('button', { name: 'Я зберіг(ла) коди' }).click();
    await expectVisible(page.getByTestId('second-factor-status').getByText('Другий фактор увімкнено', { exact: false }), 'the enabled status');
    if ((await page.getByTestId('recovery-codes').count()) !== 0) throw new Error('the recovery codes must not be shown again');
    await logout(page);

    step('sign in with password + the next code from the app');
    await passwordStep(page, baseUrl, 'cm.bucha');
    await scan('login-second-step');
    await codeStep(page, nextStepCode(totp));
    await expectVisible(page.getByRole('navigation', { name: 'Основна навігація' }), 'the signed-in layout after the code');
    await logout(page);

    step('a recovery code signs in once');
    await passwordStep(page, baseUrl, 'cm.bucha');
    await codeStep(page, codes[0] as string);
    await expectVisible(page.getByRole('navigation', { name: 'Основна навігація' }), 'the signed-in layout after a recovery code');
    await logout(page);
    await passwordStep(page, baseUrl, 'cm.bucha');
    await codeStep(page, codes[0] as string);
    await expectVisible(page.getByText('Код неправильний або вже використаний', { exact: false }), 'the refusal of a used recovery code');
    await codeStep(page, codes[1] as string);
    await expectVisible(page.getByRole('navigation', { name: 'Основна навігація' }), 'the signed-in layout after another recovery code');

    step('turn the second factor off again (password), so the demo login stays password-only');
    await page.goto(`${baseUrl}/security`);
    await expectVisible(page.getByText('Невикористаних кодів відновлення: 8.'), 'eight recovery codes left');
    const disable = page.getByRole('region', { name: 'Вимкнення другого фактора' });
    await disable.getByLabel('Або пароль').fill(DEMO_PASSWORD);
    await disable.getByRole('button', { name: 'Вимкнути другий фактор' }).click();
    await expectVisible(page.getByText('Другий фактор вимкнено.'), 'the confirmation');
    await expectVisible(page.getByText('Другий фактор не налаштовано.'), 'the status without a second factor');
    await logout(page);
    await login(page, baseUrl, 'cm.bucha');
  });
}
