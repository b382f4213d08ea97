/**
 * The explorer in Chromium, offline, against the real server on the seed data (issue 14):
 * honest time at 1995, readable labels at 150 nodes in each layout, select vs expand, hide,
 * undo and redo, China's market figures as a chart, the drivers table, what changed in 2021,
 * and a reloaded URL restoring the view. Every test fails on any external request or console
 * error.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './app.js';

const suite = browserSuite();
const IIS = 'industrial-internet-security';

async function ready(page: Page) {
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 20_000 });
  await page.waitForFunction(() => !/Loading/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: 20_000 });
}

async function goto(page: Page, query: string) {
  await page.goto(`${suite.app.url}/explore${query}`);
  await ready(page);
}

interface CanvasNode { id: string; type: string; date: string | null; undated: boolean; visible: boolean; labelled: boolean }

const nodes = (page: Page): Promise<CanvasNode[]> =>
  page.evaluate(() => (window as any).cy.nodes().map((n: any) => ({
    id: n.id(), type: n.data('type'), date: n.data('date'), undated: n.hasClass('undated'), visible: n.visible(), labelled: n.visible() && !n.hasClass('nolabel'),
  })));

async function nodeCount(page: Page) {
  return page.evaluate(() => (window as any).cy.nodes(':visible').length as number);
}

async function waitForCount(page: Page, test: (n: number) => boolean, what: string) {
  for (let i = 0; i < 100; i++) {
    if (test(await nodeCount(page))) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`node count never ${what} (is ${await nodeCount(page)})`);
}

async function nodePoint(page: Page, id: string) {
  const box = (await page.locator('#canvas').boundingBox())!;
  const p = await page.evaluate((id) => (window as any).cy.getElementById(id).renderedPosition(), id);
  return { x: box.x + p.x, y: box.y + p.y };
}

describe('explorer: honest time', () => {
  it('at 1995 the industrial-Internet-security sector shows nothing that began later, and draws undated ones apart', async () => {
    const w = await suite.open();
    await goto(w.page, `?focus=${IIS}&asOf=1995`);
    const at1995 = await nodes(w.page);
    expect(at1995.length).toBeGreaterThan(1);
    for (const n of at1995) {
      if (n.date) expect(n.date <= '1995-12-31', `${n.id} began ${n.date}`).toBe(true);
      if (['POLICY', 'FIRM', 'AGENCY', 'EVENT'].includes(n.type) && !n.date) expect(n.undated, `${n.id} is drawn as undated`).toBe(true);
    }
    // The same sector with every date shows dated policies and firms from later years.
    await goto(w.page, `?focus=${IIS}`);
    const today = await nodes(w.page);
    const later = today.filter((n) => n.date && n.date > '1995-12-31');
    expect(later.length).toBeGreaterThan(0);
    for (const n of later) expect(at1995.map((x) => x.id)).not.toContain(n.id);
    // Undated things are dashed on the canvas; the toggle takes them off.
    await goto(w.page, `?focus=${IIS}&asOf=1995`);
    expect((await nodes(w.page)).some((n) => n.undated)).toBe(true);
    await w.page.locator('#show-undated').uncheck();
    await w.page.waitForFunction(() => (window as any).cy.nodes('.undated').length === 0);
    expect(w.page.url()).toContain('undated=hide');
    expect((await nodes(w.page)).length).toBeGreaterThanOrEqual(1);
    // The side panel describes the selected entity as of the slider's date.
    await goto(w.page, '?focus=data-security-law&asOf=2020');
    await expect.poll(() => w.page.locator('#asof-status').textContent()).toMatch(/Not yet issued as of 2020-12-31/);
    await goto(w.page, '?focus=data-security-law&asOf=2021');
    await expect.poll(() => w.page.locator('#asof-status').textContent()).toMatch(/In force as of 2021-12-31/);
    await w.screenshot('explore-1995-desktop');
    w.assertClean();
  });
});

describe('explorer: Chinese names', () => {
  it('render with the system\'s CJK fonts (Debian\'s fonts-noto-cjk), in the details and on the canvas', async () => {
    // The fonts the page asks for by name are on this system, not downloaded.
    expect(execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' })).toMatch(/Noto Sans CJK/);
    const w = await suite.open();
    await goto(w.page, '?focus=china');
    await expect.poll(() => w.page.locator('#details .zh').textContent()).toContain('中国');
    // A CJK glyph drawn with the page's font stack is full width (a missing glyph falls back to a narrow box).
    const ratio = await w.page.evaluate(() => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `20px ${getComputedStyle(document.documentElement).fontFamily}`;
      return ctx.measureText('中国网络').width / 80;
    });
    expect(ratio).toBeGreaterThan(0.9);
    w.assertClean();
  });
});

describe('explorer: readable at 150 nodes', () => {
  it('labels legible and apart, sized by degree, in each layout', async () => {
    const w = await suite.open();
    await goto(w.page, `?focus=china&open=china,${IIS},cybersecurity-industry,data-security-law,industrial-control-system-security`);
    const count = await nodeCount(w.page);
    expect(count).toBeGreaterThanOrEqual(100);
    for (const layout of ['placed', 'fcose', 'concentric']) {
      await w.page.selectOption('#layout', layout);
      await w.page.waitForTimeout(600);
      await w.page.locator('#fit-graph').click();
      await w.page.waitForTimeout(300);
      const labels = await w.page.evaluate(() => {
        const cy = (window as any).cy;
        const shown = cy.nodes(':visible').filter((n: any) => !n.hasClass('nolabel'));
        const boxes = shown.map((n: any) => n.renderedBoundingBox({ includeNodes: false, includeLabels: true, includeOverlays: false }));
        let overlaps = 0;
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]; const b = boxes[j];
          if (a.w > 0 && b.w > 0 && a.x1 < b.x2 - 2 && b.x1 < a.x2 - 2 && a.y1 < b.y2 - 2 && b.y1 < a.y2 - 2) overlaps++;
        }
        const fontPx = shown.length ? parseFloat(shown[0].style('font-size')) * cy.zoom() : 0;
        const sizes = cy.nodes().map((n: any) => [n.degree(false), n.width()]);
        return { shown: shown.length, overlaps, fontPx, sizes };
      });
      expect(labels.shown, `${layout}: labels shown`).toBeGreaterThan(15);
      expect(labels.fontPx, `${layout}: rendered font size`).toBeGreaterThanOrEqual(12);
      expect(labels.overlaps, `${layout}: overlapping labels`).toBeLessThanOrEqual(Math.ceil(labels.shown * 0.05));
      const [low, high] = [labels.sizes.reduce((a: number[], b: number[]) => (b[0]! < a[0]! ? b : a)), labels.sizes.reduce((a: number[], b: number[]) => (b[0]! > a[0]! ? b : a))];
      expect(high[1]).toBeGreaterThan(low[1]);
      await w.screenshot(`explore-150-${layout}-desktop`);
    }
    expect(w.page.url()).toContain('layout=concentric');
    // The full name on hover.
    const p = await nodePoint(w.page, 'china');
    await w.page.mouse.move(p.x, p.y);
    await expect.poll(() => w.page.locator('#tooltip').textContent()).toContain('China');
    w.assertClean();
  });
});

describe('explorer: look before you expand', () => {
  it('a click selects, a double-click expands; hide, undo, redo, clear; relation types filter', async () => {
    const w = await suite.open();
    await goto(w.page, '?focus=cybersecurity-law');
    const before = await nodeCount(w.page);
    expect(before).toBeGreaterThan(3);
    const hub = 'china';
    await w.page.waitForFunction((id) => (window as any).cy.getElementById(id).nonempty(), hub);
    let p = await nodePoint(w.page, hub);
    await w.page.mouse.click(p.x, p.y);
    await expect.poll(() => w.page.locator('#details-title').textContent()).toBe('China');
    expect(await nodeCount(w.page)).toBe(before);
    p = await nodePoint(w.page, hub);
    await w.page.mouse.dblclick(p.x, p.y);
    await waitForCount(w.page, (n) => n > before, 'grew after a double-click');
    const expanded = await nodeCount(w.page);
    expect(w.page.url()).toMatch(/open=cybersecurity-law,china/);
    // Hide the selected node with its button; undo brings it back, redo hides it again.
    await w.page.locator('#hide-selected').click();
    await w.page.waitForFunction((id) => (window as any).cy.getElementById(id).empty(), hub);
    await w.page.locator('#undo').click();
    await w.page.waitForFunction((id) => (window as any).cy.getElementById(id).nonempty(), hub);
    await waitForCount(w.page, (n) => n === expanded, 'back to the expanded count');
    await w.page.locator('#redo').click();
    await w.page.waitForFunction((id) => (window as any).cy.getElementById(id).empty(), hub);
    await w.page.locator('#undo').click();
    await w.page.waitForFunction((id) => (window as any).cy.getElementById(id).nonempty(), hub);
    // Expand by keyboard: E on the focused canvas.
    const relations = await w.page.evaluate(() => [...new Set((window as any).cy.edges().map((e: any) => e.data('type')))] as string[]);
    expect(relations.length).toBeGreaterThan(1);
    const type = relations[0]!;
    await w.page.locator('summary', { hasText: 'Relation types' }).click();
    await w.page.locator(`#relation-filter input[data-relation="${type}"]`).uncheck();
    await w.page.waitForFunction((t) => (window as any).cy.edges().filter((e: any) => e.data('type') === t && e.visible()).length === 0, type);
    expect(w.page.url()).toContain(`rels=${type}`);
    await w.page.locator('#clear-graph').click();
    await waitForCount(w.page, (n) => n === 0, 'zero after Clear');
    await w.page.locator('#undo').click();
    await waitForCount(w.page, (n) => n > 0, 'back after undoing Clear');
    w.assertClean();
  });
});

describe('explorer: figures, drivers, changes', () => {
  it('China\'s market figures as a chart with units, kinds drawn apart, citations, and a table', async () => {
    const w = await suite.open();
    await goto(w.page, '?focus=china&panel=figures');
    await w.page.locator('.uplot').first().waitFor({ timeout: 15_000 });
    const captions = await w.page.locator('figure.indicator figcaption').allTextContents();
    expect(captions.some((c) => /market size/i.test(c))).toBe(true);
    // uPlot draws the axes on its canvas: the unit it is given is in the caption and the chart's label.
    expect(captions.join(' ')).toMatch(/billion|%|CNY|USD/);
    expect(await w.page.locator('.chart').first().getAttribute('aria-label')).toMatch(/\((?!no unit)[^)]+\)/);
    const legend = await w.page.locator('.u-legend').first().textContent();
    expect(legend).toMatch(/Actual|Forecast|Target/);
    await w.page.locator('.chart').first().focus();
    await w.page.keyboard.press('ArrowRight');
    await expect.poll(() => w.page.locator('.chart-readout').first().textContent()).toMatch(/\d{4}: .* — /);
    await w.page.locator('#figures-table-toggle').click();
    const rows = w.page.locator('.data-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(3);
    expect(await rows.first().locator('td').last().textContent()).not.toBe('');
    await w.screenshot('explore-figures-desktop');
    w.assertClean();
  });

  it('the drivers table sorts by date, filters by jurisdiction and issuer, lists only firms, and exports CSV', async () => {
    const w = await suite.open();
    await goto(w.page, `?focus=${IIS}&panel=drivers`);
    await w.page.locator('#drivers-table tbody tr').first().waitFor({ timeout: 15_000 });
    const dates = async () => (await w.page.locator('#drivers-table tbody tr td:nth-child(2)').allTextContents()).filter((d) => /^\d{4}/.test(d));
    const asc = await dates();
    expect(asc).toEqual([...asc].sort());
    await w.page.locator('#drivers-sort').click();
    const desc = await dates();
    expect(desc).toEqual([...asc].sort().reverse());
    const total = await w.page.locator('#drivers-table tbody tr').count();
    await w.page.selectOption('#drivers-jurisdiction', 'china');
    const china = await w.page.locator('#drivers-table tbody tr td:nth-child(3)').allTextContents();
    expect(china.length).toBeGreaterThan(0);
    for (const c of china) expect(c).toMatch(/^China/);
    await w.page.selectOption('#drivers-jurisdiction', 'foreign');
    const foreign = await w.page.locator('#drivers-table tbody tr td:nth-child(3)').allTextContents();
    for (const c of foreign) expect(c).toMatch(/^foreign/);
    expect(china.length + foreign.length).toBeLessThanOrEqual(total);
    await w.page.selectOption('#drivers-jurisdiction', '');
    const issuer = (await w.page.locator('#drivers-issuer option').nth(1).getAttribute('value'))!;
    await w.page.selectOption('#drivers-issuer', issuer);
    for (const c of await w.page.locator('#drivers-table tbody tr td:nth-child(4)').allTextContents()) expect(c).toContain(issuer);
    // Firms are firms: every firm link names an entity of type FIRM.
    const firmIds = await w.page.evaluate(() => Array.from(document.querySelectorAll('#drivers-table ul.firms button')).map((b) => b.textContent));
    expect(firmIds.every((f) => !/Ministry|Administration|Commission|Council/.test(f ?? ''))).toBe(true);
    const download = w.page.waitForEvent('download');
    await w.page.locator('#drivers-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('policy-drivers.csv');
    await w.screenshot('explore-drivers-desktop');
    w.assertClean();
  });

  it('what changed in 2021 lists the Data Security Law and the PIPL and marks them on the graph', async () => {
    const w = await suite.open();
    await goto(w.page, '?panel=changes');
    await w.page.locator('#changes-from').fill('2021');
    await w.page.locator('#changes-to').fill('2021');
    await w.page.locator('#changes-form button[type=submit]').click();
    await w.page.locator('#changes-began li').first().waitFor({ timeout: 15_000 });
    const began = (await w.page.locator('#changes-began').textContent())!;
    expect(began).toContain('Data Security Law');
    expect(began).toContain('Personal Information Protection Law');
    expect(w.page.url()).toMatch(/from=2021&to=2021/);
    await w.page.waitForFunction(() => (window as any).cy.nodes('.began').length > 0, null, { timeout: 15_000 });
    await w.page.locator('#changes-at-from').click();
    await w.page.waitForFunction(() => /asOf=2020/.test(location.search));
    await w.screenshot('explore-changes-desktop');
    w.assertClean();
  });
});

describe('explorer: the view is the URL', () => {
  it('a reloaded or shared URL restores the view; Back and Forward step through it', async () => {
    const w = await suite.open();
    await goto(w.page, '?focus=cybersecurity-law');
    await w.page.locator('#expand-selected').click();
    await w.page.selectOption('#layout', 'concentric');
    await w.page.locator('#legend input[data-type="AGENCY"]').uncheck();
    await w.page.waitForFunction(() => /types=AGENCY/.test(location.search));
    const url = w.page.url();
    const seen = (await nodes(w.page)).filter((n) => n.visible).map((n) => n.id).sort();
    const other = await suite.open();
    await other.page.goto(url);
    await ready(other.page);
    await other.page.waitForFunction(() => (window as any).cy.nodes().length > 0);
    expect((await nodes(other.page)).filter((n) => n.visible).map((n) => n.id).sort()).toEqual(seen);
    expect(await other.page.locator('#layout').inputValue()).toBe('concentric');
    expect(await other.page.locator('#legend input[data-type="AGENCY"]').isChecked()).toBe(false);
    await expect.poll(() => other.page.locator('#details-title').textContent()).toMatch(/Cybersecurity Law/);
    await w.page.goBack();
    await w.page.waitForFunction(() => !/types=AGENCY/.test(location.search));
    expect(await w.page.locator('#legend input[data-type="AGENCY"]').isChecked()).toBe(true);
    await w.page.goForward();
    await w.page.waitForFunction(() => /types=AGENCY/.test(location.search));
    // Export what is visible.
    await w.page.locator('summary', { hasText: 'Export view' }).click();
    for (const [format, name] of [['png', 'explorer-view.png'], ['svg', 'explorer-view.svg'], ['graphml', 'explorer-view.graphml'], ['nodes.csv', 'explorer-nodes.csv']]) {
      const download = w.page.waitForEvent('download');
      await w.page.locator(`[data-export="${format}"]`).click();
      expect((await download).suggestedFilename()).toBe(name);
    }
    w.assertClean();
    other.assertClean();
  });
});

describe('explorer: evidence', () => {
  it('shows the basis of each citation and keeps to stated facts when asked', async () => {
    const w = await suite.open();
    const { page } = w;
    await goto(page, '?focus=cybersecurity-law');
    // The law's issuer comes from its official text only (EXTERNAL): drawn at first …
    await page.waitForFunction(() => (window as any).cy.getElementById('npc-standing-committee').nonempty());
    await page.locator('#details h2', { hasText: "Cybersecurity Law of the People's Republic of China" }).waitFor();
    const bases = await page.locator('#details ol.citations > li .basis').allTextContents();
    expect(bases).toEqual(expect.arrayContaining(['STATED', 'EXTERNAL']));
    // … and gone with "Stated facts only", which the URL keeps.
    await page.locator('#stated-only').check();
    await page.waitForFunction(() => (window as any).cy.getElementById('npc-standing-committee').empty());
    expect(await page.evaluate(() => (window as any).cy.getElementById('cybersecurity-law').visible())).toBe(true);
    expect(page.url()).toContain('evidence=stated');
    await w.screenshot('explore-stated-only-desktop');
    await page.locator('#stated-only').uncheck();
    await page.waitForFunction(() => (window as any).cy.getElementById('npc-standing-committee').nonempty());
    w.assertClean();
  });
});
