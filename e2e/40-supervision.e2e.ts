// The supervisor's side in a real browser: a case manager asks to approve an agreed plan (set up through the API), the
// supervisor returns it with a comment in «Погодження», the case manager re-submits, the supervisor approves, the case
// manager reads the answers on the worklist; the supervisor's «Моя команда»; the administrator changes a deadline rule
// on «Строки» and a case manager cannot reach that page — with axe scans of each screen.
import type { Page } from 'playwright-core';
import { expectVisible, inBrowser, login, logout, randomCyrillic, step } from './support.ts';

export const name = 'supervision: approvals returned and approved, team view, deadline rules administration';


/** A JSON API call with the page's session cookie; fails loudly on an unexpected status. */
async function api<T>(page: Page, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = method === 'GET' ? {} : { 'X-Requested-With': 'rodyna' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await page.request.fetch(url, { method, headers, ...(body === undefined ? {} : { data: JSON.stringify(body) }) });
  if (!res.ok()) throw new Error(`${method} ${url} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Основна навігація' });
}

/** As the signed-in case manager: registers a family in Bucha and has the family agree a one-goal plan. */
async function caseWithAgreedPlan(page: Page, baseUrl: string, surname: string): Promise<{ caseId: string; caseNumber: string; planId: string }> {
  const me = await api<{ grants: Array<{ hromadaId: string | null }> }>(page, 'GET', `${baseUrl}/api/v1/auth/me`);
  const hromadaId = me.grants.find((g) => g.hromadaId)?.hromadaId;
  if (!hromadaId) throw new Error('cm.bucha has no hromada');
  const created = await api<{ caseId: string; caseNumber: string }>(page, 'POST', `${baseUrl}/api/v1/notifications`, {
    hromadaId,
    source: 'school',
    receivedAt: new Date().toISOString(),
    description: 'Дитина пропускає заняття, мати просить допомоги',
    childFactors: ['parents_evading_duties'],
    members: [
      { role: 'child', relationship: 'донька', person: { surname, givenName: 'Марія', patronymic: 'Іванівна', birthDate: '2014-05-01', sex: 'female', disability: false, latinName: '' } },
      { role: 'adult', relationship: 'мати', person: { surname, givenName: 'Олена', patronymic: 'Петрівна', birthDate: '1987-03-02', sex: 'female', disability: false, latinName: '' } },
    ],
    openCase: true,
    caseType: 'prevention',
  });
  const base = `${baseUrl}/api/v1/cases/${created.caseId}/plans`;
  const draft = await api<{ id: string; version: number }>(page, 'POST', base);
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const saved = await api<{ version: number }>(page, 'PUT', `${base}/${draft.id}`, {
    version: draft.version,
    childViews: 'Марія хоче залишитися вдома',
    goals: [{ domain: 'safety', text: 'Безпечний дім', measures: [{ action: 'Візит додому', measureType: 'other', responsible: { kind: 'agency', name: 'ЦНСП' }, deadline, expectedResult: 'Безпечно' }] }],
  });
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv' }).format(new Date());
  await api(page, 'POST', `${base}/${draft.id}/agreement`, { version: saved.version, agreedOn: today, signedBy: `${surname} О. П.` });
  return { caseId: created.caseId, caseNumber: created.caseNumber, planId: draft.id };
}

/** The supervisor opens the request of this case in «Погодження». */
async function openRequest(page: Page, caseNumber: string): Promise<void> {
  await nav(page).getByRole('link', { name: 'Погодження' }).click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Погодження' }), 'the approvals page');
  const pendingTable = page.getByRole('table', { name: 'Запити, що чекають на рішення' });
  await expectVisible(pendingTable.getByRole('row').filter({ hasText: caseNumber }), `the pending request of ${caseNumber}`);
  await pendingTable.getByRole('button', { name: `Розглянути: Індивідуальний план, випадок ${caseNumber}` }).click();
  await expectVisible(page.getByRole('dialog', { name: `Індивідуальний план: випадок ${caseNumber}` }), 'the review panel');
}

/** The journey; throws on the first failure. */
export async function runJourney(baseUrl: string): Promise<void> {
  await inBrowser('supervision', async ({ page, scan }) => {
    const surname = `Погодженко${randomCyrillic(5)}`;
    const comment = `Додайте ціль щодо школи ${randomCyrillic(4)}`;

    step('cm.bucha: a plan agreed with the family is sent for approval (API)');
    await login(page, baseUrl, 'cm.bucha');
    const c = await caseWithAgreedPlan(page, baseUrl, surname);
    const first = await api<{ id: string }>(page, 'POST', `${baseUrl}/api/v1/approvals`, { kind: 'plan', caseId: c.caseId, subjectId: c.planId });
    await page.reload();
    const answers = page.getByRole('region', { name: 'Відповіді супервізора' });
    await expectVisible(answers.getByRole('listitem').filter({ hasText: c.caseNumber }).filter({ hasText: 'Очікує рішення' }), 'the pending request on the worklist');
    await logout(page);

    step('sv.bucha: the worklist counts the waiting requests; «Погодження» returns the plan with a comment');
    await login(page, baseUrl, 'sv.bucha');
    await expectVisible(page.getByText(/Чекає на ваше погодження: \d+/), 'the waiting count on the worklist');
    await openRequest(page, c.caseNumber);
    const dialog = page.getByRole('dialog');
    await expectVisible(dialog.getByRole('link', { name: 'Переглянути версію плану' }), 'the link to the plan version');
    await scan('approvals (review panel)');
    await dialog.getByRole('button', { name: 'Повернути з коментарем' }).click();
    await expectVisible(dialog.getByText('Напишіть, що потрібно змінити, щоб повернути запит.'), 'the comment-required message');
    await dialog.getByRole('textbox', { name: 'Коментар для фахівця' }).fill(comment);
    await dialog.getByRole('button', { name: 'Повернути з коментарем' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Запит повернуто фахівцю з коментарем.' }), 'the returned confirmation');
    const decided = page.getByRole('table', { name: 'Запити з ухваленим рішенням' });
    await expectVisible(decided.getByRole('row').filter({ hasText: c.caseNumber }).filter({ hasText: comment }), 'the returned request with its comment');
    await scan('approvals');
    await logout(page);

    step('cm.bucha: reads the comment and re-submits (API)');
    await login(page, baseUrl, 'cm.bucha');
    await expectVisible(answers.getByRole('listitem').filter({ hasText: 'Повернуто на доопрацювання' }).filter({ hasText: comment }), 'the returned request with the comment on the worklist');
    const second = await api<{ id: string }>(page, 'POST', `${baseUrl}/api/v1/approvals`, { kind: 'plan', caseId: c.caseId, subjectId: c.planId });
    if (second.id === first.id) throw new Error('the re-submission should be a new request');
    await logout(page);

    step('sv.bucha: approves the re-submitted plan');
    await login(page, baseUrl, 'sv.bucha');
    await openRequest(page, c.caseNumber);
    await page.getByRole('dialog').getByRole('button', { name: 'Погодити' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Запит погоджено.' }), 'the approved confirmation');
    await page.getByRole('radio', { name: 'Погоджені' }).check();
    await expectVisible(decided.getByRole('row').filter({ hasText: c.caseNumber }).filter({ hasText: 'Погоджено' }), 'the approved request among decisions');

    step('sv.bucha: «Моя команда»');
    await nav(page).getByRole('link', { name: 'Моя команда' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Моя команда' }), 'the team page');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Коваленко Олена Петрівна' }) });
    await expectVisible(row, 'cm.bucha’s row');
    const cells = await row.getByRole('cell').allInnerTexts();
    const open = Number.parseInt(cells[0] ?? '', 10);
    if (!(open >= 1)) throw new Error(`expected cm.bucha to have open cases, the row reads ${JSON.stringify(cells)}`);
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Коваленко Олена Петрівна' }), 'cm.bucha’s section with deadlines');
    await scan('team');
    await logout(page);

    step('admin: changes a deadline rule on «Строки»');
    await login(page, baseUrl, 'admin');
    await nav(page).getByRole('link', { name: 'Строки' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Строки' }), 'the deadline rules page');
    await expectVisible(page.getByText('Зміни застосовуються до строків, обчислених відтепер.', { exact: false }), 'the note that changes apply from now on');
    await expectVisible(page.getByRole('table', { name: 'Режими робочого календаря за періодами' }).getByText('Воєнний стан', { exact: false }), 'the calendar regimes');
    await scan('deadline rules');
    type Rule = { id: string; key: string; amount: number; unit: string; sourceUk: string; sourceEn: string; updatedAt: string };
    const before = (await api<{ items: Rule[] }>(page, 'GET', `${baseUrl}/api/v1/deadline-rules`)).items.find((r) => r.key === 'post_closure_follow_up');
    if (!before) throw new Error('post_closure_follow_up rule missing');
    const next = before.amount >= 12 ? before.amount - 1 : before.amount + 1;
    await page.getByRole('button', { name: 'Змінити: Контроль після закриття' }).click();
    const editor = page.getByRole('dialog', { name: 'Зміна правила: Контроль після закриття' });
    await expectVisible(editor, 'the rule editor');
    await scan('deadline rule editor');
    await editor.getByRole('textbox', { name: 'Строк (кількість)' }).fill(String(next));
    await editor.getByRole('button', { name: 'Зберегти правило' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Правило «Контроль після закриття» збережено.' }), 'the saved confirmation');
    await expectVisible(page.getByRole('row').filter({ hasText: 'post_closure_follow_up' }).getByText(`${next} міс.`), 'the new period in the table');
    // Put the shipped value back so that other journeys on this server count as before.
    const changed = (await api<{ items: Rule[] }>(page, 'GET', `${baseUrl}/api/v1/deadline-rules`)).items.find((r) => r.id === before.id);
    if (changed?.amount !== next) throw new Error('the rule was not saved');
    await api(page, 'PUT', `${baseUrl}/api/v1/deadline-rules/${before.id}`, { amount: before.amount, unit: before.unit, sourceUk: before.sourceUk, sourceEn: before.sourceEn, updatedAt: changed.updatedAt });
    await logout(page);

    step('cm.bucha: no «Строки» in the navigation, and the page is not reachable');
    await login(page, baseUrl, 'cm.bucha');
    const links = await nav(page).getByRole('link').allInnerTexts();
    for (const absent of ['Строки', 'Погодження', 'Моя команда']) {
      if (links.includes(absent)) throw new Error(`a case manager should not see «${absent}» in the navigation: ${links.join(', ')}`);
    }
    await page.goto(`${baseUrl}/admin/deadline-rules`);
    await expectVisible(page.getByRole('heading', { name: 'Не знайдено або немає доступу' }), 'the not-found page');
    await page.goto(baseUrl);
    await expectVisible(answers.getByRole('listitem').filter({ hasText: c.caseNumber }).filter({ hasText: 'Погоджено' }), 'the approved request on the worklist');
    await scan('worklist with the supervisor’s answers');
  });
}
