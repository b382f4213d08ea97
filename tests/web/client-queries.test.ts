/**
 * Every GraphQL document the pages send, and every playground example, run against the real
 * server on the seed data: a schema change that breaks a page fails here, before any browser
 * starts. The answers are checked for what the pages then show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server.js';
import { CHANGES, DRIVERS, ENTITY, INDICATORS, PATH, SEARCH, TIMELINE, neighbourhoodsQuery } from '../../src/web/client/queries.js';
import { EXAMPLES } from '../../src/web/client/playground-examples.js';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({
    env: { ...process.env, EMBEDDED_DB: ':memory:', EMBEDDED_BUFFER_MB: '256', NEO4J_URI: '', NODE_ENV: 'test', LOG_LEVEL: 'silent' },
    port: 0,
    host: '127.0.0.1',
  });
});
afterAll(async () => {
  await server?.close();
});

async function run<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(res.status).toBe(200);
  return body.data as T;
}

describe('the explorer’s documents', () => {
  it('search finds the Cybersecurity Law first', async () => {
    const data = await run(SEARCH, { text: 'Cybersecurity Law' });
    expect(data.search[0].entity).toMatchObject({ id: 'cybersecurity-law', type: 'POLICY' });
  });

  it('neighbourhoods of several nodes in one request, as of a date', async () => {
    const all = await run(neighbourhoodsQuery(2), { id0: 'cybersecurity-law', id1: 'data-security', asOf: null });
    const ids = new Set([...all.n0.nodes, ...all.n1.nodes].map((n: { id: string }) => n.id));
    expect(ids.has('data-security-law')).toBe(true);
    const in2016 = await run(neighbourhoodsQuery(2), { id0: 'cybersecurity-law', id1: 'data-security', asOf: '2016-12-31' });
    const ids2016 = new Set([...in2016.n0.nodes, ...in2016.n1.nodes].map((n: { id: string }) => n.id));
    expect(ids2016.has('cybersecurity-law')).toBe(true);
    expect(ids2016.has('data-security-law')).toBe(false);
    for (const e of all.n0.edges) expect(typeof e.id).toBe('string');
  });

  it('entity details with relations and citations', async () => {
    const data = await run(ENTITY, { id: 'cybersecurity-law' });
    expect(data.entity).toMatchObject({ type: 'POLICY', issuedLabel: '2016-11-07', effectiveLabel: '2017-06-01' });
    expect(data.entity.citations.length).toBeGreaterThan(0);
    expect(data.entity.citations[0].sourceTitle).toBeTruthy();
    expect(data.entity.relations.some((r: { type: string }) => r.type === 'ISSUED_BY')).toBe(true);
  });

  it('a path between two laws', async () => {
    const data = await run(PATH, { from: 'cybersecurity-law', to: 'data-security-law' });
    expect(data.path.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining(['cybersecurity-law', 'data-security-law']));
    expect(data.path.edges.length).toBeGreaterThanOrEqual(1);
  });

  it('"stated facts only": every document takes evidence [STATED], and citations show their basis', async () => {
    const all = await run(ENTITY, { id: 'cybersecurity-law', evidence: null });
    const stated = await run(ENTITY, { id: 'cybersecurity-law', evidence: ['STATED'] });
    expect(all.entity.citations.map((c: { basis: string }) => c.basis)).toEqual(expect.arrayContaining(['STATED', 'EXTERNAL']));
    // The law's issuer comes from its official text only: gone when only stated facts are asked for.
    expect(all.entity.relations.some((r: { type: string }) => r.type === 'ISSUED_BY')).toBe(true);
    expect(stated.entity.relations.some((r: { type: string }) => r.type === 'ISSUED_BY')).toBe(false);
    for (const r of stated.entity.relations) expect(r.basis).toBe('STATED');
    const hood = await run(neighbourhoodsQuery(1), { id0: 'cybersecurity-law', asOf: null, evidence: ['STATED'] });
    for (const e of hood.n0.edges) expect(e.data.basis).toBe('STATED');
    const path = await run(PATH, { from: 'cybersecurity-law', to: 'data-security-law', evidence: ['STATED'] });
    for (const e of path.path?.edges ?? []) expect(e.data.basis).toBe('STATED');
  });
});

describe('the explorer’s panels', () => {
  it('China\'s market figures with citations', async () => {
    const data = await run(INDICATORS, { subjectId: 'china', sectorId: null });
    expect(data.indicators.length).toBeGreaterThan(3);
    expect(data.indicators[0].citations[0].sourceTitle).toBeTruthy();
  });

  it('the drivers of a sector with issuers and jurisdictions', async () => {
    const data = await run(DRIVERS, { sectorId: 'industrial-internet-security' });
    expect(data.policyDrivers.length).toBeGreaterThan(0);
    expect(data.policyDrivers.some((d: { policy: { jurisdictions: unknown[] } }) => d.policy.jurisdictions.length > 0)).toBe(true);
  });

  it('what changed in 2021', async () => {
    const data = await run(CHANGES, { from: '2021-01-01', to: '2021-12-31', after: null });
    expect(data.changes.nodes.map((c: { entity: { id: string } }) => c.entity.id)).toEqual(expect.arrayContaining(['data-security-law', 'pipl']));
  });

  it('a path through dated things only', async () => {
    const data = await run(PATH, { from: 'cybersecurity-law', to: 'pipl', includeUndated: false });
    expect(data.path.nodes.every((n: { undated: boolean }) => !n.undated)).toBe(true);
  });
});

describe('the timeline’s documents', () => {
  it('2014–2017, every filter spelt', async () => {
    const data = await run(TIMELINE, { from: '2014-01-01', to: '2017-12-31', types: null, regionId: null, sectorId: null, agencyId: null, first: 100 });
    expect(data.timeline.length).toBeGreaterThan(3);
    const dates = data.timeline.map((e: { date: string }) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(data.timeline.some((e: { entity: { id: string } }) => e.entity.id === 'cybersecurity-law')).toBe(true);
    const filtered = await run(TIMELINE, { from: null, to: null, types: ['POLICY'], regionId: 'china', sectorId: null, agencyId: 'npc-standing-committee', first: 100 });
    expect(filtered.timeline.every((e: { entity: { type: string } }) => e.entity.type === 'POLICY')).toBe(true);
  });

  it('the filter choices name real ids', async () => {
    const facets = (await (await fetch(`${server.url}/timeline/facets.json`)).json()) as { id: string; label: string }[];
    expect(facets.find((f) => f.id === 'china')?.label).toBe('Region');
    expect(facets.find((f) => f.id === 'npc-standing-committee')?.label).toBe('Agency');
  });
});

describe('the playground’s examples', () => {
  for (const example of EXAMPLES) {
    it(example.title, async () => {
      const data = await run(example.query, example.variables ? JSON.parse(example.variables) : {});
      const [value] = Object.values(data as Record<string, unknown>);
      if (Array.isArray(value)) expect(value.length).toBeGreaterThan(0);
      else expect(value).toBeTruthy();
    });
  }

  it('the relationship question answers with firms and the path that links them', async () => {
    const data = await run(EXAMPLES[0]!.query);
    expect(data.policyDrivers.some((d: { firms: unknown[]; via: string[] }) => d.firms.length > 0 && d.via.includes('OPERATES_IN'))).toBe(true);
  });
});
