// Community planning in a real browser (SPEC §8): planner.bucha creates a targeted social programme, adds a SMART goal
// with an output indicator and a costed service (staff time × pay, ЄСВ, materials, overheads, recipients × units),
// sees the unit cost and the yearly budget computed, and exports the programme: the XLSX download answers the
// spreadsheet MIME type. The demo needs assessment shows the system's counts next to the entered figures; the planner
// enters a figure with its source, publishes the summary and finds it on the summaries page; edits the goal and enters a
// monitoring value (progress baseline → target). Axe on each screen.
import type { Locator, Page } from 'playwright-core';
import { expectVisible, inBrowser, login, randomCyrillic, step } from './support.ts';

export const name = 'community planning: programme with a SMART goal, an indicator and a costed service, unit cost and budget, XLSX export, with axe scans';

const label = (text: string) => new RegExp(`^${text.replace(/[()%,]/g, '\\$&')}( \\*)?$`);

async function fill(scope: Locator, text: string, value: string | number): Promise<void> {
  await scope.getByLabel(label(text)).fill(String(value));
}

async function pick(page: Page, scope: Locator, text: string, option: string | RegExp): Promise<void> {
  await scope.getByLabel(label(text)).click();
  await page.getByRole('option', { name: option }).first().click();
}

export async function runJourney(baseUrl: string): Promise<void> {
  await inBrowser('community-planning', async ({ page, scan }) => {
    const title = `Програма підтримки сімей ${randomCyrillic(6)}`;
    const year = new Date().getFullYear();

    step('planner.bucha opens community planning from the navigation');
    await login(page, baseUrl, 'planner.bucha');
    const nav = page.getByRole('navigation', { name: 'Основна навігація' });
    await nav.getByRole('link', { name: 'Планування громади' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Планування соціальних послуг громади' }), 'the planning page');
    await scan('community planning');

    step('the demo needs assessment shows the system count next to the entered figure');
    await page.getByRole('link', { name: /^Оцінка потреб громади у соціальних послугах/ }).first().click();
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Розбіжності між джерелами' }), 'the comparison');
    await expectVisible(page.getByRole('rowheader', { name: /облік ССД/ }).first(), 'the entered figure with its source');
    await scan('needs assessment');

    step('enters an administrative figure with its source, publishes the summary and opens it on the summaries page');
    const figure = `Сім’ї з дітьми, які повернулися з евакуації ${randomCyrillic(4)}`;
    await page.getByRole('button', { name: 'Змінити дані оцінки' }).click();
    await page.getByRole('button', { name: 'Додати показник' }).click();
    const added = page.getByRole('group', { name: 'Показник 4' });
    await added.getByLabel(label('Назва групи (що пораховано)')).fill(figure);
    await added.getByLabel(label('Кількість')).fill('27');
    await added.getByLabel(label('Джерело')).fill('Опитування старост громади');
    await added.getByLabel(label('Дата джерела')).fill(`15.10.${year}`);
    await added.getByLabel(label('Дата джерела')).press('Tab'); // closes the calendar
    await scan('needs assessment figures form');
    await page.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Зміни збережено.' }), 'the figures saved');
    await expectVisible(page.getByRole('rowheader', { name: figure }), 'the entered figure with its source');
    await page.getByRole('button', { name: 'Оприлюднити зведення' }).click();
    await page.getByRole('link', { name: 'Відкрити оприлюднене зведення' }).click();
    await expectVisible(page.getByRole('rowheader', { name: figure }), 'the figure in the published summary');
    await scan('published summary');
    await page.getByRole('link', { name: '← До оприлюднених оцінок потреб' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Оприлюднені оцінки потреб' }), 'the summaries page');
    await expectVisible(page.getByRole('link', { name: /^Оцінка потреб громади у соціальних послугах/ }).first(), 'the published assessment listed');
    await scan('published summaries');
    await nav.getByRole('link', { name: 'Планування громади' }).click();

    step('creates a programme');
    await page.getByRole('button', { name: 'Нова програма' }).click();
    await fill(page.locator('form'), 'Назва', title);
    await fill(page.locator('form'), 'З року', year);
    await fill(page.locator('form'), 'По рік', year + 2);
    await fill(page.locator('form'), 'Населення громади', 48000);
    await page.getByRole('button', { name: 'Створити' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: title }), 'the programme page');
    await scan('programme (empty)');

    step('adds a SMART goal with an output indicator');
    await page.getByRole('button', { name: 'Додати ціль' }).click();
    const goalForm = page.locator('form').first();
    await fill(goalForm, 'Ціль', 'Зменшити кількість дітей, розлучених із сім’ями');
    await fill(goalForm, 'Цільова група', 'сім’ї з дітьми у СЖО');
    await fill(goalForm, 'Обґрунтування (яку потребу розв’язує)', 'оцінка потреб громади');
    await fill(goalForm, 'Рік досягнення', year + 1);
    await pick(page, goalForm, 'Тип показника', 'продукту');
    await fill(goalForm, 'Показник', 'Сімей отримали соціальний супровід');
    await fill(goalForm, 'Одиниця', 'сімей');
    await fill(goalForm, 'Базове значення', 20);
    await fill(goalForm, 'Цільове значення', 40);
    await scan('goal form');
    await goalForm.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(page.getByRole('heading', { level: 3, name: 'Зменшити кількість дітей, розлучених із сім’ями' }), 'the goal');
    await expectVisible(page.getByText('Сімей отримали соціальний супровід', { exact: false }), 'the indicator');

    step('adds a costed service and sees the unit cost and the budget');
    await page.getByRole('button', { name: 'Додати послугу до розрахунку' }).click();
    const costForm = page.locator('form').first();
    await pick(page, costForm, 'Послуга', /^Соціальний супровід сімей, які перебувають/);
    await fill(costForm, 'Посада', 'Фахівець із соціальної роботи');
    await fill(costForm, 'Оплата праці на місяць, грн', 16800);
    await fill(costForm, 'Робочих годин на місяць', 168);
    await fill(costForm, 'Годин на одиницю послуги', 1.5);
    await fill(costForm, 'ЄСВ, %', 22);
    await fill(costForm, 'Матеріали на одиницю, грн', 17);
    await fill(costForm, 'Накладні: значення', 10);
    await fill(costForm, 'Очікувана кількість отримувачів на рік', 40);
    await fill(costForm, 'Одиниць на отримувача на рік', 12);
    await scan('costing form');
    await costForm.getByRole('button', { name: 'Зберегти' }).click();
    // 1.5 h × 16 800 / 168 × 1.22 = 183.00; + 17.00; + 10 % = 220.00; × 40 × 12 = 105 600.00.
    await expectVisible(page.getByTestId('unit-cost').filter({ hasText: /220,00/ }), 'the unit cost 220,00');
    await expectVisible(page.getByTestId('costing-budget').filter({ hasText: /105\s?600,00/ }), 'the budget 105 600,00');
    await expectVisible(page.getByTestId('programme-budget').filter({ hasText: /105\s?600,00/ }), 'the programme budget');
    await scan('programme with costing');

    step('edits the goal and enters a monitoring value of its indicator: progress from baseline to target');
    await page.getByRole('button', { name: 'Змінити: Зменшити кількість дітей, розлучених із сім’ями' }).click();
    await page.locator('form').first().getByLabel(label('Ціль')).fill('Зменшити кількість дітей, розлучених із сім’ями, удвічі');
    await page.locator('form').first().getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(page.getByRole('heading', { level: 3, name: 'Зменшити кількість дітей, розлучених із сім’ями, удвічі' }), 'the edited goal');
    await page.getByRole('button', { name: 'Внести фактичне значення: Сімей отримали соціальний супровід' }).click();
    const valueForm = page.getByRole('form', { name: 'Внести значення' });
    await valueForm.getByLabel(label('Фактичне значення')).fill('30');
    await scan('monitoring value form');
    await valueForm.getByRole('button', { name: 'Зберегти' }).click();
    // (30 − 20) / (40 − 20) = 50 %.
    await expectVisible(page.getByTestId('indicator-progress').filter({ hasText: `Фактично за ${year}: 30 · Виконання: 50 %` }), 'the progress 50 %');

    step('exports the programme to XLSX');
    const href = await page.getByRole('link', { name: 'Експорт у XLSX' }).getAttribute('href');
    if (!href) throw new Error('no export link');
    const res = await page.request.get(new URL(href, baseUrl).toString());
    if (res.status() !== 200) throw new Error(`export answered ${res.status()}`);
    const type = res.headers()['content-type'] ?? '';
    if (!type.includes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')) throw new Error(`export type ${type}`);
    const body = await res.body();
    if (body.subarray(0, 2).toString() !== 'PK') throw new Error('the export is not a spreadsheet (zip)');
  });
}
