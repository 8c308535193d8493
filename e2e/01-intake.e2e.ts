// The case manager's core journey in a real browser: log in, register a notification for a new family,
// complete the needs assessment through the form, see the case on the worklist with its complexity —
// with an accessibility scan (axe, WCAG 2.1 A/AA) of every page on the way.
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Locator } from 'playwright-core';
import { CHROMIUM_ARGS, expectVisible, randomCyrillic, scan, step, todayKyiv, type AxeProblem } from './support.ts';

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

/** The journey's name in the run's report. */
export const name = 'intake → needs assessment → worklist, with axe scans';

/** The journey; throws on the first failure. */
export async function runJourney(baseUrl: string): Promise<void> {
  const started = Date.now();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const problems: AxeProblem[] = [];
  const pageErrors: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'uk-UA', timezoneId: 'Europe/Kyiv' });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));

    // 1. Login page (Ukrainian by default, demo banner visible).
    step('login');
    await page.goto(`${baseUrl}/login`);
    await expectVisible(page.getByRole('heading', { name: 'Вхід до системи' }), 'the login heading');
    await expectVisible(page.getByText('Демонстраційна версія', { exact: false }), 'the demo banner');
    await scan(page, 'login', problems);
    await page.getByLabel('Ім’я користувача').fill('cm.bucha');
    await page.getByRole('textbox', { name: 'Пароль' }).fill('Rodyna-Demo-2026');
    await page.getByRole('button', { name: 'Увійти' }).click();

    // 2. Worklist.
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Моя робота' }), 'the worklist');
    await expectVisible(page.getByRole('table').or(page.getByText('У вас немає відкритих випадків.')), 'the worklist table or its empty state');
    await scan(page, 'worklist', problems);

    // 3. Intake: a new family with one child and one adult, with a unique surname.
    step('intake');
    const surname = `Тестенко${randomCyrillic(5)}`;
    await page.getByRole('navigation', { name: 'Основна навігація' }).getByRole('link', { name: 'Нове повідомлення' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Нове повідомлення' }), 'the intake form');
    await scan(page, 'intake', problems);

    await page.getByLabel('Джерело інформації').selectOption({ label: 'Заклад освіти' });
    await page.getByLabel('Організація, що повідомила').fill('Бучанський ліцей № 3');
    await page.getByLabel('Особа, що повідомила (прізвище, ім’я, посада)').fill('Мельник Ірина, класна керівниця');

    const child = page.getByRole('region', { name: 'Дитина 1' });
    await child.getByLabel('Прізвище').fill(surname);
    await child.getByRole('textbox', { name: 'Ім’я', exact: true }).fill('Марія');
    await child.getByLabel('По батькові').fill('Іванівна');
    await child.getByLabel('Дата народження').fill('15.03.2016');
    await child.getByLabel('Дата народження').press('Escape');
    await child.getByRole('radio', { name: 'Жіноча' }).check();
    await child.getByLabel('Родинний зв’язок').fill('донька');

    await page.getByRole('button', { name: 'Додати дорослого' }).click();
    const adult = page.getByRole('region', { name: 'Дорослий 1' });
    await adult.getByLabel('Прізвище').fill(surname);
    await adult.getByRole('textbox', { name: 'Ім’я', exact: true }).fill('Іван');
    await adult.getByLabel('По батькові').fill('Петрович');
    await adult.getByLabel('Дата народження').fill('02.11.1985');
    await adult.getByLabel('Дата народження').press('Escape');
    await adult.getByRole('radio', { name: 'Чоловіча' }).check();
    await adult.getByLabel('Родинний зв’язок').fill('батько');

    await page.getByLabel('Опис ситуації').fill('Дитина часто пропускає заняття, батько втратив роботу. Сім’я потребує підтримки.');
    await page.getByRole('checkbox', { name: 'Ухилення батьків або осіб, які їх замінюють, від виконання обов’язків з виховання дитини' }).check();
    await page.getByRole('checkbox', { name: 'Безробіття' }).check();
    // The urgent notice appears for abuse and disappears again.
    const threat = page.getByRole('checkbox', { name: 'Є загроза життю або здоров’ю дитини' });
    await threat.check();
    await expectVisible(page.getByText('Випадок буде терміновим'), 'the urgent-case notice');
    await threat.uncheck();
    await page.getByLabel('Заходи, яких уже вжито').fill('Проведено бесіду з батьком.');

    await page.getByRole('button', { name: 'Зареєструвати повідомлення' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}/, { timeout: 20_000 });

    // 4. Case page.
    step('case page');
    await expectVisible(page.getByRole('heading', { level: 1, name: new RegExp(surname) }), 'the case page of the new family');
    await expectVisible(page.getByText('Крок закону 2 з 7: оцінювання потреб'), 'the legal step');
    await scan(page, 'case', problems);
    await page.getByRole('tab', { name: 'Оцінювання' }).click();
    await page.getByRole('link', { name: /оцінювання потреб/ }).first().click();

    // 5. Needs assessment, section by section.
    step('needs assessment');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Оцінювання потреб сім’ї' }), 'the needs-assessment form');
    await scan(page, 'needs-assessment', problems);
    const childName = `${surname} Марія Іванівна`;
    const adultName = `${surname} Іван Петрович`;

    // 5.1 Members.
    await page.getByRole('region', { name: childName }).getByLabel('Дієздатність').selectOption({ label: 'Не застосовується (дитина)' });
    const adultMember = page.getByRole('region', { name: adultName });
    await adultMember.getByLabel('Дієздатність').selectOption({ label: 'Повна' });
    await adultMember.getByLabel('Зайнятість або місце навчання').fill('Тимчасово не працює');
    await adultMember.getByRole('radio', { name: 'Так' }).check();
    await page.getByRole('button', { name: /2\. Стан і потреби дитини/ }).last().click();

    // 5.2 The child: views first, strengths before needs.
    const childCard = page.getByRole('region', { name: childName });
    await expectVisible(childCard.getByLabel('Думка дитини'), 'the child section');
    await scan(page, 'needs-assessment: child', problems);
    await childCard.getByLabel('Думка дитини').fill('Хоче ходити до школи разом із друзями і щоб тато не сумував.');
    await childCard.getByLabel('Сильні сторони').fill('Любить малювати, має близьку подругу, тепло говорить про батька.');
    const childRated = await rateAll(childCard, 'Немає занепокоєння');
    if (childRated !== 12) throw new Error(`expected 12 child indicators, rated ${childRated}`);
    await childCard.getByLabel('Потреби').fill('Підтримка у навчанні, регулярне відвідування школи.');
    await page.getByRole('button', { name: /3\. Дорослі члени сім’ї/ }).last().click();

    // 5.3 The adult.
    const adultCard = page.getByRole('region', { name: adultName });
    await adultCard.getByLabel('Сильні сторони').fill('Турботливий батько, готовий співпрацювати.');
    const adultRated = await rateAll(adultCard, 'Є певне занепокоєння');
    if (adultRated !== 7) throw new Error(`expected 7 adult indicators, rated ${adultRated}`);
    await adultCard.getByLabel('Потреби').fill('Допомога з працевлаштуванням.');
    await page.getByRole('button', { name: /4\. Сім’я та середовище/ }).last().click();

    // 5.4 Family and environment.
    const main = page.getByRole('main');
    await main.getByLabel('Сильні сторони').fill('Бабуся живе поруч і допомагає.');
    const familyRated = await rateAll(main, 'Немає занепокоєння');
    if (familyRated !== 6) throw new Error(`expected 6 family indicators, rated ${familyRated}`);
    await main.getByLabel('Потреби').fill('Тимчасова матеріальна підтримка.');

    // Completing too early lists what is missing, linked to its place.
    await page.getByRole('button', { name: 'Завершити оцінювання' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Завершити оцінювання' }).click();
    const missing = page.getByRole('alert').filter({ hasText: 'Щоб завершити оцінювання, заповніть:' });
    await expectVisible(missing, 'the list of missing parts');
    await missing.getByRole('button', { name: /складність випадку/ }).click();
    await expectVisible(page.getByRole('heading', { level: 2, name: '5. Висновок' }), 'the conclusion section after following a missing-part link');
    await scan(page, 'needs-assessment: conclusion', problems);

    // 5.5 Conclusion.
    await page.getByRole('radio', { name: 'Середньої складності' }).check();
    await page.getByRole('textbox', { name: 'Висновок', exact: true }).fill('Сім’я у складних життєвих обставинах через безробіття батька; потрібен соціальний супровід.');
    await page.getByRole('button', { name: 'Додати фахівця' }).click();
    await page.getByLabel('Прізвище, ім’я фахівця').fill('Бондар Оксана');
    await page.getByLabel('Посада, організація').fill('практичний психолог ліцею');
    await page.getByRole('radio', { name: 'Погоджується з результатами' }).check();
    await page.getByLabel('Дата ознайомлення сім’ї').fill(todayKyiv());
    await page.getByLabel('Дата ознайомлення сім’ї').press('Escape');
    await page.getByLabel('Коментар сім’ї').fill('Батько погоджується з висновком.');
    await expectVisible(page.getByText('Заповнено: 100%'), 'the progress at 100%');
    await page.getByRole('button', { name: 'Зберегти чернетку' }).click();
    await expectVisible(page.getByText(/Чернетку збережено о/), 'the saved-draft status');
    await page.getByRole('button', { name: 'Завершити оцінювання' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Завершити оцінювання' }).click();
    await page.waitForURL((u) => /\/cases\/[0-9a-f-]{36}$/.test(u.pathname) && u.searchParams.get('tab') === 'assessment', { timeout: 20_000 });
    await expectVisible(page.getByText(/Завершено \d{2}\.\d{2}\.\d{4}/), 'the completed assessment on the case page');

    // 6. Back to the worklist: the case is there with its complexity.
    step('worklist');
    await page.getByRole('navigation', { name: 'Основна навігація' }).getByRole('link', { name: 'Моя робота' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Моя робота' }), 'the worklist');
    const row = page.getByRole('row').filter({ hasText: surname });
    await expectVisible(row, `the new case (${surname}) on the worklist`);
    await expectVisible(row.getByText('Середньої складності'), 'the complexity of the new case on the worklist');

    // 7. The user's own notifications list shows the one just registered.
    await page.getByRole('navigation', { name: 'Основна навігація' }).getByRole('link', { name: 'Мої повідомлення' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Мої повідомлення' }), 'my notifications');
    await expectVisible(page.getByRole('row').filter({ hasText: 'Дитина часто пропускає заняття' }), 'the new notification in my notifications');
    await scan(page, 'my-notifications', problems);

    if (pageErrors.length > 0) throw new Error(`JavaScript errors in the page:\n${pageErrors.join('\n')}`);
  } catch (err) {
    // Leave a picture of where it stopped, outside the repository.
    const shot = path.join(tmpdir(), `rodyna-journey-failure-${Date.now()}.png`);
    await browser.contexts()[0]?.pages()[0]?.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    console.error(`  · screenshot of the failure: ${shot}`);
    throw err;
  } finally {
    await browser.close();
  }
  if (problems.length > 0) {
    const lines = problems.map((p) => `  [${p.page}] ${p.impact} ${p.id}: ${p.help}\n      ${p.targets.join('\n      ')}`);
    throw new Error(`accessibility: ${problems.length} serious/critical axe violation(s)\n${lines.join('\n')}`);
  }
  console.log(`  · journey finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
