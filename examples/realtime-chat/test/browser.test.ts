import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { DeftApp } from '@deft/core';
import { createChatApp } from '../src/app';

/**
 * The chat page in a real browser (Debian's chromium, installed by .ci/run):
 * two people chat over WebSockets, the token sent as a subprotocol, and the
 * assistant's answer is read by the browser's own EventSource.
 */
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

jest.setTimeout(90_000);

const describeWithChromium = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;
if (!existsSync(CHROMIUM) && !process.env.CI) console.warn(`${CHROMIUM} is missing: the chat page's browser test is skipped (apt-get install chromium)`);

describeWithChromium('the chat page in a browser', () => {
  let app: DeftApp;
  let origin: string;
  let profile: string;
  let context: BrowserContext;

  beforeAll(async () => {
    app = createChatApp();
    origin = await app.listen({ host: '127.0.0.1', port: 0 });
    profile = mkdtempSync(join(tmpdir(), 'deft-chat-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS, headless: true });
  });

  afterAll(async () => {
    await context?.close();
    await app?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function enterChat(page: Page, name: string): Promise<void> {
    await page.goto(`${origin}/`);
    await page.fill('#username', name);
    await page.click('#login button');
    await page.waitForSelector('body[data-joined="yes"]', { timeout: 10_000 });
  }

  it('lets two people chat in a room, and streams the assistant through an EventSource', async () => {
    const alice = await context.newPage();
    const bob = await context.newPage();
    await enterChat(alice, 'alice');
    await enterChat(bob, 'bob');
    await alice.waitForSelector('#log li:has-text("bob joined lobby")', { timeout: 10_000 });

    await alice.fill('#message', 'hello from the browser');
    await alice.click('#say button');
    await bob.waitForSelector('#log li:has-text("alice: hello from the browser")', { timeout: 10_000 });

    await bob.fill('#prompt', 'what is Deft?');
    await bob.click('#ask button');
    await bob.waitForSelector('#answer[data-done="yes"]', { timeout: 10_000 });
    expect(await bob.textContent('#answer')).toBe('You said "what is Deft?". Streaming answers arrive one token at a time.');

    await bob.close();
    await alice.waitForSelector('#log li:has-text("bob left")', { timeout: 10_000 });
  });
});
