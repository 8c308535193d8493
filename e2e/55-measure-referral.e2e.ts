// From a plan measure to the service delivered, in a real browser (SPEC §2.8, §2.10, §4.3): a case with an agreed plan
// whose measure names a catalogue service is set up through the API; the case manager refers from the measure on the
// plan tab (the form opens with the service and the measure), the provider's worker accepts, starts and completes the
// service with feedback, and the case manager sees the referral completed with the feedback, records the service
// delivered from the referral in one step and finds it among the delivered services against the measure. Axe on
// every new screen.
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { consentToSharing } from './consents.ts';
import { adultIndicators, childIndicators, familyIndicators } from '../src/domain/cases/needs-assessment.ts';
import { expectVisible, inBrowser, kyivDatePlus, login, logout, randomCyrillic, step, todayKyiv } from './support.ts';

const headers = { 'X-Requested-With': 'rodyna' };
const SERVICE_CODE = 'issb_family_social_support';
const SERVICE_UK = 'Соціальний супровід сімей, які перебувають у складних життєвих обставинах';
const PROVIDER_UK = 'Громадська організація «Родинне коло» (Бучанська)';
const MEASURE = 'Наставництво сім’ї та допомога матері з працевлаштуванням';

async function api<T = Record<string, unknown>>(req: APIRequestContext, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown): Promise<T> {
  const res = await req.fetch(url, { method, headers: method === 'GET' ? {} : headers, ...(data === undefined ? {} : { data }) });
  const body = (await res.json().catch(() => null)) as T;
  if (!res.ok()) throw new Error(`${method} ${url} → ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

/** yyyy-mm-dd of a dd.mm.yyyy date. */
const isoOf = (ddmmyyyy: string) => ddmmyyyy.split('.').reverse().join('-');

/** The demo NGO of Bucha must be in the providers register offering the service (the demo seed registers it). */
async function checkDemoProvider(req: APIRequestContext, baseUrl: string, hromadaId: string): Promise<void> {
  const list = await api<{ items: Array<{ nameUk: string }> }>(req, 'GET', `${baseUrl}/api/v1/providers?serviceCode=${SERVICE_CODE}&hromadaId=${hromadaId}&status=active`);
  if (!list.items.some((p) => p.nameUk === PROVIDER_UK)) throw new Error(`${PROVIDER_UK} does not offer ${SERVICE_CODE} in Bucha: is the demo providers register seeded?`);
}

/** A prevention case in Bucha, assessed, with a plan agreed by the family whose first measure names the service, at implementation. */
async function setUpCase(req: APIRequestContext, baseUrl: string, surname: string): Promise<{ id: string; number: string }> {
  const hromadas = await api<{ items: Array<{ id: string; nameUk: string }> }>(req, 'GET', `${baseUrl}/api/v1/territories?level=hromada`);
  const bucha = hromadas.items.find((h) => h.nameUk.includes('Буч'));
  if (!bucha) throw new Error('no Bucha hromada');
  await checkDemoProvider(req, baseUrl, bucha.id);
  const created = await api<{ caseId: string }>(req, 'POST', `${baseUrl}/api/v1/notifications`, {
    hromadaId: bucha.id,
    source: 'school',
    reporterOrganisation: 'Бучанський ліцей № 3',
    reporterPerson: 'Класна керівниця',
    reporterContact: '',
    receivedAt: new Date().toISOString(),
    description: 'Мати сама виховує сина, втратила роботу',
    childFactors: ['parents_evading_duties'],
    adultFactors: ['unemployment'],
    threatToLifeOrHealth: false,
    actionsTaken: '',
    urgentActions: [],
    documents: '',
    members: [
      { role: 'child', relationship: 'син', person: { surname, givenName: 'Максим', patronymic: 'Олегович', birthDate: '2014-09-12', sex: 'male', disability: false, latinName: '' } },
      { role: 'adult', relationship: 'мати', person: { surname, givenName: 'Ірина', patronymic: 'Василівна', birthDate: '1987-04-03', sex: 'female', disability: false, latinName: '' } },
    ],
    openCase: true,
    caseType: 'prevention',
  });
  const caseUrl = `${baseUrl}/api/v1/cases/${created.caseId}`;
  const rated = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, { rating: 'no_concern', note: '' }]));
  type Content = { members: object[]; children: object[]; adults: object[] };
  const na = await api<{ version: number; content: Content }>(req, 'GET', `${caseUrl}/needs-assessment`);
  const content = {
    ...na.content,
    members: na.content.members.map((m) => ({ ...m, legalCapacity: 'full', occupation: 'учень', registeredAtResidence: true })),
    children: na.content.children.map((c) => ({ ...c, indicators: rated(childIndicators), strengths: 'Любить футбол', needs: 'Підтримка з навчання', childViews: 'Хоче жити з мамою' })),
    adults: na.content.adults.map((a) => ({ ...a, indicators: rated(adultIndicators), strengths: 'Турботлива мати', needs: 'Робота' })),
    family: { indicators: rated(familyIndicators), strengths: 'Підтримка сусідів', needs: 'Стабільний дохід' },
    conclusion: { complexity: 'moderate', summary: 'Потрібен соціальний супровід', otherSpecialists: [], familyAgreement: 'agrees', familyComment: '', agreementDate: isoOf(todayKyiv()) },
  };
  const saved = await api<{ version: number }>(req, 'PUT', `${caseUrl}/needs-assessment`, { version: na.version, content });
  await api(req, 'POST', `${caseUrl}/needs-assessment/completion`, { version: saved.version });
  const move = async (to: string) => {
    const c = await api<{ step: string; version: number }>(req, 'GET', caseUrl);
    if (c.step !== to) await api(req, 'POST', `${caseUrl}/transitions`, { to, version: c.version });
  };
  await move('case_planning');
  const draft = await api<{ id: string; version: number }>(req, 'POST', `${caseUrl}/plans`);
  const plan = await api<{ version: number }>(req, 'PUT', `${caseUrl}/plans/${draft.id}`, {
    version: draft.version,
    childViews: 'Максим хоче залишитися вдома',
    familyParticipation: 'Мати брала участь у плануванні',
    goals: [
      { domain: 'economic_housing', text: 'Сім’я має стабільний дохід', measures: [{ action: MEASURE, measureType: 'other', responsible: { kind: 'agency', name: 'ГО «Родинне коло»' }, deadline: isoOf(kyivDatePlus(60)), expectedResult: 'Мати працевлаштована', serviceCode: SERVICE_CODE }] },
      { domain: 'education_development', text: 'Максим регулярно відвідує школу', measures: [{ action: 'Зустрічі з класним керівником', measureType: 'other', responsible: { kind: 'agency', name: 'Ліцей № 3' }, deadline: isoOf(kyivDatePlus(30)), expectedResult: 'Пропусків немає', serviceCode: null }] },
    ],
  });
  await api(req, 'POST', `${caseUrl}/plans/${draft.id}/agreement`, { version: plan.version, agreedOn: isoOf(todayKyiv()), signedBy: `${surname} І. В.` });
  await move('implementation');
  const c = await api<{ id: string; number: string }>(req, 'GET', caseUrl);
  // The family consents to sharing with providers (SPEC §11), so that the referral may be sent.
  await consentToSharing(req, baseUrl, c.id);
  return { id: c.id, number: c.number };
}

/** Types into a searchable select and picks the option. */
async function pick(page: Page, scope: Locator, label: string, option: RegExp): Promise<void> {
  await scope.getByLabel(new RegExp(`^${label}( \\*)?$`)).click();
  await page.getByRole('option', { name: option }).first().click();
}

export const name = 'plan measure to delivered service: refer from the measure, provider completes, service recorded against the measure, with axe scans';

export async function runJourney(baseUrl: string): Promise<void> {
  await inBrowser('measure-referral', async ({ page, scan }) => {
    const surname = `Заходенко${randomCyrillic(5)}`;
    const childName = `${surname} Максим Олегович`;

    step('case manager: a case with an agreed plan whose measure names a catalogue service (API)');
    await login(page, baseUrl, 'cm.bucha');
    const c = await setUpCase(page.request, baseUrl, surname);

    step('case manager: refer from the measure on the plan tab');
    await page.goto(`${baseUrl}/cases/${c.id}?tab=plan`);
    await expectVisible(page.getByText(MEASURE, { exact: true }).first(), 'the measure in the agreed plan');
    const referButtons = page.getByRole('button', { name: /^Направити до надавача/ });
    await expectVisible(referButtons.first(), 'the refer button');
    if ((await referButtons.count()) !== 1) throw new Error(`expected one refer button (only the measure with a service), saw ${await referButtons.count()}`);
    await page.getByRole('button', { name: `Направити до надавача: ${MEASURE}` }).click();
    const form = page.getByRole('dialog', { name: 'Нове направлення' });
    await expectVisible(form.getByText('Захід плану', { exact: true }), 'the measure in the form');
    await expectVisible(form.getByText(MEASURE, { exact: true }), 'the measure’s action in the form');
    const service = await form.getByLabel(/^Послуга( \*)?$/).inputValue();
    if (!service.startsWith(SERVICE_UK)) throw new Error(`the service is not prefilled from the measure: «${service}»`);
    const requested = await form.getByLabel('Які послуги або втручання потрібні').inputValue();
    if (requested !== MEASURE) throw new Error(`the requested intervention is not prefilled from the measure: «${requested}»`);
    await form.getByRole('button', { name: 'Зберегти й надіслати' }).click();
    await expectVisible(form.getByText('Оберіть надавача.'), 'the missing-provider message');
    await expectVisible(form.getByText('Опишіть ситуацію.'), 'the missing-reason message');
    await pick(page, form, 'Надавач послуг', /Родинне коло.*вільних місць/);
    await form.getByLabel('Опис ситуації (чому направляєте)').fill('Мати втратила роботу, сім’ї потрібен супровід, щоб виконати захід плану.');
    await form.getByLabel('Як зв’язатися із сім’єю').fill('+380 67 765 43 21');
    await scan('referral form prefilled from a plan measure');
    await form.getByRole('button', { name: 'Зберегти й надіслати' }).click();
    const referred = page.getByRole('status').filter({ hasText: 'Направлення збережено.' });
    await expectVisible(referred, 'the referred notice on the plan tab');
    await scan('plan tab after referring');
    await referred.getByRole('link', { name: 'Перейти до направлень' }).click();
    const section = page.getByRole('region', { name: 'Направлення до надавачів послуг' });
    const referralRow = section.getByRole('row').filter({ hasText: SERVICE_UK });
    await expectVisible(referralRow.getByText('Надіслано', { exact: true }), 'the sent referral on the work tab');
    await referralRow.getByRole('button', { name: /^Відкрити направлення/ }).click();
    let panel = page.getByRole('dialog', { name: /^Направлення: / });
    await expectVisible(panel.getByText(MEASURE, { exact: true }), 'the measure in the referral (referrer side)');
    await panel.getByRole('button', { name: 'Закрити' }).first().click();
    await logout(page);

    step('provider: accept, start and complete with feedback; the measure is not shown');
    await login(page, baseUrl, 'provider.bucha');
    await page.goto(`${baseUrl}/referrals?status=sent`);
    await page.getByRole('table').getByRole('row').filter({ hasText: childName }).getByRole('button', { name: /^Відкрити направлення/ }).first().click();
    panel = page.getByRole('dialog', { name: /^Направлення: / });
    await expectVisible(panel.getByText(childName), 'the child in the provider’s view');
    // The requested intervention (prefilled from the measure's action) is for the provider; the plan's measure is not.
    await expectVisible(panel.getByText(MEASURE, { exact: true }), 'the requested intervention');
    if ((await panel.getByText('Захід плану', { exact: true }).count()) !== 0) throw new Error('the provider sees the plan measure');
    for (const [action, notice] of [
      ['Прийняти', 'Направлення прийнято.'],
      ['Розпочати надання послуги', 'Надання послуги розпочато.'],
    ] as const) {
      await panel.getByRole('button', { name: action, exact: true }).click();
      await panel.getByRole('button', { name: action, exact: true }).last().click();
      await expectVisible(panel.getByRole('status').filter({ hasText: notice }), notice);
    }
    await panel.getByRole('button', { name: 'Завершити', exact: true }).click();
    await panel.getByLabel('Відгук для того, хто направив').fill('Проведено 6 зустрічей наставництва, мати влаштувалася на роботу.');
    await panel.getByRole('button', { name: 'Завершити', exact: true }).last().click();
    await expectVisible(panel.getByRole('status').filter({ hasText: 'Надання послуги завершено.' }), 'the completed notice');
    await panel.getByRole('button', { name: 'Закрити' }).first().click();
    await logout(page);

    step('case manager: completed with feedback; the service delivered recorded from the referral');
    await login(page, baseUrl, 'cm.bucha');
    await page.goto(`${baseUrl}/cases/${c.id}?tab=work`);
    await expectVisible(referralRow.getByText('Завершено', { exact: true }), 'the completed referral');
    await expectVisible(referralRow.getByText('мати влаштувалася на роботу', { exact: false }), 'the provider’s feedback');
    await referralRow.getByRole('button', { name: /^Записати надану послугу за направленням/ }).click();
    const delivery = page.getByRole('dialog', { name: 'Надана послуга за направленням' });
    await expectVisible(delivery.getByText(MEASURE, { exact: true }), 'the measure in the delivery form');
    await expectVisible(delivery.getByText(PROVIDER_UK, { exact: true }), 'the provider in the delivery form');
    await expectVisible(delivery.getByText(SERVICE_UK, { exact: false }), 'the service in the delivery form');
    const notes = await delivery.getByLabel('Примітки').inputValue();
    if (!notes.includes('мати влаштувалася на роботу')) throw new Error(`the notes do not carry the provider’s feedback: «${notes}»`);
    await delivery.getByLabel(/^Обсяг/).fill('6');
    await scan('service delivered from a referral');
    await delivery.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(section.getByRole('status').filter({ hasText: 'Надану послугу записано.' }), 'the recorded notice');
    const services = page.getByRole('table', { name: 'Надані послуги' });
    const deliveredRow = services.getByRole('row').filter({ hasText: MEASURE });
    await expectVisible(deliveredRow, 'the delivered service against the measure');
    await expectVisible(deliveredRow.getByText(SERVICE_UK, { exact: false }), 'the service of the delivered service');
    await expectVisible(deliveredRow.getByText(PROVIDER_UK, { exact: true }), 'the provider of the delivered service');
    await expectVisible(deliveredRow.getByText(/^6\s/), 'the quantity');
    await scan('work tab with the service delivered');
    await logout(page);
  });
}
