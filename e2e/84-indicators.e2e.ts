// M&E indicators in a real browser (SPEC §10): the national analyst opens «Показники» from the navigation, sees the
// table of SG4.3 for the country by oblast, disaggregates it by age, then enters a survey figure of SG1.1 for the
// country and sees it in the table with its source; the Bucha case manager has no «Показники». Axe on each screen.
import type { Locator, Page } from 'playwright-core';
import { expectVisible, inBrowser, login, logout, step } from './support.ts';

export const name = 'indicators: catalogue, table by territory and disaggregation, entered figure, with axe scans';

async function pick(page: Page, scope: Locator, label: string, option: string | RegExp): Promise<void> {
  await scope.getByLabel(new RegExp(`^${label}( \\*)?$`)).click();
  await page.getByRole('option', { name: option }).first().click();
}

export async function runJourney(baseUrl: string): Promise<void> {
  await inBrowser('indicators', async ({ page, scan }) => {
    step('analyst.national opens the indicators from the navigation');
    await login(page, baseUrl, 'analyst.national');
    await page.getByRole('navigation', { name: 'Основна навігація' }).getByRole('link', { name: 'Показники' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Показники моніторингу та оцінки' }), 'the indicators page');
    const section = page.getByRole('region', { name: 'Таблиця показника' });
    await expectVisible(section.getByRole('rowheader', { name: /Україна/ }), 'the country row of SG4.3');
    await expectVisible(section.getByRole('rowheader', { name: /Київська область/ }), 'an oblast row');
    await expectVisible(page.getByRole('cell', { name: 'SG1.9' }).or(page.getByRole('rowheader', { name: 'SG1.9' })), 'the catalogue');
    await scan('indicators page');

    step('disaggregates by age');
    await pick(page, section, 'Розподіл', 'Вік');
    await expectVisible(section.getByRole('columnheader', { name: 'до 1 року' }), 'the age columns');
    await expectVisible(section.getByRole('columnheader', { name: '15–17 років' }), 'the oldest age band');
    await scan('indicator by age');

    step('enters a survey figure for SG1.1 for the country');
    await pick(page, section, 'Показник', /^SG1\.1 —/);
    await pick(page, section, 'Період', /^2025$/);
    const form = page.getByRole('form', { name: 'Внести значення' });
    await expectVisible(form, 'the entry form');
    await form.getByLabel(/^Чисельник/).fill('640');
    await form.getByLabel(/^Знаменник/).fill('1000');
    await form.getByLabel(/^Джерело даних/).fill('Національне опитування сімей, 2025');
    await scan('entry form');
    await form.getByRole('button', { name: 'Зберегти значення' }).click();
    await expectVisible(page.getByText('Значення збережено.'), 'the saved message');
    await expectVisible(section.getByRole('cell', { name: '64 %' }).first(), 'the entered figure in the table');
    await logout(page);

    step('a case manager has no indicators');
    await login(page, baseUrl, 'cm.bucha');
    await expectVisible(page.getByRole('navigation', { name: 'Основна навігація' }), 'the navigation');
    if ((await page.getByRole('navigation', { name: 'Основна навігація' }).getByRole('link', { name: 'Показники' }).count()) !== 0) throw new Error('cm.bucha must not see «Показники»');
  });
}
