// The receiving service's inbox in a real browser (SPEC §2.3; Order 1005): a school's reporter submits a notification
// through the form and sees it received; the case manager of Bucha's Centre of Social Services finds it in «Вхідні
// повідомлення», checks the whole notification and registers it as a case; a second notification is declined with a
// reason; the reporter sees «registered» and the reason; Stryi's case manager does not see Bucha's notifications and
// the reporter has no inbox. Axe on every new screen.
import type { Page } from 'playwright-core';
import { expectVisible, inBrowser, login, logout, randomCyrillic, step } from './support.ts';

const headers = { 'X-Requested-With': 'rodyna' };

async function api<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(new URL(path, page.url()).toString(), { method, headers: method === 'GET' ? {} : headers, ...(data === undefined ? {} : { data }) });
  const body = (await res.json().catch(() => null)) as T;
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Основна навігація' });
}

/** The journey's name in the run's report. */
export const name = 'notification inbox: reporter → CSS registers or declines → reporter sees the decision';

/** The journey; throws on the first failure. */
export async function runJourney(baseUrl: string): Promise<void> {
  const tag = randomCyrillic(6);
  const surnameA = `Вхідненко${randomCyrillic(5)}`;
  const surnameB = `Відхиленко${randomCyrillic(5)}`;
  const descriptionA = `Дитина приходить до школи голодною, мати не відповідає на дзвінки (${tag}).`;
  const descriptionB = `Учень розповів про конфлікти вдома (${tag}).`;
  const reason = `Сім’я проживає у Стрийській громаді — повідомлення переслано до її служби у справах дітей (${tag}).`;

  await inBrowser('inbox', async ({ page, scan }) => {
    // 1. The reporter submits a notification through the form and sees it received.
    step('reporter submits a notification');
    await login(page, baseUrl, 'reporter.school');
    if ((await nav(page).getByRole('link', { name: /Вхідні повідомлення/ }).count()) !== 0) throw new Error('a reporter must not see the inbox');
    await nav(page).getByRole('link', { name: 'Нове повідомлення' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Нове повідомлення' }), 'the intake form');
    await page.getByLabel('Джерело інформації').selectOption({ label: 'Заклад освіти' });
    await page.getByLabel('Організація, що повідомила').fill('Бучанський ліцей № 2');
    await page.getByLabel('Особа, що повідомила (прізвище, ім’я, посада)').fill('Литвиненко Світлана, класна керівниця');
    const child = page.getByRole('region', { name: 'Дитина 1' });
    await child.getByLabel('Прізвище').fill(surnameA);
    await child.getByRole('textbox', { name: 'Ім’я', exact: true }).fill('Олег');
    await child.getByLabel('Дата народження').fill('04.09.2014');
    await child.getByLabel('Дата народження').press('Escape');
    await child.getByRole('radio', { name: 'Чоловіча' }).check();
    await child.getByLabel('Родинний зв’язок').fill('син');
    await page.getByLabel('Опис ситуації').fill(descriptionA);
    await page.getByRole('checkbox', { name: 'Ухилення батьків або осіб, які їх замінюють, від виконання обов’язків з виховання дитини' }).check();
    await page.getByRole('button', { name: 'Надіслати повідомлення' }).click();
    await page.waitForURL(/\/notifications\?sent=/);
    const rowA = page.getByRole('row').filter({ hasText: tag }).filter({ hasText: 'голодною' });
    await expectVisible(rowA.getByText('Отримано'), 'the new notification as received in «Мої повідомлення»');

    // A second notification, sent through the API as the same reporter.
    const hromadas = await api<{ items: Array<{ id: string; nameUk: string }> }>(page, 'GET', '/api/v1/territories?level=hromada');
    const bucha = hromadas.items.find((h) => h.nameUk.includes('Буч'));
    if (!bucha) throw new Error('no Bucha hromada for the reporter');
    await api(page, 'POST', '/api/v1/notifications', {
      hromadaId: bucha.id,
      source: 'school',
      reporterOrganisation: 'Бучанський ліцей № 2',
      receivedAt: new Date().toISOString(),
      description: descriptionB,
      childFactors: ['divorce_behavioural_problems'],
      members: [{ role: 'child', relationship: 'син', person: { surname: surnameB, givenName: 'Тарас', patronymic: '', birthDate: '2012-01-20', sex: 'male' } }],
      openCase: false,
    });
    // The inbox is not theirs.
    await page.goto(`${baseUrl}/notifications/inbox`);
    await expectVisible(page.getByText('У вас немає права виконати цю дію.'), 'the refusal of the inbox for a reporter');
    await logout(page);

    // 2. The case manager of Bucha's CSS sees it in the inbox, opens it and registers it as a case.
    step('case manager registers it from the inbox');
    await login(page, baseUrl, 'cm.bucha');
    await nav(page).getByRole('link', { name: /^Вхідні повідомлення/ }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Вхідні повідомлення' }), 'the inbox');
    const inboxRowA = page.getByRole('row').filter({ hasText: surnameA });
    await expectVisible(inboxRowA, `the notification about ${surnameA} in the inbox`);
    await expectVisible(inboxRowA.getByText('Бучанський ліцей № 2'), 'the reporting organisation in the row');
    await expectVisible(inboxRowA.getByText(/^Підстава:/), 'the legal source of the term for considering it');
    await scan('inbox');
    await inboxRowA.getByRole('button', { name: /^Відкрити повідомлення від/ }).click();
    const panel = page.getByRole('region', { name: /^Повідомлення від/ });
    await expectVisible(panel.getByText(descriptionA), 'the whole notification');
    await expectVisible(panel.getByText('Литвиненко Світлана, класна керівниця'), 'the reporting person');
    await scan('inbox: notification');
    await expectVisible(panel.getByLabel('Тип випадку'), 'the case type');
    await panel.getByRole('button', { name: 'Зареєструвати випадок' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}/);
    await expectVisible(page.getByRole('heading', { level: 1, name: new RegExp(surnameA) }), 'the case page of the registered notification');

    // 3. The second one is declined with a reason.
    step('case manager declines the second one');
    await nav(page).getByRole('link', { name: /^Вхідні повідомлення/ }).click();
    const inboxRowB = page.getByRole('row').filter({ hasText: surnameB });
    await expectVisible(inboxRowB, `the notification about ${surnameB} in the inbox`);
    if ((await page.getByRole('row').filter({ hasText: surnameA }).count()) !== 0) throw new Error('a registered notification must leave the list of those waiting');
    await inboxRowB.getByRole('button', { name: /^Відкрити повідомлення від/ }).click();
    const panelB = page.getByRole('region', { name: /^Повідомлення від/ });
    await expectVisible(panelB.getByText(descriptionB), 'the second notification');
    await panelB.getByRole('button', { name: 'Відхилити повідомлення' }).click();
    await expectVisible(panelB.getByText('Зазначте причину відхилення.'), 'the missing reason');
    await panelB.getByRole('textbox', { name: /Причина відхилення/ }).fill(reason);
    await panelB.getByRole('button', { name: 'Відхилити повідомлення' }).click();
    await expectVisible(panelB.getByText('Повідомлення відхилено. Той, хто повідомив, бачить причину.'), 'the declined notice');
    await page.getByLabel('Показати').selectOption({ label: 'Відхилені' });
    await expectVisible(page.getByRole('row').filter({ hasText: surnameB }).getByText(reason, { exact: false }), 'the declined notification with its reason');
    await scan('inbox: declined');
    await logout(page);

    // 4. The reporter sees both decisions.
    step('reporter sees the decisions');
    await login(page, baseUrl, 'reporter.school');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Мої повідомлення' }), 'my notifications');
    await expectVisible(page.getByRole('row').filter({ hasText: 'голодною' }).filter({ hasText: tag }).getByText('Зареєстровано, відкрито випадок'), 'the registered status');
    const declinedRow = page.getByRole('row').filter({ hasText: descriptionB });
    await expectVisible(declinedRow.getByText('Відхилено', { exact: true }), 'the declined status');
    await expectVisible(declinedRow.getByText(`Причина відхилення: ${reason}`), 'the reason for declining');
    await scan('my notifications with decisions');
    await logout(page);

    // 5. Stryi's case manager does not see Bucha's notifications.
    step('another hromada sees nothing of Bucha');
    await login(page, baseUrl, 'cm.stryi');
    await nav(page).getByRole('link', { name: /^Вхідні повідомлення/ }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Вхідні повідомлення' }), 'the inbox of Stryi');
    await expectVisible(page.getByRole('table').or(page.getByText('Нерозглянутих повідомлень немає.')), 'the inbox list of Stryi');
    if ((await page.getByText(surnameA).count()) + (await page.getByText(surnameB).count()) !== 0) throw new Error('Stryi must not see Bucha’s notifications');
    await page.getByLabel('Показати').selectOption({ label: 'Відхилені' });
    await expectVisible(page.getByRole('table').or(page.getByText('Відхилених повідомлень немає.')), 'the declined list of Stryi');
    if ((await page.getByText(surnameB).count()) !== 0) throw new Error('Stryi must not see Bucha’s declined notification');
  });
}
