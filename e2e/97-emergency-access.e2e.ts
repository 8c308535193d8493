// Break-the-glass emergency access in a real browser (SPEC §11): Stryi's case manager opens the address of a Bucha
// case, sees "not found" with the emergency-access offer, states a reason (a short one is refused), and gets the case
// read-only under a red banner, without the step-transition controls; Bucha's supervisor sees the access on
// «Моя команда». A provider sees only "not found". Axe on every new screen.
import { api, expectVisible, inBrowser, login, logout, openBuchaCase, randomCyrillic, step } from './support.ts';

/** The journey's name in the run's report. */
export const name = 'break-the-glass emergency access: not found → reason → read-only case; supervisor’s team view';

/** The journey; throws on the first failure. */
export async function runJourney(baseUrl: string): Promise<void> {
  await inBrowser('emergency-access', async ({ page, scan }) => {
    step('a Bucha case of cm.bucha');
    await login(page, baseUrl, 'cm.bucha');
    const surname = `Екстренко${randomCyrillic(5)}`;
    const caseId = await openBuchaCase(page, {
      surname,
      description: 'Дитина пропускає заняття',
      child: { relationship: 'донька', givenName: 'Марія', patronymic: 'Іванівна', birthDate: '2016-03-01', sex: 'female' },
      adult: { relationship: 'мати', givenName: 'Ольга', patronymic: 'Іванівна', birthDate: '1990-01-01', sex: 'female' },
    });
    const caseUrl = `${baseUrl}/cases/${caseId}`;
    const detail = await api<{ number: string }>(page, 'GET', `/api/v1/cases/${caseId}`);
    await logout(page);

    step('a provider sees only "not found"');
    await login(page, baseUrl, 'provider.bucha');
    await page.goto(caseUrl);
    await expectVisible(page.getByRole('heading', { level: 1, name: /не знайдено/i }), 'the not-found page for the provider');
    if ((await page.getByRole('button', { name: 'Екстрений доступ' }).count()) !== 0) throw new Error('a provider must not be offered emergency access');
    await logout(page);

    step('cm.stryi: not found → emergency access');
    await login(page, baseUrl, 'cm.stryi');
    const me = await api<{ fullName: string }>(page, 'GET', '/api/v1/auth/me');
    await page.goto(caseUrl);
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Екстрений доступ' }), 'the emergency-access offer');
    await scan('emergency-offer');
    await page.getByRole('button', { name: 'Екстрений доступ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Екстрений доступ до випадку' });
    await expectVisible(dialog, 'the reason dialog');
    await expectVisible(dialog.getByText('показано супервізору', { exact: false }), 'the warning that the supervisor sees the access');
    await scan('emergency-dialog');
    const reasonField = dialog.getByRole('textbox', { name: 'Причина екстреного доступу' });
    await reasonField.fill('терміново');
    await dialog.getByRole('button', { name: 'Відкрити випадок' }).click();
    await expectVisible(dialog.getByText('Опишіть причину — щонайменше 10 символів.'), 'the short-reason refusal');
    const reason = `Поліція повідомила про загрозу дитині ${surname}, потрібні контакти родини`;
    await reasonField.fill(reason);
    await dialog.getByRole('button', { name: 'Відкрити випадок' }).click();

    step('the case page, read-only, with the banner');
    await expectVisible(page.getByText(`Екстрений доступ до випадку ${detail.number} (до`, { exact: false }), 'the emergency banner');
    await expectVisible(page.getByText('лише перегляд; доступ записано в журналі', { exact: false }), 'the banner’s view-only notice');
    await expectVisible(page.getByRole('heading', { level: 1, name: new RegExp(surname) }), 'the case title');
    if ((await page.getByRole('heading', { name: 'Перехід між кроками' }).count()) !== 0) throw new Error('no step transitions under emergency access');
    await scan('case-emergency');
    await logout(page);

    step('sv.bucha sees the access on «Моя команда»');
    await login(page, baseUrl, 'sv.bucha');
    await page.getByRole('navigation', { name: 'Основна навігація' }).getByRole('link', { name: 'Моя команда' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Моя команда' }), 'the team page');
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Екстрений доступ до випадків' }), 'the emergency-access section');
    const table = page.getByRole('table', { name: 'Екстрений доступ до випадків ваших фахівців за останні 30 днів' });
    const row = table.getByRole('row').filter({ hasText: reason });
    await expectVisible(row, 'the access with its reason');
    await expectVisible(row.getByRole('link', { name: detail.number }), 'the case number');
    await expectVisible(row.getByText(me.fullName), 'who broke the glass');
    await scan('team-emergency');
  });
}
