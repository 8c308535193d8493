// M&E dashboards in a real browser (SPEC §10.4): the national analyst opens the national dashboard, picks Kyiv oblast
// on the schematic map with the keyboard, then Bucha hromada among the hromadas grouped by rayon, downloads the
// indicator table as XLSX (the download answers the spreadsheet MIME type), and goes back to the country through the
// breadcrumbs; validates the quarter's DHIS2 payload without sending it. A case manager has no dashboards in the navigation. Axe on each screen.
import { expectVisible, inBrowser, login, logout, step } from './support.ts';

export const name = 'dashboards: national → oblast on the map → hromada → XLSX export, with axe scans';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function runJourney(baseUrl: string): Promise<void> {
  await inBrowser('dashboards', async ({ page, scan }) => {
    step('analyst.national opens the national dashboard from the navigation');
    await login(page, baseUrl, 'analyst.national');
    const nav = page.getByRole('navigation', { name: 'Основна навігація' });
    await nav.getByRole('link', { name: 'Панель показників' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Показники: Україна' }), 'the national dashboard');
    await expectVisible(page.getByRole('list', { name: 'Ключові показники' }), 'the key indicator tiles');
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Карта областей' }), 'the map of oblasts');
    await expectVisible(page.getByTestId('oblast-map'), 'the schematic tiles');
    await expectVisible(page.getByRole('img', { name: /динаміка за 8 кварталів/ }), 'the trend chart with its text alternative');
    await scan('national dashboard');

    step('shows the map as a table and back');
    await page.getByRole('button', { name: 'Показати таблицею' }).first().click();
    await expectVisible(page.getByRole('table', { name: 'Значення показника за територіями' }), 'the map as a table');
    await page.getByRole('button', { name: 'Показати графіком' }).first().click();

    step('opens Kyiv oblast on the map with the keyboard');
    const kyiv = page.getByRole('link', { name: /^Київська область: / });
    await kyiv.focus();
    await page.keyboard.press('Enter');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Показники: Київська область' }), 'the oblast dashboard');
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Громади за районами' }), 'hromadas grouped by rayon');
    await expectVisible(page.getByText('Бучанський район', { exact: true }), 'the rayon group');
    await scan('oblast dashboard');

    step('opens Bucha hromada');
    await page.getByRole('link', { name: /^Бучанська міська територіальна громада: / }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Показники: Бучанська міська територіальна громада' }), 'the hromada dashboard');
    const crumbs = page.getByRole('navigation', { name: 'Рівень території' });
    await expectVisible(crumbs.getByRole('link', { name: 'Бучанський район' }), 'the rayon in the breadcrumbs');
    await expectVisible(page.getByRole('table', { name: /^SG4\.3 / }), 'the indicator table');
    await scan('hromada dashboard');

    step('downloads the indicator table as XLSX');
    const link = page.getByRole('link', { name: 'Завантажити XLSX' });
    const href = await link.getAttribute('href');
    if (!href) throw new Error('the XLSX link has no address');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    if (!download.suggestedFilename().endsWith('.xlsx')) throw new Error(`unexpected file name ${download.suggestedFilename()}`);
    const res = await page.request.get(new URL(href, baseUrl).toString());
    if (res.status() !== 200 || res.headers()['content-type'] !== xlsxType) throw new Error(`the export answered ${res.status()} ${res.headers()['content-type']}`);
    const body = await res.body();
    if (body.subarray(0, 2).toString() !== 'PK') throw new Error('the export is not an XLSX (zip) file');

    step('the quarterly council report of the hromada is a PDF');
    const reportHref = await page.getByRole('link', { name: 'Квартальний звіт для ради (PDF)' }).getAttribute('href');
    const report = await page.request.get(new URL(reportHref ?? '/', baseUrl).toString());
    if (report.status() !== 200 || report.headers()['content-type'] !== 'application/pdf') throw new Error(`the council report answered ${report.status()} ${report.headers()['content-type']}`);

    step('goes back to the country through the breadcrumbs');
    await crumbs.getByRole('link', { name: 'Україна' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Показники: Україна' }), 'back on the national dashboard');

    step('validates the quarter for DHIS2 without sending');
    await nav.getByRole('link', { name: 'DHIS2' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Передавання до DHIS2' }), 'the DHIS2 page');
    await page.getByRole('button', { name: 'Перевірити' }).click();
    await expectVisible(page.getByText('Перевірено: дані відповідають формату').first(), 'the dry-run summary');
    await expectVisible(page.getByRole('table', { name: 'Перевірки та надсилання, від нових до старих' }).getByRole('cell', { name: 'перевірка' }).first(), 'the run kept in the log');
    await scan('DHIS2 page');

    step('a case manager has no dashboards');
    await logout(page);
    await login(page, baseUrl, 'cm.bucha');
    const count = await page.getByRole('navigation', { name: 'Основна навігація' }).getByRole('link', { name: 'Панель показників' }).count();
    if (count !== 0) throw new Error('cm.bucha sees the dashboards link');
  });
}
