// The reintegration journey in a real browser: cm.bucha registers a reintegration case through the intake form, fills
// in the child safety-assessment act (first refused: unsafe without an immediate action), records two tracing attempts,
// a verified and willing relative, the family assessment and a preparation activity, then the child's return home in
// the care tab — the history shows the earlier institution closed. A user of another hromada (cm.stryi) gets "not found
// or no access" for the act. axe scan of every screen.
import type { Locator, Page } from 'playwright-core';
import { expectVisible, inBrowser, kyivDatePlus, login, logout, randomCyrillic, step } from './support.ts';

const isoOf = (ddmmyyyy: string) => ddmmyyyy.split('.').reverse().join('-');

/** An API call with the browser's session cookie and the CSRF header the web client sends. */
async function api<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(new URL(path, page.url()).toString(), { method, headers: method === 'GET' ? {} : { 'X-Requested-With': 'rodyna' }, ...(data === undefined ? {} : { data }) });
  if (!res.ok()) throw new Error(`${method} ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Types a date into a labelled date field inside `scope` and closes its picker. */
async function typeDate(scope: Locator, label: string, value: string): Promise<void> {
  const field = scope.getByLabel(label);
  await field.fill(value);
  await field.press('Escape');
}

export const name = 'reintegration: safety act → tracing → family assessment → return home, with axe scans';

export async function runJourney(baseUrl: string): Promise<void> {
  await inBrowser('family', async ({ page, scan }) => {
    const surname = `Повернюк${randomCyrillic(5)}`;
    await login(page, baseUrl, 'cm.bucha');

    // 1. Intake: a reintegration case through the form.
    step('intake of a reintegration case');
    await page.getByRole('navigation', { name: 'Основна навігація' }).getByRole('link', { name: 'Нове повідомлення' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Нове повідомлення' }), 'the intake form');
    await page.getByLabel('Джерело інформації').selectOption({ label: 'Заклад освіти' });
    await page.getByLabel('Організація, що повідомила').fill('Бучанський дитячий будинок');
    const child = page.getByRole('region', { name: 'Дитина 1' });
    await child.getByLabel('Прізвище').fill(surname);
    await child.getByRole('textbox', { name: 'Ім’я', exact: true }).fill('Дмитро');
    await child.getByLabel('По батькові').fill('Олегович');
    await child.getByLabel('Дата народження').fill('04.05.2015');
    await child.getByLabel('Дата народження').press('Escape');
    await child.getByRole('radio', { name: 'Чоловіча' }).check();
    await child.getByLabel('Родинний зв’язок').fill('син');
    await page.getByRole('button', { name: 'Додати дорослого' }).click();
    const adult = page.getByRole('region', { name: 'Дорослий 1' });
    await adult.getByLabel('Прізвище').fill(surname);
    await adult.getByRole('textbox', { name: 'Ім’я', exact: true }).fill('Оксана');
    await adult.getByLabel('По батькові').fill('Іванівна');
    await adult.getByLabel('Дата народження').fill('12.08.1988');
    await adult.getByLabel('Дата народження').press('Escape');
    await adult.getByRole('radio', { name: 'Жіноча' }).check();
    await adult.getByLabel('Родинний зв’язок').fill('мати');
    await page.getByLabel('Опис ситуації').fill('Дитина понад рік у закладі; мати просить допомогти повернути сина додому.');
    await page.getByRole('checkbox', { name: 'Безробіття' }).check();
    await page.getByLabel('Тип випадку').selectOption({ label: 'Реінтеграція в сім’ю' });
    await page.getByRole('button', { name: 'Зареєструвати повідомлення' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}/, { timeout: 20_000 });
    const caseId = /\/cases\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    await expectVisible(page.getByRole('heading', { level: 1, name: new RegExp(surname) }), 'the new case page');

    // The child has lived in an institution since two months ago (recorded through the API; the return home is the UI's).
    const detail = await api<{ members: Array<{ personId: string; role: string }> }>(page, 'GET', `/api/v1/cases/${caseId}`);
    const childId = detail.members.find((m) => m.role === 'child')?.personId ?? '';
    await api(page, 'POST', `/api/v1/cases/${caseId}/care-episodes`, {
      personId: childId,
      careType: 'institution',
      institutionType: 'children_home',
      institutionSubordination: 'education',
      institutionName: 'Бучанський дитячий будинок',
      startDate: isoOf(kyivDatePlus(-60)),
      reason: 'Тимчасове влаштування через безробіття матері',
      decidingAuthority: 'Служба у справах дітей Бучанської міської ради',
      decisionNumber: '12-р',
      decisionDate: isoOf(kyivDatePlus(-61)),
    });

    // 2. Safety act: started from the assessment tab, refused while unsafe without an immediate action, then completed.
    step('safety assessment act');
    await page.getByRole('tab', { name: 'Оцінювання' }).click();
    const safety = page.getByRole('region', { name: 'Оцінка рівня безпеки дитини' });
    await expectVisible(safety.getByText('Акт оцінки рівня безпеки ще не складено.'), 'the empty safety section');
    await safety.getByRole('button', { name: 'Розпочати оцінку безпеки' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Оцінка рівня безпеки дитини' }), 'the safety act page');
    await scan('safety act');
    await page.getByLabel('Статус дитини').selectOption({ label: 'Дитина проживає з батьками (батьківське піклування є)' });
    await page.getByLabel('Документ, що посвідчує особу дитини').selectOption({ label: 'Свідоцтво про народження' });
    await page.getByLabel('Серія та номер документа').fill('I-ОК 123456');
    await page.getByRole('button', { name: 'Додати особу' }).click();
    const carer = page.getByRole('group', { name: 'Особа 1' });
    await carer.getByLabel('Прізвище, ім’я, по батькові').fill(`${surname} Оксана Іванівна`);
    await carer.getByLabel('Ким доводиться дитині').fill('мати');
    await carer.getByRole('checkbox', { name: 'Присутній(я) під час оцінки' }).check();
    await page.getByRole('radio', { name: 'Небезпечний — є загроза життю або здоров’ю' }).check();
    await page.getByLabel('Виявлені загрози життю або здоров’ю дитини та обставини').fill('Під час побачення мати була в стані сп’яніння.');
    await page.getByRole('checkbox', { name: 'Служба у справах дітей' }).check();
    await page.getByRole('checkbox', { name: 'Національна поліція' }).check();
    await page.getByRole('button', { name: 'Зберегти чернетку' }).click();
    await expectVisible(page.getByText(/Чернетку збережено о/), 'the saved draft');
    await page.getByRole('button', { name: 'Завершити акт' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Завершити акт' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Акт не можна завершити' });
    await expectVisible(refusal, 'the refusal to complete an unsafe act without an immediate action');
    await expectVisible(refusal.getByRole('button', { name: 'невідкладний захід — дитина в небезпеці' }), 'the missing immediate action, linked');
    await scan('safety act: refusal');
    await page.getByRole('button', { name: 'Записати невідкладний захід' }).click();
    await page.getByRole('form', { name: 'Новий невідкладний захід' }).getByRole('combobox', { name: 'Захід', exact: true }).selectOption({ label: 'Повідомлено Національну поліцію' });
    await page.getByLabel('Хто вжив захід (прізвище, ім’я, посада)').fill('Ковальчук Ігор, інспектор ювенальної превенції');
    await page.getByLabel('Організація').fill('Бучанське РУП');
    await page.getByRole('form', { name: 'Новий невідкладний захід' }).getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(page.getByText('Невідкладний захід записано.'), 'the recorded immediate action');
    await expectVisible(page.getByRole('cell', { name: /Ковальчук Ігор/ }), 'who took the action');
    await page.getByRole('button', { name: 'Завершити акт' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Завершити акт' }).click();
    await page.waitForURL((u) => u.pathname === `/cases/${caseId}` && u.searchParams.get('tab') === 'assessment', { timeout: 20_000 });
    await expectVisible(safety.getByText('Завершено', { exact: true }), 'the completed act on the case page');
    await expectVisible(safety.getByText('Повідомлено Національну поліцію'), 'the immediate action on the case page');
    await expectVisible(safety.getByRole('link', { name: 'Друкувати (PDF)' }), 'the PDF link');
    await scan('case: assessment tab');

    // 3. Family tab: two tracing attempts, a relative (verified, willing), the family assessment.
    step('family tracing');
    await page.getByRole('tab', { name: 'Пошук і оцінка родини' }).click();
    await expectVisible(page.getByText('Спроб пошуку ще не записано.', { exact: false }), 'the empty tracing attempts');
    await scan('family tab: empty');
    const attempt = async (who: string, method: string, outcome: string, daysAgo: number, notes: string) => {
      await page.getByRole('button', { name: 'Записати спробу пошуку' }).click();
      const form = page.getByRole('form', { name: 'Нова спроба пошуку' });
      await form.getByLabel('Кого шукали (прізвище, ім’я)').fill(who);
      await form.getByLabel('Ким доводиться дитині').fill('бабуся');
      await form.getByLabel('Спосіб пошуку').selectOption({ label: method });
      await typeDate(form, 'Дата спроби', kyivDatePlus(-daysAgo));
      await form.getByLabel('Результат').selectOption({ label: outcome });
      await form.getByLabel('Примітки').fill(notes);
      await form.getByRole('button', { name: 'Зберегти' }).click();
      await expectVisible(page.getByText('Спробу пошуку записано.'), 'the recorded attempt');
    };
    await attempt('Гнатюк Марія', 'Розпитування в громаді', 'Є зачіпка', 10, 'Сусіди кажуть, що бабуся живе в Ірпені.');
    await attempt('Гнатюк Марія', 'Запит до іншого органу чи організації', 'Знайдено', 3, 'Адресу підтвердив ЦНСП Ірпеня.');
    const attempts = page.getByRole('table', { name: 'Спроби пошуку сім’ї та родичів, від найновіших' });
    if ((await attempts.getByRole('row').count()) !== 3) throw new Error('expected two tracing attempts in the table');
    await expectVisible(attempts.getByRole('row').nth(1).getByText('Знайдено'), 'the newest attempt first');

    step('relative');
    await page.getByRole('button', { name: 'Додати родича' }).click();
    const rel = page.getByRole('form', { name: 'Новий родич' });
    await rel.getByLabel('Прізвище').fill('Гнатюк');
    await rel.getByRole('textbox', { name: 'Ім’я', exact: true }).fill('Марія');
    await rel.getByLabel('По батькові').fill('Степанівна');
    await typeDate(rel, 'Дата народження', '02.02.1960');
    await rel.getByRole('radio', { name: 'Жіноча' }).check();
    await rel.getByLabel('Ким доводиться дитині').selectOption({ label: 'Бабуся' });
    await rel.getByLabel('Адреса, телефон').fill('м. Ірпінь, +380 67 123 45 67');
    await rel.getByRole('checkbox', { name: 'Спорідненість перевірено' }).check();
    await rel.getByLabel('Спосіб перевірки').selectOption({ label: 'Документи (свідоцтва, паспорт)' });
    await rel.getByRole('radio', { name: 'Готовий(а)', exact: true }).check();
    await rel.getByRole('radio', { name: 'Спроможний(а) за підтримки' }).check();
    await rel.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(page.getByText('Відомості про родича збережено.'), 'the saved relative');
    const relRow = page.getByRole('table', { name: 'Знайдені родичі дитини' }).getByRole('row').filter({ hasText: 'Гнатюк Марія Степанівна' });
    await expectVisible(relRow.getByText(/^так, \d{2}\.\d{2}\.\d{4}$/), 'the relative verified');
    await expectVisible(relRow.getByText('Готовий(а)', { exact: true }), 'the relative willing');

    step('family assessment');
    await page.getByRole('button', { name: 'Розпочати оцінювання сім’ї' }).click();
    await page.getByLabel('Чинники ризику').fill('Безробіття матері, епізоди вживання алкоголю в минулому.');
    await page.getByLabel('Чинники захисту').fill('Бабуся поруч і готова допомагати; мати відвідує групу підтримки.');
    await page.getByLabel('Сильні сторони та стійкість сім’ї').fill('Тісний зв’язок матері й сина, регулярні побачення.');
    await page.getByLabel('Погляд сім’ї на причини розлучення з дитиною').fill('Мати вважає, що втратила роботу й не впоралася сама.');
    await page.getByRole('radio', { name: 'Частково готова' }).check();
    await page.getByRole('radio', { name: 'Спроможна за підтримки' }).check();
    await page.getByLabel('Соціально-економічне становище').fill('Мати влаштувалася на роботу, орендує двокімнатну квартиру.');
    await page.getByRole('button', { name: 'Зберегти чернетку' }).click();
    await expectVisible(page.getByText('Чернетку оцінювання сім’ї збережено.'), 'the saved family assessment draft');
    await page.getByRole('button', { name: 'Завершити оцінювання сім’ї' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Завершити оцінювання сім’ї' }).click();
    const faMissing = page.getByRole('alert').filter({ hasText: 'Оцінювання не можна завершити' });
    await expectVisible(faMissing.getByRole('button', { name: 'Думка дитини' }), 'the missing child’s views, linked');
    await faMissing.getByRole('button', { name: 'Думка дитини' }).click();
    await page.getByLabel('Думка дитини', { exact: true }).fill('Хоче жити вдома з мамою і бачитися з бабусею.');
    await page.getByRole('button', { name: 'Завершити оцінювання сім’ї' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Завершити оцінювання сім’ї' }).click();
    const fa = page.getByRole('region', { name: 'Оцінювання сім’ї' });
    await expectVisible(fa.getByText('Завершено', { exact: true }), 'the completed family assessment');
    await expectVisible(fa.getByText('Хоче жити вдома з мамою', { exact: false }), 'the family assessment shown read-only');
    await scan('family tab');

    // 4. Care tab: preparation activity, then the return home closes the institution episode.
    step('care tab');
    await page.getByRole('tab', { name: 'Догляд і влаштування' }).click();
    const childCare = page.getByRole('region', { name: new RegExp(`Дитина: ${surname}`) });
    await expectVisible(childCare.getByText(/Заклад інституційного догляду: Бучанський дитячий будинок/).first(), 'the current institution');
    await page.getByRole('button', { name: 'Записати захід підготовки' }).click();
    const prep = page.getByRole('form', { name: 'Новий захід підготовки' });
    await prep.getByRole('combobox', { name: 'Захід', exact: true }).selectOption({ label: 'Пробне перебування вдома' });
    await prep.getByLabel('Кого стосується').selectOption({ label: `${surname} Дмитро Олегович` });
    await prep.getByLabel('Хто проводив (прізвище, ім’я, посада)').fill('Коваль Олена, фахівчиня ЦНСП');
    await prep.getByLabel('Примітки').fill('Вихідні вдома пройшли спокійно.');
    await prep.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(page.getByText('Захід підготовки записано.'), 'the recorded preparation activity');
    await childCare.getByRole('button', { name: 'Записати нове влаштування' }).click();
    const placement = childCare.getByRole('form');
    await expectVisible(placement.getByText(/буде автоматично завершено днем, що передує даті початку нового/), 'the explanation that the current episode is closed');
    await scan('care tab: placement form');
    await placement.getByLabel('Форма догляду').selectOption({ label: 'Власна (біологічна) сім’я' });
    await placement.getByLabel('Підстава (причина) влаштування').fill('Повернення в сім’ю за результатами оцінювання сім’ї');
    await placement.getByLabel('Орган, що ухвалив рішення').fill('Орган опіки та піклування Бучанської міської ради');
    await placement.getByLabel('Номер рішення').fill('77');
    await placement.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(childCare.getByText(/Влаштування записано; попередній період завершено \d{2}\.\d{2}\.\d{4}/), 'the placement recorded and the old one closed');
    const history = childCare.getByRole('table');
    await expectVisible(history.getByRole('row').nth(1).getByText('Власна (біологічна) сім’я'), 'the return home first in the history');
    await expectVisible(history.getByRole('row').nth(2).getByText(`${kyivDatePlus(-60)} — ${kyivDatePlus(-1)}`), 'the institution closed the day before');
    await scan('care tab');

    // 5. Someone from another hromada does not see the act.
    step('out of scope');
    await logout(page);
    await login(page, baseUrl, 'cm.stryi');
    await page.goto(`${baseUrl}/cases/${caseId}/safety-act`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Не знайдено або немає доступу' }), 'not found or no access for cm.stryi');
  });
}
