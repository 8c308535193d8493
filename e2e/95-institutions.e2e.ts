// Institutions and their transformation in a real browser (SPEC §6): the oblast coordinator of Kyiv oblast adds an
// institution to the register, records the children living there (refused first when the numbers do not add up),
// draws up a transformation plan with two milestones and marks one done (50 %), records a first-time admission; the
// national analyst finds it in the register and in the first-time admissions by month; a case manager of Stryi and a
// provider worker have no «Заклади» in their navigation. Axe on each screen.
import type { Locator, Page } from 'playwright-core';
import { expectVisible, inBrowser, kyivDatePlus, login, logout, randomCyrillic, step, todayKyiv } from './support.ts';

export const name = 'institutions: register, children counts, transformation plan with progress, first-time admissions, with axe scans';

/** Picks an option of a select in the scope (the label may carry the required asterisk). */
async function pick(page: Page, scope: Locator, label: string, option: string | RegExp): Promise<void> {
  await scope.getByLabel(new RegExp(`^${label}( \\*)?$`)).click();
  await page.getByRole('option', { name: option }).first().click();
}

async function fillNumber(scope: Locator, label: string, value: number): Promise<void> {
  await scope.getByLabel(new RegExp(`^${label}( \\*)?$`)).fill(String(value));
}

async function fillDate(scope: Locator, label: string, value: string): Promise<void> {
  const input = scope.getByLabel(new RegExp(`^${label.replace(/[()]/g, '\\$&')}( \\*)?$`));
  await input.fill(value);
  await input.press('Tab');
}

export async function runJourney(baseUrl: string): Promise<void> {
  await inBrowser('institutions', async ({ page, scan }) => {
    const title = `Дитячий будинок «${randomCyrillic(6)}»`;
    const firstMilestone = `Оцінка потреб дітей ${randomCyrillic(4)}`;
    const secondMilestone = `Переведення дітей у сімейні форми ${randomCyrillic(4)}`;

    step('coord.kyiv opens the register from the navigation');
    await login(page, baseUrl, 'coord.kyiv');
    const nav = page.getByRole('navigation', { name: 'Основна навігація' });
    await nav.getByRole('link', { name: 'Заклади' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Заклади інституційного догляду' }), 'the register page');
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Влаштування вперше за місяцями' }), 'first-time admissions by month');
    await scan('institutions register');

    step('adds an institution in Kyiv oblast');
    await page.getByRole('button', { name: 'Додати заклад' }).click();
    const form = page.getByRole('dialog', { name: 'Новий заклад' });
    await expectVisible(form, 'the institution form');
    await form.getByLabel(/^Назва українською/).fill(title);
    await pick(page, form, 'Тип закладу', 'Дитячий будинок');
    await pick(page, form, 'Підпорядкування', /^Мінсоцполітики/);
    await pick(page, form, 'Форма власності', 'Комунальна');
    await pick(page, form, 'Засновник \\(рівень\\)', 'Обласний рівень');
    await fillNumber(form, 'Кількість місць', 40);
    await pick(page, form, 'Область', 'Київська область');
    await pick(page, form, 'Громада', /^Бучанська/);
    await scan('institution form');
    await form.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: title }), 'the new institution page');
    await expectVisible(page.getByText('Бучанська міська територіальна громада, Київська область'), 'the place');

    step('records the children living there; numbers that do not add up are refused');
    await page.getByRole('button', { name: 'Внести облік дітей' }).click();
    const counts = page.getByRole('dialog', { name: 'Облік дітей на дату' });
    await expectVisible(counts, 'the count form');
    await fillNumber(counts, 'Усього дітей', 6);
    await fillNumber(counts, '3–5 років', 2);
    await fillNumber(counts, '6–10 років', 3);
    await fillNumber(counts, 'Діти-сироти', 1);
    await fillNumber(counts, 'Діти, позбавлені батьківського піклування', 2);
    await fillNumber(counts, 'Влаштовані за заявою батьків', 2);
    await fillNumber(counts, 'З інвалідністю', 1);
    await counts.getByRole('button', { name: 'Зберегти облік' }).click();
    await expectVisible(counts.getByText('Сума за віком не дорівнює загальній кількості дітей.'), 'the refusal naming what does not add up');
    await scan('children count form');
    await fillNumber(counts, 'Усього дітей', 5);
    await counts.getByRole('button', { name: 'Зберегти облік' }).click();
    const countsTable = page.getByRole('table', { name: 'Облік дітей у закладі за датами, від найновішого' });
    await expectVisible(countsTable.getByRole('row', { name: new RegExp(`^${todayKyiv().replace(/\./g, '\\.')} 5 `) }), 'the count in the history');

    step('draws up a transformation plan with two milestones');
    await page.getByRole('button', { name: 'Скласти план трансформації' }).click();
    const plan = page.getByRole('dialog', { name: 'План трансформації' });
    await expectVisible(plan, 'the plan form');
    await pick(page, plan, 'Цільовий профіль', 'Сімейні форми виховання');
    await plan.getByRole('button', { name: 'Додати етап' }).click();
    await plan.getByLabel(/^Назва етапу 1/).fill(firstMilestone);
    await fillDate(plan, 'Строк (1)', kyivDatePlus(30));
    await plan.getByRole('button', { name: 'Додати етап' }).click();
    await plan.getByLabel(/^Назва етапу 2/).fill(secondMilestone);
    await fillDate(plan, 'Строк (2)', kyivDatePlus(180));
    await scan('transformation plan form');
    await plan.getByRole('button', { name: 'Зберегти план' }).click();
    await expectVisible(page.getByText('Виконання плану: Виконано 0%'), 'progress 0 %');

    step('marks the first milestone done: progress shows 50 %');
    await page.getByRole('button', { name: `Позначити виконаним: ${firstMilestone}` }).click();
    await expectVisible(page.getByText('Виконання плану: Виконано 50%'), 'progress 50 %');
    const milestones = page.getByRole('table', { name: 'Етапи плану трансформації: строк, відповідальні, стан' });
    await expectVisible(milestones.getByRole('row', { name: new RegExp(firstMilestone) }).getByText('Виконано'), 'the first milestone done');

    step('records a first-time admission');
    await page.getByRole('button', { name: 'Внести влаштування' }).click();
    const admission = page.getByRole('dialog', { name: 'Влаштування дітей до закладу' });
    await expectVisible(admission, 'the admission form');
    await pick(page, admission, 'Вік', '6–10 років');
    await pick(page, admission, 'Причина', 'Складні життєві обставини сім’ї');
    await admission.getByLabel(/^Питання розглядала комісія/).check();
    await scan('admission form');
    await admission.getByRole('button', { name: 'Зберегти' }).click();
    const admissions = page.getByRole('table', { name: 'Влаштування дітей до закладу, від найновішого' });
    await expectVisible(admissions.getByRole('row', { name: /Складні життєві обставини сім’ї так так/ }), 'the admission in the list');
    await scan('institution page');
    await logout(page);

    step('the national analyst finds it in the register and in first-time admissions by month');
    await login(page, baseUrl, 'analyst.national');
    await page.getByRole('navigation', { name: 'Основна навігація' }).getByRole('link', { name: 'Заклади' }).click();
    await page.getByLabel('Назва', { exact: true }).fill(title);
    const register = page.getByRole('table', { name: 'Заклади інституційного догляду: тип, місце, кількість місць і дітей' });
    await expectVisible(register.getByRole('row', { name: new RegExp(`${title}.*Дитячий будинок.*40.*5 на ${todayKyiv().replace(/\./g, '\\.')}`) }), 'the institution with places and children');
    const [, mm, yyyy] = todayKyiv().split('.');
    const monthly = page.getByRole('table', { name: /^Влаштування вперше: місяць/ });
    await expectVisible(monthly.getByRole('row', { name: new RegExp(`^${mm}\\.${yyyy} Київська область Бучанська`) }), 'this month’s first-time admissions in Bucha');
    await register.getByRole('link', { name: title }).click();
    await expectVisible(page.getByText('Виконання плану: Виконано 50%'), 'the plan progress, read-only');
    if ((await page.getByRole('button', { name: 'Внести облік дітей' }).count()) !== 0) throw new Error('the analyst must not record counts');
    await scan('institution page (analyst)');
    await logout(page);

    step('a case manager of Stryi and a provider worker have no «Заклади» in the navigation');
    for (const user of ['cm.stryi', 'provider.bucha']) {
      await login(page, baseUrl, user);
      if ((await page.getByRole('navigation', { name: 'Основна навігація' }).getByRole('link', { name: 'Заклади' }).count()) !== 0) throw new Error(`${user} must not see «Заклади»`);
      await logout(page);
    }
  });
}
