/**
 * The offline harness itself: a page that reaches outside, or logs an error, fails the test.
 * Without this, a quietly broken request blocker would let every other browser test pass.
 */
import { describe, expect, it } from 'vitest';
import { browserSuite } from './app.js';

const suite = browserSuite();

describe('the offline harness', () => {
  it('the pages’ Content-Security-Policy stops a script from reaching another host, and says so', async () => {
    const w = await suite.open();
    await w.page.goto(`${suite.app.url}/explore`);
    w.assertClean();
    const reached = await w.page.evaluate(() => fetch('https://fonts.googleapis.com/css2?family=Roboto').then(() => true, () => false));
    expect(reached).toBe(false);
    expect(w.consoleErrors.join('\n')).toMatch(/Content Security Policy/);
    expect(() => w.assertClean()).toThrow(/fonts\.googleapis\.com/);
  });

  it('blocks and reports any request to another host, and console errors', async () => {
    const w = await suite.open();
    await w.page.goto(`${suite.app.url}/`);
    await w.page.evaluate(() => console.error('something broke'));
      await expect(w.page.goto('https://cdn.example.com/graphiql.min.js')).rejects.toThrow();
    expect(w.external).toEqual(['https://cdn.example.com/graphiql.min.js']);
    expect(() => w.assertClean()).toThrow(/external request: https:\/\/cdn\.example\.com[^\n]*\n.*something broke/s);
  });

  it('reports a local request that fails', async () => {
    const w = await suite.open();
    await w.page.goto(`${suite.app.url}/`);
    await w.page.evaluate(() => fetch('/assets/missing.js').then((r) => r.status));
    expect(() => w.assertClean()).toThrow(/failed request: GET .*\/assets\/missing\.js: 404/);
  });
});
