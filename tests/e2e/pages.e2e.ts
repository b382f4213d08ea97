/**
 * Every page at desktop (1400×900) and phone (390×844) sizes: axe-core (injected from
 * node_modules, not served by the app) finds no serious or critical violation, the phone
 * layout keeps the canvas at least half the screen, the playground's panes are readable, a
 * screenshot of each is saved under test-artifacts/screenshots/, and the gzip weight of what
 * each page transferred is written to test-artifacts/page-weights.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { projectPath } from '../../src/paths.js';
import { browserSuite } from './app.js';
import { SCREENSHOTS } from './browser.js';

const suite = browserSuite();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const SIZES = { desktop: { width: 1400, height: 900 }, phone: { width: 390, height: 844 } } as const;
const PAGES: [string, string][] = [
  ['index', '/'],
  ['explore', '/explore?focus=china&panel=figures'],
  ['timeline', '/timeline?from=2014&to=2017'],
  ['playground', '/playground'],
];

async function settle(page: Page) {
  await page.waitForFunction(() => document.body.dataset.ready === 'true' || !document.getElementById('canvas') && !document.getElementById('entries'), null, { timeout: 20_000 }).catch(() => undefined);
  await page.waitForLoadState('networkidle');
}

async function axe(page: Page) {
  // A separate, CSP-exempt injection: the pages' own policy rightly refuses inline scripts.
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')).join(' | ')}`);
  });
}

const weights: Record<string, number> = {};

describe('every page at both sizes', () => {
  for (const [size, viewport] of Object.entries(SIZES)) {
    for (const [name, path] of PAGES) {
      it(`${name} at ${size}: axe clean, screenshot`, async () => {
        const context = await suite.browser.newContext({ viewport, bypassCSP: true, locale: 'en-GB', isMobile: size === 'phone', hasTouch: size === 'phone' });
        try {
          const page = await context.newPage();
          let transferred = 0;
          page.on('response', async (r) => {
            if (!r.url().includes('/assets/') && !r.url().endsWith(path)) return;
            const body = await r.body().catch(() => Buffer.alloc(0));
            const encoded = r.headers()['content-encoding'] === 'gzip';
            transferred += encoded ? Number(r.headers()['content-length'] ?? body.length) : body.length;
          });
          await page.goto(`${suite.app.url}${path}`);
          await settle(page);
          if (name === 'explore') await page.locator('.uplot').first().waitFor({ timeout: 15_000 });
          if (name === 'playground') await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
          await page.waitForTimeout(300);
          mkdirSync(SCREENSHOTS, { recursive: true });
          await page.screenshot({ path: `${SCREENSHOTS}/${name}-${size}.png` });
          if (size === 'desktop') weights[name] = transferred;
          if (size === 'phone' && name === 'explore') {
            const canvas = (await page.locator('#canvas').boundingBox())!;
            expect(canvas.height).toBeGreaterThanOrEqual(844 / 2);
            expect(canvas.width).toBeGreaterThanOrEqual(380);
            await page.locator('#sheet-toggle').click();
            await page.waitForTimeout(200);
            await page.screenshot({ path: `${SCREENSHOTS}/${name}-${size}-sheet.png` });
          }
          if (size === 'phone' && name === 'playground') {
            const response = await page.locator('.graphiql-response').first().boundingBox();
            expect(response?.width ?? 0).toBeGreaterThanOrEqual(300);
          }
          expect(await axe(page)).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('the explorer with a chart open stays under 400 KB gzip; weights written', () => {
    mkdirSync(projectPath('test-artifacts'), { recursive: true });
    writeFileSync(projectPath('test-artifacts', 'page-weights.json'), `${JSON.stringify(weights, null, 2)}\n`);
    expect(weights.explore).toBeGreaterThan(0);
    expect(weights.explore).toBeLessThan(400 * 1024);
  });
});
