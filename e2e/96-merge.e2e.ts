// No lost updates in a real browser (SPEC §11, issue 8 item 5): the case manager and the supervisor edit the same
// needs-assessment act at once. The supervisor saves first; the case manager's save answers 409 and the merge view
// shows the one field both changed side by side (the other field is merged by itself); she keeps her own wording,
// saves, and the act holds both people's work. Axe on the merge view.
import { api, expectVisible, inBrowser, login, openBuchaCase, randomCyrillic, step } from './support.ts';

type Act = { version: number; content: { family: { strengths: string; needs: string } } };

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
  });
}
