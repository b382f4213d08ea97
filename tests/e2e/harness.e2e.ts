/**
 * The offline harness itself: a page that reaches outside, or logs an error, fails the test.
 * Without this, a quietly broken request blocker would let every other browser test pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../src/server.js';
import { startApp } from './app.js';
import { launchBrowser, openWatched } from './browser.js';

let app: RunningServer;
let browser: Browser;
beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the offline harness', () => {
  it('the pages’ Content-Security-Policy stops a script from reaching another host, and says so', async () => {
    const w = await openWatched(browser, app.url);
    try {
      await w.page.goto(`${app.url}/explore`);
      w.assertClean();
      const reached = await w.page.evaluate(() => fetch('https://fonts.googleapis.com/css2?family=Roboto').then(() => true, () => false));
      expect(reached).toBe(false);
      expect(w.consoleErrors.join('\n')).toMatch(/Content Security Policy/);
      expect(() => w.assertClean()).toThrow(/fonts\.googleapis\.com/);
    } finally {
      await w.context.close();
    }
  });

  it('blocks and reports any request to another host, and console errors', async () => {
    const w = await openWatched(browser, app.url);
    try {
      await w.page.goto(`${app.url}/`);
      await w.page.evaluate(() => console.error('something broke'));
      await expect(w.page.goto('https://cdn.example.com/graphiql.min.js')).rejects.toThrow();
      expect(w.external).toEqual(['https://cdn.example.com/graphiql.min.js']);
      expect(() => w.assertClean()).toThrow(/external request: https:\/\/cdn\.example\.com[^\n]*\n.*something broke/s);
    } finally {
      await w.context.close();
    }
  });

  it('reports a local request that fails', async () => {
    const w = await openWatched(browser, app.url);
    try {
      await w.page.goto(`${app.url}/`);
      await w.page.evaluate(() => fetch('/assets/missing.js').then((r) => r.status));
      expect(() => w.assertClean()).toThrow(/failed request: GET .*\/assets\/missing\.js: 404/);
    } finally {
      await w.context.close();
    }
  });
});
