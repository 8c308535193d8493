// The whole reintegration case in a real browser, every step through the screens (issue "must show"): cm.bucha registers
// a notification about a boy living in a children's home as a reintegration case, completes the needs assessment and the
// safety act, records the current institution placement; at family tracing records two tracing attempts and a verified,
// willing grandmother; completes the family assessment; agrees a plan; during implementation records a preparation
// activity; at reunification records the return home (the institution episode is closed the day before); at monitoring
// records a home visit with the child seen alone, sees the next visit due, and submits the quarterly plan report. The step
// tracker and the timeline are checked at each stage; axe scan of every screen.
import type { Page } from 'playwright-core';
import { agreePlan, completeNeedsAssessment, expectStep, expectTimeline, moveForward, openTab, registerNotification, settled, typeDate, type Family } from './70-prevention-case.e2e.ts';
import { expectVisible, inBrowser, kyivDatePlus, login, randomCyrillic, step, todayKyiv } from './support.ts';

const assessment: Array<[number, string]> = [[2, 'оцінювання потреб']];
const implementation: Array<[number, string]> = [[6, 'виконання індивідуального плану']];

/** dd.mm.yyyy → a comparable yyyy-mm-dd. */
const isoOf = (ddmmyyyy: string) => ddmmyyyy.split('.').reverse().join('-');

/** One tracing attempt through the family tab's form. */
async function tracingAttempt(page: Page, method: string, outcome: string, daysAgo: number, notes: string): Promise<void> {
  await page.getByRole('button', { name: 'Записати спробу пошуку' }).click();
  const form = page.getByRole('form', { name: 'Нова спроба пошуку' });
  await form.getByLabel('Кого шукали (прізвище, ім’я)').fill('Мороз Галина');
  await form.getByLabel('Ким доводиться дитині').fill('бабуся');
  await form.getByLabel('Спосіб пошуку').selectOption({ label: method });
  await typeDate(form, 'Дата спроби', kyivDatePlus(-daysAgo));
  await form.getByLabel('Результат').selectOption({ label: outcome });
  await form.getByLabel('Примітки').fill(notes);
  await form.getByRole('button', { name: 'Зберегти' }).click();
  await expectVisible(page.getByText('Спробу пошуку записано.'), 'the recorded tracing attempt');
}

export const name = 'reintegration case: tracing, family assessment, return home from an institution and monitoring, all through the UI';

export async function runJourney(baseUrl: string): Promise<void> {
  await inBrowser('reintegration-case', async ({ page, scan: axe }) => {
    const scan = async (what: string) => {
      await settled(page);
      await axe(what);
    };
    const f: Family = { surname: `Повертайло${randomCyrillic(5)}`, child: ['Артем', 'Ігорович', '17.02.2013', 'Чоловіча', 'син'], adult: ['Ірина', 'Миколаївна', '30.06.1987', 'Жіноча', 'мати'] };
    const childName = `${f.surname} ${f.child[0]} ${f.child[1]}`;

    step('cm.bucha registers a reintegration case through the intake form');
    await login(page, baseUrl, 'cm.bucha');
    const { caseId } = await registerNotification(page, f, { organisation: 'Бучанський дитячий будинок', description: 'Хлопчик два місяці у дитячому будинку; мати просить допомогти повернути сина додому.', caseType: 'Реінтеграція в сім’ю' });
    await expectVisible(page.getByText('Реінтеграція в сім’ю', { exact: true }), 'the reintegration case type');
    await expectStep(page, 'Оцінювання потреб дитини', assessment);
    await expectVisible(page.getByRole('tab', { name: 'Пошук і оцінка родини' }), 'the family tab of a reintegration case');
    await scan('case page (new reintegration case)');

    step('needs assessment; the case moves on to family tracing');
    await completeNeedsAssessment(page, f, scan);
    await expectStep(page, 'Пошук сім’ї та родичів', assessment);

    step('safety act');
    const safety = page.getByRole('region', { name: 'Оцінка рівня безпеки дитини' });
    await safety.getByRole('button', { name: 'Розпочати оцінку безпеки' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Оцінка рівня безпеки дитини' }), 'the safety act');
    await scan('safety act');
    await page.getByLabel('Статус дитини').selectOption({ label: 'Дитина проживає з батьками (батьківське піклування є)' });
    await page.getByLabel('Документ, що посвідчує особу дитини').selectOption({ label: 'Свідоцтво про народження' });
    await page.getByLabel('Серія та номер документа').fill('I-ОК 654321');
    await page.getByRole('button', { name: 'Додати особу' }).click();
    const carer = page.getByRole('group', { name: 'Особа 1' });
    await carer.getByLabel('Прізвище, ім’я, по батькові').fill(`${f.surname} ${f.adult[0]} ${f.adult[1]}`);
    await carer.getByLabel('Ким доводиться дитині').fill('мати');
    await carer.getByRole('checkbox', { name: 'Присутній(я) під час оцінки' }).check();
    await page.getByRole('radio', { name: 'Умовно безпечний' }).check();
    await page.getByLabel('Виявлені загрози життю або здоров’ю дитини та обставини').fill('Загроз не виявлено; мати не має стабільного доходу.');
    await page.getByRole('button', { name: 'Завершити акт' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Завершити акт' }).click();
    await page.waitForURL((u) => u.pathname === `/cases/${caseId}` && u.searchParams.get('tab') === 'assessment', { timeout: 20_000 });
    await expectVisible(safety.getByText('Завершено', { exact: true }), 'the completed safety act');

    step('care tab: the current institution placement');
    await openTab(page, 'Догляд і влаштування');
    const childCare = page.getByRole('region', { name: `Дитина: ${childName}` });
    await expectVisible(childCare.getByText('Поточну форму догляду не записано.'), 'no current care arrangement yet');
    await scan('care tab (empty)');
    await childCare.getByRole('button', { name: 'Записати нове влаштування' }).click();
    let placement = childCare.getByRole('form');
    await placement.getByLabel('Форма догляду').selectOption({ label: 'Заклад інституційного догляду' });
    await typeDate(placement, 'Дата початку', kyivDatePlus(-60));
    // The institution comes from the register (demo: the Bucha baby home), which fills its type, subordination and name.
    const institutionName = 'Комунальний заклад «Бучанський обласний спеціалізований будинок дитини»';
    await placement.getByLabel('Заклад із реєстру').click();
    await page.getByRole('option', { name: institutionName }).click();
    if ((await placement.getByLabel('Назва закладу').inputValue()) !== institutionName) throw new Error('the institution picked from the register did not fill its name');
    await placement.getByLabel('Підстава (причина) влаштування').fill('Тимчасове влаштування через безробіття матері');
    await placement.getByLabel('Орган, що ухвалив рішення').fill('Служба у справах дітей Бучанської міської ради');
    await placement.getByLabel('Номер рішення').fill('12-р');
    await scan('care tab: institution placement form');
    await placement.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(childCare.getByText(`Заклад інституційного догляду: ${institutionName}`, { exact: false }).filter({ hasText: `з ${kyivDatePlus(-60)}` }), 'the current institution placement, picked from the register');

    step('family tracing: two attempts and a verified, willing relative');
    await openTab(page, 'Пошук і оцінка родини');
    await scan('family tab (empty)');
    await tracingAttempt(page, 'Розпитування в громаді', 'Є зачіпка', 12, 'Сусіди кажуть, що бабуся живе в Ворзелі.');
    await tracingAttempt(page, 'Запит до іншого органу чи організації', 'Знайдено', 4, 'Адресу підтвердив староста Ворзеля.');
    const attempts = page.getByRole('table', { name: 'Спроби пошуку сім’ї та родичів, від найновіших' });
    if ((await attempts.getByRole('row').count()) !== 3) throw new Error('expected two tracing attempts in the table');
    await page.getByRole('button', { name: 'Додати родича' }).click();
    const rel = page.getByRole('form', { name: 'Новий родич' });
    await rel.getByLabel('Прізвище').fill('Мороз');
    await rel.getByRole('textbox', { name: 'Ім’я', exact: true }).fill('Галина');
    await rel.getByLabel('По батькові').fill('Петрівна');
    await typeDate(rel, 'Дата народження', '03.03.1961');
    await rel.getByRole('radio', { name: 'Жіноча' }).check();
    await rel.getByLabel('Ким доводиться дитині').selectOption({ label: 'Бабуся' });
    await rel.getByLabel('Адреса, телефон').fill('смт Ворзель, +380 67 765 43 21');
    await rel.getByRole('checkbox', { name: 'Спорідненість перевірено' }).check();
    await rel.getByLabel('Спосіб перевірки').selectOption({ label: 'Документи (свідоцтва, паспорт)' });
    await rel.getByRole('radio', { name: 'Готовий(а)', exact: true }).check();
    await rel.getByRole('radio', { name: 'Спроможний(а) за підтримки' }).check();
    await scan('relative form');
    await rel.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(page.getByText('Відомості про родича збережено.'), 'the saved relative');
    const relRow = page.getByRole('table', { name: 'Знайдені родичі дитини' }).getByRole('row').filter({ hasText: 'Мороз Галина Петрівна' });
    await expectVisible(relRow.getByText(/^так, \d{2}\.\d{2}\.\d{4}$/), 'the relative verified');
    await expectVisible(relRow.getByText('Готовий(а)', { exact: true }), 'the relative willing');

    step('family assessment');
    await moveForward(page, 'Оцінювання сім’ї', assessment);
    await page.getByRole('button', { name: 'Розпочати оцінювання сім’ї' }).click();
    await page.getByLabel('Чинники ризику').fill('Безробіття матері в минулому.');
    await page.getByLabel('Чинники захисту').fill('Бабуся поруч і готова допомагати.');
    await page.getByLabel('Сильні сторони та стійкість сім’ї').fill('Тісний зв’язок матері й сина, щотижневі побачення.');
    await page.getByLabel('Погляд сім’ї на причини розлучення з дитиною').fill('Мати втратила роботу й житло і не впоралася сама.');
    await page.getByLabel('Думка дитини', { exact: true }).fill('Хоче жити вдома з мамою.');
    await page.getByRole('radio', { name: 'Частково готова' }).check();
    await page.getByRole('radio', { name: 'Спроможна за підтримки' }).check();
    await page.getByLabel('Соціально-економічне становище').fill('Мати працює, орендує двокімнатну квартиру.');
    await scan('family assessment form');
    await page.getByRole('button', { name: 'Завершити оцінювання сім’ї' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Завершити оцінювання сім’ї' }).click();
    await expectVisible(page.getByRole('region', { name: 'Оцінювання сім’ї' }).getByText('Завершено', { exact: true }), 'the completed family assessment');
    await expectTimeline(page, ['Записано спробу пошуку родини', 'Додано родича', 'Оцінювання сім’ї завершено', 'Розпочато період догляду (влаштування)', 'Оцінку рівня безпеки дитини завершено', 'Змінено крок: «Пошук сім’ї та родичів» → «Оцінювання сім’ї»'], 'Огляд');

    step('planning: a plan agreed with the family');
    await moveForward(page, 'Планування', [[3, 'рішення про надання соціальних послуг'], [4, 'індивідуальний план'], [5, 'договір між отримувачем і надавачем']]);
    await agreePlan(page, caseId, f, { domain: "Прив'язаність і сімейні стосунки (дитина)", text: 'Артем повертається додому до мами', action: 'Поступові зустрічі й пробні перебування вдома' });

    step('implementation: a preparation activity');
    await moveForward(page, 'Виконання плану', implementation);
    await openTab(page, 'Догляд і влаштування');
    await page.getByRole('button', { name: 'Записати захід підготовки' }).click();
    const prep = page.getByRole('form', { name: 'Новий захід підготовки' });
    await prep.getByRole('combobox', { name: 'Захід', exact: true }).selectOption({ label: 'Пробне перебування вдома' });
    await prep.getByLabel('Кого стосується').selectOption({ label: childName });
    await prep.getByLabel('Хто проводив (прізвище, ім’я, посада)').fill('Коваленко Олена, фахівчиня ЦНСП');
    await prep.getByLabel('Примітки').fill('Вихідні вдома минули спокійно.');
    await scan('preparation activity form');
    await prep.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(page.getByText('Захід підготовки записано.'), 'the recorded preparation activity');

    step('reunification: the return home closes the institution episode');
    await moveForward(page, 'Возз’єднання / влаштування', implementation);
    await childCare.getByRole('button', { name: 'Записати нове влаштування' }).click();
    placement = childCare.getByRole('form');
    await expectVisible(placement.getByText(/Поточний період \(Заклад інституційного догляду, з \d{2}\.\d{2}\.\d{4}\) буде автоматично завершено/), 'the notice that the institution episode is closed');
    await placement.getByLabel('Форма догляду').selectOption({ label: 'Власна (біологічна) сім’я' });
    await placement.getByLabel('Підстава (причина) влаштування').fill('Повернення в сім’ю за результатами оцінювання сім’ї');
    await placement.getByLabel('Орган, що ухвалив рішення').fill('Орган опіки та піклування Бучанської міської ради');
    await placement.getByLabel('Номер рішення').fill('81');
    await placement.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(childCare.getByText(`Влаштування записано; попередній період завершено ${kyivDatePlus(-1)}.`), 'the return home recorded, the institution closed');
    const history = childCare.getByRole('table');
    await expectVisible(history.getByRole('row').nth(1).getByText('Власна (біологічна) сім’я'), 'the return home first in the history');
    await expectVisible(history.getByRole('row').nth(2).getByText(`${kyivDatePlus(-60)} — ${kyivDatePlus(-1)}`), 'the institution episode closed the day before');
    await scan('care tab (returned home)');

    step('monitoring: a home visit with the child seen alone, the next visit due, a quarterly report');
    await moveForward(page, 'Моніторинг', [[7, 'моніторинг надання та якості послуг']]);
    await openTab(page, 'Супровід');
    await page.getByRole('link', { name: 'Записати відвідування' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Відвідування сім’ї' }), 'the home visit form');
    await page.getByRole('checkbox', { name: new RegExp(`^${f.surname} ${f.child[0]}`) }).check();
    await page.getByRole('checkbox', { name: new RegExp(`^${f.surname} ${f.adult[0]}`) }).check();
    await page.getByRole('radiogroup', { name: /^Дитину бачили наодинці/ }).getByRole('radio', { name: 'Так' }).check();
    await page.getByRole('textbox', { name: /^Спостереження/ }).fill('Артем має свою кімнату, ходить до школи поруч із домом.');
    await scan('home visit form');
    await page.getByRole('button', { name: 'Зберегти відвідування' }).click();
    await expectVisible(page.getByText('Артем має свою кімнату', { exact: false }), 'the recorded visit');
    await expectVisible(page.getByText('Дитину бачили наодинці: Так'), 'the child seen alone');
    const visits = page.getByRole('region', { name: 'Відвідування' });
    await expectVisible(visits.getByText('Наступне відвідування за графіком моніторингу'), 'the next visit by the schedule');
    const due = /до (\d{2}\.\d{2}\.\d{4})/.exec(await visits.getByText(/^до \d{2}\.\d{2}\.\d{4}$/).first().innerText())?.[1] ?? '';
    if (!(isoOf(due) > isoOf(todayKyiv()))) throw new Error(`the next visit should be due after today, it reads «${due}»`);
    await page.getByRole('button', { name: 'Подати квартальний звіт' }).click();
    const dialog = page.getByRole('dialog');
    const statuses = dialog.getByLabel(/^Стан виконання/);
    for (let i = 0; i < (await statuses.count()); i += 1) await statuses.nth(i).selectOption({ label: 'Виконується' });
    await scan('quarterly report dialog');
    await dialog.getByRole('button', { name: 'Подати звіт' }).click();
    await expectVisible(page.getByText('Виконується за планом'), 'the submitted quarterly report');
    await scan('work tab (monitoring)');
    await expectStep(page, 'Моніторинг', [[7, 'моніторинг надання та якості послуг']]);
    await expectTimeline(
      page,
      ['Записано захід підготовки до повернення в сім’ю (влаштування)', 'Завершено період догляду', 'Змінено крок: «Возз’єднання / влаштування» → «Моніторинг»', 'Проведено відвідування', 'Подано квартальний звіт про виконання індивідуального плану', 'Сім’я погодила план соціального супроводу'],
      'Огляд',
    );
    await scan('timeline (reintegration)');
  });
}
