// Monitoring, review and closure in a real browser (SPEC §2.6, §2.10, §2.12–§2.14, §2.16): a case with an agreed plan
// at the case-review step is set up through the API; then, through the screens, the case manager records baseline
// benchmarks, builds the team, writes a note, records a home visit, a delivered service and a quarterly report, holds a
// review that re-scores the benchmarks, is refused closure while a domain is below the threshold, requests closure;
// the supervisor approves (API); the case manager sees the case closed and records the follow-up visit. Axe on each screen.
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { adultIndicators, childIndicators, familyIndicators } from '../src/domain/cases/needs-assessment.ts';
import { expectVisible, inBrowser, login, logout, randomCyrillic, step } from './support.ts';

const headers = { 'X-Requested-With': 'rodyna' };

function isoToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
function isoPlus(days: number): string {
  const d = new Date(`${isoToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function api<T = Record<string, unknown>>(req: APIRequestContext, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown): Promise<T> {
  const res = await req.fetch(url, { method, headers: method === 'GET' ? {} : headers, ...(data === undefined ? {} : { data }) });
  const body = (await res.json().catch(() => null)) as T;
  if (!res.ok()) throw new Error(`${method} ${url} → ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

type CaseBody = { id: string; version: number; step: string; members: Array<{ personId: string; role: string }> };

/** A prevention case registered, assessed, with a two-goal plan agreed by the family, moved on to the case-review step. */
async function setUpCase(page: Page, baseUrl: string, surname: string): Promise<string> {
  const req = page.request;
  const hromadas = await api<{ items: Array<{ id: string; nameUk: string }> }>(req, 'GET', `${baseUrl}/api/v1/territories?level=hromada`);
  const bucha = hromadas.items.find((h) => h.nameUk.includes('Буч')) ?? hromadas.items[0];
  if (!bucha) throw new Error('no hromada for cm.bucha');
  const created = await api<{ caseId: string }>(req, 'POST', `${baseUrl}/api/v1/notifications`, {
    hromadaId: bucha.id,
    source: 'school',
    reporterOrganisation: 'Бучанський ліцей № 3',
    reporterPerson: 'Класна керівниця',
    reporterContact: '',
    receivedAt: new Date().toISOString(),
    description: 'Дитина часто пропускає заняття',
    childFactors: ['parents_evading_duties'],
    adultFactors: ['unemployment'],
    threatToLifeOrHealth: false,
    actionsTaken: '',
    urgentActions: [],
    documents: '',
    members: [
      { role: 'child', relationship: 'донька', person: { surname, givenName: 'Марія', patronymic: 'Іванівна', birthDate: '2016-03-01', sex: 'female', disability: false, latinName: '' } },
      { role: 'adult', relationship: 'мати', person: { surname, givenName: 'Ольга', patronymic: 'Петрівна', birthDate: '1990-01-01', sex: 'female', disability: false, latinName: '' } },
    ],
    openCase: true,
    caseType: 'prevention',
  });
  const caseId = created.caseId;
  const caseUrl = `${baseUrl}/api/v1/cases/${caseId}`;
  const rated = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, { rating: 'no_concern', note: '' }]));
  type Content = { members: object[]; children: object[]; adults: object[] };
  const na = await api<{ version: number; content: Content }>(req, 'GET', `${caseUrl}/needs-assessment`);
  const content = {
    ...na.content,
    members: na.content.members.map((m) => ({ ...m, legalCapacity: 'full', occupation: 'учениця', registeredAtResidence: true })),
    children: na.content.children.map((c) => ({ ...c, indicators: rated(childIndicators), strengths: 'Любить читати', needs: 'Підтримка з навчання', childViews: 'Хоче жити з мамою' })),
    adults: na.content.adults.map((a) => ({ ...a, indicators: rated(adultIndicators), strengths: 'Турботлива мати', needs: 'Робота' })),
    family: { indicators: rated(familyIndicators), strengths: 'Підтримка бабусі', needs: 'Стабільний дохід' },
    conclusion: { complexity: 'moderate', summary: 'Потрібен соціальний супровід', otherSpecialists: [], familyAgreement: 'agrees', familyComment: '', agreementDate: isoToday() },
  };
  const saved = await api<{ version: number }>(req, 'PUT', `${caseUrl}/needs-assessment`, { version: na.version, content });
  await api(req, 'POST', `${caseUrl}/needs-assessment/completion`, { version: saved.version });
  const move = async (to: string) => {
    const c = await api<CaseBody>(req, 'GET', caseUrl);
    if (c.step === to) return;
    await api(req, 'POST', `${caseUrl}/transitions`, { to, version: c.version });
  };
  await move('case_planning');
  const draft = await api<{ id: string; version: number }>(req, 'POST', `${caseUrl}/plans`);
  const plan = await api<{ version: number }>(req, 'PUT', `${caseUrl}/plans/${draft.id}`, {
    version: draft.version,
    childViews: 'Марія хоче залишитися вдома',
    familyParticipation: 'Мати брала участь у плануванні',
    goals: [
      { domain: 'economic_housing', text: 'Сім’я має стабільний дохід', measures: [{ action: 'Оформити допомогу на дитину', measureType: 'documents_for_state_aid', responsible: { kind: 'agency', name: 'ЦНСП Бучі' }, deadline: isoPlus(30), expectedResult: 'Допомогу призначено', serviceCode: 'issb_family_social_support' }] },
      { domain: 'education_development', text: 'Марія регулярно відвідує школу', measures: [{ action: 'Зустрічі з класним керівником', measureType: 'other', responsible: { kind: 'agency', name: 'Ліцей № 3' }, deadline: isoPlus(60), expectedResult: 'Пропусків немає' }] },
    ],
  });
  await api(req, 'POST', `${caseUrl}/plans/${draft.id}/agreement`, { version: plan.version, agreedOn: isoToday(), signedBy: `${surname} О. П.` });
  for (const to of ['implementation', 'monitoring', 'case_review']) await move(to);
  return caseId;
}

/** Scores every domain radio group inside `scope`: `scoreOf(domain index)` picks the level (1–4). */
async function scoreDomains(scope: Locator | Page, scoreOf: (i: number) => number): Promise<number> {
  const groups = scope.getByRole('radiogroup', { name: /^Оцінка/ });
  const strengths = scope.getByRole('textbox', { name: /^Сильні сторони/ });
  const count = await groups.count();
  for (let i = 0; i < count; i += 1) {
    await groups.nth(i).getByRole('radio', { name: new RegExp(`^${scoreOf(i)} — `) }).check();
    await strengths.nth(i).fill(`Сильна сторона ${i + 1}`);
  }
  return count;
}

async function openTab(page: Page, baseUrl: string, caseId: string, tab: string): Promise<void> {
  await page.goto(`${baseUrl}/cases/${caseId}?tab=${tab}`);
  await expectVisible(page.getByRole('tab', { selected: true }), `the ${tab} tab`);
}

export const name = 'monitoring: benchmarks, work, review, closure refused and approved, follow-up, with axe scans';

export async function runJourney(baseUrl: string): Promise<void> {
  await inBrowser('monitoring', async ({ page, scan }) => {
    const surname = `Моніторенко${randomCyrillic(5)}`;
    await login(page, baseUrl, 'cm.bucha');
    step('set up a case with an agreed plan at the case-review step (API)');
    const caseId = await setUpCase(page, baseUrl, surname);

    step('baseline benchmarks');
    await openTab(page, baseUrl, caseId, 'assessment');
    await expectVisible(page.getByRole('heading', { name: 'Показники благополуччя' }), 'the benchmarks section');
    await expectVisible(page.getByText('Запишіть початкову оцінку', { exact: false }), 'the benchmarks empty state');
    await page.getByRole('link', { name: 'Записати оцінку показників' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Оцінка показників благополуччя' }), 'the benchmarks form');
    await scan('benchmarks form');
    const domains = await scoreDomains(page, (i) => (i === 0 ? 1 : 2));
    if (domains < 7) throw new Error(`expected at least 7 benchmark domains, saw ${domains}`);
    await page.getByRole('button', { name: 'Зберегти оцінку' }).click();
    await expectVisible(page.getByRole('button', { name: 'Показати як таблицю' }), 'the benchmark chart toggle');
    const charts = page.getByTestId('benchmark-charts').getByRole('img');
    if ((await charts.count()) !== domains) throw new Error(`expected ${domains} charts, saw ${await charts.count()}`);
    await scan('assessment tab with benchmark chart');

    step('work tab: team, note, home visit, delivered service, quarterly report');
    await openTab(page, baseUrl, caseId, 'work');
    await expectVisible(page.getByText('До команди ще нікого не додано', { exact: false }), 'the team empty state');
    await scan('work tab (empty)');
    await page.getByRole('button', { name: 'Додати учасника' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: /^Користувач/ }).selectOption({ index: 1 });
    await dialog.getByLabel('Роль у команді').selectOption({ label: 'Педагог' });
    await scan('team member dialog');
    await dialog.getByRole('button', { name: 'Додати учасника' }).click();
    await expectVisible(page.getByRole('cell', { name: 'Педагог' }), 'the new team member');
    await expectVisible(page.getByRole('button', { name: /^Завершити участь/ }), 'the end-membership action');

    await page.getByRole('button', { name: 'Додати запис' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Вид запису').selectOption({ label: 'Телефонна розмова' });
    await dialog.getByRole('textbox', { name: /^Текст запису/ }).fill('Мати повідомила, що знайшла підробіток.');
    await dialog.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(page.getByText('Мати повідомила, що знайшла підробіток.'), 'the new note');
    await expectVisible(page.getByRole('button', { name: /^Виправити запис/ }), 'the 24-hour correction action');

    await page.getByRole('link', { name: 'Записати відвідування' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Відвідування сім’ї' }), 'the home visit form');
    await page.getByRole('checkbox', { name: new RegExp(`^${surname} Марія`) }).check();
    await page.getByRole('checkbox', { name: new RegExp(`^${surname} Ольга`) }).check();
    await page.getByRole('radiogroup', { name: /^Дитину бачили наодинці/ }).getByRole('radio', { name: 'Так' }).check();
    await page.getByRole('textbox', { name: /^Спостереження/ }).fill('Чисто, є продукти. Марія показала свої шкільні зошити.');
    await scan('home visit form');
    await page.getByRole('button', { name: 'Зберегти відвідування' }).click();
    await expectVisible(page.getByText('Чисто, є продукти.', { exact: false }), 'the recorded visit');
    await expectVisible(page.getByText('Дитину бачили наодинці: Так'), 'child seen alone on the visit');
    await expectVisible(page.getByText('Наступне відвідування за графіком моніторингу'), 'the next visit from the schedule');

    await page.getByRole('button', { name: 'Записати надану послугу' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Захід плану').selectOption({ index: 1 });
    await dialog.getByRole('textbox', { name: /^Примітки/ }).fill('Консультація щодо документів');
    await scan('delivered service dialog');
    await dialog.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(page.getByRole('cell', { name: 'Оформити допомогу на дитину' }), 'the delivered service against the plan measure');

    await page.getByRole('button', { name: 'Подати квартальний звіт' }).click();
    dialog = page.getByRole('dialog');
    const statuses = dialog.getByLabel(/^Стан виконання/);
    for (let i = 0; i < (await statuses.count()); i += 1) await statuses.nth(i).selectOption({ label: 'Виконується' });
    await scan('quarterly report dialog');
    await dialog.getByRole('button', { name: 'Подати звіт' }).click();
    await expectVisible(page.getByText('Виконується за планом'), 'the submitted quarterly report');
    await scan('work tab (filled)');

    step('review re-scoring benchmarks');
    await openTab(page, baseUrl, caseId, 'review');
    await expectVisible(page.getByText('Переглядів ще не було', { exact: false }), 'the reviews empty state');
    await scan('review tab');
    await page.getByRole('link', { name: 'Записати перегляд або нараду' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Перегляд випадку' }), 'the review form');
    await page.getByRole('textbox', { name: 'Що думає і чого хоче дитина' }).fill('Марії подобається в школі');
    for (const g of await page.getByRole('radiogroup', { name: /^Досягнення мети/ }).all()) await g.getByRole('radio', { name: 'Досягнуто частково' }).check();
    await scoreDomains(page, () => 3);
    await scan('review form');
    await page.getByRole('button', { name: 'Зберегти перегляд' }).click();
    await expectVisible(page.getByText('Продовжити супровід за планом'), 'the recorded review decision');
    await expectVisible(page.getByText(/^Наступний перегляд — до \d{2}\.\d{2}\.\d{4}/), 'the next review due date');
    await page.getByRole('link', { name: 'Переоцінені показники благополуччя' }).first().click();
    await expectVisible(page.getByRole('button', { name: 'Показати як таблицю' }), 'the benchmark chart');
    for (let i = 0; i < domains; i += 1) {
      const points = await page.getByTestId('benchmark-charts').getByRole('img').nth(i).locator('circle').count();
      if (points !== 2) throw new Error(`chart ${i + 1}: expected 2 points, saw ${points}`);
    }
    await page.getByRole('button', { name: 'Показати як таблицю' }).click();
    const table = page.getByRole('table', { name: /^Показники благополуччя:/ });
    await expectVisible(table, 'the benchmark table');
    if ((await table.getByRole('columnheader').count()) !== 3) throw new Error('the benchmark table should have a domain column and two dates');
    await scan('benchmark table');

    step('closure refused below the threshold, then requested');
    await openTab(page, baseUrl, caseId, 'review');
    await page.getByRole('link', { name: 'Подати запит на закриття' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Запит на закриття випадку' }), 'the closure form');
    for (const c of ['Цілі плану досягнуто', 'Показники благополуччя на рівні порогу або вище', 'Дитина в безпечному стабільному сімейному догляді', 'Підтримку сім’ї налагоджено']) await page.getByRole('checkbox', { name: c }).check();
    await page.getByRole('textbox', { name: 'Думка дитини', exact: true }).fill('Марія каже, що їй добре вдома');
    await page.getByRole('textbox', { name: /^Думка сім’ї/ }).fill('Мати вважає, що впорається сама');
    for (const g of await page.getByRole('radiogroup', { name: /^Досягнення мети/ }).all()) await g.getByRole('radio', { name: 'Досягнуто повністю' }).check();
    await scoreDomains(page, (i) => (i === 0 ? 2 : 3));
    await page.getByLabel('Послуга 1', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('textbox', { name: /^Послуга 1: опис/ }).fill('Соціальний супровід сім’ї');
    for (const f of await page.getByRole('textbox', { name: /: на початку/ }).all()) await f.fill('Складні життєві обставини');
    for (const f of await page.getByRole('textbox', { name: /: в кінці/ }).all()) await f.fill('Обставини подолано');
    await page.getByRole('textbox', { name: /^Рекомендації/ }).fill('Підтримувати зв’язок зі школою');
    await scan('closure form');
    await page.getByRole('button', { name: 'Надіслати на погодження супервізору' }).click();
    const blockers = page.getByRole('alert').filter({ hasText: 'Випадок поки не можна закрити' });
    await expectVisible(blockers, 'the translated closure refusal');
    await expectVisible(blockers.getByText('нижче порогу для закриття', { exact: false }), 'the below-threshold blocker');
    await expectVisible(blockers.getByRole('link', { name: 'Безпека' }), 'the link to the domain to fix');
    await scan('closure form refused');
    await page.getByRole('group', { name: 'Безпека' }).getByRole('radio', { name: /^3 — / }).check();
    await page.getByRole('button', { name: 'Надіслати на погодження супервізору' }).click();
    await expectVisible(page.getByText('Очікує погодження'), 'the pending closure request');
    await expectVisible(page.getByRole('link', { name: 'Друкувати звіт (PDF)' }), 'the results report link');

    step('supervisor approves (approvals API)');
    await logout(page);
    await login(page, baseUrl, 'sv.bucha');
    const queue = await api<{ items: Array<{ id: string; version: number; kind: string; case: { id: string } }> }>(page.request, 'GET', `${baseUrl}/api/v1/approvals?status=pending`);
    const approval = queue.items.find((a) => a.case.id === caseId && a.kind === 'closure');
    if (!approval) throw new Error('the closure approval is not in the supervisor’s queue');
    await api(page.request, 'POST', `${baseUrl}/api/v1/approvals/${approval.id}/decision`, { decision: 'approve', comment: 'Погоджую', version: approval.version });
    await logout(page);

    step('case closed, follow-up recorded');
    await login(page, baseUrl, 'cm.bucha');
    await openTab(page, baseUrl, caseId, 'review');
    await expectVisible(page.getByText(/^Випадок закрито \d{2}\.\d{2}\.\d{4}/), 'the closed case');
    await expectVisible(page.getByText('Погоджено', { exact: true }), 'the approved closure request');
    await expectVisible(page.getByRole('heading', { name: 'Контрольні візити після закриття' }), 'the follow-up visits');
    await expectVisible(page.getByRole('cell', { name: 'За графіком (3 місяці після закриття)' }), 'the scheduled follow-up');
    await scan('review tab (closed)');
    await page.getByRole('button', { name: /^Записати результат візиту/ }).first().click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Спостереження/ }).fill('Сім’я стабільна, дитина відвідує школу');
    await dialog.getByRole('button', { name: 'Зберегти результат' }).click();
    await expectVisible(page.getByText('Сімейний догляд стабільний', { exact: false }), 'the recorded follow-up visit');
    await expectVisible(page.getByRole('button', { name: 'Відновити випадок' }), 'the reopen action');
  });
}
