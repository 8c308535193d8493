// The case manager's planning journey in a real browser: a prevention case set up through the API (notification,
// needs assessment, move to case planning), then through the UI — the social support plan with two goals (one measure
// with a family member responsible, one with a catalogue service), the refusal to agree too early, agreement with the
// family's date, version 2 with a change and the comparison of the two, a decision to provide services and a service
// agreement; then an emergency (crisis) contact recorded and converted into a case. axe scan of every screen.
import type { Page } from 'playwright-core';
import { adultIndicators, childIndicators, familyIndicators } from '#domain/cases/needs-assessment.ts';
import { expectVisible, inBrowser, kyivDatePlus, login, randomCyrillic, step, todayKyiv } from './support.ts';

const isoOf = (ddmmyyyy: string) => ddmmyyyy.split('.').reverse().join('-');
const rated = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, { rating: 'no_concern', note: '' }]));

/** An API call with the browser's session cookie and the CSRF header the web client sends. */
async function api<T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(new URL(path, page.url()).toString(), { method, headers: method === 'GET' ? {} : { 'X-Requested-With': 'rodyna' }, ...(data === undefined ? {} : { data }) });
  if (!res.ok()) throw new Error(`${method} ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

type Me = { grants: Array<{ hromadaId: string | null; organisationType: string }> };
type Content = { members: object[]; children: object[]; adults: object[] } & Record<string, unknown>;

/** A prevention case at the case-planning step: notification, completed needs assessment, transition. */
async function preparePlanningCase(page: Page, surname: string): Promise<string> {
  const me = await api<Me>(page, 'GET', '/api/v1/auth/me');
  const hromadaId = me.grants.find((g) => g.organisationType === 'css')?.hromadaId;
  if (!hromadaId) throw new Error('cm.bucha has no Centre of Social Services');
  const person = (givenName: string, patronymic: string, birthDate: string) => ({ surname, givenName, patronymic, birthDate, sex: 'female', disability: false, latinName: '' });
  const created = await api<{ caseId: string }>(page, 'POST', '/api/v1/notifications', {
    hromadaId,
    source: 'school',
    reporterOrganisation: 'Бучанський ліцей № 3',
    reporterPerson: 'Класна керівниця',
    reporterContact: '',
    receivedAt: new Date().toISOString(),
    description: 'Дитина часто пропускає заняття, сім’я не має стабільного доходу',
    childFactors: ['parents_evading_duties'],
    adultFactors: ['unemployment'],
    threatToLifeOrHealth: false,
    actionsTaken: '',
    urgentActions: [],
    documents: '',
    members: [
      { role: 'child', relationship: 'донька', person: person('Марія', 'Іванівна', '2016-03-01') },
      { role: 'adult', relationship: 'мати', person: person('Ольга', 'Петрівна', '1990-01-01') },
    ],
    openCase: true,
    caseType: 'prevention',
  });
  const caseId = created.caseId;
  const na = await api<{ version: number; content: Content }>(page, 'GET', `/api/v1/cases/${caseId}/needs-assessment`);
  const content = {
    ...na.content,
    members: na.content.members.map((m) => ({ ...m, legalCapacity: 'full', occupation: 'учениця', registeredAtResidence: true })),
    children: na.content.children.map((c) => ({ ...c, indicators: rated(childIndicators), strengths: 'Любить читати', needs: 'Підтримка з навчання', childViews: 'Хоче жити з мамою' })),
    adults: na.content.adults.map((a) => ({ ...a, indicators: rated(adultIndicators), strengths: 'Турботлива мати', needs: 'Робота' })),
    family: { indicators: rated(familyIndicators), strengths: 'Підтримка бабусі', needs: 'Стабільний дохід' },
    conclusion: { complexity: 'moderate', summary: 'Потрібен соціальний супровід', otherSpecialists: [], familyAgreement: 'agrees', familyComment: '', agreementDate: isoOf(todayKyiv()) },
  };
  const saved = await api<{ version: number }>(page, 'PUT', `/api/v1/cases/${caseId}/needs-assessment`, { version: na.version, content });
  await api(page, 'POST', `/api/v1/cases/${caseId}/needs-assessment/completion`, { version: saved.version });
  let c = await api<{ version: number; step: string }>(page, 'GET', `/api/v1/cases/${caseId}`);
  if (c.step === 'family_assessment') c = await api(page, 'POST', `/api/v1/cases/${caseId}/transitions`, { to: 'case_planning', version: c.version });
  if (c.step !== 'case_planning') throw new Error(`the case is at ${c.step}, not case planning`);
  return caseId;
}

async function fillDate(page: Page, scope: ReturnType<Page['locator']> | Page, label: string, value: string): Promise<void> {
  const input = scope.getByRole('textbox', { name: label, exact: true });
  await input.fill(value);
  await input.press('Escape');
}

/** The journey's name in the run's report. */
export const name = 'social support plan, versions and comparison, decisions, agreements, emergency contacts';

/** The journey; throws on the first failure. */
export async function runJourney(baseUrl: string): Promise<void> {
  await inBrowser('planning', async ({ page, scan }) => {
    step('set-up: prevention case at case planning (API)');
    await login(page, baseUrl, 'cm.bucha');
    const surname = `Планенко${randomCyrillic(5)}`;
    const caseId = await preparePlanningCase(page, surname);

    step('plan tab: no plan yet');
    await page.goto(`${baseUrl}/cases/${caseId}?tab=plan`);
    await expectVisible(page.getByRole('heading', { name: 'План соціального супроводу' }), 'the plan tab');
    await expectVisible(page.getByText('Плану соціального супроводу ще немає.'), 'the empty state');
    await expectVisible(page.getByRole('heading', { name: 'Рішення щодо надання соціальних послуг' }), 'the decisions section');
    await scan('plan tab (empty)');

    step('plan editor: goal 1 with a family member responsible');
    await page.getByRole('button', { name: 'Створити план' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'План соціального супроводу — версія 1' }), 'the plan editor');
    await page.getByLabel('Сфера нової цілі').selectOption({ label: 'Економічна стабільність і житло (батьки / доглядачі)' });
    await page.getByRole('button', { name: 'Додати ціль' }).click();
    const goal1 = page.getByRole('region', { name: 'Ціль 1', exact: true });
    await goal1.getByRole('textbox', { name: 'Ціль', exact: true }).fill('Сім’я має стабільний дохід');
    const m11 = page.getByRole('region', { name: 'Захід 1.1' });
    await m11.getByLabel('Захід (що зробити)').fill('Оформити допомогу на дитину');
    await m11.getByLabel('Вид заходу').selectOption({ label: 'Підготовка документів для отримання державної допомоги' });
    await fillDate(page, m11, 'Строк виконання', kyivDatePlus(30));
    await m11.getByRole('radio', { name: 'Член сім’ї' }).check();
    await m11.getByRole('combobox', { name: 'Член сім’ї' }).selectOption({ label: `${surname} Ольга Петрівна (мати)` });
    await m11.getByLabel('Очікуваний результат').fill('Допомогу призначено');
    await scan('plan editor');

    step('agreeing too early is refused with the missing parts');
    await page.getByRole('button', { name: 'Погодити план із сім’єю' }).click();
    const missing = page.getByRole('alert').filter({ hasText: 'Не можна погодити план: бракує частин' });
    await expectVisible(missing, 'the refusal with the missing parts');
    await expectVisible(missing.getByRole('button', { name: 'немає думки дитини або причини, чому її не з’ясовано' }), 'the missing child’s views');
    await expectVisible(missing.getByRole('button', { name: 'не вказано, хто підписав за сім’ю' }), 'the missing signature');

    step('goal 2 with a catalogue service and an agency responsible');
    await page.getByLabel('Сфера нової цілі').selectOption({ label: 'Освіта та розвиток (дитина)' });
    await page.getByRole('button', { name: 'Додати ціль' }).click();
    const goal2 = page.getByRole('region', { name: 'Ціль 2', exact: true });
    await goal2.getByRole('textbox', { name: 'Ціль', exact: true }).fill('Марія регулярно відвідує школу');
    const m21 = page.getByRole('region', { name: 'Захід 2.1' });
    await m21.getByLabel('Захід (що зробити)').fill('Консультації для матері щодо навчання дитини');
    await fillDate(page, m21, 'Строк виконання', kyivDatePlus(60));
    await m21.getByRole('radio', { name: 'Установа, організація' }).check();
    await m21.getByLabel('Назва установи чи організації').fill('Бучанський ліцей № 3');
    await m21.getByLabel('Очікуваний результат').fill('Пропусків немає');
    await m21.getByLabel('Соціальна послуга з переліку').first().fill('консульт');
    await page.getByRole('option', { name: /Консультування · basic_counselling/ }).click();
    await page.getByLabel('Думка дитини щодо плану').fill('Марія хоче ходити до школи разом із подругою');
    await page.getByLabel('Участь сім’ї у плануванні').fill('Мати і бабуся брали участь у зустрічі');
    await page.getByRole('button', { name: 'Зберегти чернетку' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: /Збережено о/ }), 'the saved draft');

    step('agree with the family’s date');
    await fillDate(page, page, 'Дата погодження сім’єю', todayKyiv());
    await page.getByLabel('Хто підписав за сім’ю').fill(`${surname} О. П.`);
    await page.getByRole('button', { name: 'Погодити план із сім’єю' }).click();
    await page.waitForURL((u) => u.pathname === `/cases/${caseId}` && u.searchParams.get('tab') === 'plan');
    await expectVisible(page.getByRole('heading', { name: `Чинний план — версія 1, погоджено ${todayKyiv()}` }), 'the agreed plan in force');
    await expectVisible(page.getByRole('link', { name: 'Друкувати (PDF)' }), 'the print link');
    await expectVisible(page.getByText(`${surname} Ольга Петрівна (член сім’ї)`), 'the family member responsible');
    await scan('plan tab (agreed)');

    step('version 2 with a change, read-only version 1');
    await page.getByRole('button', { name: 'Створити нову версію' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'План соціального супроводу — версія 2' }), 'the version 2 editor');
    await page.getByRole('region', { name: 'Ціль 1', exact: true }).getByRole('textbox', { name: 'Ціль', exact: true }).fill('Сім’я має стабільний дохід і житло');
    await fillDate(page, page, 'Дата погодження сім’єю', todayKyiv());
    await page.getByLabel('Хто підписав за сім’ю').fill(`${surname} О. П.`);
    await page.getByRole('button', { name: 'Погодити план із сім’єю' }).click();
    await page.waitForURL((u) => u.pathname === `/cases/${caseId}` && u.searchParams.get('tab') === 'plan');
    await expectVisible(page.getByRole('heading', { name: /Чинний план — версія 2/ }), 'version 2 in force');
    const versions = page.getByRole('table', { name: /Версії плану/ });
    await expectVisible(versions.getByRole('row').filter({ hasText: 'Замінено новою версією' }), 'version 1 superseded');

    step('compare versions 1 and 2');
    await page.getByLabel('Попередня версія').selectOption({ label: 'Версія 1' });
    await page.getByLabel('Нова версія').selectOption({ label: 'Версія 2' });
    await page.getByRole('button', { name: 'Порівняти' }).click();
    await expectVisible(page.getByText('Що змінилося з версії 1 до версії 2'), 'the comparison');
    await expectVisible(page.getByText('Змінено цілі'), 'the changed goals');
    await expectVisible(page.getByText('Ціль: було «Сім’я має стабільний дохід», стало «Сім’я має стабільний дохід і житло»'), 'the changed goal text');
    await scan('plan tab (comparison)');

    step('send the agreed plan to the supervisor');
    await page.getByRole('button', { name: 'Подати на погодження супервізору' }).click();
    await expectVisible(page.getByText('Очікує погодження супервізора'), 'the pending approval');
    if ((await page.getByRole('button', { name: 'Подати на погодження супервізору' }).count()) !== 0) throw new Error('the plan can be sent twice');

    step('version 1 read-only');
    await versions.getByRole('link', { name: 'Версія 1' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'План соціального супроводу — версія 1' }), 'version 1');
    await expectVisible(page.getByText('Цю версію погоджено із сім’єю, її не змінюють.', { exact: false }), 'the read-only note');
    await scan('plan version (read-only)');
    await page.getByRole('link', { name: /← Випадок №/ }).click();

    step('decision to provide services');
    await page.getByRole('button', { name: 'Записати рішення' }).click();
    const decisionForm = page.getByRole('form', { name: 'Нове рішення' });
    await decisionForm.getByRole('radio', { name: 'Надавати послуги' }).check();
    await decisionForm.getByLabel('Послуги, щодо яких ухвалено рішення').first().fill('консульт');
    await page.getByRole('option', { name: /Консультування · basic_counselling/ }).click();
    await decisionForm.getByRole('button', { name: 'Записати рішення' }).click();
    const decisions = page.getByRole('table', { name: /Рішення щодо надання соціальних послуг/ });
    await expectVisible(decisions.getByRole('cell', { name: 'Надавати послуги' }), 'the recorded decision');
    await expectVisible(decisions.getByRole('cell', { name: 'Консультування' }), 'the decided service');

    step('service agreement');
    await page.getByRole('button', { name: 'Записати договір' }).click();
    const agreementForm = page.getByRole('form', { name: 'Новий договір' });
    await expectVisible(agreementForm.getByText('версія 2', { exact: false }), 'the agreed plan version in the agreement');
    await agreementForm.getByLabel('Надавач послуг').selectOption({ label: 'Громадська організація «Родинне коло» (Бучанська)' });
    await agreementForm.getByLabel('Хто підписав від отримувача').fill(`${surname} О. П.`);
    await agreementForm.getByRole('button', { name: 'Записати договір' }).click();
    const agreements = page.getByRole('table', { name: /Договори про надання соціальних послуг/ });
    await expectVisible(agreements.getByRole('cell', { name: 'Чинний' }), 'the agreement in force');
    await scan('plan tab (decision and agreement)');

    step('emergency contact recorded and converted into a case');
    await page.getByRole('navigation', { name: 'Основна навігація' }).getByRole('link', { name: 'Кризові звернення' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Екстрені (кризові) звернення' }), 'the emergency contacts page');
    await scan('emergency contacts');
    await page.getByRole('button', { name: 'Записати звернення' }).click();
    const ecSurname = `Кризенко${randomCyrillic(5)}`;
    const form = page.getByRole('region', { name: 'Нове екстрене звернення' });
    await form.getByLabel('Ситуація і надана допомога').fill('Вночі зателефонувала сусідка: дитина сама вдома, мати в лікарні. Дитину тимчасово влаштовано до бабусі.');
    await form.getByLabel('Є загроза життю або здоров’ю дитини').check();
    await form.getByLabel('Надані послуги').first().fill('консульт');
    await page.getByRole('option', { name: /Консультування · basic_counselling/ }).click();
    const child = form.getByRole('region', { name: 'Дитина 1' });
    await child.getByLabel('Прізвище').fill(ecSurname);
    await child.getByRole('textbox', { name: 'Ім’я', exact: true }).fill('Софія');
    await fillDate(page, child, 'Дата народження', '11.05.2019');
    await child.getByRole('radio', { name: 'Жіноча' }).check();
    await child.getByLabel('Родинний зв’язок').fill('донька');
    await scan('emergency contact form');
    await form.getByRole('button', { name: 'Записати звернення' }).click();
    await expectVisible(page.getByText('Звернення записано.'), 'the recorded contact');
    const row = page.getByRole('row').filter({ hasText: ecSurname });
    await expectVisible(row.getByText('Загроза життю або здоров’ю'), 'the urgency in the list');
    await row.getByRole('button', { name: /Відкрити випадок/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Відкрити випадок зі звернення' });
    await expectVisible(dialog, 'the conversion dialog');
    await scan('emergency conversion dialog');
    await dialog.getByRole('button', { name: 'Відкрити випадок' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}/);
    await expectVisible(page.getByRole('heading', { level: 1, name: new RegExp(ecSurname) }), 'the new case from the contact');

    step('threat recorded: no refusal or termination offered');
    await page.goto(`${page.url().split('?')[0]}?tab=plan`);
    await expectVisible(page.getByText('Поки вона є, відмовити в наданні соціальних послуг або припинити їх надання не можна', { exact: false }), 'the art. 24 explanation');
    await page.getByRole('button', { name: 'Записати рішення' }).click();
    await expectVisible(page.getByRole('radio', { name: 'Надавати послуги' }), 'the provide option');
    if ((await page.getByRole('radio', { name: 'Відмовити в наданні послуг' }).count()) !== 0) throw new Error('refusal is offered while a threat is recorded');
    await scan('plan tab (threat recorded)');

    step('the emergency contact shows its case');
    await page.getByRole('navigation', { name: 'Основна навігація' }).getByRole('link', { name: 'Кризові звернення' }).click();
    await expectVisible(page.getByRole('row').filter({ hasText: ecSurname }).getByRole('link', { name: /Випадок №/ }), 'the case link on the contact');
  });
}
