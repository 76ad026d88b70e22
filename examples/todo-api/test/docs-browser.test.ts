import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { TestApp } from './support/test-app';

/**
 * The README's tour, in a real browser (Debian's chromium, installed by
 * .ci/run): on todo-api's /docs, log in through Authorize, create a todo,
 * list it, and meet a missing scope.
 */
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const ARTIFACTS = join(__dirname, '..', '..', '..', '.artifacts');

jest.setTimeout(90_000);

/** An operation's block on the Swagger UI page: open it, fill the body, execute, read the answer. */
class Operation {
  constructor(private readonly block: Locator) {}

  async execute(body?: unknown): Promise<{ status: string; body: string }> {
    if (!(await this.block.locator('.execute').isVisible())) {
      if (!(await this.block.locator('.try-out__btn').isVisible())) await this.block.locator('.opblock-summary').click();
      await this.block.locator('.try-out__btn').click();
    }
    if (body !== undefined) await this.block.locator('textarea.body-param__text').fill(JSON.stringify(body));
    if (await this.block.locator('.btn-clear').isVisible()) await this.block.locator('.btn-clear').click();
    await this.block.locator('.execute').click();
    const response = this.block.locator('.live-responses-table .response').first();
    await response.waitFor();
    return {
      status: (await response.locator('.response-col_status').innerText()).trim().split(/\s+/)[0]!,
      body: await response.locator('.response-col_description pre').first().innerText(),
    };
  }
}

/** Skipped (with a note) where Debian's chromium is missing, but never in CI: .ci/run installs it and sets CI. */
const describeWithChromium = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;
if (!existsSync(CHROMIUM) && !process.env.CI) console.warn(`${CHROMIUM} is missing: the browser tour of todo-api is skipped (apt-get install chromium)`);

describeWithChromium('the tour of todo-api in /docs', () => {
  let t: TestApp;
  let origin: string;
  let profile: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    t = await TestApp.start('sqlite');
    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    profile = mkdtempSync(join(tmpdir(), 'deft-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS, headless: true });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/docs`);
  });

  afterAll(async () => {
    await context?.close();
    await t?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const operation = (tag: string, operationId: string) => new Operation(page.locator(`#operations-${tag}-${operationId}`));
  const authorizeButton = () => page.locator('.scheme-container .auth-wrapper > .btn.authorize');
  const dialog = () => page.locator('.dialog-ux .modal-ux');
  const dialogButton = (text: string) => dialog().locator('.auth-btn-wrapper button', { hasText: text });

  async function authorize(scopes: readonly string[]): Promise<void> {
    await authorizeButton().click();
    if (await dialogButton('Logout').isVisible()) await dialogButton('Logout').click();
    await dialog().locator('#oauth_username').fill('johndoe');
    await dialog().locator('#oauth_password').fill('secret');
    // Swagger UI hides the checkbox itself behind its styled label.
    for (const scope of scopes) await dialog().locator(`label[for="${scope}-password-checkbox-OAuth2PasswordBearer"]`).click();
    await dialogButton('Authorize').click();
    await dialogButton('Logout').waitFor();
    await dialogButton('Close').click();
  }

  it('answers 401 before logging in', async () => {
    const result = await operation('todos', 'todos-list').execute();
    expect(result.status).toBe('401');
    expect(JSON.parse(result.body)).toEqual({ detail: 'Not authenticated' });
  });

  it('logs in through Authorize, creates a todo and lists it', async () => {
    await authorize([]);
    const created = await operation('todos', 'todos-create').execute({ title: 'Read the Deft docs' });
    expect(created.status).toBe('201');
    expect(JSON.parse(created.body)).toMatchObject({ title: 'Read the Deft docs', done: false });
    const listed = await operation('todos', 'todos-list').execute();
    expect(listed.status).toBe('200');
    expect(JSON.parse(listed.body)).toMatchObject({ total: 1, items: [{ title: 'Read the Deft docs' }] });
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'todo-api-docs.png'), fullPage: true });
  });

  it('with only todos:read ticked, reading works and writing answers 403', async () => {
    await authorize(['todos:read']);
    expect((await operation('todos', 'todos-list').execute()).status).toBe('200');
    const refused = await operation('todos', 'todos-create').execute({ title: 'Not allowed' });
    expect(refused.status).toBe('403');
    expect(JSON.parse(refused.body)).toEqual({ detail: 'Not enough permissions' });
  });
});
