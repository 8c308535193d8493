// The whole prevention case in a real browser, every step through the screens (issue "must show"): cm.bucha registers a
// notification, is refused the next step before the needs assessment is complete, completes it, goes back a step (the
// reason is required) and forward again, records baseline benchmarks, agrees a support plan with the family, records the
// decision to provide services and the agreement, sends the plan to sv.bucha, who approves it on «Погодження»; then a
// note, a home visit and a review re-scoring the benchmarks; at the case-review step the closure is refused while a
// domain is below the threshold, then requested; sv.bucha returns it with a comment, cm.bucha requests again, sv.bucha
// approves; the case is closed with a follow-up visit scheduled, which cm.bucha records. The plan and results-report PDF
// links answer with a PDF. The step tracker, deadlines and timeline are checked on the way; axe scan of every screen.
// The helpers are exported for the reintegration journey (80).
import type { Locator, Page } from 'playwright-core';
import { expectVisible, inBrowser, kyivDatePlus, login, logout, randomCyrillic, step, todayKyiv } from './support.ts';

export const nav = (page: Page) => page.getByRole('navigation', { name: 'Основна навігація' });

/** Types a date into a labelled date field inside `scope` and closes its picker. */
export async function typeDate(scope: Locator | Page, label: string, value: string): Promise<void> {
  const field = scope.getByRole('textbox', { name: label, exact: true });
  await field.fill(value);
  await field.press('Escape');
}

/** Opens a tab of the case page by its name and waits for it to be selected. */
export async function openTab(page: Page, tab: string): Promise<void> {
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await expectVisible(page.getByRole('tab', { name: tab, exact: true, selected: true }), `the «${tab}» tab`);
}

/** The step tracker shows `stepName` as the current step and each of the legal steps `legal` (Law art. 18). */
export async function expectStep(page: Page, stepName: string, legal: Array<[number, string]>): Promise<void> {
  await expectVisible(page.locator('[aria-current="step"]').filter({ hasText: stepName }), `«${stepName}» as the current step`);
  for (const [n, what] of legal) await expectVisible(page.getByText(`Крок закону ${n} з 7: ${what}`, { exact: true }), `legal step ${n} of 7`);
}

/** Moves the case one step forward with the transition control. */
export async function moveForward(page: Page, to: string, legal: Array<[number, string]>): Promise<void> {
  await page.getByRole('button', { name: `Перейти до кроку «${to}»` }).click();
  await expectStep(page, to, legal);
}

/** The «Хронологія» tab lists each of `texts` (then the journey goes back to `backTo`). */
export async function expectTimeline(page: Page, texts: string[], backTo: string): Promise<void> {
  await openTab(page, 'Хронологія');
  const timeline = page.getByRole('region', { name: 'Хронологія' });
  for (const text of texts) await expectVisible(timeline.getByText(text, { exact: false }), `«${text}» on the timeline`);
  await openTab(page, backTo);
}

/** Rates every indicator radio group inside `scope` with the given rating. */
async function rateAll(scope: Locator, rating: string): Promise<number> {
  const groups = scope.getByRole('radiogroup');
  const count = await groups.count();
  let rated = 0;
  for (let i = 0; i < count; i += 1) {
    const radio = groups.nth(i).getByRole('radio', { name: rating, exact: true });
    if ((await radio.count()) === 1) {
      await radio.check();
      rated += 1;
    }
  }
  return rated;
}

export type Family = { surname: string; child: [string, string, string, 'Жіноча' | 'Чоловіча', string]; adult: [string, string, string, 'Жіноча' | 'Чоловіча', string] };

/** Registers a notification through the intake form as the signed-in user; returns the new case's id and number. */
export async function registerNotification(page: Page, f: Family, opts: { organisation: string; description: string; caseType?: string }): Promise<{ caseId: string; caseNumber: string }> {
  await nav(page).getByRole('link', { name: 'Нове повідомлення' }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Нове повідомлення' }), 'the intake form');
  await page.getByLabel('Джерело інформації').selectOption({ label: 'Заклад освіти' });
  await page.getByLabel('Організація, що повідомила').fill(opts.organisation);
  const person = async (region: Locator, [given, patronymic, birth, sex, relationship]: Family['child']) => {
    await region.getByLabel('Прізвище').fill(f.surname);
    await region.getByRole('textbox', { name: 'Ім’я', exact: true }).fill(given);
    await region.getByLabel('По батькові').fill(patronymic);
    await region.getByLabel('Дата народження').fill(birth);
    await region.getByLabel('Дата народження').press('Escape');
    await region.getByRole('radio', { name: sex }).check();
    await region.getByLabel('Родинний зв’язок').fill(relationship);
  };
  await person(page.getByRole('region', { name: 'Дитина 1' }), f.child);
  await page.getByRole('button', { name: 'Додати дорослого' }).click();
  await person(page.getByRole('region', { name: 'Дорослий 1' }), f.adult);
  await page.getByLabel('Опис ситуації').fill(opts.description);
  await page.getByRole('checkbox', { name: 'Безробіття' }).check();
  if (opts.caseType) await page.getByLabel('Тип випадку').selectOption({ label: opts.caseType });
  await page.getByRole('button', { name: 'Зареєструвати повідомлення' }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}/, { timeout: 20_000 });
  const caseId = /\/cases\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  await expectVisible(page.getByRole('heading', { level: 1, name: new RegExp(f.surname) }), 'the new case page');
  const caseNumber = (await page.getByText(/^Випадок .+/).first().innerText()).replace(/^Випадок\s+/, '').trim();
  return { caseId, caseNumber };
}

/** Completes the needs-assessment act through its form (one child, one adult), starting from the case page. */
export async function completeNeedsAssessment(page: Page, f: Family, scan: (name: string) => Promise<void>): Promise<void> {
  await openTab(page, 'Оцінювання');
  await page.getByRole('link', { name: /оцінювання потреб/ }).first().click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Оцінювання потреб сім’ї' }), 'the needs-assessment form');
  await scan('needs-assessment form');
  const childName = `${f.surname} ${f.child[0]} ${f.child[1]}`;
  const adultName = `${f.surname} ${f.adult[0]} ${f.adult[1]}`;
  await page.getByRole('region', { name: childName }).getByLabel('Дієздатність').selectOption({ label: 'Не застосовується (дитина)' });
  const adultMember = page.getByRole('region', { name: adultName });
  await adultMember.getByLabel('Дієздатність').selectOption({ label: 'Повна' });
  await adultMember.getByLabel('Зайнятість або місце навчання').fill('Тимчасово не працює');
  await adultMember.getByRole('radio', { name: 'Так' }).check();
  await page.getByRole('button', { name: /2\. Стан і потреби дитини/ }).last().click();
  const childCard = page.getByRole('region', { name: childName });
  await childCard.getByLabel('Думка дитини').fill('Хоче жити вдома з мамою і ходити до школи.');
  await childCard.getByLabel('Сильні сторони').fill('Любить малювати, має близьку подругу.');
  if ((await rateAll(childCard, 'Немає занепокоєння')) !== 12) throw new Error('expected 12 child indicators');
  await childCard.getByLabel('Потреби').fill('Підтримка у навчанні.');
  await page.getByRole('button', { name: /3\. Дорослі члени сім’ї/ }).last().click();
  const adultCard = page.getByRole('region', { name: adultName });
  await adultCard.getByLabel('Сильні сторони').fill('Турботлива, готова співпрацювати.');
  if ((await rateAll(adultCard, 'Є певне занепокоєння')) !== 7) throw new Error('expected 7 adult indicators');
  await adultCard.getByLabel('Потреби').fill('Допомога з працевлаштуванням.');
  await page.getByRole('button', { name: /4\. Сім’я та середовище/ }).last().click();
  const main = page.getByRole('main');
  await main.getByLabel('Сильні сторони').fill('Бабуся живе поруч і допомагає.');
  if ((await rateAll(main, 'Немає занепокоєння')) !== 6) throw new Error('expected 6 family indicators');
  await main.getByLabel('Потреби').fill('Тимчасова матеріальна підтримка.');
  await page.getByRole('button', { name: /5\. Висновок/ }).last().click();
  await page.getByRole('radio', { name: 'Середньої складності' }).check();
  await page.getByRole('textbox', { name: 'Висновок', exact: true }).fill('Сім’я у складних життєвих обставинах; потрібен соціальний супровід.');
  await page.getByRole('radio', { name: 'Погоджується з результатами' }).check();
  await typeDate(page, 'Дата ознайомлення сім’ї', todayKyiv());
  await expectVisible(page.getByText('Заповнено: 100%'), 'the act filled to 100%');
  await page.getByRole('button', { name: 'Завершити оцінювання' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Завершити оцінювання' }).click();
  await page.waitForURL((u) => /\/cases\/[0-9a-f-]{36}$/.test(u.pathname) && u.searchParams.get('tab') === 'assessment', { timeout: 20_000 });
  await expectVisible(page.getByText(/Завершено \d{2}\.\d{2}\.\d{4}/), 'the completed needs assessment on the case page');
}

/** Creates a one-goal plan with a catalogue service and the child's views, and agrees it with the family (plan tab → editor → plan tab). */
export async function agreePlan(page: Page, caseId: string, f: Family, goal: { domain: string; text: string; action: string }): Promise<void> {
  await openTab(page, 'План');
  await page.getByRole('button', { name: 'Створити план' }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'План соціального супроводу — версія 1' }), 'the plan editor');
  await page.getByLabel('Сфера нової цілі').selectOption({ label: goal.domain });
  await page.getByRole('button', { name: 'Додати ціль' }).click();
  await page.getByRole('region', { name: 'Ціль 1', exact: true }).getByRole('textbox', { name: 'Ціль', exact: true }).fill(goal.text);
  const measure = page.getByRole('region', { name: 'Захід 1.1' });
  await measure.getByLabel('Захід (що зробити)').fill(goal.action);
  await typeDate(measure, 'Строк виконання', kyivDatePlus(45));
  await measure.getByRole('radio', { name: 'Установа, організація' }).check();
  await measure.getByLabel('Назва установи чи організації').fill('ЦНСП Бучанської міської ради');
  await measure.getByLabel('Очікуваний результат').fill('Ціль досягнуто');
  await measure.getByLabel('Соціальна послуга з переліку').first().fill('консульт');
  await page.getByRole('option', { name: /Консультування · basic_counselling/ }).click();
  await page.getByLabel('Думка дитини щодо плану').fill('Дитина хоче, щоб мама була поруч і все було добре');
  await page.getByLabel('Участь сім’ї у плануванні').fill('Мати брала участь у зустрічі з планування');
  await typeDate(page, 'Дата погодження сім’єю', todayKyiv());
  await page.getByLabel('Хто підписав за сім’ю').fill(`${f.surname} ${f.adult[0].slice(0, 1)}. ${f.adult[1].slice(0, 1)}.`);
  await page.getByRole('button', { name: 'Погодити план із сім’єю' }).click();
  await page.waitForURL((u) => u.pathname === `/cases/${caseId}` && u.searchParams.get('tab') === 'plan');
  await expectVisible(page.getByRole('heading', { name: `Чинний план — версія 1, погоджено ${todayKyiv()}` }), 'the agreed plan in force');
}

/** Scores every benchmark domain on the page: `scoreOf(domain index)` picks the level (1–4); strengths are filled. */
export async function scoreDomains(scope: Locator | Page, scoreOf: (i: number) => number): Promise<number> {
  const groups = scope.getByRole('radiogroup', { name: /^Оцінка/ });
  const strengths = scope.getByRole('textbox', { name: /^Сильні сторони/ });
  const count = await groups.count();
  for (let i = 0; i < count; i += 1) {
    await groups.nth(i).getByRole('radio', { name: new RegExp(`^${scoreOf(i)} — `) }).check();
    await strengths.nth(i).fill(`Сильна сторона ${i + 1}`);
  }
  return count;
}

/** The link's href answers 200 with a PDF, fetched with the page's session. */
export async function expectPdf(page: Page, link: Locator, what: string): Promise<void> {
  const href = await link.first().getAttribute('href');
  if (!href) throw new Error(`${what}: the link has no href`);
  const res = await page.request.get(new URL(href, page.url()).toString());
  const type = res.headers()['content-type'] ?? '';
  if (res.status() !== 200 || !type.startsWith('application/pdf')) throw new Error(`${what}: ${href} answered ${res.status()} ${type}`);
}

/** Waits until the page's finite animations (a drawer sliding and fading in) have ended, so axe sees the final colours. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
}

/** The supervisor opens the pending request of `kind` for the case on «Погодження». */
export async function openApproval(page: Page, kind: 'Індивідуальний план' | 'Закриття випадку', caseNumber: string): Promise<Locator> {
  await nav(page).getByRole('link', { name: 'Погодження' }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Погодження' }), 'the approvals page');
  const pending = page.getByRole('table', { name: 'Запити, що чекають на рішення' });
  await pending.getByRole('button', { name: `Розглянути: ${kind}, випадок ${caseNumber}` }).click();
  const dialog = page.getByRole('dialog', { name: `${kind}: випадок ${caseNumber}` });
  await expectVisible(dialog, `the review panel of the ${kind}`);
  await settled(page);
  return dialog;
}

/** Opens the case from the worklist («Моя робота»). */
export async function openCaseFromWorklist(page: Page, surname: string): Promise<void> {
  await nav(page).getByRole('link', { name: 'Моя робота' }).click();
  await page.getByRole('row').filter({ hasText: surname }).getByRole('link').first().click();
  await expectVisible(page.getByRole('heading', { level: 1, name: new RegExp(surname) }), 'the case page');
}

/** Fills the closure form: every criterion, views, goals achieved, closure benchmarks (`first` for the first domain, 3 for the rest), the results report. */
async function fillClosureForm(page: Page, first: number): Promise<void> {
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Запит на закриття випадку' }), 'the closure form');
  for (const c of ['Цілі плану досягнуто', 'Показники благополуччя на рівні порогу або вище', 'Дитина в безпечному стабільному сімейному догляді', 'Підтримку сім’ї налагоджено']) await page.getByRole('checkbox', { name: c }).check();
  await page.getByRole('textbox', { name: 'Думка дитини', exact: true }).fill('Каже, що вдома добре і в школі теж');
  await page.getByRole('textbox', { name: /^Думка сім’ї/ }).fill('Мати вважає, що далі впорається сама');
  for (const g of await page.getByRole('radiogroup', { name: /^Досягнення мети/ }).all()) await g.getByRole('radio', { name: 'Досягнуто повністю' }).check();
  await scoreDomains(page, (i) => (i === 0 ? first : 3));
  await page.getByLabel('Послуга 1', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('textbox', { name: /^Послуга 1: опис/ }).fill('Соціальний супровід сім’ї');
  for (const f of await page.getByRole('textbox', { name: /: на початку/ }).all()) await f.fill('Складні життєві обставини');
  for (const f of await page.getByRole('textbox', { name: /: в кінці/ }).all()) await f.fill('Обставини подолано');
  await page.getByRole('textbox', { name: /^Рекомендації/ }).fill('Підтримувати зв’язок зі школою');
}

export const name = 'prevention case from notification to closure and a scheduled follow-up, all through the UI';

export async function runJourney(baseUrl: string): Promise<void> {
  await inBrowser('prevention-case', async ({ page, scan: axe }) => {
    const scan = async (what: string) => {
      await settled(page);
      await axe(what);
    };
    const f: Family = { surname: `Запобіженко${randomCyrillic(5)}`, child: ['Софія', 'Андріївна', '10.09.2014', 'Жіноча', 'донька'], adult: ['Наталія', 'Василівна', '21.04.1986', 'Жіноча', 'мати'] };
    const comment = `Уточніть рекомендації щодо школи ${randomCyrillic(4)}`;

    step('cm.bucha registers the notification');
    await login(page, baseUrl, 'cm.bucha');
    const { caseId, caseNumber } = await registerNotification(page, f, { organisation: 'Бучанський ліцей № 5', description: 'Дитина пропускає заняття, мати втратила роботу.' });
    await expectStep(page, 'Оцінювання потреб дитини', [[2, 'оцінювання потреб']]);
    await expectVisible(page.getByText('Відкритий', { exact: true }), 'the open status');
    const deadlines = page.getByRole('region', { name: 'Терміни' });
    await expectVisible(deadlines.getByText('Оцінювання потреб', { exact: true }), 'the needs-assessment deadline');
    await expectVisible(deadlines.getByText(/^до \d{2}\.\d{2}\.\d{4}$/), 'the needs-assessment due date');
    await scan('case page (new prevention case)');

    step('the next step is refused before the needs assessment is complete');
    const forward = page.getByRole('button', { name: 'Перейти до кроку «Оцінювання сім’ї»' });
    if (!(await forward.isDisabled())) throw new Error('moving past the needs assessment should be refused');
    await expectVisible(page.getByText('Спершу завершіть оцінювання потреб (Закон України «Про соціальні послуги», ст. 18–20).'), 'the translated refusal beside the button');

    step('needs assessment through the form');
    await completeNeedsAssessment(page, f, scan);
    await expectStep(page, 'Оцінювання сім’ї', [[2, 'оцінювання потреб']]);
    await openTab(page, 'Огляд');
    await expectVisible(deadlines.getByText(/^виконано \d{2}\.\d{2}\.\d{4}$/), 'the needs-assessment deadline met');

    step('back a step needs a reason; then forward again');
    await page.getByRole('button', { name: 'Повернутися до попереднього кроку' }).click();
    const back = page.getByRole('dialog', { name: 'Повернутися до попереднього кроку' });
    await expectVisible(back.getByRole('combobox', { name: 'До якого кроку повернутися' }), 'the back-step dialog');
    await scan('back-step dialog');
    const reasonField = back.getByRole('textbox', { name: /^Причина повернення/ });
    if ((await reasonField.getAttribute('required')) === null) throw new Error('the reason should be marked required');
    if (!(await back.getByRole('button', { name: 'Повернути випадок' }).isDisabled())) throw new Error('going back without a reason should be refused');
    const backReason = 'Нові обставини: мати повідомила про борги за житло';
    await reasonField.fill(backReason);
    await back.getByRole('button', { name: 'Повернути випадок' }).click();
    await expectStep(page, 'Оцінювання потреб дитини', [[2, 'оцінювання потреб']]);
    await moveForward(page, 'Оцінювання сім’ї', [[2, 'оцінювання потреб']]);
    await moveForward(page, 'Планування', [[3, 'рішення про надання соціальних послуг'], [4, 'індивідуальний план'], [5, 'договір між отримувачем і надавачем']]);
    await expectTimeline(page, ['Змінено крок: «Оцінювання сім’ї» → «Оцінювання потреб дитини»', `Причина: ${backReason}`, 'Змінено крок: «Оцінювання сім’ї» → «Планування»', 'Оцінювання потреб завершено'], 'Оцінювання');
    await scan('timeline');

    step('baseline benchmarks');
    await page.getByRole('link', { name: 'Записати оцінку показників' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Оцінка показників благополуччя' }), 'the benchmarks form');
    await scan('benchmarks form');
    const domains = await scoreDomains(page, (i) => (i === 0 ? 1 : 2));
    await page.getByRole('button', { name: 'Зберегти оцінку' }).click();
    await expectVisible(page.getByRole('button', { name: 'Показати як таблицю' }), 'the benchmark chart');
    await scan('assessment tab with benchmarks');

    step('support plan agreed with the family');
    await agreePlan(page, caseId, f, { domain: 'Освіта та розвиток (дитина)', text: 'Софія регулярно відвідує школу', action: 'Консультації для матері щодо навчання дитини' });
    await expectVisible(page.getByText('Дитина хоче, щоб мама була поруч', { exact: false }), 'the child’s views in the plan');
    await expectPdf(page, page.getByRole('link', { name: 'Друкувати (PDF)' }), 'the support plan PDF');
    await scan('plan tab (agreed)');

    step('decision to provide services and the agreement');
    await page.getByRole('button', { name: 'Записати рішення' }).click();
    const decisionForm = page.getByRole('form', { name: 'Нове рішення' });
    await decisionForm.getByRole('radio', { name: 'Надавати послуги' }).check();
    await decisionForm.getByLabel('Послуги, щодо яких ухвалено рішення').first().fill('консульт');
    await page.getByRole('option', { name: /Консультування · basic_counselling/ }).click();
    await scan('decision form');
    await decisionForm.getByRole('button', { name: 'Записати рішення' }).click();
    await expectVisible(page.getByRole('table', { name: /Рішення щодо надання соціальних послуг/ }).getByRole('cell', { name: 'Надавати послуги' }), 'the recorded decision');
    await page.getByRole('button', { name: 'Записати договір' }).click();
    const agreementForm = page.getByRole('form', { name: 'Новий договір' });
    await agreementForm.getByLabel('Надавач послуг').selectOption({ label: 'Громадська організація «Родинне коло» (Бучанська)' });
    await agreementForm.getByLabel('Хто підписав від отримувача').fill(`${f.surname} Н. В.`);
    await agreementForm.getByRole('button', { name: 'Записати договір' }).click();
    await expectVisible(page.getByRole('table', { name: /Договори про надання соціальних послуг/ }).getByRole('cell', { name: 'Чинний' }), 'the agreement in force');

    step('plan sent to the supervisor');
    await page.getByRole('button', { name: 'Подати на погодження супервізору' }).click();
    await expectVisible(page.getByText('Очікує погодження супервізора'), 'the plan waiting for approval');
    await logout(page);

    step('sv.bucha approves the plan on «Погодження»');
    await login(page, baseUrl, 'sv.bucha');
    let panel = await openApproval(page, 'Індивідуальний план', caseNumber);
    await scan('approvals: plan');
    await panel.getByRole('button', { name: 'Погодити' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Запит погоджено.' }), 'the plan approved');
    await logout(page);

    step('cm.bucha: implementation and monitoring — a note and a home visit');
    await login(page, baseUrl, 'cm.bucha');
    await openCaseFromWorklist(page, f.surname);
    await openTab(page, 'План');
    await expectVisible(page.getByText('Супервізор погодив план'), 'the approved plan');
    await moveForward(page, 'Виконання плану', [[6, 'виконання індивідуального плану']]);
    await moveForward(page, 'Моніторинг', [[7, 'моніторинг надання та якості послуг']]);
    await openTab(page, 'Супровід');
    await page.getByRole('button', { name: 'Додати запис' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Вид запису').selectOption({ label: 'Телефонна розмова' });
    await dialog.getByRole('textbox', { name: /^Текст запису/ }).fill('Мати повідомила, що влаштувалася на роботу.');
    await dialog.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(page.getByText('Мати повідомила, що влаштувалася на роботу.'), 'the new note');
    await page.getByRole('link', { name: 'Записати відвідування' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Відвідування сім’ї' }), 'the home visit form');
    await page.getByRole('checkbox', { name: new RegExp(`^${f.surname} ${f.child[0]}`) }).check();
    await page.getByRole('checkbox', { name: new RegExp(`^${f.surname} ${f.adult[0]}`) }).check();
    await page.getByRole('radiogroup', { name: /^Дитину бачили наодинці/ }).getByRole('radio', { name: 'Так' }).check();
    await page.getByRole('textbox', { name: /^Спостереження/ }).fill('Удома чисто, є продукти; Софія показала щоденник.');
    await scan('home visit form');
    await page.getByRole('button', { name: 'Зберегти відвідування' }).click();
    await expectVisible(page.getByText('Удома чисто, є продукти', { exact: false }), 'the recorded visit');
    await expectVisible(page.getByText('Наступне відвідування за графіком моніторингу'), 'the next visit due');
    await scan('work tab');

    step('review re-scoring the benchmarks');
    await openTab(page, 'Перегляд і закриття');
    await page.getByRole('link', { name: 'Записати перегляд або нараду' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Перегляд випадку' }), 'the review form');
    await page.getByRole('textbox', { name: 'Що думає і чого хоче дитина' }).fill('Софії подобається в школі');
    for (const g of await page.getByRole('radiogroup', { name: /^Досягнення мети/ }).all()) await g.getByRole('radio', { name: 'Досягнуто частково' }).check();
    await scoreDomains(page, () => 3);
    await scan('review form');
    await page.getByRole('button', { name: 'Зберегти перегляд' }).click();
    await expectVisible(page.getByText(/^Наступний перегляд — до \d{2}\.\d{2}\.\d{4}/), 'the next review due date');
    await page.getByRole('link', { name: 'Переоцінені показники благополуччя' }).first().click();
    await expectVisible(page.getByRole('button', { name: 'Показати як таблицю' }), 'the benchmark chart');
    for (let i = 0; i < domains; i += 1) {
      const points = await page.getByTestId('benchmark-charts').getByRole('img').nth(i).locator('circle').count();
      if (points !== 2) throw new Error(`chart ${i + 1}: expected 2 points, saw ${points}`);
    }

    step('closure refused below the threshold, then requested');
    await moveForward(page, 'Перегляд випадку', [[7, 'моніторинг надання та якості послуг']]);
    await openTab(page, 'Перегляд і закриття');
    await page.getByRole('link', { name: 'Подати запит на закриття' }).click();
    await fillClosureForm(page, 2);
    await scan('closure form');
    await page.getByRole('button', { name: 'Надіслати на погодження супервізору' }).click();
    const blockers = page.getByRole('alert').filter({ hasText: 'Випадок поки не можна закрити' });
    await expectVisible(blockers.getByText('Показники благополуччя нижче порогу для закриття', { exact: false }), 'the translated below-threshold refusal');
    await expectVisible(blockers.getByRole('link', { name: 'Безпека' }), 'the domain below the threshold, linked');
    await page.getByRole('group', { name: 'Безпека' }).getByRole('radio', { name: /^3 — / }).check();
    await page.getByRole('button', { name: 'Надіслати на погодження супервізору' }).click();
    const closure = page.getByRole('region', { name: 'Закриття випадку' });
    await expectVisible(closure.getByText('Очікує погодження', { exact: true }), 'the pending closure request');
    await expectPdf(page, closure.getByRole('link', { name: 'Друкувати звіт (PDF)' }), 'the results report PDF');
    await logout(page);

    step('sv.bucha returns the closure with a comment');
    await login(page, baseUrl, 'sv.bucha');
    panel = await openApproval(page, 'Закриття випадку', caseNumber);
    await scan('approvals: closure');
    await panel.getByRole('textbox', { name: 'Коментар для фахівця' }).fill(comment);
    await panel.getByRole('button', { name: 'Повернути з коментарем' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Запит повернуто фахівцю з коментарем.' }), 'the closure returned');
    await logout(page);

    step('cm.bucha reads the comment and requests again');
    await login(page, baseUrl, 'cm.bucha');
    await openCaseFromWorklist(page, f.surname);
    await openTab(page, 'Перегляд і закриття');
    await expectVisible(closure.getByText('Повернуто на доопрацювання', { exact: true }), 'the returned closure request');
    await expectVisible(closure.getByText(`Коментар супервізора: ${comment}`), 'the supervisor’s comment');
    await page.getByRole('link', { name: 'Подати запит на закриття' }).click();
    await fillClosureForm(page, 3);
    await page.getByRole('button', { name: 'Надіслати на погодження супервізору' }).click();
    await expectVisible(closure.getByText('Очікує погодження', { exact: true }), 'the second closure request pending');
    await logout(page);

    step('sv.bucha approves the closure');
    await login(page, baseUrl, 'sv.bucha');
    panel = await openApproval(page, 'Закриття випадку', caseNumber);
    await panel.getByRole('button', { name: 'Погодити' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Запит погоджено.' }), 'the closure approved');
    await logout(page);

    step('cm.bucha: the case is closed; the follow-up visit is scheduled and recorded');
    await login(page, baseUrl, 'cm.bucha');
    await page.goto(`${baseUrl}/cases/${caseId}?tab=review`);
    await expectVisible(page.getByText('Закритий', { exact: true }), 'the closed status');
    await expectStep(page, 'Закриття випадку', [[7, 'моніторинг надання та якості послуг']]);
    await expectVisible(page.getByText(/^Випадок закрито \d{2}\.\d{2}\.\d{4}/), 'the closure date');
    await expectVisible(page.getByRole('heading', { name: 'Контрольні візити після закриття' }), 'the follow-up visits');
    await expectVisible(page.getByRole('cell', { name: 'За графіком (3 місяці після закриття)' }), 'the scheduled follow-up');
    await scan('review tab (closed)');
    await page.getByRole('button', { name: /^Записати результат візиту/ }).first().click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Спостереження/ }).fill('Сім’я стабільна, Софія відвідує школу');
    await scan('follow-up visit dialog');
    await dialog.getByRole('button', { name: 'Зберегти результат' }).click();
    await expectVisible(page.getByText('Сімейний догляд стабільний', { exact: false }), 'the recorded follow-up visit');
    await expectTimeline(page, ['Супервізор повернув запит на закриття на доопрацювання', 'Супервізор погодив закриття випадку', 'Випадок закрито', 'Записано контрольний візит після закриття', 'Супервізор погодив план'], 'Огляд');
  });
}
