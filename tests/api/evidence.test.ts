/**
 * `evidence` on every field that walks relationships, over HTTP on the fixture graph
 * (tests/fixtures/graph), where everything is STATED but for one INFERRED relationship (the
 * Data Security Law PROMOTES industrial-Internet security since 2021), one EXTERNAL one (Made in
 * China 2025 ISSUED_BY the State Council, from the official notice) and one date only the
 * official notice gives (Made in China 2025 issued 2015). Through tests/api/helpers.ts, so
 * the same file can run against Neo4j.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from '../helpers/fixture-store.js';
import { codesOf, dataOf, startApi, type Api } from './helpers.js';

let api: Api;
beforeAll(async () => {
  api = await startApi({ seedDir: FIXTURE_DIR });
});
afterAll(async () => {
  await api?.close();
});

const ask = async (query: string, variables: Record<string, unknown> = {}) => dataOf(await api.gql(query, variables));
type Rel = { type: string; basis: string; node: { id: string }; citations: { basis: string }[] };
const keys = (rels: Rel[]) => rels.map((r) => `${r.type} ${r.node.id}`).sort();

describe('Citation.basis and Relation.basis', () => {
  it('every citation says how it supports the fact; a relationship takes its strongest', async () => {
    const { entity } = await ask(`{ entity(id: "made-in-china-2025") {
      citations { sourceId basis }
      relations { type basis node { id } citations { basis } } } }`);
    expect(entity.citations).toEqual([{ sourceId: 'src-001', basis: 'STATED' }, { sourceId: 'off-gov-mic2025', basis: 'EXTERNAL' }]);
    const issued = entity.relations.find((r: Rel) => r.type === 'ISSUED_BY');
    expect(issued).toMatchObject({ basis: 'EXTERNAL', node: { id: 'state-council' }, citations: [{ basis: 'EXTERNAL' }] });
    for (const r of entity.relations as Rel[]) expect(r.basis).toBe(r.citations.some((c) => c.basis === 'STATED') ? 'STATED' : r.citations[0]!.basis);
  });
});

describe('relations(evidence)', () => {
  const Q = `query($e: [EvidenceBasis!]) { entity(id: "data-security-law") { relations(evidence: $e) { type basis node { id } citations { basis } } } }`;

  it('keeps all three bases when left out', async () => {
    const { entity } = await ask(`{ entity(id: "data-security-law") { relations { type node { id } } } }`);
    expect(keys(entity.relations)).toContain('PROMOTES industrial-internet-security');
  });

  it('[STATED] keeps only what a source document says', async () => {
    const { entity } = await ask(Q, { e: ['STATED'] });
    expect(keys(entity.relations)).not.toContain('PROMOTES industrial-internet-security');
    expect(keys(entity.relations)).toContain('BASED_ON cybersecurity-law');
    for (const r of entity.relations as Rel[]) expect(r.citations.map((c) => c.basis)).toContain('STATED');
  });

  it('[INFERRED] keeps only the inferred link', async () => {
    const { entity } = await ask(Q, { e: ['INFERRED'] });
    expect(entity.relations).toEqual([{ type: 'PROMOTES', basis: 'INFERRED', node: { id: 'industrial-internet-security' }, citations: [{ basis: 'INFERRED' }] }]);
  });

  it('refuses an empty list with a coded error', async () => {
    const response = await api.gql(Q, { e: [] });
    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0]!.message).toMatch(/evidence must name at least one basis/);
  });

  it('costs no more round trips than without evidence, however many entities ask', async () => {
    const nested = (evidence: string) => `{ policies(first: 4) { nodes { id relations(first: 5${evidence}) { type node { id relations(first: 5${evidence}) { type } } } } } }`;
    await ask(nested(''));
    const plain = api.lastRoundTrips();
    await ask(nested(", evidence: [STATED]"));
    expect(api.lastRoundTrips()).toBe(plain);
  });
});

describe('neighborhood(evidence)', () => {
  const Q = `query($e: [EvidenceBasis!]) { neighborhood(id: "made-in-china-2025", depth: 1, evidence: $e) { nodes { id } edges { source target type data } } }`;

  it('walks only relationships of the bases asked for, and says each edge\'s basis', async () => {
    const all = (await ask(Q, {})).neighborhood;
    expect(all.nodes.map((n: { id: string }) => n.id)).toContain('state-council');
    expect(all.edges.find((e: { type: string }) => e.type === 'ISSUED_BY').data).toMatchObject({ basis: 'EXTERNAL' });
    const stated = (await ask(Q, { e: ['STATED'] })).neighborhood;
    expect(stated.nodes.map((n: { id: string }) => n.id)).not.toContain('state-council');
    expect(stated.nodes.map((n: { id: string }) => n.id)).toContain('industrial-internet-security');
    for (const e of stated.edges) expect(e.data.basis).toBe('STATED');
  });
});

describe('path(evidence)', () => {
  const Q = `query($e: [EvidenceBasis!]) { path(fromId: "made-in-china-2025", toId: "state-council", maxDepth: 8, evidence: $e) { nodes { id } edges { type data } } }`;

  it('takes the external ISSUED_BY only when EXTERNAL is asked for', async () => {
    expect((await ask(Q, {})).path.nodes.map((n: { id: string }) => n.id)).toEqual(['made-in-china-2025', 'state-council']);
    expect((await ask(Q, { e: ['EXTERNAL'] })).path.nodes.map((n: { id: string }) => n.id)).toEqual(['made-in-china-2025', 'state-council']);
    const stated = (await ask(Q, { e: ['STATED'] })).path;
    expect(stated.nodes.length).toBeGreaterThan(2);
    expect(stated.nodes[0].id).toBe('made-in-china-2025');
    expect(stated.nodes.at(-1).id).toBe('state-council');
    expect(stated.edges).toHaveLength(stated.nodes.length - 1);
    for (const e of stated.edges) expect(e.data.basis).toBe('STATED');
  });

  it('is null when no path of those bases is short enough', async () => {
    const { path } = await ask(`{ path(fromId: "made-in-china-2025", toId: "state-council", maxDepth: 1, evidence: [STATED]) { nodes { id } } }`);
    expect(path).toBeNull();
  });
});

describe('policyDrivers(evidence)', () => {
  const Q = `query($e: [EvidenceBasis!]) { policyDrivers(sectorId: "industrial-internet-security", evidence: $e) { policy { id } via firms { id } } }`;

  it('leaves out a policy whose only link to the sector is inferred', async () => {
    const ids = async (e?: string[]) => (await ask(Q, e ? { e } : {})).policyDrivers.map((d: { policy: { id: string } }) => d.policy.id);
    expect(await ids()).toEqual(['made-in-china-2025', 'data-security-law']);
    expect(await ids(['STATED'])).toEqual(['made-in-china-2025']);
    // Inferred alone: the policy reaches the sector, but no firm (every OPERATES_IN is stated).
    expect((await ask(Q, { e: ['INFERRED'] })).policyDrivers).toEqual([{ policy: { id: 'data-security-law' }, via: ['PROMOTES'], firms: [] }]);
  });
});

describe('timeline(evidence)', () => {
  const Q = `query($e: [EvidenceBasis!]) { timeline(evidence: $e) { dateLabel kind label basis disputed entity { id } } }`;
  const facts = async (e?: string[]) => (await ask(Q, e ? { e } : {})).timeline as { kind: string; basis: string; dateLabel: string; label: string; disputed: boolean; entity: { id: string } }[];

  it('lists both values of a disputed date, each with its own basis', async () => {
    const mic = (await facts()).filter((f) => f.entity.id === 'made-in-china-2025');
    expect(mic.map((f) => `${f.kind} ${f.dateLabel} ${f.basis} ${f.disputed}`)).toEqual(['ISSUED 2015 EXTERNAL true', 'ISSUED 2016 STATED true']);
    expect(mic[1]!.label).toBe('Made in China 2025 issued (as another source dates it)');
  });


  it('drops a date only an official origin gives, and a relationship only inferred', async () => {
    const all = await facts();
    expect(all.find((f) => f.entity.id === 'made-in-china-2025' && f.kind === 'ISSUED')).toMatchObject({ basis: 'EXTERNAL', dateLabel: '2015' });
    expect(all.find((f) => f.kind === 'PROMOTES')).toMatchObject({ basis: 'INFERRED', entity: { id: 'data-security-law' } });
    const stated = await facts(['STATED']);
    expect(stated.filter((f) => f.entity.id === 'made-in-china-2025').map((f) => `${f.kind} ${f.dateLabel} ${f.basis} ${f.disputed}`))
      .toEqual(['ISSUED 2016 STATED true']);
    expect(stated.map((f) => f.kind)).not.toContain('PROMOTES');
    expect(stated.map((f) => `${f.entity.id} ${f.kind}`)).toContain('cybersecurity-law-draft DRAFT_PUBLISHED');
    for (const f of stated) expect(f.basis).toBe('STATED');
    expect(stated.length).toBe(all.length - 2);
  });
});

describe('stats', () => {
  it('counts citations per basis', async () => {
    const { stats } = await ask('{ stats { evidence { basis nodeCitations relationshipCitations } } }');
    expect(stats.evidence.map((b: { basis: string }) => b.basis)).toEqual(['STATED', 'INFERRED', 'EXTERNAL']);
    expect(stats.evidence[1]).toEqual({ basis: 'INFERRED', nodeCitations: 0, relationshipCitations: 1 });
    expect(stats.evidence[2]).toEqual({ basis: 'EXTERNAL', nodeCitations: 1, relationshipCitations: 1 });
  });
});
