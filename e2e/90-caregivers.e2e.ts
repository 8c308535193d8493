// Alternative family caregivers in a real browser (SPEC §5): cas.bucha registers a foster family's statement of intent,
// records what the family accepts and moves it stage by stage to «Готова прийняти дитину» (approval with decision and
// agreement), logs a check-in; cm.bucha opens matching for the child of a new case from the care tab, sees the family
// ranked with its reasons, chooses it, confirms the placement decision and is back on the care tab with the new
// placement; cas.dmytrivka (a rural hromada) is refused approving a foster family with the translated explanation of
// who decides instead. axe scan of every new screen.
import type { Locator, Page } from 'playwright-core';
import { expectVisible, inBrowser, kyivDatePlus, login, logout, randomCyrillic, step } from './support.ts';

/** An API call with the browser's session cookie and the CSRF header the web client sends. */
async function api<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(new URL(path, page.url()).toString(), { method, headers: method === 'GET' ? {} : { 'X-Requested-With': 'rodyna' }, ...(data === undefined ? {} : { data }) });
  if (!res.ok()) throw new Error(`${method} ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function typeDate(scope: Locator | Page, label: string, value: string): Promise<void> {
  const field = scope.getByRole('textbox', { name: label, exact: true });
  await field.fill(value);
  await field.press('Escape');
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
}

/** Fills and submits the next-stage form of the caregiver page. */
async function submitStage(page: Page, stage: string, extra: Record<string, string> = {}): Promise<void> {
  const form = page.getByRole('form', { name: 'Наступний етап' });
  await form.getByLabel('Перейти до етапу').selectOption({ label: stage });
  for (const [label, value] of Object.entries(extra)) await form.getByRole('textbox', { name: label, exact: true }).fill(value);
  await form.getByRole('button', { name: 'Записати етап' }).click();
}

/** Records the next stage and waits for the stages table to show it. */
async function nextStage(page: Page, stage: string, extra: Record<string, string> = {}): Promise<void> {
  await submitStage(page, stage, extra);
  await expectVisible(page.getByRole('table', { name: 'Етапи та їх дати' }).getByText(stage, { exact: true }), `the stage «${stage}» in the stages table`);
}

export const name = 'alternative family caregivers: pipeline to available, matching and placement, powers of a rural hromada';

export async function runJourney(baseUrl: string): Promise<void> {
  await inBrowser('caregivers', async ({ page, scan: axe }) => {
    const scan = async (what: string) => {
      await settled(page);
      await axe(what);
    };
    const family = `Прийомна сім’я Ліщинських-${randomCyrillic(5)}`;
    const nav = page.getByRole('navigation', { name: 'Основна навігація' });

    step('cas.bucha registers a statement of intent');
    await login(page, baseUrl, 'cas.bucha');
    await nav.getByRole('link', { name: 'Альтернативні сім’ї' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Альтернативні сім’ї' }), 'the register');
    await scan('caregivers register');
    await page.getByRole('button', { name: 'Зареєструвати заяву' }).click();
    const create = page.getByRole('form', { name: 'Нова заява кандидата' });
    await create.getByLabel('Форма влаштування').selectOption({ label: 'Прийомна сім’я' });
    await create.getByLabel('Назва (як у реєстрі)').fill(family);
    await create.getByLabel('Громада, відповідальна за сім’ю').selectOption({ label: 'Бучанська міська територіальна громада' });
    await typeDate(create, 'Дата заяви', kyivDatePlus(-90));
    await create.getByLabel('Прізвище').fill('Ліщинська');
    await create.getByRole('textbox', { name: 'Ім’я', exact: true }).fill('Оксана');
    await create.getByLabel('По батькові').fill('Петрівна');
    await typeDate(create, 'Дата народження', '12.05.1983');
    await scan('caregiver registration form');
    await create.getByRole('button', { name: 'Зареєструвати' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: family }), 'the caregiver page');
    await scan('caregiver page (statement of intent)');

    step('what the family accepts, then the stages to approval and availability');
    const availability = page.getByRole('form', { name: 'Можливості сім’ї' });
    await availability.getByLabel('Кількість місць').fill('2');
    await availability.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(availability.getByText('Збережено'), 'the saved availability');
    await nextStage(page, 'Первинний відбір');
    await nextStage(page, 'Навчання');
    await nextStage(page, 'Оцінка умов удома');
    await nextStage(page, 'Рішення і договір', { 'Номер і дата рішення': '214-р', 'Орган, що ухвалив рішення': 'Виконавчий комітет Бучанської міської ради', 'Договір зі службою у справах дітей': 'Договір № 31' });
    await expectVisible(page.getByText('Рішення № 214-р (Виконавчий комітет Бучанської міської ради), договір: Договір № 31'), 'the approval decision in the stages');
    await nextStage(page, 'Готова прийняти дитину');
    await expectVisible(page.getByText(/Наступне відвідування — до \d\d\.\d\d\.\d{4}/), 'the next check-in deadline');
    const support = page.getByRole('form', { name: 'Додати запис' });
    await support.getByLabel('Нотатки').fill('Знайомство із сім’єю, умови добрі.');
    await support.getByRole('button', { name: 'Додати запис' }).click();
    await expectVisible(page.getByRole('table', { name: 'Відвідування та навчання' }).getByText('Знайомство із сім’єю, умови добрі.'), 'the check-in in the support log');
    await scan('caregiver page (available)');
    await logout(page);

    step('cm.bucha opens matching for the child of a new case and chooses the family');
    await login(page, baseUrl, 'cm.bucha');
    const hromadas = await api<{ items: Array<{ id: string; nameEn: string }> }>(page, 'GET', '/api/v1/territories?level=hromada');
    const bucha = hromadas.items.find((h) => h.nameEn.startsWith('Bucha'))?.id ?? '';
    const surname = `Підбірний${randomCyrillic(4)}`;
    const created = await api<{ caseId: string }>(page, 'POST', '/api/v1/notifications', {
      hromadaId: bucha,
      source: 'police',
      reporterOrganisation: 'Бучанське районне управління поліції',
      reporterPerson: 'Ювенальний превентолог',
      reporterContact: '',
      receivedAt: new Date().toISOString(),
      description: 'Дитина залишилась без батьківського піклування після смерті матері.',
      childFactors: ['parents_evading_duties'],
      adultFactors: [],
      threatToLifeOrHealth: false,
      actionsTaken: '',
      urgentActions: [],
      documents: '',
      members: [{ role: 'child', relationship: 'син', person: { surname, givenName: 'Богдан', patronymic: 'Олегович', birthDate: '2017-03-09', sex: 'male', disability: false, latinName: '' } }],
      openCase: true,
      caseType: 'alternative_care',
    });
    await page.goto(`${baseUrl}/cases/${created.caseId}?tab=care`);
    await page.getByRole('link', { name: 'Підібрати сім’ю' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Підбір альтернативної сім’ї' }), 'the matching page');
    const ranked = page.getByRole('table', { name: 'Сім’ї за відповідністю, найкращі спершу' });
    const row = ranked.getByRole('row').filter({ has: page.getByRole('rowheader', { name: family }) });
    await expectVisible(row.getByText('Та сама громада'), 'the distance reason');
    await expectVisible(row.getByText('Вік дитини підходить'), 'the age reason');
    await scan('matching page');
    await row.getByRole('button', { name: `Обрати ${family}` }).click();
    const confirm = page.getByRole('form', { name: `Рішення про влаштування до: ${family}` });
    await confirm.getByLabel('Номер і дата рішення').fill('302-р');
    await confirm.getByLabel('Орган, що ухвалив рішення').fill('Виконавчий комітет Бучанської міської ради');
    await confirm.getByLabel('Чому ця сім’я підходить дитині').fill('Та сама громада, школа поруч.');
    await scan('matching page (confirm)');
    await confirm.getByRole('button', { name: 'Записати рішення про влаштування' }).click();
    await page.waitForURL(/tab=care/);
    await expectVisible(page.getByText(family).first(), 'the new placement on the care tab');
    await logout(page);

    step('cas.dmytrivka (rural hromada) is refused approving a foster family');
    await login(page, baseUrl, 'cas.dmytrivka');
    const dm = (await api<{ items: Array<{ id: string; nameEn: string }> }>(page, 'GET', '/api/v1/territories?level=hromada')).items.find((h) => h.nameEn.startsWith('Dmytrivka'))?.id ?? '';
    const rural = await api<{ id: string; version: number }>(page, 'POST', '/api/v1/caregivers', { caregiverType: 'foster_family', name: `Прийомна сім’я Сільських-${randomCyrillic(4)}`, hromadaId: dm, intentDate: kyivDatePlus(-30).split('.').reverse().join('-'), members: [{ role: 'applicant', surname: 'Сільська', givenName: 'Ніна', birthDate: '1980-01-01' }] });
    let version = rural.version;
    for (const to of ['screening', 'training', 'home_assessment']) version = (await api<{ version: number }>(page, 'POST', `/api/v1/caregivers/${rural.id}/stage-moves`, { version, to, date: kyivDatePlus(-1).split('.').reverse().join('-') })).version;
    await page.goto(`${baseUrl}/caregivers/${rural.id}`);
    await expectVisible(page.getByText('Ваш орган не має повноважень ухвалювати рішення щодо цієї форми'), 'the warning before approval');
    await submitStage(page, 'Рішення і договір', { 'Номер і дата рішення': '5', 'Орган, що ухвалив рішення': 'Дмитрівська сільська рада', 'Договір зі службою у справах дітей': '1' });
    await expectVisible(page.getByRole('alert').getByText(/ухвалює міська територіальна громада або районна державна адміністрація/), 'the refusal naming who decides instead');
    await scan('caregiver page (refused approval)');
  });
}
