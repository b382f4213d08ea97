/**
 * Honest time in the API (issue 14): what nothing dates is marked `undated` and can be left
 * out, `asOf` never returns what began later or had ended, and `changes` lists what began and
 * ended between two dates — against the curated dataset, over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, codesOf, dataOf, type Api } from './helpers.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
}, 120_000);
afterAll(async () => {
  await api?.close();
});

interface Node { id: string; type: string; date: string | null; undated: boolean; data: Record<string, string> }
interface Edge { id: string; source: string; target: string; type: string; undated: boolean; data: Record<string, string> }

const NEIGHBORHOOD = `query($id: ID!, $depth: Int, $asOf: Date, $includeUndated: Boolean) {
  neighborhood(id: $id, depth: $depth, asOf: $asOf, includeUndated: $includeUndated) {
    nodes { id type date undated data } edges { id source target type undated data } truncated } }`;

async function hood(variables: Record<string, unknown>): Promise<{ nodes: Node[]; edges: Edge[] }> {
  return dataOf(await api.gql(NEIGHBORHOOD, variables)).neighborhood;
}

/** The day a node began, as the graph dates it (null when nothing does). */
const began = (n: Node) => n.date;

describe('undated', () => {
  it('marks the policies, bodies, firms and events nothing dates, and never regions or sectors', async () => {
    const { nodes } = await hood({ id: 'industrial-internet-security', depth: 2 });
    expect(nodes.length).toBeGreaterThan(10);
    for (const n of nodes) {
      if (['REGION', 'SECTOR', 'PERSON'].includes(n.type)) expect(n.undated).toBe(false);
      else expect(n.undated).toBe(n.date === null);
    }
    expect(nodes.some((n) => n.undated)).toBe(true);
    expect(nodes.some((n) => !n.undated && n.date)).toBe(true);
  });

  it('marks a relationship undated when neither it nor its ends are dated and one end could be', async () => {
    const { nodes, edges } = await hood({ id: 'industrial-internet-security', depth: 2 });
    const dated = new Set(nodes.filter((n) => n.date).map((n) => n.id));
    const timeless = new Set(nodes.filter((n) => ['REGION', 'SECTOR', 'PERSON'].includes(n.type)).map((n) => n.id));
    for (const e of edges) {
      const couldBeDated = !timeless.has(e.source) || !timeless.has(e.target);
      expect(e.undated).toBe(!e.data.start && !dated.has(e.source) && !dated.has(e.target) && couldBeDated);
    }
    expect(edges.some((e) => e.undated)).toBe(true);
    // Sub-sector links are as timeless as the sectors.
    expect(edges.filter((e) => e.type === 'SUBSECTOR_OF').every((e) => !e.undated)).toBe(true);
  });

  it('includeUndated: false leaves every undated node and edge out', async () => {
    const all = await hood({ id: 'industrial-internet-security', depth: 2 });
    const dated = await hood({ id: 'industrial-internet-security', depth: 2, includeUndated: false });
    expect(dated.nodes.length).toBeLessThan(all.nodes.length);
    expect(dated.nodes.every((n) => !n.undated)).toBe(true);
    expect(dated.edges.every((e) => !e.undated)).toBe(true);
    const ids = new Set(dated.nodes.map((n) => n.id));
    for (const e of dated.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it('as of 1995, the industrial-Internet-security sector shows nothing that began later', async () => {
    const { nodes, edges } = await hood({ id: 'industrial-internet-security', depth: 2, asOf: '1995-06-30' });
    expect(nodes[0]!.id).toBe('industrial-internet-security');
    for (const n of nodes) if (began(n)) expect(began(n)! <= '1995-06-30').toBe(true);
    for (const e of edges) if (e.data.start) expect(e.data.start <= '1995-06-30').toBe(true);
    for (const e of edges) if (e.data.end) expect(e.data.end > '1995-06-30').toBe(true);
    // The 2020s policies that promote it today are not there.
    const today = await hood({ id: 'industrial-internet-security', depth: 2 });
    const later = today.nodes.filter((n) => n.date && n.date > '1995-06-30');
    expect(later.length).toBeGreaterThan(0);
    for (const n of later) expect(nodes.map((x) => x.id)).not.toContain(n.id);
  });

  it('path(includeUndated: false) goes only through dated entities', async () => {
    const query = 'query($a: ID!, $b: ID!, $inc: Boolean) { path(fromId: $a, toId: $b, maxDepth: 6, includeUndated: $inc) { nodes { id undated } edges { undated } } }';
    const { path } = dataOf(await api.gql(query, { a: 'cybersecurity-law', b: 'pipl', inc: false }));
    expect(path).not.toBeNull();
    expect(path.nodes.every((n: { undated: boolean }) => !n.undated)).toBe(true);
    expect(path.edges.every((e: { undated: boolean }) => !e.undated)).toBe(true);
  });
});

const CHANGES = `query($from: Date!, $to: Date!, $regionId: ID, $sectorId: ID, $first: Int, $after: String) {
  changes(from: $from, to: $to, regionId: $regionId, sectorId: $sectorId, first: $first, after: $after) {
    edges { cursor node { change kind date precision dateLabel label relationshipType entity { id name } other { id } citations { sourceId locator note } } }
    pageInfo { hasNextPage endCursor } } }`;

interface ChangeNode { change: string; kind: string; date: string; precision: string; dateLabel: string; label: string; relationshipType: string | null; entity: { id: string; name: string }; other: { id: string } | null; citations: { sourceId: string }[] }

async function allChanges(variables: Record<string, unknown>, first = 100): Promise<ChangeNode[]> {
  const out: ChangeNode[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const { changes }: { changes: any } = dataOf(await api.gql(CHANGES, { ...variables, first, after }));
    out.push(...changes.edges.map((e: { node: ChangeNode }) => e.node));
    if (!changes.pageInfo.hasNextPage) return out;
    after = changes.pageInfo.endCursor;
  }
  throw new Error('more than 50 pages');
}

describe('changes', () => {
  it('2021 lists the Data Security Law and the PIPL issued and taking effect, with dates, precision and citations', async () => {
    const found = await allChanges({ from: '2021-01-01', to: '2021-12-31' });
    const of = (id: string) => found.filter((c) => c.entity.id === id && !c.relationshipType);
    expect(of('data-security-law').map((c) => c.kind).sort()).toEqual(expect.arrayContaining(['ISSUED', 'EFFECTIVE']));
    expect(of('pipl').map((c) => [c.kind, c.date, c.precision])).toEqual(expect.arrayContaining([
      ['ISSUED', '2021-08-20', 'DAY'], ['EFFECTIVE', '2021-11-01', 'DAY'],
    ]));
    for (const c of found) {
      expect(c.date >= '2021-01-01' && c.date <= '2021-12-31').toBe(true);
      expect(['BEGAN', 'ENDED']).toContain(c.change);
      expect(c.citations.length).toBeGreaterThan(0);
    }
    const dates = found.map((c) => c.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('pages of 3 add up to the whole answer, without repeats', async () => {
    const whole = await allChanges({ from: '2015-01-01', to: '2021-12-31' });
    const paged = await allChanges({ from: '2015-01-01', to: '2021-12-31' }, 3);
    expect(whole.length).toBeGreaterThan(6);
    expect(paged.map((c) => c.label)).toEqual(whole.map((c) => c.label));
  });

  it('counts what ended as ENDED', async () => {
    const found = await allChanges({ from: '1990-01-01', to: '2030-12-31' });
    expect(found.some((c) => c.change === 'ENDED')).toBe(true);
    expect(found.filter((c) => c.change === 'ENDED').every((c) => c.kind === 'ENDED')).toBe(true);
  });

  it('narrows to a sector', async () => {
    const all = await allChanges({ from: '2010-01-01', to: '2025-12-31' });
    const sector = await allChanges({ from: '2010-01-01', to: '2025-12-31', sectorId: 'industrial-internet-security' });
    expect(sector.length).toBeGreaterThan(0);
    expect(sector.length).toBeLessThan(all.length);
  });

  it('refuses from after to, an impossible date, a page over 100 and a forged cursor', async () => {
    expect(codesOf(await api.gql(CHANGES, { from: '2022-01-01', to: '2021-01-01' }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await api.gql(CHANGES, { from: '2021-02-30', to: '2021-12-31' }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await api.gql(CHANGES, { from: '2021-01-01', to: '2021-12-31', first: 101 }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await api.gql(CHANGES, { from: '2021-01-01', to: '2021-12-31', after: 'bm9wZQ' }))).toEqual(['BAD_USER_INPUT']);
  });
});
