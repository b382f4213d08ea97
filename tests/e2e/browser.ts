/**
 * Debian's Chromium driven by playwright-core, offline: every request that is not to the
 * server under test is aborted and recorded, and so is every console error, uncaught page
 * error and failed local request. `assertClean()` fails the test if any were seen.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../../src/paths.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = projectPath('test-artifacts', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Requests to anywhere but the server under test (all were blocked). */
  external: string[];
  consoleErrors: string[];
  /** Local requests that failed or answered 4xx/5xx. */
  failed: string[];
  assertClean(): void;
  screenshot(name: string): Promise<string>;
}

function isLocal(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** A fresh context and page bound to `origin`, with every outside request blocked and recorded. */
export async function openWatched(browser: Browser, origin: string): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block', locale: 'en-GB' });
  const external: string[] = [];
  const consoleErrors: string[] = [];
  const failed: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocal(url, origin)) return route.continue();
    external.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('weberror', (e) => consoleErrors.push(`uncaught: ${e.error().message}`));
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`console: ${msg.text()} (${msg.location().url}:${msg.location().lineNumber})`);
  });
  page.on('websocket', (ws) => {
    if (!isLocal(ws.url().replace(/^ws/, 'http'), origin)) external.push(ws.url());
  });
  page.on('requestfailed', (req) => {
    if (isLocal(req.url(), origin) && req.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    if (isLocal(res.url(), origin) && res.status() >= 400) failed.push(`${res.request().method()} ${res.url()}: ${res.status()}`);
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context, page, external, consoleErrors, failed,
    assertClean() {
      const problems = [
        ...external.map((u) => `external request: ${u}`),
        ...consoleErrors,
        ...failed.map((f) => `failed request: ${f}`),
      ];
      if (problems.length) throw new Error(`the page was not clean:\n  ${problems.join('\n  ')}`);
    },
    async screenshot(name: string) {
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
  };
}
