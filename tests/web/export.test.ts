/**
 * The export serialisers: on the fixture graph read through the store port (the same path
 * the HTTP routes and the CLI take), and on a hand-made graph full of characters that break
 * naive XML and CSV writers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Row, Store } from '../../src/store/port.js';
import { openSeededStore } from '../helpers/fixture-store.js';
import { buildGraphExport, readGraphExport, type GraphExport } from '../../src/web/export/model.js';
import { toGraphml } from '../../src/web/export/graphml.js';
import { toGexf, token } from '../../src/web/export/gexf.js';
import { toCytoscape } from '../../src/web/export/cytoscape.js';
import { csvField, edgesCsv, nodesCsv } from '../../src/web/export/csv.js';
import { exportCommand } from '../../src/web/export/cli.js';
import { EXPORT_FORMATS, findFormat } from '../../src/web/export/index.js';
import { TYPE_COLOURS, rgb } from '../../src/web/palette.js';
import { checkGexf, checkGraphml, parseXml } from './xml-check.js';
import { csvObjects, parseCsv } from './csv-parse.js';

let store: Store;
let fixture: GraphExport;

beforeAll(async () => {
  store = await openSeededStore();
  fixture = await readGraphExport(store);
});
afterAll(async () => {
  await store?.close();
});

// A graph whose text has every hazard: markup characters, quotes, commas, line breaks, tabs,
// a control character XML cannot carry, Chinese, an astral emoji, leading spaces, ']]>'.
const NASTY = 'Law <draft> & "quoted" \'single\', comma\r\nnew line\ttab \u0001 网络安全法 😀 ]]> =SUM(A1)';
const nodeRows: Row[] = [
  {
    id: 'p-1', label: 'Policy', name: `  ${NASTY}  `, nameZh: '数据安全法', aliases: ['DSL', 'a, b'], description: NASTY, kind: 'LAW',
    status: 'IN_FORCE', issued: '2021-06-10', issuedPrecision: 'DAY', effective: '2021-09-01', effectivePrecision: 'DAY',
    ended: '2025-01-01', endedPrecision: 'YEAR', citeSources: ['s-1', 'missing-source'], citeLocators: ['§ 3, "scope"', null],
    citeNotes: [NASTY, null], citeBases: ['STATED', 'EXTERNAL'],
  },
  { id: 'a.1', label: 'Agency', name: 'NPC', established: '1954-09-01', establishedPrecision: 'MONTH', citeSources: ['s-1'], citeLocators: ['1'], citeNotes: ['n'] },
  { id: 'i-1', label: 'Indicator', name: 'market size (2027)', metric: 'market size', value: 25.5, unit: 'USD billion', year: 2027, kind: 'FORECAST', citeSources: [], citeLocators: [], citeNotes: [] },
  { id: 's-1', label: 'Source', name: 'A <Title> & "more"', author: 'Zhu', written: '2022-01-01', writtenPrecision: 'YEAR', kind: 'NEWS' },
];
const relRows: Row[] = [
  { source: 'p-1', target: 'a.1', type: 'ISSUED_BY', since: '2021-06-10', sincePrecision: 'DAY', until: null, untilPrecision: null, role: 'issuer, "main"', citeSources: ['s-1'], citeLocators: ['p. 2'], citeNotes: [NASTY], citeBases: ['INFERRED'] },
  { source: 'p-1', target: 'a.1', type: 'ISSUED_BY', since: '2022-01-01', sincePrecision: 'YEAR', until: '2020-01-01', untilPrecision: 'YEAR', role: null, citeSources: [], citeLocators: [], citeNotes: [] },
  { source: 'i-1', target: 'p-1', type: 'MEASURES', citeSources: ['s-1'], citeLocators: ['t'], citeNotes: ['x'] },
  { source: 'p-1', target: 's-1', type: 'CITED_IN', citeSources: ['s-1'], citeLocators: ['1'], citeNotes: ['n'] },
];
const nasty = buildGraphExport(nodeRows, relRows, '2026-11-22');
/** What a reader gets back for NASTY: the control character becomes U+FFFD, all else survives. */
const NASTY_BACK = NASTY.replace('\u0001', '\uFFFD');

describe('the export model', () => {
  it('resolves citations to source titles, keeping the id when the source is unknown', () => {
    const p = nasty.nodes.find((n) => n.id === 'p-1')!;
    expect(p.citations).toEqual([
      { sourceId: 's-1', sourceTitle: 'A <Title> & "more"', locator: '§ 3, "scope"', note: NASTY, basis: 'STATED' },
      { sourceId: 'missing-source', sourceTitle: 'missing-source', locator: null, note: null, basis: 'EXTERNAL' },
    ]);
  });

  it('gives nodes a life span from their label’s dates', () => {
    const byId = new Map(nasty.nodes.map((n) => [n.id, n]));
    expect(byId.get('p-1')).toMatchObject({ start: '2021-06-10', end: '2025-01-01' });
    expect(byId.get('a.1')).toMatchObject({ start: '1954-09-01', end: null });
    expect(byId.get('i-1')).toMatchObject({ start: null, end: null, value: 25.5, year: 2027 });
    expect(byId.get('s-1')).toMatchObject({ start: '2022-01-01' });
  });

  it('gives repeated relationships distinct ids', () => {
    expect(nasty.edges.map((e) => e.id)).toEqual(['p-1--ISSUED_BY--a.1', 'p-1--ISSUED_BY--a.1--2', 'i-1--MEASURES--p-1', 'p-1--CITED_IN--s-1']);
  });

  it('reads the whole fixture graph through the store, paging included', () => {
    expect(fixture.nodes).toHaveLength(27);
    expect(fixture.edges).toHaveLength(47);
    const csl = fixture.nodes.find((n) => n.id === 'cybersecurity-law')!;
    expect(csl).toMatchObject({ type: 'Policy', name: 'Cybersecurity Law', aliases: ['CSL'], start: '2017-01-01', end: null });
    expect(csl.citations).toEqual([{
      sourceId: 'src-000', sourceTitle: "Cybersecurity as Industrial Policy: China's New Digital Defense Industry",
      locator: 'The Regulatory Push', note: 'One of the two legal bases of the industry.', basis: 'STATED',
    }]);
    const promotes = fixture.edges.find((e) => e.source === 'data-security-law' && e.type === 'PROMOTES')!;
    expect(promotes).toMatchObject({ target: 'industrial-internet-security', start: { date: '2021-01-01', precision: 'YEAR' }, end: null, basis: 'INFERRED' });
  });
});

describe('GraphML', () => {
  it('is well-formed and follows the GraphML schema’s structure (fixture)', () => {
    const g = checkGraphml(toGraphml(fixture));
    expect(g.nodes.size).toBe(27);
    expect(g.edges).toHaveLength(47);
    expect(g.nodes.get('cybersecurity-law')).toMatchObject({
      name: 'Cybersecurity Law', type: 'Policy', nameZh: '网络安全法', effective: '2017-01-01', effectivePrecision: 'YEAR', citationCount: '1',
    });
    const cites = JSON.parse(g.nodes.get('cybersecurity-law')!.citations!);
    expect(cites[0]).toMatchObject({ source: 'src-000', locator: 'The Regulatory Push', title: expect.stringContaining('Industrial Policy') });
    const edge = g.edges.find((e) => e.source === 'shanghai-police-baidu-cooperation' && e.target === 'baidu')!;
    expect(edge.data).toMatchObject({ type: 'INVOLVES', role: 'partner', citationText: 'Shanghai to double cyber security industry revenue by 2023 (anti-fraud cooperation) [STATED]: Baidu takes part.' });
  });

  it('carries hostile text unchanged through a parser', () => {
    const text = toGraphml(nasty);
    const g = checkGraphml(text);
    const p = g.nodes.get('p-1')!;
    expect(p.name).toBe(`  ${NASTY_BACK}  `);
    expect(p.description).toBe(NASTY_BACK);
    expect(p.aliases).toBe('DSL; a, b');
    // JSON escapes the control character itself, so the JSON attribute keeps it exactly.
    expect(JSON.parse(p.citations!)[0].note).toBe(NASTY);
    expect(g.nodes.get('i-1')).toMatchObject({ value: '25.5', year: '2027' });
    expect(g.edges[0]!.data.role).toBe('issuer, "main"');
    expect(text).not.toContain('\u0001');
  });

  it('is rejected by the checker when broken (the checks can fail)', () => {
    const good = toGraphml(nasty);
    expect(() => checkGraphml(good.replace('source="p-1"', 'source="nope"'))).toThrow(/unknown source/);
    expect(() => checkGraphml(good.replace('<data key="n_year">2027</data>', '<data key="n_year">2027.5</data>'))).toThrow(/not an integer/);
    expect(() => checkGraphml(good.replace('<data key="n_name">', '<data key="n_undeclared">'))).toThrow(/undeclared key/);
    expect(() => checkGraphml(good.replace('&amp;', '&'))).toThrow();
    expect(() => checkGraphml(good.replace('\uFFFD', '\u0001'))).toThrow(/forbids/);
    expect(() => checkGraphml(good.replace('<node id="a.1">', '<node id="a 1">'))).toThrow(/NMTOKEN/);
    const keyAfterGraph = good.replace(/(  <key id="n_name"[^\n]*\n)/, '').replace('</graphml>', '<key id="n_name" for="node" attr.name="name" attr.type="string"/></graphml>');
    expect(() => checkGraphml(keyAfterGraph)).toThrow(/do not match/);
  });
});

describe('GEXF', () => {
  it('is GEXF 1.3 in dynamic mode with date intervals Gephi’s timeline reads (fixture)', () => {
    const g = checkGexf(toGexf(fixture));
    expect(g.graph).toMatchObject({ mode: 'dynamic', timeformat: 'date', timerepresentation: 'interval', defaultedgetype: 'directed' });
    expect(g.nodes.size).toBe(27);
    expect(g.edges).toHaveLength(47);
    const csl = g.nodes.get('cybersecurity-law')!;
    expect(csl.attrs).toMatchObject({ label: 'Cybersecurity Law', start: '2017-01-01' });
    expect(csl.attrs.end).toBeUndefined();
    expect(csl.colour).toEqual(rgb(TYPE_COLOURS.Policy!));
    expect(g.nodes.get('cyberspace-affairs-office')!.attrs.start).toBe('2014-02-01');
    expect(g.nodes.get('china')!.attrs.start).toBeUndefined();
    const promotes = g.edges.find((e) => e.attrs.source === 'data-security-law' && e.attrs.kind === 'PROMOTES')!;
    expect(promotes.attrs).toMatchObject({ start: '2021-01-01', label: 'PROMOTES' });
    expect(JSON.parse(promotes.values.citations!)).toEqual([{ source: 'src-000', title: expect.any(String), locator: 'The Regulatory Push', note: expect.stringMatching(/^Fixture link for the drivers query: /), basis: 'INFERRED' }]);
    expect(promotes.values.basis).toBe('INFERRED');
  });

  it('keeps hostile text, makes labels tokens, and never writes an interval that ends before it starts', () => {
    const g = checkGexf(toGexf(nasty));
    const p = g.nodes.get('p-1')!;
    expect(p.attrs.label).toBe(token(NASTY_BACK));
    expect(p.values.name).toBe(`  ${NASTY_BACK}  `);
    expect(p.attrs).toMatchObject({ start: '2021-06-10', end: '2025-01-01' });
    const bad = g.edges.find((e) => e.attrs.id === 'p-1--ISSUED_BY--a.1--2')!;
    expect(bad.attrs.start).toBe('2022-01-01');
    expect(bad.attrs.end).toBeUndefined();
    expect(bad.values.end).toBe('2020-01-01');
  });

  it('is rejected by the checker when broken', () => {
    const good = toGexf(nasty);
    expect(() => checkGexf(good.replace('mode="dynamic"', 'mode="moving"'))).toThrow(/mode/);
    expect(() => checkGexf(good.replace('start="2021-06-10"', 'start="10/06/2021"'))).toThrow(/xsd:date/);
    expect(() => checkGexf(good.replace('<attvalue for="year"', '<attvalue for="yearz"'))).toThrow(/undeclared attribute/);
    expect(() => checkGexf(good.replace('target="a.1"', 'target="zzz"'))).toThrow(/unknown target/);
    expect(() => checkGexf(good.replace('version="1.3"', 'version="1.2"'))).toThrow(/1.3/);
  });
});

describe('Cytoscape JSON', () => {
  it('has the elements shape cytoscape.js and Cytoscape desktop read', () => {
    const json = JSON.parse(JSON.stringify(toCytoscape(fixture)));
    expect(Object.keys(json.elements).sort()).toEqual(['edges', 'nodes']);
    const ids = new Set<string>();
    for (const n of json.elements.nodes) {
      expect(Object.keys(n)).toEqual(['data']);
      expect(typeof n.data.id).toBe('string');
      expect(ids.has(n.data.id)).toBe(false);
      ids.add(n.data.id);
    }
    for (const e of json.elements.edges) {
      expect(Object.keys(e)).toEqual(['data']);
      expect(ids.has(e.data.source) && ids.has(e.data.target)).toBe(true);
      expect(ids.has(e.data.id)).toBe(false);
      ids.add(e.data.id);
    }
    const dsl = json.elements.nodes.find((n: { data: { id: string } }) => n.data.id === 'data-security-law').data;
    expect(dsl).toMatchObject({ name: 'Data Security Law', type: 'Policy', nameZh: '数据安全法', effective: '2021-01-01', effectivePrecision: 'YEAR' });
    expect(dsl.citations).toEqual([{ source: 'src-000', title: expect.stringContaining('Digital Defense'), locator: 'The Regulatory Push', note: 'Second legal foundation, treating data as a strategic asset.', basis: 'STATED' }]);
    const based = json.elements.edges.find((e: { data: { type: string } }) => e.data.type === 'BASED_ON').data;
    expect(based).toMatchObject({ source: 'data-security-law', target: 'cybersecurity-law', interaction: 'BASED_ON' });
  });

  it('loads into cytoscape.js itself', async () => {
    const { default: cytoscape } = await import('cytoscape');
    const cy = cytoscape({ headless: true, elements: toCytoscape(fixture).elements });
    expect(cy.nodes()).toHaveLength(27);
    expect(cy.edges()).toHaveLength(47);
    expect(cy.getElementById('cybersecurity-law').incomers('node').map((n) => n.id()).sort()).toContain('data-security-law');
    cy.destroy();
  });
});

describe('CSV', () => {
  it('quotes only what needs quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(2.5)).toBe('2.5');
  });

  it('nodes.csv and edges.csv parse back with an RFC 4180 reader (fixture)', () => {
    const nodes = csvObjects(nodesCsv(fixture));
    expect(nodes).toHaveLength(27);
    expect(nodes.find((n) => n.id === 'cybersecurity-law')).toMatchObject({
      name: 'Cybersecurity Law', type: 'Policy', nameZh: '网络安全法', aliases: 'CSL', effective: '2017-01-01', citationCount: '1',
      citationText: "Cybersecurity as Industrial Policy: China's New Digital Defense Industry (The Regulatory Push) [STATED]: One of the two legal bases of the industry.",
    });
    const edges = csvObjects(edgesCsv(fixture));
    expect(edges).toHaveLength(47);
    expect(parseCsv(edgesCsv(fixture))[0]!.slice(0, 4)).toEqual(['id', 'source', 'target', 'relationship']);
    expect(edges.find((e) => e.source === 'data-security-law' && e.relationship === 'PROMOTES')).toMatchObject({
      target: 'industrial-internet-security', start: '2021-01-01', startPrecision: 'YEAR', basis: 'INFERRED',
    });
  });

  it('round-trips hostile text exactly', () => {
    const nodes = csvObjects(nodesCsv(nasty));
    const p = nodes.find((n) => n.id === 'p-1')!;
    expect(p.name).toBe(`  ${NASTY}  `);
    expect(p.description).toBe(NASTY);
    expect(JSON.parse(p.citations!)[0]).toEqual({ source: 's-1', title: 'A <Title> & "more"', locator: '§ 3, "scope"', note: NASTY, basis: 'STATED' });
    const edges = csvObjects(edgesCsv(nasty));
    expect(edges[0]).toMatchObject({ role: 'issuer, "main"', start: '2021-06-10', end: '' });
  });

  it('the reader refuses malformed CSV (so the round trip means something)', () => {
    expect(() => parseCsv('a,b\r\n1,"x"y\r\n')).toThrow(/after a closing quote/);
    expect(() => parseCsv('a,b\r\n1\r\n')).toThrow(/fields/);
    expect(() => parseCsv('a,b\n1,2\n')).toThrow();
    expect(() => parseCsv('a,b\r\n1,x"y\r\n')).toThrow(/quote inside/);
  });
});

describe('formats and the CLI command', () => {
  it('names every format once, by name and by file', () => {
    expect(EXPORT_FORMATS.map((f) => f.file)).toEqual(['graph.graphml', 'graph.gexf', 'graph.json', 'nodes.csv', 'edges.csv']);
    expect(findFormat('GEXF')?.file).toBe('graph.gexf');
    expect(findFormat('nodes.csv')?.name).toBe('nodes-csv');
    expect(findFormat('cyjs')?.name).toBe('json');
    expect(findFormat('pdf')).toBeUndefined();
  });

  it('writes one format or all five to disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'export-'));
    try {
      const one = await exportCommand(store, 'gexf', join(dir, 'g.gexf'));
      expect(one).toMatch(/g\.gexf: gexf, \d+ bytes\n27 nodes, 47 relationships/);
      checkGexf(await readFile(join(dir, 'g.gexf'), 'utf8'));
      await exportCommand(store, 'all', join(dir, 'all'));
      expect((await readdir(join(dir, 'all'))).sort()).toEqual(['edges.csv', 'graph.gexf', 'graph.graphml', 'graph.json', 'nodes.csv']);
      parseXml(await readFile(join(dir, 'all', 'graph.graphml'), 'utf8'));
      expect(JSON.parse(await readFile(join(dir, 'all', 'graph.json'), 'utf8')).elements.nodes).toHaveLength(27);
      await expect(exportCommand(store, 'pdf', join(dir, 'x'))).rejects.toThrow(/unknown export format "pdf"/);
      await expect(exportCommand(store, 'gexf', undefined)).rejects.toThrow(/usage/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the exports of the real seed data', () => {
  it('are structurally valid GraphML and GEXF, and CSV that parses', async () => {
    const { projectPath } = await import('../../src/paths.js');
    const seeded = await openSeededStore(projectPath('seeds'));
    try {
      const graph = await readGraphExport(seeded);
      expect(graph.nodes.length).toBeGreaterThan(100);
      const graphml = checkGraphml(toGraphml(graph));
      const gexf = checkGexf(toGexf(graph));
      expect(graphml.nodes.size).toBe(graph.nodes.length);
      expect(gexf.edges).toHaveLength(graph.edges.length);
      expect(csvObjects(nodesCsv(graph))).toHaveLength(graph.nodes.length);
      expect(csvObjects(edgesCsv(graph))).toHaveLength(graph.edges.length);
      // Every entity is cited, and every citation names a source that exists.
      const sources = new Set(graph.nodes.filter((n) => n.type === 'Source').map((n) => n.id));
      for (const n of graph.nodes.filter((n) => n.type !== 'Source')) {
        expect(n.citations.length, n.id).toBeGreaterThan(0);
        for (const c of n.citations) expect(sources.has(c.sourceId), `${n.id} cites ${c.sourceId}`).toBe(true);
      }
      // Gephi's timeline: the Data Security Law starts in 2021, the Cybersecurity Law in 2016.
      expect(gexf.nodes.get('data-security-law')!.attrs.start).toBe('2021-06-10');
      expect(gexf.nodes.get('cybersecurity-law')!.attrs.start).toBe('2016-11-07');
    } finally {
      await seeded.close();
    }
  });
});
