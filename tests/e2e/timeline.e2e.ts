/**
 * The timeline in Chromium, offline, on the seed data: dated facts in order, the year, type,
 * region, sector and agency filters (kept in the URL), and each entry's link into the
 * explorer. Also the home page, and the exports parsed by the browser's own strict XML parser.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './app.js';

const suite = browserSuite();

interface Shown { date: string; type: string; entity: string; text: string }

/** The entries as the page lists them. */
const entries = (page: Page): Promise<Shown[]> =>
  page.locator('ol.entries > li').evaluateAll((lis) =>
    lis.map((li) => ({
      date: li.querySelector('time')!.getAttribute('datetime')!,
      type: (li as HTMLElement).dataset.type!,
      entity: (li as HTMLElement).dataset.entity!,
      text: li.textContent!,
    })),
  );

/** Waits for the list to be redrawn after a filter change. */
async function settled(page: Page) {
  await page.locator('#summary[data-kind="info"]').waitFor();
}

describe('timeline', () => {
  it('lists dated facts in order and filters them by years, type, region, sector and agency', async () => {
    const w = await suite.open();
    const { page } = w;
    await page.goto(`${suite.app.url}/timeline`);
    await settled(page);
    const all = await entries(page);
    expect(all.length).toBeGreaterThan(20);
    // A year or month date is placed on its first day (2022 and 2022-01 tie).
    const firstDays = all.map((e) => (e.date.length === 4 ? `${e.date}-01-01` : e.date.length === 7 ? `${e.date}-01` : e.date));
    expect(firstDays).toEqual([...firstDays].sort());
    expect(await page.locator('#summary').textContent()).toMatch(/^\d+ dated facts(; \d+ events? restating a fact's own date folded into it)?\.$/);

    // 2014–2017.
    await page.locator('#from').fill('2014');
    await page.locator('#to').fill('2017');
    await page.locator('#to').press('Enter');
    await page.locator('#summary', { hasText: '2014–2017' }).waitFor();
    const years = await entries(page);
    expect(years.length).toBeGreaterThan(3);
    expect(years.every((e) => e.date >= '2014' && e.date < '2018')).toBe(true);
    expect(years.some((e) => e.entity === 'cybersecurity-law' && e.date === '2016-11-07')).toBe(true);
    expect(await page.locator('h2.year').allTextContents()).toEqual(expect.arrayContaining(['2014', '2016', '2017']));
    await w.screenshot('timeline-1-2014-2017');

    // Policies only.
    for (const t of ['AGENCY', 'FIRM', 'REGION', 'SECTOR', 'EVENT', 'PERSON']) await page.locator(`#types input[value="${t}"]`).uncheck();
    await page.locator('#summary', { hasText: 'Policy' }).waitFor();
    const policies = await entries(page);
    expect(policies.length).toBeGreaterThan(0);
    expect(policies.every((e) => e.type === 'POLICY')).toBe(true);
    expect(new URL(page.url()).searchParams.get('types')).toBe('POLICY');

    // Issued by the NPC Standing Committee.
    await page.locator('#agency').selectOption('npc-standing-committee');
    await page.locator('#summary', { hasText: 'agency Standing Committee' }).waitFor();
    const npc = await entries(page);
    expect(npc.map((e) => e.entity)).toContain('cybersecurity-law');
    expect(npc.every((e) => e.type === 'POLICY' && e.date >= '2014' && e.date < '2018')).toBe(true);
    await w.screenshot('timeline-2-npc-policies');

    // The filters survive a reload (they live in the URL).
    await page.reload();
    await settled(page);
    expect(await page.locator('#agency').inputValue()).toBe('npc-standing-committee');
    expect(await page.locator('#from').inputValue()).toBe('2014');
    expect((await entries(page)).map((e) => e.entity)).toEqual(npc.map((e) => e.entity));

    // Region and sector filters narrow the whole timeline.
    await page.locator('#reset').click();
    await page.locator('#summary', { hasText: /^\d+ dated facts(; [^.]*)?\.$/ }).waitFor();
    expect(await entries(page)).toHaveLength(all.length);
    await page.locator('#region').selectOption('shanghai');
    await page.locator('#summary', { hasText: 'in Shanghai' }).waitFor();
    const shanghai = await entries(page);
    expect(shanghai.length).toBeGreaterThan(0);
    expect(shanghai.length).toBeLessThan(all.length);
    await page.locator('#region').selectOption('');
    await page.locator('#sector').selectOption('industrial-internet-security');
    await page.locator('#summary', { hasText: 'sector Industrial Internet security' }).waitFor();
    const sector = await entries(page);
    expect(sector.length).toBeGreaterThan(0);
    expect(sector.length).toBeLessThan(all.length);
    w.assertClean();
  });

  it('links each entry to its entity in the explorer', async () => {
    const w = await suite.open();
    const { page } = w;
    await page.goto(`${suite.app.url}/timeline?from=2016&to=2016&types=POLICY`);
    await settled(page);
    const link = page.locator('ol.entries li[data-entity="cybersecurity-law"] .what a').first();
    expect(await link.getAttribute('href')).toBe('/explore?focus=cybersecurity-law');
    await link.click();
    await page.waitForURL(/\/explore\?focus=cybersecurity-law/);
    await page.locator('#details h2', { hasText: "Cybersecurity Law of the People's Republic of China" }).waitFor();
    w.assertClean();
  });

  it('says when the years are the wrong way round, and when nothing matches', async () => {
    const w = await suite.open();
    const { page } = w;
    await page.goto(`${suite.app.url}/timeline`);
    await settled(page);
    await page.locator('#from').fill('2020');
    await page.locator('#to').fill('2010');
    await page.locator('#to').press('Enter');
    await page.locator('#summary', { hasText: 'The first year comes after the last one.' }).waitFor();
    // It stays, even though "from 2020" alone was asked for on the way (leaving the first field).
    await page.waitForTimeout(1000);
    expect(await page.locator('#summary').textContent()).toBe('The first year comes after the last one.');
    expect(await page.locator('ol.entries li').count()).toBe(0);
    await page.goto(`${suite.app.url}/timeline?from=1900&to=1901`);
    await page.locator('#summary', { hasText: 'No dated fact matches (1900–1901).' }).waitFor();
    w.assertClean();
  });
});

describe('home page and exports in the browser', () => {
  it('links every page and download; the XML exports pass the browser’s strict XML parser', async () => {
    const w = await suite.open();
    const { page } = w;
    await page.goto(`${suite.app.url}/`);
    const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expect.arrayContaining(['/explore', '/timeline', '/playground', '/export/graph.graphml', '/export/graph.gexf', '/export/graph.json', '/export/nodes.csv', '/export/edges.csv']));
    const parsed = await page.evaluate(async () => {
      const out: Record<string, unknown> = {};
      for (const [file, root] of [['graph.graphml', 'graphml'], ['graph.gexf', 'gexf']]) {
        const text = await (await fetch(`/export/${file}`)).text();
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        const error = doc.getElementsByTagName('parsererror')[0];
        out[file] = { root: doc.documentElement.localName, ns: doc.documentElement.namespaceURI, error: error?.textContent ?? null, nodes: doc.getElementsByTagName('node').length };
        if (root !== doc.documentElement.localName) out[file] = { ...(out[file] as object), wrongRoot: true };
      }
      const json = await (await fetch('/export/graph.json')).json();
      out.json = { nodes: json.elements.nodes.length, edges: json.elements.edges.length };
      return out;
    });
    expect(parsed['graph.graphml']).toMatchObject({ root: 'graphml', ns: 'http://graphml.graphdrawing.org/xmlns', error: null });
    expect(parsed['graph.gexf']).toMatchObject({ root: 'gexf', ns: 'http://gexf.net/1.3', error: null });
    const graphmlNodes = (parsed['graph.graphml'] as { nodes: number }).nodes;
    expect(graphmlNodes).toBeGreaterThan(100);
    expect((parsed['graph.gexf'] as { nodes: number }).nodes).toBe(graphmlNodes);
    expect((parsed.json as { nodes: number }).nodes).toBe(graphmlNodes);
    w.assertClean();
  });
});

describe('timeline, once per happening', () => {
  it('2014–2017 without an event restating an entity\'s own date, with descriptions, citations and a drawn axis', async () => {
    const w = await suite.open();
    await w.page.goto(`${suite.app.url}/timeline?from=2014&to=2017`);
    await w.page.waitForFunction(() => document.body.dataset.ready === 'true');
    const entries = await w.page.evaluate(() => Array.from(document.querySelectorAll('ol.entries > li')).map((li) => ({
      entity: li.getAttribute('data-entity'), date: li.querySelector('time')?.getAttribute('datetime'), type: li.getAttribute('data-type'),
      text: li.textContent ?? '', citations: li.querySelectorAll('details.sources li').length,
    })));
    expect(entries.length).toBeGreaterThan(10);
    // The Cybersecurity Law's adoption is one entry (its issue), not also an event of the same day.
    const csl = entries.filter((e) => e.date === '2016-11-07');
    expect(csl.filter((e) => e.type === 'EVENT' && /Cybersecurity Law adopted/.test(e.text))).toEqual([]);
    expect(csl.some((e) => e.entity === 'cybersecurity-law' && /Also recorded as the event/.test(e.text))).toBe(true);
    // No two entries tell the same thing of the same entity on the same day.
    const keys = entries.map((e) => `${e.date}|${e.entity}|${e.text.slice(0, 80)}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(entries.filter((e) => e.citations > 0).length).toBe(entries.length);
    await w.page.locator('details.sources summary').first().click();
    expect(await w.page.locator('details.sources cite').first().textContent()).toBeTruthy();
    // Year and month dates are spans on the axis, days are points.
    expect(await w.page.locator('#axis rect.span-year').count()).toBeGreaterThan(0);
    expect(await w.page.locator('#axis circle').count()).toBeGreaterThan(0);
    const link = w.page.locator('ol.entries li[data-entity="cybersecurity-law"] .what > a').first();
    expect(await link.getAttribute('href')).toBe('/explore?focus=cybersecurity-law');
    await w.screenshot('timeline-2014-2017-desktop');
    w.assertClean();
  });
});
