import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { firstCategoryId } from './factories.js';
import { startTestApi, type TestApi } from './test-api.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface WebApp {
  url: string;
  stop(): Promise<void>;
}

/** Starts the built web app (community-web/server.mjs) against the given API. */
export async function startWeb(apiUrl: string): Promise<WebApp> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['community-web/server.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      API_URL: apiUrl,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url)).status < 500) break;
    } catch {
      /* starting */
    }
    if (i > 100 || child.exitCode !== null) throw new Error(`web app did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Debian's Chromium (PLAYWRIGHT_CHROMIUM overrides the path); nothing is downloaded. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A phone's screen, as the screenshot tool takes it. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

/**
 * A fresh browser context (own cookies) that fails the test on any page error or console error;
 * `opts` may also set the viewport (e.g. PHONE), colour scheme or user agent.
 */
export async function newVisitor(
  browser: Browser,
  opts: Pick<
    BrowserContextOptions,
    'javaScriptEnabled' | 'viewport' | 'isMobile' | 'hasTouch' | 'colorScheme' | 'userAgent'
  > = {},
) {
  const context: BrowserContext = await browser.newContext({
    ...opts,
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
  });
  const page: Page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(m.text());
  });
  return {
    page,
    context,
    assertClean: () => expect(problems).toEqual([]),
  };
}

let counter = 0;
/** Signs up through the form and lands on the home page signed in. */
export async function registerThroughUi(page: Page, baseUrl: string) {
  const handle = `e2e_${Date.now().toString(36)}${counter++}`;
  await page.goto(`${baseUrl}/register`);
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Email').fill(`${handle}@example.test`);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect.poll(() => page.getByTestId('viewer-handle').textContent()).toBe(`@${handle}`);
  return handle;
}

/** Logs a factory-built member in through the login form. */
export async function loginAs(page: Page, baseUrl: string, member: { handle: string; password: string }) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Handle or email').fill(member.handle);
  await page.getByLabel('Password').fill(member.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect.poll(() => page.getByTestId('viewer-handle').textContent()).toBe(`@${member.handle}`);
}

/** The id of a member signed up through the UI, for factories that act on it (e.g. grantReputation). */
export async function memberByHandle(
  api: { sql<T = any>(text: string, params?: unknown[]): Promise<T[]> },
  handle: string,
): Promise<{ id: string }> {
  const [row] = await api.sql<{ id: number }>('select id from members where handle = $1', [handle]);
  if (!row) throw new Error(`no member @${handle}`);
  return { id: String(row.id) };
}

export interface Stack {
  api: TestApi;
  web: WebApp;
  browser: Browser;
}

/**
 * The whole product for one test file: the API on its own database (with a category to ask
 * in), the built web app in front of it, and Chromium; started before the file's tests and
 * stopped after them. Fields are filled once beforeAll has run. `env` adds to the API's
 * configuration (WEBHOOK_ALLOW_PRIVATE_URLS for a local receiver).
 */
export function useStack(env: Record<string, string> = {}): Stack {
  const stack = {} as Stack;
  beforeAll(async () => {
    stack.api = await startTestApi(env);
    await firstCategoryId(stack.api);
    stack.web = await startWeb(stack.api.url);
    stack.browser = await launchBrowser();
  });
  afterAll(async () => {
    await stack.browser?.close();
    await stack.web?.stop();
    await stack.api?.close();
  });
  return stack;
}

/** Signs a member in by the session cookie (the login form and its per-address limit are tested on their own). */
export async function signInByCookie(page: Page, webUrl: string, member: { token: string }) {
  const value = Buffer.from(JSON.stringify(member.token)).toString('base64');
  await page.context().addCookies([{ name: 'hearth_session', value, url: webUrl }]);
}
