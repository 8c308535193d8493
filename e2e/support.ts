// Shared parts of the browser journeys: Chromium launch, axe scans, waiting with a readable failure, logging in,
// dates in Kyiv time, and a wrapper that leaves a screenshot on failure and fails on page errors and axe findings.
import { tmpdir } from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Rodyna-Demo-2026';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export type AxeProblem = { page: string; id: string; impact: string; help: string; targets: string[] };

export function randomCyrillic(n: number): string {
  const letters = 'абвгдежзиклмнопрстуфхцчшщюя';
  let s = '';
  for (let i = 0; i < n; i += 1) s += letters[Math.floor(Math.random() * letters.length)] ?? 'а';
  return s;
}

export function todayKyiv(): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Kyiv', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date());
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}.${get('month')}.${get('year')}`;
}

export function step(name: string): void {
  console.log(`  · ${name}`);
}

/**
 * Runs axe-core in the page and records serious and critical violations. The engine is injected once per document
 * (the app is a single page, so once per journey page) and asked for violations only; this is four to five times
 * quicker than re-injecting it on every scan.
 */
export async function scan(page: Page, name: string, problems: AxeProblem[]): Promise<void> {
  // Scan what the user sees once it has settled, not a dialog fading in or out.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity), undefined, { timeout: 5_000 }).catch(() => undefined);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const result = await page.evaluate(
    (tags) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad) {
    problems.push({ page: name, id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) });
  }
  for (const v of bad) console.log(`    ✗ ${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  const minor = result.violations.length - bad.length;
  console.log(`  · axe ${name}: ${bad.length} serious/critical, ${minor} minor/moderate, ${result.passes.length} rules passed`);
}

export async function expectVisible(locator: Locator, what: string, timeout = 15_000): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`expected to see ${what}`);
  }
}

/** dd.mm.yyyy of today in Kyiv plus `days` (negative for the past). */
export function kyivDatePlus(days: number): string {
  const [d, m, y] = todayKyiv().split('.').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d + days));
  return `${String(dt.getUTCDate()).padStart(2, '0')}.${String(dt.getUTCMonth() + 1).padStart(2, '0')}.${dt.getUTCFullYear()}`;
}

/** Logs in through the login form and waits for the signed-in layout. */
export async function login(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Ім’я користувача').fill(username);
  await page.getByRole('textbox', { name: 'Пароль' }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Увійти' }).click();
  await expectVisible(page.getByRole('navigation', { name: 'Основна навігація' }), `the signed-in layout for ${username}`);
}

/** Signs out through the header button. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Вийти' }).click();
  await page.waitForURL(/\/login/);
}

/** What a journey body gets: a fresh browser context (uk-UA, Kyiv time) and a page in it, and the axe recorder. */
export type JourneyKit = { context: BrowserContext; page: Page; scan: (name: string) => Promise<void> };

/**
 * Runs a journey body in Chromium: fails on JavaScript errors in the page and on serious or critical axe findings,
 * and leaves a screenshot in the temp folder when it stops.
 */
export async function inBrowser(label: string, body: (kit: JourneyKit) => Promise<void>): Promise<void> {
  const started = Date.now();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const problems: AxeProblem[] = [];
  const pageErrors: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'uk-UA', timezoneId: 'Europe/Kyiv' });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await body({ context, page, scan: (name) => scan(page, name, problems) });
    if (pageErrors.length > 0) throw new Error(`JavaScript errors in the page:\n${pageErrors.join('\n')}`);
  } catch (err) {
    const shot = path.join(tmpdir(), `rodyna-${label}-failure-${Date.now()}.png`);
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
  console.log(`  · ${label} finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Calls the API as the signed-in user of `page` (cookie session, CSRF header on writes); throws on a non-2xx answer. */
export async function api<T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(new URL(path, page.url()).toString(), { method, headers: method === 'GET' ? {} : { 'X-Requested-With': 'rodyna' }, ...(data === undefined ? {} : { data }) });
  const body = (await res.json().catch(() => null)) as T;
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

/** One family member of a case a journey registers through the API. */
export type JourneyMember = { relationship: string; givenName: string; patronymic: string; birthDate: string; sex: 'female' | 'male' };

/**
 * Registers a prevention case in Bucha through the API as the signed-in user (a school's notification about one
 * child and one adult of the family `surname`) and answers the case's id.
 */
export async function openBuchaCase(page: Page, f: { surname: string; child: JourneyMember; adult: JourneyMember; description: string; reporterOrganisation?: string }): Promise<string> {
  const hromadas = await api<{ items: Array<{ id: string; nameUk: string }> }>(page, 'GET', '/api/v1/territories?level=hromada');
  const bucha = hromadas.items.find((h) => h.nameUk.includes('Буч'));
  if (!bucha) throw new Error('no Bucha hromada');
  const member = (role: 'child' | 'adult', m: JourneyMember) => ({
    role,
    relationship: m.relationship,
    person: { surname: f.surname, givenName: m.givenName, patronymic: m.patronymic, birthDate: m.birthDate, sex: m.sex, disability: false, latinName: '' },
  });
  const created = await api<{ caseId: string }>(page, 'POST', '/api/v1/notifications', {
    hromadaId: bucha.id,
    source: 'school',
    reporterOrganisation: f.reporterOrganisation ?? 'Ліцей',
    reporterPerson: 'Класний керівник',
    reporterContact: '',
    receivedAt: new Date().toISOString(),
    description: f.description,
    childFactors: ['parents_evading_duties'],
    adultFactors: ['unemployment'],
    threatToLifeOrHealth: false,
    actionsTaken: '',
    urgentActions: [],
    documents: '',
    members: [member('child', f.child), member('adult', f.adult)],
    openCase: true,
    caseType: 'prevention',
  });
  return created.caseId;
}

export type { Locator };
