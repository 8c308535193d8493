// No lost updates in a real browser (SPEC §11, issue 8 item 5): the case manager and the supervisor edit the same
// needs-assessment act at once. The supervisor saves first; the case manager's save answers 409 and the merge view
// shows the one field both changed side by side (the other field is merged by itself); she keeps her own wording,
// saves, and the act holds both people's work. Axe on the merge view. Then the same with the safety-assessment act
// (every big document uses the same merge, ui/use-conflict-merge.ts): she takes the supervisor's threats, keeps her contacts.
// Last a small form (the staff register's entry, ui/conflict-merge.tsx `ConflictChoice`): both versions side by side,
// she keeps hers. Axe on that view too.
import { api, expectVisible, inBrowser, login, logout, openBuchaCase, randomCyrillic, step } from './support.ts';

type Act = { version: number; content: { family: { strengths: string; needs: string } } };
type SafetyActs = { items: Array<{ version: number; threats: string; contacts: string }> };

/** The journey's name in the run's report. */
export const name = 'no lost updates: two people edit one needs-assessment act, the second merges in the merge view';

/** The journey; throws on the first failure. */
export async function runJourney(baseUrl: string): Promise<void> {
  await inBrowser('merge', async ({ context, page, scan }) => {
    step('cm.bucha: a new case with its draft act');
    await login(page, baseUrl, 'cm.bucha');
    const surname = `Злиттєнко${randomCyrillic(5)}`;
    const caseId = await openBuchaCase(page, {
      surname,
      description: 'Дитина часто пропускає заняття',
      child: { relationship: 'донька', givenName: 'Дарина', patronymic: 'Петрівна', birthDate: '2015-04-02', sex: 'female' },
      adult: { relationship: 'мати', givenName: 'Оксана', patronymic: 'Петрівна', birthDate: '1989-09-09', sex: 'female' },
    });
    const actUrl = `${baseUrl}/cases/${caseId}/needs-assessment?section=family`;
    await page.goto(actUrl);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Оцінювання потреб сім’ї' }), 'the act for the case manager');
    const mine = page.getByRole('main');

    step('sv.bucha, in another browser, saves the family section first');
    const other = await context.browser()?.newContext({ viewport: { width: 1366, height: 768 }, locale: 'uk-UA', timezoneId: 'Europe/Kyiv' });
    if (!other) throw new Error('no second browser context');
    const svPage = await other.newPage();
    await login(svPage, baseUrl, 'sv.bucha');
    await svPage.goto(actUrl);
    await expectVisible(svPage.getByRole('heading', { level: 1, name: 'Оцінювання потреб сім’ї' }), 'the act for the supervisor');
    const theirs = svPage.getByRole('main');
    await theirs.getByLabel('Сильні сторони').fill('Дружні сусіди допомагають');
    await theirs.getByLabel('Потреби').fill('Стабільний дохід');
    await theirs.getByRole('button', { name: 'Зберегти чернетку' }).click();
    await expectVisible(svPage.getByText(/Чернетку збережено о/), 'the supervisor’s save');
    await other.close();

    step('cm.bucha saves her own wording of the same field → merge view');
    await mine.getByLabel('Сильні сторони').fill('Бабуся живе поруч і допомагає');
    await mine.getByRole('button', { name: 'Зберегти чернетку' }).click();
    const merge = page.getByTestId('merge-view');
    await expectVisible(merge, 'the merge view');
    await expectVisible(merge.getByText('Запис щойно змінив інший користувач'), 'the merge title');
    await expectVisible(merge.getByText('Ваш варіант: Бабуся живе поруч і допомагає'), 'her value');
    await expectVisible(merge.getByText('Збережений варіант: Дружні сусіди допомагають'), 'the saved value');
    await expectVisible(merge.getByText(/інших — 1/), 'the other field merged by itself');
    if ((await merge.getByRole('radiogroup').count()) !== 1) throw new Error('exactly one field should need a choice');
    const saveMerged = merge.getByRole('button', { name: 'Зберегти об’єднаний запис' });
    if (!(await saveMerged.isDisabled())) throw new Error('saving must wait for a choice');
    await scan('merge view');
    await merge.getByRole('radio', { name: /^Ваш варіант/ }).check();
    await saveMerged.click();
    await expectVisible(page.getByText('Ваші зміни об’єднано зі збереженими іншим користувачем і збережено.'), 'the merged save');

    step('the act holds both people’s work');
    const act = await api<Act>(page, 'GET', `/api/v1/cases/${caseId}/needs-assessment`);
    if (act.content.family.strengths !== 'Бабуся живе поруч і допомагає') throw new Error(`strengths: ${act.content.family.strengths}`);
    if (act.content.family.needs !== 'Стабільний дохід') throw new Error(`needs lost: ${act.content.family.needs}`);
    if (act.version < 3) throw new Error(`expected two saves on top of the first version, got version ${act.version}`);

    step('the safety act: the supervisor saves first, the case manager merges field by field');
    await page.goto(`${baseUrl}/cases/${caseId}`);
    await page.getByRole('tab', { name: 'Оцінювання' }).click();
    await page.getByRole('region', { name: 'Оцінка рівня безпеки дитини' }).getByRole('button', { name: 'Розпочати оцінку безпеки' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Оцінка рівня безпеки дитини' }), 'the safety act for the case manager');
    const safetyUrl = page.url();
    const other2 = await context.browser()?.newContext({ viewport: { width: 1366, height: 768 }, locale: 'uk-UA', timezoneId: 'Europe/Kyiv' });
    if (!other2) throw new Error('no second browser context');
    const sv2 = await other2.newPage();
    await login(sv2, baseUrl, 'sv.bucha');
    await sv2.goto(safetyUrl);
    await expectVisible(sv2.getByRole('heading', { level: 1, name: 'Оцінка рівня безпеки дитини' }), 'the safety act for the supervisor');
    const threatsLabel = 'Виявлені загрози життю або здоров’ю дитини та обставини';
    await sv2.getByLabel(threatsLabel).fill('Батько погрожує дитині');
    await sv2.getByRole('button', { name: 'Зберегти чернетку' }).click();
    await expectVisible(sv2.getByText(/Чернетку збережено о/), 'the supervisor’s save of the act');
    await other2.close();

    await page.getByLabel(threatsLabel).fill('Дитина боїться йти додому');
    await page.getByLabel('Місце проживання (перебування) та контакти дитини').fill('м. Буча, вул. Садова, 3');
    await page.getByRole('button', { name: 'Зберегти чернетку' }).click();
    const safetyMerge = page.getByTestId('merge-view');
    await expectVisible(safetyMerge.getByText('Збережений варіант: Батько погрожує дитині'), 'the supervisor’s threats in the merge view');
    if ((await safetyMerge.getByRole('radiogroup').count()) !== 1) throw new Error('exactly one field of the safety act should need a choice');
    await safetyMerge.getByRole('radio', { name: /^Збережений варіант/ }).check();
    await safetyMerge.getByRole('button', { name: 'Зберегти об’єднаний запис' }).click();
    await expectVisible(page.getByText('Ваші зміни об’єднано зі збереженими іншим користувачем і збережено.'), 'the merged save of the act');
    await expectVisible(page.getByText(/Чернетку збережено о/), 'the merged act saved');
    const acts = await api<SafetyActs>(page, 'GET', `/api/v1/cases/${caseId}/safety-assessments`);
    const safetyAct = acts.items[0];
    if (safetyAct?.threats !== 'Батько погрожує дитині') throw new Error(`threats: ${safetyAct?.threats}`);
    if (safetyAct.contacts !== 'м. Буча, вул. Садова, 3') throw new Error(`contacts lost: ${safetyAct.contacts}`);

    step('a small form: sv.bucha edits one staff-register entry in two tabs; the second save shows both versions, she keeps hers');
    await logout(page);
    await login(page, baseUrl, 'sv.bucha');
    const tabA = page;
    const tabB = await context.newPage();
    const entry = 'Змінити запис: Ткаченко Ірина Василівна';
    for (const tab of [tabA, tabB]) {
      await tab.goto(`${baseUrl}/staff`);
      await tab.getByRole('button', { name: entry }).click();
    }
    const theirQualification = `Бакалавр соціальної роботи ${randomCyrillic(4)}`;
    const myQualification = `Магістр соціальної роботи ${randomCyrillic(4)}`;
    const dialogB = tabB.getByRole('dialog', { name: entry });
    await dialogB.getByRole('textbox', { name: /^Кваліфікація/ }).fill(theirQualification);
    await dialogB.getByRole('button', { name: 'Зберегти' }).click();
    await expectVisible(tabB.getByRole('status').filter({ hasText: 'Запис у реєстрі змінено.' }), 'the first tab’s save');
    const dialogA = tabA.getByRole('dialog', { name: entry });
    await dialogA.getByRole('textbox', { name: /^Кваліфікація/ }).fill(myQualification);
    await dialogA.getByRole('button', { name: 'Зберегти' }).click();
    const choice = dialogA.getByTestId('conflict-choice');
    const row = choice.getByRole('row', { name: /^Кваліфікація/ });
    await expectVisible(row.getByRole('cell', { name: myQualification }), 'her version in the conflict view');
    await expectVisible(row.getByRole('cell', { name: theirQualification }), 'the saved version in the conflict view');
    await scan('small-form conflict view');
    await choice.getByRole('button', { name: 'Зберегти мій варіант' }).click();
    await expectVisible(tabA.getByRole('status').filter({ hasText: 'Запис у реєстрі змінено.' }), 'her version saved over theirs');
    await expectVisible(tabA.getByRole('row', { name: /Ткаченко Ірина Василівна/ }).getByText(myQualification), 'the register shows her version');
    await tabB.close();
  });
}
