/**
 * The GraphQL playground in Chromium, offline: GraphiQL from our own bundle at GET /graphql
 * (as a browser asks for it) and /playground, with the example tabs, running queries against
 * the real server. Fails on any external request (a CDN font, a worker) or console error.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EXAMPLES } from '../../src/web/client/playground-examples.js';
import { browserSuite, startApp } from './app.js';

const suite = browserSuite();

/** The text of GraphiQL's result pane (a read-only CodeMirror). */
const resultText = (page: Page) =>
  page.evaluate(() => {
    const cm = (document.querySelector('.graphiql-response .CodeMirror') as any)?.CodeMirror;
    return cm ? (cm.getValue() as string) : '';
  });

/** Switches to a tab, runs it, and returns the parsed answer once its root field shows. */
async function runTab(page: Page, index: number, field: string): Promise<unknown> {
  await page.locator('.graphiql-tab').nth(index).locator('button').first().click();
  await page.locator('.graphiql-execute-button').click();
  await expect.poll(() => resultText(page), { timeout: 15_000 }).toMatch(new RegExp(`"${field}"|"errors"`));
  const answer = JSON.parse(await resultText(page));
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer;
}

describe('playground', () => {
  it('opens at GET /graphql with the example tabs and runs each of them', async () => {
    const w = await suite.open();
    const { page } = w;
    const response = await page.goto(`${suite.app.url}/graphql`);
    expect(response?.headers()['content-type']).toContain('text/html');
    await page.locator('.graphiql-container').waitFor();
    expect(await page.locator('.graphiql-tab').count()).toBe(EXAMPLES.length);
    const titles = await page.locator('.graphiql-tab').allTextContents();
    ['PolicyDrivers', 'Timeline2014to2017', 'Neighbourhood', 'CypherQuestion'].forEach((name, i) => expect(titles[i]).toContain(name));

    // The relationship question.
    const drivers = (await runTab(page, 0, 'policyDrivers')) as { data: { policyDrivers: { policy: { name: string }; firms: { name: string }[]; via: string[] }[] } };
    expect(drivers.data.policyDrivers.length).toBeGreaterThan(0);
    expect(drivers.data.policyDrivers.some((d) => d.firms.length > 0 && d.via.includes('OPERATES_IN'))).toBe(true);
    await w.screenshot('playground-1-policy-drivers');

    const timeline = (await runTab(page, 1, 'timeline')) as { data: { timeline: { dateLabel: string }[] } };
    expect(timeline.data.timeline.length).toBeGreaterThan(0);
    expect(timeline.data.timeline.every((e) => e.dateLabel >= '2014' && e.dateLabel < '2018')).toBe(true);

    const hood = (await runTab(page, 2, 'neighborhood')) as { data: { neighborhood: { nodes: { id: string }[] } } };
    expect(hood.data.neighborhood.nodes.map((n) => n.id)).toContain('cybersecurity-law');

    const cypher = (await runTab(page, 3, 'cypher')) as { data: { cypher: { columns: string[]; rows: unknown[] } } };
    expect(cypher.data.cypher.columns).toEqual(['agency', 'policies']);
    expect(cypher.data.cypher.rows.length).toBeGreaterThan(0);
    await w.screenshot('playground-2-cypher');

    // The schema reached GraphiQL (introspection): the documentation explorer lists Query.
    await page.locator('.graphiql-sidebar button[aria-label*="Documentation"]').click();
    await page.locator('.graphiql-doc-explorer', { hasText: 'Query' }).waitFor();
    w.assertClean();
  });

  it('is also at /playground, and an edited query runs', async () => {
    const w = await suite.open();
    const { page } = w;
    await page.goto(`${suite.app.url}/playground`);
    await page.locator('.graphiql-container').waitFor();
    // Replace the first example with a query of our own, typed into the editor.
    await page.locator('.graphiql-query-editor .CodeMirror').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('{ search(text: "Data Security Law", first: 1) { entity { id name } } }');
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => resultText(page), { timeout: 15_000 }).toContain('data-security-law');
    w.assertClean();
  });

  it('is off in production', async () => {
    const prod = await startApp({ NODE_ENV: 'production' });
    try {
      const w = await suite.open(prod.url);
      const res = await w.page.goto(`${prod.url}/playground`);
      expect(res?.status()).toBe(404);
      expect(await w.page.locator('body').textContent()).toContain('PLAYGROUND=true');
      // The explorer still works in production.
      const explore = await w.page.goto(`${prod.url}/explore`);
      expect(explore?.status()).toBe(200);
    } finally {
      await prod.close();
    }
  });

  it('is on in production with PLAYGROUND=true', async () => {
    const saved = process.env.PLAYGROUND;
    process.env.PLAYGROUND = 'true';
    const prod = await startApp({ NODE_ENV: 'production', PLAYGROUND: 'true' });
    try {
      const w = await suite.open(prod.url);
      await w.page.goto(`${prod.url}/graphql`);
      await w.page.locator('.graphiql-container').waitFor();
      w.assertClean();
    } finally {
      await prod.close();
      if (saved === undefined) delete process.env.PLAYGROUND;
      else process.env.PLAYGROUND = saved;
    }
  });
});
