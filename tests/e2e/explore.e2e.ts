/**
 * The explorer in Chromium, offline, against the real server on the seed data: search, open,
 * expand a neighbour (existing nodes stay put), the time slider, the type filter, a shortest
 * path and a deep link. Every test fails on any external request or console error.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './app.js';

const suite = browserSuite();

const CSL = 'cybersecurity-law';
const DSL = 'data-security-law';
const CSL_NAME = "Cybersecurity Law of the People's Republic of China";
const DSL_NAME = "Data Security Law of the People's Republic of China";

type Positions = Record<string, { x: number; y: number }>;

/** What the canvas holds, read from cytoscape (the page exposes it as window.cy). */
const onCanvas = (page: Page) =>
  page.evaluate(() => {
    const cy = (window as any).cy;
    const positions: Positions = {};
    cy.nodes().forEach((n: any) => (positions[n.id()] = { ...n.position() }));
    return positions;
  });

const visibleOnCanvas = (page: Page, id: string) =>
  page.evaluate((id) => {
    const n = (window as any).cy.getElementById(id);
    return n.nonempty() && n.visible();
  }, id);

async function waitForNode(page: Page, id: string, present = true) {
  await page.waitForFunction(
    ([id, present]) => (window as any).cy?.getElementById(id).nonempty() === present,
    [id, present] as const,
    { timeout: 15_000 },
  );
}

/** Clicks a node where it is drawn, as a user would. */
async function clickNode(page: Page, id: string) {
  const box = (await page.locator('#canvas').boundingBox())!;
  const p = await page.evaluate((id) => (window as any).cy.getElementById(id).renderedPosition(), id);
  expect(p.x, `${id} is inside the canvas`).toBeGreaterThan(0);
  expect(p.x).toBeLessThan(box.width);
  expect(p.y).toBeGreaterThan(0);
  expect(p.y).toBeLessThan(box.height);
  await page.mouse.click(box.x + p.x, box.y + p.y);
}

async function openCsl(page: Page) {
  await page.goto(`${suite.app.url}/explore`);
  await page.locator('#search-input').fill('Cybersecurity Law');
  const hit = page.locator(`#search-results button[data-id="${CSL}"]`);
  await hit.waitFor();
  expect(await page.locator('#search-results button').first().getAttribute('data-id')).toBe(CSL);
  await hit.click();
  await waitForNode(page, CSL);
  await page.locator('#details h2', { hasText: CSL_NAME }).waitFor();
  await page.locator('#status', { hasText: 'nodes' }).waitFor();
}

describe('explorer', () => {
  it('search, open, details with citations, expand a neighbour without moving the others, slider to 2016, path', async () => {
    const w = await suite.open();
    const { page } = w;
    await openCsl(page);

    // The side panel: details, relations and citations (source title, locator, note).
    const details = page.locator('#details');
    await expect.poll(() => details.textContent()).toContain('中华人民共和国网络安全法');
    const text = (await details.textContent())!;
    expect(text).toContain('2016-11-07');
    expect(text).toContain('2017-06-01');
    expect(text).toMatch(/Relations \(\d+\)/);
    const citation = details.locator('ol.citations').last().locator('li', { hasText: 'Preamble of the published law' });
    await expect.poll(() => citation.count()).toBeGreaterThan(0);
    expect(await citation.first().locator('cite').textContent()).toBeTruthy();
    expect(await citation.first().locator('.note').textContent()).toContain('2016');
    expect(new URL(page.url()).searchParams.get('id')).toBe(CSL);
    await w.screenshot('explore-1-cybersecurity-law');

    // Its neighbourhood is drawn; the Data Security Law is not among the direct neighbours.
    const before = await onCanvas(page);
    expect(Object.keys(before)).toEqual(expect.arrayContaining([CSL, 'npc-standing-committee', 'data-security']));
    expect(before[DSL]).toBeUndefined();

    // Expand a neighbour by clicking it on the canvas: the data-security sector.
    await clickNode(page, 'data-security');
    await waitForNode(page, DSL);
    await page.locator('#details h2', { hasText: /data security/i }).waitFor();
    const after = await onCanvas(page);
    for (const [id, p] of Object.entries(before)) expect(after[id], `${id} kept its place`).toEqual(p);
    expect(Object.keys(after).length).toBeGreaterThan(Object.keys(before).length);
    expect(await page.locator('#node-list').textContent()).toContain(DSL_NAME);
    await w.screenshot('explore-2-expanded');

    // The time slider, moved with the keyboard to 2016: the Data Security Law (2021) goes.
    const slider = page.locator('#asof');
    await slider.focus();
    await page.keyboard.press('Home');
    expect(await page.locator('#asof-label').textContent()).toBe('End of 1990');
    for (let y = 1990; y < 2016; y++) await page.keyboard.press('ArrowRight');
    expect(await page.locator('#asof-label').textContent()).toBe('End of 2016');
    await page.locator('#status', { hasText: 'as of the end of 2016' }).waitFor();
    await waitForNode(page, DSL, false);
    expect(await visibleOnCanvas(page, CSL)).toBe(true);
    expect(await page.locator('#node-list').textContent()).not.toContain(DSL_NAME);
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2016');
    await w.screenshot('explore-3-as-of-2016');

    // Back to every date: the law returns to the place it had.
    await page.keyboard.press('End');
    expect(await page.locator('#asof-label').textContent()).toBe('All dates');
    await waitForNode(page, DSL);
    expect((await onCanvas(page))[DSL]).toEqual(after[DSL]);

    // Shortest path between two picked nodes.
    await page.locator('#path-mode').click();
    await page.locator('#status', { hasText: 'click the first node' }).waitFor();
    await clickNode(page, CSL);
    await page.locator('#status', { hasText: 'Now click the second node' }).waitFor();
    await clickNode(page, DSL);
    const result = page.locator('#path-result');
    await result.waitFor();
    const steps = result.locator('.path-steps li.step');
    expect(await steps.first().textContent()).toBe(CSL_NAME);
    expect(await steps.last().textContent()).toBe(DSL_NAME);
    expect(await steps.count()).toBeGreaterThanOrEqual(2);
    expect(await result.textContent()).toMatch(/\d+ steps?:/);
    const highlighted = await page.evaluate(() => (window as any).cy.edges('.path').length);
    expect(highlighted).toBe((await steps.count()) - 1);
    await w.screenshot('explore-4-path');

    w.assertClean();
  });

  it('filters by entity type', async () => {
    const w = await suite.open();
    const { page } = w;
    await openCsl(page);
    expect(await visibleOnCanvas(page, 'npc-standing-committee'), 'agency shown at first').toBe(true);
    await page.locator('#legend input[data-type="AGENCY"]').uncheck();
    await expect.poll(() => visibleOnCanvas(page, 'npc-standing-committee'), { message: 'agency hidden', timeout: 3000 }).toBe(false);
    expect(await visibleOnCanvas(page, CSL), 'policy still shown').toBe(true);
    expect(await page.locator('#node-list button[data-id="npc-standing-committee"]').count()).toBe(0);
    // Colour by type: an agency and a policy are drawn in different colours.
    const colours = await page.evaluate(() => {
      const cy = (window as any).cy;
      return [cy.getElementById('cybersecurity-law').style('background-color'), cy.getElementById('china').style('background-color')];
    });
    expect(colours[0]).not.toBe(colours[1]);
    await w.screenshot('explore-5-agencies-hidden');
    await page.locator('#legend input[data-type="AGENCY"]').check();
    await expect.poll(() => visibleOnCanvas(page, 'npc-standing-committee'), { message: 'agency shown again', timeout: 3000 }).toBe(true);
    w.assertClean();
  });

  it('shows the basis of each citation and keeps to stated facts when asked', async () => {
    const w = await suite.open();
    const { page } = w;
    await openCsl(page);
    // The law's issuer comes from its official text only (EXTERNAL): drawn at first …
    await waitForNode(page, 'npc-standing-committee');
    await page.locator('#details h2', { hasText: CSL_NAME }).waitFor();
    const bases = await page.locator('#details ol.citations > li .basis').allTextContents();
    expect(bases).toEqual(expect.arrayContaining(['STATED', 'EXTERNAL']));
    // … and gone with "Stated facts only", which the URL keeps.
    await page.locator('#stated-only').check();
    await waitForNode(page, 'npc-standing-committee', false);
    expect(await visibleOnCanvas(page, CSL)).toBe(true);
    expect(page.url()).toContain('evidence=stated');
    await w.screenshot('explore-7-stated-only');
    await page.locator('#stated-only').uncheck();
    await waitForNode(page, 'npc-standing-committee');
    w.assertClean();
  });

  it('opens an entity from a deep link, as of a year', async () => {
    const w = await suite.open();
    const { page } = w;
    await page.goto(`${suite.app.url}/explore?id=${DSL}`);
    await waitForNode(page, DSL);
    await page.locator('#details h2', { hasText: DSL_NAME }).waitFor();
    expect(await page.evaluate(() => (window as any).cy.$(':selected').map((n: any) => n.id()))).toEqual([DSL]);
    await w.screenshot('explore-6-deep-link');

    await page.goto(`${suite.app.url}/explore?id=${CSL}&asOf=2015`);
    await page.locator('#status', { hasText: 'Nothing of this part of the graph existed yet at the end of 2015' }).waitFor();
    expect(await page.locator('#asof-label').textContent()).toBe('End of 2015');
    w.assertClean();
  });

  it('says so when nothing matches, and for an unknown id', async () => {
    const w = await suite.open();
    const { page } = w;
    await page.goto(`${suite.app.url}/explore`);
    await page.locator('#search-input').fill('zzzqqqxxy');
    await page.locator('#search-results', { hasText: 'Nothing found for “zzzqqqxxy”' }).waitFor();
    await page.goto(`${suite.app.url}/explore?id=no-such-thing`);
    await page.locator('#details', { hasText: 'No entity with the id “no-such-thing”' }).waitFor();
    w.assertClean();
  });
});
