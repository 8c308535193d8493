// Workforce in a real browser (SPEC §7, issue 6 "must show"): sv.bucha opens «Моя команда» and sees cm.bucha's
// weighted caseload over capacity; reassigns one of cm.bucha's cases to cm2.bucha with a reason; opens «Супервізія»,
// sees cm.bucha's planned supervision overdue, records an individual planned session with its card and submits the
// card to the head of the service; sees the staff register and checks in; cm2.bucha, not a participant, gets «not found»
// for the card; sv.bucha edits a register entry and records a training; planner.bucha sees the hromada's workforce need
// with its export; the administrator's caseload weights refuse an out-of-range weight. Axe on each screen.
import type { Page } from 'playwright-core';
import { expectVisible, inBrowser, login, logout, randomCyrillic, step, todayKyiv } from './support.ts';

export const name = 'workforce: over-capacity on the team view, reassignment with a reason, supervision session and card submitted to the head, with axe scans';

async function pick(page: Page, label: RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('dialog').getByLabel(label).click();
  await page.getByRole('option', { name: option }).first().click();
}

export async function runJourney(baseUrl: string): Promise<void> {
  await inBrowser('workforce', async ({ page, scan }) => {
    const reason = `Перевищено норму навантаження ${randomCyrillic(5)}`;
    const topics = `Розподіл нових випадків ${randomCyrillic(5)}`;

    step('sv.bucha sees cm.bucha over capacity on the team view');
    await login(page, baseUrl, 'sv.bucha');
    const nav = page.getByRole('navigation', { name: 'Основна навігація' });
    await nav.getByRole('link', { name: 'Моя команда' }).click();
    const overview = page.getByRole('table').first();
    const row = overview.getByRole('row', { name: /Коваленко Олена Петрівна/ });
    await expectVisible(row, 'cm.bucha in the team overview');
    await expectVisible(row.getByText('Понад норму'), 'the over-capacity badge');
    await expectVisible(page.getByRole('columnheader', { name: 'Зважене навантаження' }), 'the weighted caseload column');
    await scan('team view with weighted caseload');

    step('reassigns one of cm.bucha’s cases to cm2.bucha with a reason');
    await page.getByRole('button', { name: 'Передати випадок: Коваленко Олена Петрівна' }).click();
    const dialog = page.getByRole('dialog', { name: 'Передати випадок іншому фахівцю' });
    await expectVisible(dialog, 'the reassignment dialog');
    await pick(page, /^Кому передати/, /^Ткаченко Ірина Василівна/);
    await dialog.getByRole('button', { name: 'Передати' }).click();
    await expectVisible(dialog.getByText('Опишіть причину — щонайменше 5 символів.'), 'the reason is required');
    await dialog.getByRole('textbox', { name: /^Причина передачі/ }).fill(reason);
    await scan('reassignment dialog');
    await dialog.getByRole('button', { name: 'Передати' }).click();
    await expectVisible(dialog.getByRole('status').filter({ hasText: /передано/ }), 'the case was reassigned');
    await dialog.getByRole('button', { name: 'Закрити' }).first().click();

    step('opens the supervision log: cm.bucha’s planned supervision is overdue');
    await nav.getByRole('link', { name: 'Супервізія' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Супервізія' }), 'the supervision page');
    await expectVisible(page.getByText(/^Коваленко Олена Петрівна: мала відбутися до/), 'overdue planned supervision');
    await scan('supervision log');

    step('records an individual planned session with its card');
    await page.getByRole('button', { name: 'Нова сесія супервізії' }).click();
    const form = page.getByRole('region', { name: 'Нова сесія супервізії' });
    await form.getByLabel(/^Супервізовані/).click();
    await page.getByRole('option', { name: 'Коваленко Олена Петрівна' }).click();
    await form.getByLabel(/^Супервізовані/).press('Escape');
    await form.getByRole('textbox', { name: /^Теми/ }).fill(topics);
    await form.getByRole('textbox', { name: /^Обговорені випадки/ }).fill('Два нові випадки, передача одного з них');
    await form.getByRole('textbox', { name: /^Висновки/ }).fill('Навантаження перевищує норму; один випадок передано.');
    await form.getByRole('textbox', { name: /^Рекомендації/ }).fill('Наступна планова супервізія через місяць.');
    await scan('new supervision session form');
    await form.getByRole('button', { name: 'Записати сесію' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: `Картка супервізії від ${todayKyiv()}` }), 'the card page');
    const cardUrl = page.url();

    step('submits the card to the head of the service');
    await page.getByRole('button', { name: 'Подати керівнику служби' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'керівнику служби Савчук Тамара Миколаївна' }), 'the card was submitted to the head');
    await expectVisible(page.getByText(topics), 'the card shows its topics');
    await scan('submitted supervision card');
    await nav.getByRole('link', { name: 'Супервізія' }).click();
    await expectVisible(page.getByText('Планова супервізія всіх працівників — за графіком.'), 'no planned supervision overdue any more');

    step('the staff register names the head of the service; sv.bucha checks in and sees the team aggregate');
    await nav.getByRole('link', { name: 'Штатний реєстр' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Штатний реєстр' }), 'the staff register');
    await expectVisible(page.getByRole('row', { name: /Савчук Тамара Миколаївна/ }).getByText('керівник служби'), 'the head of service');
    await scan('staff register');

    step('edits cm2.bucha’s register entry and records a training');
    const topic = `Ведення випадку: оцінка безпеки ${randomCyrillic(4)}`;
    await page.getByRole('button', { name: 'Змінити запис: Ткаченко Ірина Василівна' }).click();
    const edit = page.getByRole('dialog', { name: 'Змінити запис: Ткаченко Ірина Василівна' });
    await edit.getByRole('textbox', { name: /^Кваліфікація/ }).fill('Магістр соціальної педагогіки; сертифікат кейс-менеджера');
    await scan('edit staff entry dialog');
    await edit.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Запис у реєстрі змінено.' }), 'the entry saved');
    await expectVisible(page.getByRole('row', { name: /Ткаченко Ірина Василівна/ }).getByText(/сертифікат кейс-менеджера/), 'the new qualification');
    await page.getByRole('button', { name: 'Додати навчання: Ткаченко Ірина Василівна' }).click();
    const training = page.getByRole('dialog', { name: 'Навчання: Ткаченко Ірина Василівна' });
    await training.getByRole('textbox', { name: /^Тема/ }).fill(topic);
    await training.getByRole('textbox', { name: /^Годин/ }).fill('16');
    await training.getByRole('textbox', { name: /^Номер сертифіката/ }).fill('ПК-2026-117');
    await scan('training record dialog');
    await training.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Навчання записано.' }), 'the training saved');
    await expectVisible(page.getByRole('row', { name: /Ткаченко Ірина Василівна/ }).getByText(new RegExp(`${topic} \\(підвищення кваліфікації, 16 год`)), 'the training in the register');
    await nav.getByRole('link', { name: 'Навчання і самопочуття' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Навчання і самопочуття' }), 'my training and wellbeing');
    await page.getByRole('button', { name: 'Зберегти відмітку' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Відмітку збережено.' }), 'the check-in saved');
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Самопочуття команди (узагальнено)' }), 'the team aggregate');
    await scan('training and wellbeing');
    await logout(page);

    step('cm2.bucha, not a participant, does not find the card');
    await login(page, baseUrl, 'cm2.bucha');
    await page.goto(cardUrl);
    await expectVisible(page.getByRole('heading', { level: 1, name: /не знайдено/i }), 'not found for someone else');
    await logout(page);

    step('planner.bucha sees the workforce need of Bucha, aggregates only, with the spreadsheet export');
    await login(page, baseUrl, 'planner.bucha');
    await page.getByRole('navigation', { name: 'Основна навігація' }).getByRole('link', { name: 'Потреба в кадрах' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Потреба в кадрах' }), 'the workforce need page');
    await expectVisible(page.getByRole('table', { name: 'Потреба у фахівцях: складові розрахунку (ставок)' }), 'the computation');
    await expectVisible(page.getByRole('link', { name: 'Завантажити XLSX' }), 'the export');
    await scan('workforce need');
    await logout(page);

    step('the administrator opens the caseload weights: an out-of-range weight is refused with a field error');
    await login(page, baseUrl, 'admin');
    await page.getByRole('navigation', { name: 'Основна навігація' }).getByRole('link', { name: 'Ваги навантаження' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Ваги навантаження' }), 'the settings page');
    const complex = page.getByRole('textbox', { name: /^Складні: вага/ });
    await expectVisible(page.getByText('Повне навантаження — 10 таких випадків'), 'a complex case is one tenth of capacity');
    await complex.fill('1.5');
    await page.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(page.getByText('Вага має бути від 0,001 до 1.').first(), 'the field error');
    await scan('caseload weights');
  });
}
