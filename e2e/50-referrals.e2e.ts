// Services in a real browser (SPEC §4.1–§4.3, §8): the case manager refers a child from the case's work tab to the
// demo NGO; the provider's worker sees only what the referral carries in the incoming box and declines for lack of
// places; the case manager sees the decline with the feedback and refers again; the provider accepts, starts and
// completes the service; the planner registers a provider and sees the unmet need; the administrator changes a
// service's unit cost; the provider's worker gets the not-found page for the case itself. Axe on every screen.
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { consentToSharing } from './consents.ts';
import { DEMO_PASSWORD, expectVisible, inBrowser, login, logout, randomCyrillic, step } from './support.ts';

const headers = { 'X-Requested-With': 'rodyna' };
const SERVICE_CODE = 'issb_family_social_support';
const SERVICE_UK = 'Соціальний супровід сімей, які перебувають у складних життєвих обставинах';
const PROVIDER_UK = 'Громадська організація «Родинне коло» (Бучанська)';

async function api<T = Record<string, unknown>>(req: APIRequestContext, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown): Promise<T> {
  const res = await req.fetch(url, { method, headers: method === 'GET' ? {} : headers, ...(data === undefined ? {} : { data }) });
  const body = (await res.json().catch(() => null)) as T;
  if (!res.ok()) throw new Error(`${method} ${url} → ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

type Me = { grants: Array<{ role: string; organisationId: string; hromadaId: string | null }> };

/**
 * The demo NGO of Bucha (provider.bucha's organisation) in the providers register offering the service: the demo
 * seed registers it; when it has not, the administrator registers it here (API), so the journey stands on its own.
 */
async function ensureDemoProvider(req: APIRequestContext, baseUrl: string): Promise<void> {
  const me = await api<Me>(req, 'POST', `${baseUrl}/api/v1/auth/login`, { username: 'provider.bucha', password: DEMO_PASSWORD });
  const grant = me.grants.find((g) => g.role === 'provider_worker');
  if (!grant?.hromadaId) throw new Error('provider.bucha has no provider organisation in a hromada');
  await api(req, 'POST', `${baseUrl}/api/v1/auth/logout`);
  await api(req, 'POST', `${baseUrl}/api/v1/auth/login`, { username: 'admin', password: DEMO_PASSWORD });
  const res = await req.fetch(`${baseUrl}/api/v1/providers/${grant.organisationId}`);
  if (res.status() === 404) {
    await api(req, 'POST', `${baseUrl}/api/v1/providers`, {
      organisationId: grant.organisationId,
      nameUk: PROVIDER_UK,
      nameEn: 'NGO "Family Circle" (Bucha)',
      hromadaId: grant.hromadaId,
      kind: 'ngo',
      phone: '+380 44 000 10 10',
      contactPerson: 'Шевчук Тетяна Андріївна',
      services: [
        { serviceCode: 'issb_resilience_counselling', capacity: 20 },
        { serviceCode: SERVICE_CODE, capacity: 15 },
      ],
    });
  } else if (!res.ok()) {
    throw new Error(`GET provider → ${res.status()}`);
  }
  await api(req, 'POST', `${baseUrl}/api/v1/auth/logout`);
}

/** A prevention case with one child in Bucha, registered by the signed-in case manager (API). */
async function setUpCase(req: APIRequestContext, baseUrl: string, surname: string): Promise<{ id: string; number: string }> {
  const hromadas = await api<{ items: Array<{ id: string; nameUk: string }> }>(req, 'GET', `${baseUrl}/api/v1/territories?level=hromada`);
  const bucha = hromadas.items.find((h) => h.nameUk.includes('Буч'));
  if (!bucha) throw new Error('no Bucha hromada');
  const created = await api<{ caseId: string }>(req, 'POST', `${baseUrl}/api/v1/notifications`, {
    hromadaId: bucha.id,
    source: 'school',
    reporterOrganisation: 'Бучанський ліцей № 3',
    reporterPerson: 'Класна керівниця',
    reporterContact: '',
    receivedAt: new Date().toISOString(),
    description: 'Мати сама виховує доньку, втратила роботу',
    childFactors: ['parents_evading_duties'],
    adultFactors: ['unemployment'],
    threatToLifeOrHealth: false,
    actionsTaken: '',
    urgentActions: [],
    documents: '',
    members: [
      { role: 'child', relationship: 'донька', person: { surname, givenName: 'Софія', patronymic: 'Андріївна', birthDate: '2015-05-20', sex: 'female', disability: false, latinName: '' } },
      { role: 'adult', relationship: 'мати', person: { surname, givenName: 'Наталія', patronymic: 'Іванівна', birthDate: '1988-02-11', sex: 'female', disability: false, latinName: '' } },
    ],
    openCase: true,
    caseType: 'prevention',
  });
  const c = await api<{ id: string; number: string }>(req, 'GET', `${baseUrl}/api/v1/cases/${created.caseId}`);
  // The family consents to sharing with providers (SPEC §11), so that the referral may be sent.
  await consentToSharing(req, baseUrl, c.id);
  return { id: c.id, number: c.number };
}

/** Types into a searchable select and picks the option. */
async function pick(page: Page, scope: Locator, label: string, typed: string, option: RegExp): Promise<void> {
  const input = scope.getByLabel(new RegExp(`^${label}( \\*)?$`));
  await input.click();
  if (typed) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** Fills and sends a referral from the case's work tab. */
async function sendReferral(page: Page, reason: string): Promise<void> {
  await page.getByRole('button', { name: 'Нове направлення' }).click();
  const dialog = page.getByRole('dialog', { name: 'Нове направлення' });
  await expectVisible(dialog, 'the referral form');
  await pick(page, dialog, 'Послуга', 'Соціальний супровід сімей', /^Соціальний супровід сімей, які перебувають/);
  await pick(page, dialog, 'Надавач послуг', '', /Родинне коло.*вільних місць/);
  await dialog.getByLabel('Опис ситуації (чому направляєте)').fill(reason);
  await dialog.getByLabel('Які послуги або втручання потрібні').fill('Сімейне наставництво, допомога з працевлаштуванням матері');
  await dialog.getByLabel('Як зв’язатися із сім’єю').fill('+380 67 123 45 67');
  await dialog.getByRole('button', { name: 'Зберегти й надіслати' }).click();
  await expectVisible(page.getByRole('status').filter({ hasText: 'Направлення надіслано надавачу.' }), 'the sent notice');
}

export const name = 'referrals: refer, decline for no capacity, refer again, accept and complete, unmet need, providers, catalogue, with axe scans';

export async function runJourney(baseUrl: string): Promise<void> {
  await inBrowser('referrals', async ({ page, scan }) => {
    const surname = `Направленко${randomCyrillic(5)}`;
    const childName = `${surname} Софія Андріївна`;
    step('the demo provider is in the register (API)');
    await ensureDemoProvider(page.request, baseUrl);

    step('case manager: a case (API), the providers register');
    await login(page, baseUrl, 'cm.bucha');
    const c = await setUpCase(page.request, baseUrl, surname);
    const nav = page.getByRole('navigation', { name: 'Основна навігація' });
    await nav.getByRole('link', { name: 'Надавачі послуг' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Надавачі соціальних послуг' }), 'the providers register');
    await pick(page, page.getByRole('main'), 'Послуга', 'Соціальний супровід сімей', /^Соціальний супровід сімей, які перебувають/);
    await expectVisible(page.getByRole('link', { name: PROVIDER_UK }), 'the demo NGO in the register');
    await scan('providers register');
    await page.getByRole('link', { name: PROVIDER_UK }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: PROVIDER_UK }), 'the provider page');
    await expectVisible(page.getByRole('table', { name: 'Послуги надавача, місця та зайнятість' }).getByRole('rowheader', { name: new RegExp(SERVICE_UK) }), 'the service with its places');
    await scan('provider page');

    step('case manager: a referral from the work tab, sent');
    await page.goto(`${baseUrl}/cases/${c.id}?tab=work`);
    const section = page.getByRole('region', { name: 'Направлення до надавачів послуг' });
    await expectVisible(section.getByText('Направлень ще немає', { exact: false }), 'the referrals empty state');
    await sendReferral(page, 'Мати втратила роботу, дитина пропускає школу. Потрібен соціальний супровід сім’ї.');
    await expectVisible(section.getByRole('table').getByText('Надіслано', { exact: true }), 'the sent referral in the case');
    await expectVisible(section.getByText(/^до \d{2}\.\d{2}\.\d{4}$/), 'the provider’s answer deadline');
    await scan('case work tab with a referral');
    await logout(page);

    step('provider: the incoming referral with only what it carries; declined for no places');
    await login(page, baseUrl, 'provider.bucha');
    await nav.getByRole('link', { name: 'Направлення' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Направлення' }), 'the referrals page');
    await expectVisible(page.getByRole('tab', { name: 'Вхідні (до надавача)', selected: true }), 'the incoming box');
    const incoming = page.getByRole('table', { name: 'Направлення, надіслані вашій організації' });
    const row = incoming.getByRole('row').filter({ hasText: childName });
    await expectVisible(row, 'the referral in the inbox');
    if ((await incoming.getByRole('columnheader', { name: 'Випадок' }).count()) !== 0) throw new Error('the provider’s inbox shows a case column');
    await scan('referrals inbox (provider)');
    await row.getByRole('button', { name: /^Відкрити направлення/ }).click();
    let panel = page.getByRole('dialog', { name: /^Направлення: / });
    await expectVisible(panel.getByText(childName), 'the child’s name');
    await expectVisible(panel.getByText('+380 67 123 45 67'), 'the contact');
    await expectVisible(panel.getByText('Мати втратила роботу', { exact: false }), 'the reason');
    if ((await panel.getByText(c.number).count()) !== 0) throw new Error('the provider sees the case number');
    await scan('referral panel (provider)');
    await panel.getByRole('button', { name: 'Відмовити', exact: true }).click();
    await panel.getByRole('button', { name: 'Відмовити', exact: true }).click();
    await expectVisible(panel.getByText('Оберіть причину відмови.'), 'the missing-reason message');
    await pick(page, panel, 'Причина відмови', '', /^Немає вільних місць$/);
    await expectVisible(panel.getByText('буде враховано як незадоволену потребу', { exact: false }), 'the unmet-need notice');
    await panel.getByLabel('Відгук для того, хто направив').fill('Усі місця зайняті до кінця місяця. Спробуйте направити знову.');
    await panel.getByRole('button', { name: 'Відмовити', exact: true }).click();
    await expectVisible(panel.getByRole('status').filter({ hasText: 'Відмову надіслано тому, хто направив.' }), 'the decline notice');
    await expectVisible(panel.getByText('Відмовлено', { exact: true }), 'the declined status');
    await panel.getByRole('button', { name: 'Закрити' }).first().click();

    step('provider: the case itself is not found');
    await page.goto(`${baseUrl}/cases/${c.id}`);
    await expectVisible(page.getByRole('heading', { name: 'Не знайдено або немає доступу' }), 'the not-found page for the case');
    await logout(page);

    step('case manager: the decline with feedback; a second referral');
    await login(page, baseUrl, 'cm.bucha');
    await page.goto(`${baseUrl}/cases/${c.id}?tab=work`);
    await expectVisible(section.getByText('Відмовлено', { exact: true }), 'the declined referral');
    await expectVisible(section.getByText('Немає вільних місць', { exact: true }), 'the decline reason');
    await expectVisible(section.getByText('Усі місця зайняті до кінця місяця', { exact: false }), 'the provider’s feedback');
    await sendReferral(page, 'Повторне направлення: сім’я досі потребує супроводу.');
    await nav.getByRole('link', { name: 'Направлення' }).click();
    await expectVisible(page.getByRole('tab', { name: 'Надіслані з випадків', selected: true }), 'the outgoing box');
    await expectVisible(page.getByRole('link', { name: c.number }).first(), 'the case of the referral in the outgoing box');
    await scan('referrals outgoing box');
    await logout(page);

    step('provider: accept, start and complete with feedback');
    await login(page, baseUrl, 'provider.bucha');
    await page.goto(`${baseUrl}/referrals?status=sent`);
    await page.getByRole('table').getByRole('row').filter({ hasText: childName }).getByRole('button', { name: /^Відкрити направлення/ }).first().click();
    panel = page.getByRole('dialog', { name: /^Направлення: / });
    for (const [action, notice] of [
      ['Прийняти', 'Направлення прийнято.'],
      ['Розпочати надання послуги', 'Надання послуги розпочато.'],
    ] as const) {
      await panel.getByRole('button', { name: action, exact: true }).click();
      await panel.getByRole('button', { name: action, exact: true }).last().click();
      await expectVisible(panel.getByRole('status').filter({ hasText: notice }), notice);
    }
    await panel.getByRole('button', { name: 'Завершити', exact: true }).click();
    await panel.getByLabel('Відгук для того, хто направив').fill('Сім’я пройшла 8 зустрічей наставництва, мати працевлаштована.');
    await panel.getByRole('button', { name: 'Завершити', exact: true }).last().click();
    await expectVisible(panel.getByRole('status').filter({ hasText: 'Надання послуги завершено.' }), 'the completed notice');
    await expectVisible(panel.getByText('Завершено', { exact: true }), 'the completed status');
    await panel.getByRole('button', { name: 'Закрити' }).first().click();
    await logout(page);

    step('case manager: the completed referral with feedback');
    await login(page, baseUrl, 'cm.bucha');
    await page.goto(`${baseUrl}/cases/${c.id}?tab=work`);
    await expectVisible(section.getByText('Завершено', { exact: true }), 'the completed referral');
    await expectVisible(section.getByText('мати працевлаштована', { exact: false }), 'the completion feedback');
    await logout(page);

    step('planner: unmet need, and a new provider in the register');
    await login(page, baseUrl, 'planner.bucha');
    await nav.getByRole('link', { name: 'Незадоволені потреби' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Незадоволені потреби' }), 'the unmet-need page');
    const unmet = page.getByRole('table', { name: /^Незадоволені потреби за громадою та послугою/ });
    const unmetRow = unmet.getByRole('row').filter({ hasText: SERVICE_UK });
    await expectVisible(unmetRow, 'the unmet need for the service');
    const count = Number((await unmetRow.getByRole('cell').last().innerText()).trim());
    if (!(count >= 1)) throw new Error(`expected an unmet-need count of at least 1, saw ${count}`);
    await expectVisible(page.getByRole('list', { name: /^Стовпчикова діаграма/ }), 'the bar view');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Завантажити таблицю (CSV)' }).click();
    if (!(await download).suggestedFilename().endsWith('.csv')) throw new Error('the download is not a CSV file');
    await scan('unmet need');

    const providerName = `Центр «Турбота ${randomCyrillic(4)}»`;
    await nav.getByRole('link', { name: 'Надавачі послуг' }).click();
    await page.getByRole('button', { name: 'Додати надавача' }).click();
    const form = page.getByRole('dialog', { name: 'Новий надавач послуг' });
    await form.getByLabel('Назва українською').fill(providerName);
    await form.getByLabel('Назва англійською').fill('Care Centre');
    await pick(page, form, 'Організаційно-правова форма', '', /^Громадська організація$/);
    await form.getByLabel('Код ЄДРПОУ').fill('123');
    await form.getByRole('button', { name: 'Додати послугу' }).click();
    await pick(page, form, 'Послуга 1', 'Кризове', /Кризове/);
    await form.getByLabel('Місць').fill('5');
    await scan('provider form');
    await form.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(form.getByText('Код ЄДРПОУ має 8 цифр', { exact: false }), 'the EDRPOU message');
    await form.getByLabel('Код ЄДРПОУ').fill('');
    await form.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: providerName }), 'the new provider’s page');
    await expectVisible(page.getByText('Надавача додано до реєстру.'), 'the created notice');
    await logout(page);

    step('administrator: a service’s unit cost in the catalogue');
    await login(page, baseUrl, 'admin');
    await nav.getByRole('link', { name: 'Каталог послуг' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Каталог соціальних послуг' }), 'the catalogue');
    await scan('service catalogue');
    await page.getByRole('button', { name: new RegExp(`^Змінити: ${SERVICE_UK}`) }).click();
    const editor = page.getByRole('dialog', { name: `Змінити послугу: ${SERVICE_CODE}` });
    await editor.getByLabel('Стандартна вартість одиниці, грн').fill('1234,56');
    await scan('service editor');
    await editor.getByRole('button', { name: 'Зберегти послугу' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'збережено' }), 'the saved notice');
    const costRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${SERVICE_UK}`) }) });
    await expectVisible(costRow.getByText(/^1\s234,56\sгрн$/), 'the unit cost in hryvnias');
  });
}
