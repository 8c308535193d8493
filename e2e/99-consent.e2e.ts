// Consent and sharing in a real browser (SPEC §11): cm.bucha drafts a referral for a family without consent and
// tries to send it — refused with a message naming the family members without consent and how to fix it; records
// each member's consent to sharing with providers on the case's overview (a parent for the child); then sends the
// draft. Axe on the consent section and the refused form.
import type { Locator, Page } from 'playwright-core';
import { expectVisible, inBrowser, login, logout, openBuchaCase, randomCyrillic, step } from './support.ts';

/** Types into a searchable select and picks the option. */
async function pick(page: Page, scope: Locator, label: string, typed: string, option: RegExp): Promise<void> {
  const input = scope.getByLabel(new RegExp(`^${label}( \\*)?$`));
  await input.click();
  if (typed) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** The journey's name in the run's report. */
export const name = 'consent: a referral refused without the family’s consent, consent recorded, the referral sent';

/** The journey; throws on the first failure. */
export async function runJourney(baseUrl: string): Promise<void> {
  await inBrowser('consent', async ({ page, scan }) => {
    step('a Bucha case of cm.bucha (API), without any consent');
    await login(page, baseUrl, 'cm.bucha');
    const surname = `Згоденко${randomCyrillic(5)}`;
    const caseId = await openBuchaCase(page, {
      surname,
      reporterOrganisation: 'Бучанський ліцей № 3',
      description: 'Мати втратила роботу, син пропускає заняття',
      child: { relationship: 'син', givenName: 'Максим', patronymic: 'Олегович', birthDate: '2014-09-12', sex: 'male' },
      adult: { relationship: 'мати', givenName: 'Ірина', patronymic: 'Василівна', birthDate: '1987-04-03', sex: 'female' },
    });
    const child = `${surname} Максим Олегович`;
    const mother = `${surname} Ірина Василівна`;

    step('a referral sent without consent is refused, naming who has none and how to fix it');
    await page.goto(`${baseUrl}/cases/${caseId}?tab=work`);
    const referrals = page.getByRole('region', { name: 'Направлення до надавачів послуг' });
    await expectVisible(referrals, 'the referrals section');
    await page.getByRole('button', { name: 'Нове направлення' }).click();
    const dialog = page.getByRole('dialog', { name: 'Нове направлення' });
    await pick(page, dialog, 'Послуга', 'Соціальний супровід сімей', /^Соціальний супровід сімей, які перебувають/);
    await pick(page, dialog, 'Надавач послуг', '', /Родинне коло/);
    await dialog.getByLabel('Опис ситуації (чому направляєте)').fill('Мати втратила роботу, син пропускає заняття. Потрібен соціальний супровід сім’ї.');
    await dialog.getByRole('button', { name: 'Зберегти й надіслати' }).click();
    const refusal = dialog.getByRole('alert').filter({ hasText: 'Направлення не надіслано: немає чинної згоди на передачу даних надавачам' });
    await expectVisible(refusal, 'the consent-required message');
    await expectVisible(refusal.getByText(child, { exact: false }), 'the child named in the message');
    await expectVisible(refusal.getByText(mother, { exact: false }), 'the mother named in the message');
    await expectVisible(refusal.getByText('Зафіксуйте їхню згоду в розділі «Згоди»', { exact: false }), 'how to fix it');
    await scan('referral refused without consent');
    await dialog.getByRole('button', { name: 'Скасувати' }).click();
    await expectVisible(referrals.getByRole('table').getByText('Чернетка', { exact: true }), 'the referral kept as a draft');

    step('the family’s consent to sharing with providers, recorded on the overview');
    await page.goto(`${baseUrl}/cases/${caseId}?tab=overview`);
    const consents = page.getByRole('region', { name: 'Згоди на обробку та передачу персональних даних' });
    await expectVisible(consents.getByText('Згод ще не зафіксовано.'), 'the empty consent history');
    for (const [who, parent] of [
      [child, true],
      [mother, false],
    ] as const) {
      await consents.getByRole('button', { name: 'Зафіксувати згоду' }).click();
      const form = page.getByRole('dialog', { name: 'Нова згода' });
      await form.getByLabel(/^Особа/).selectOption({ label: who });
      await form.getByLabel(/^Вид згоди/).selectOption({ label: 'На передачу даних надавачам соціальних послуг' });
      await form.getByLabel(/^Хто надав згоду/).selectOption({ label: parent ? 'Один із батьків' : 'Сама особа' });
      if (parent) {
        await form.getByRole('button', { name: 'Зберегти згоду' }).click();
        await expectVisible(form.getByText('Заповніть це поле.'), 'the missing representative’s name');
        await form.getByLabel(/^Прізвище, ім’я, по батькові того, хто надав згоду/).fill(mother);
        await form.getByLabel(/^Обсяг згоди/).fill('Передача даних сім’ї надавачу соціального супроводу за направленням');
        await scan('consent form');
      }
      await form.getByRole('button', { name: 'Зберегти згоду' }).click();
      await expectVisible(consents.getByRole('status').filter({ hasText: 'Згоду зафіксовано.' }), 'the saved notice');
      await expectVisible(consents.getByRole('table', { name: 'Історія згод: надані й відкликані' }).getByRole('row').filter({ hasText: who }).getByText('Чинна'), `the consent of ${who}`);
    }
    const state = consents.getByRole('table', { name: 'Члени сім’ї та їхні чинні згоди' });
    await expectVisible(state.getByRole('row').filter({ hasText: child }).getByText('є чинна згода'), 'the child may be shared');
    await scan('consent section with the family’s consent');

    step('the draft is sent now');
    await page.goto(`${baseUrl}/cases/${caseId}?tab=work`);
    await referrals.getByRole('button', { name: /^Відкрити направлення/ }).first().click();
    const panel = page.getByRole('dialog', { name: /^Направлення: / });
    await panel.getByRole('button', { name: 'Надіслати', exact: true }).click();
    await expectVisible(panel.getByText('Надіслано', { exact: true }), 'the sent status');
    await panel.getByRole('button', { name: 'Закрити' }).first().click();
    await expectVisible(referrals.getByRole('table').getByText('Надіслано', { exact: true }), 'the sent referral in the case');
    await logout(page);
  });
}
