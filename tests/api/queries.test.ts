/**
 * Every root field over HTTP, on the curated dataset (seeds/): the answers a user sees. Facts
 * asserted here are ones the sources guarantee (the Cybersecurity Law adopted on 7 November
 * 2016 and in force from 1 June 2017, Made in China 2025 issued in May 2015 …), plus
 * properties that hold whatever the dataset grows into (order, filters, pagination).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSeedFolder } from '../../src/seeds/index.js';
import { projectPath } from '../../src/paths.js';
import { startApi, codesOf, dataOf, type Api } from './helpers.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

const seeds = checkSeedFolder(projectPath('seeds'));

describe('entity', () => {
  it('answers a policy with its dates, precisions, issuers, jurisdictions and citations', async () => {
    const { entity } = dataOf(await api.gql(`{
      entity(id: "cybersecurity-law") {
        id type name nameZh aliases
        ... on Policy {
          kind status issued issuedPrecision issuedLabel effective effectivePrecision precision
          issuers { id type name } jurisdictions { id } sectors { id }
        }
        citations { sourceId sourceTitle locator note source { id author kind } }
      }
    }`));
    expect(entity).toMatchObject({
      id: 'cybersecurity-law', type: 'POLICY', kind: 'LAW', nameZh: expect.stringContaining('网络安全法'),
      issued: '2016-11-07', issuedPrecision: 'DAY', issuedLabel: '2016-11-07', precision: 'DAY',
      effective: '2017-06-01', effectivePrecision: 'DAY',
    });
    expect(entity.aliases).toContain('CSL');
    expect(entity.issuers.map((a: { id: string }) => a.id)).toContain('npc-standing-committee');
    expect(entity.jurisdictions.map((r: { id: string }) => r.id)).toContain('china');
    expect(entity.citations.length).toBeGreaterThan(0);
    for (const c of entity.citations) {
      expect(c.sourceTitle.length).toBeGreaterThan(0);
      expect(c.source.id).toBe(c.sourceId);
    }
  });

  it('is null for an unknown id', async () => {
    expect(dataOf(await api.gql('{ entity(id: "no-such-entity") { id } }')).entity).toBeNull();
  });

  it('writes a date at its precision: Made in China 2025 is known to the month', async () => {
    const { entity } = dataOf(await api.gql('{ entity(id: "made-in-china-2025") { name ... on Policy { issued issuedPrecision issuedLabel } } }'));
    expect(entity).toEqual({ name: 'Made in China 2025', issued: '2015-05-01', issuedPrecision: 'MONTH', issuedLabel: '2015-05' });
  });

  it('gives relations with direction, type filter and the entity at the other end', async () => {
    const { entity } = dataOf(await api.gql(`{
      entity(id: "industrial-internet-security") {
        ... on Sector { parent { id } children { id } policies { id } firms { id } }
        out: relations(direction: OUT) { type direction node { id } }
        promoters: relations(types: ["PROMOTES"], direction: IN, first: 3) { type direction node { id type } citations { sourceTitle } }
      }
    }`));
    expect(entity.parent.id).toBe('cybersecurity-industry');
    expect(entity.children.map((c: { id: string }) => c.id)).toContain('industrial-control-system-security');
    expect(entity.firms.map((f: { id: string }) => f.id)).toContain('venustech');
    expect(entity.out).toContainEqual({ type: 'SUBSECTOR_OF', direction: 'OUT', node: { id: 'cybersecurity-industry' } });
    expect(entity.promoters).toHaveLength(3);
    for (const r of entity.promoters) {
      expect(r).toMatchObject({ type: 'PROMOTES', direction: 'IN', node: { type: 'POLICY' } });
      expect(entity.policies.map((p: { id: string }) => p.id)).toContain(r.node.id);
    }
  });

  it('knows which policies drive a firm and where it is', async () => {
    const { entity } = dataOf(await api.gql('{ entity(id: "venustech") { type nameZh ... on Firm { sectors { id } regions { id } drivenBy { id } } } }'));
    expect(entity.type).toBe('FIRM');
    expect(entity.nameZh).toBe('启明星辰');
    expect(entity.sectors.map((s: { id: string }) => s.id)).toContain('industrial-internet-security');
    expect(entity.regions.map((r: { id: string }) => r.id)).toContain('beijing');
    // The Cybersecurity Law acts on the whole industry, which contains Venustech's sectors.
    expect(entity.drivenBy.map((p: { id: string }) => p.id)).toContain('cybersecurity-law');
  });
});

describe('search', () => {
  it('finds the Data Security Law by name, first, as an exact match', async () => {
    const { search } = dataOf(await api.gql('{ search(text: "Data Security Law") { score exact entity { id name type } } }'));
    expect(search[0]).toMatchObject({ exact: true, entity: { id: 'data-security-law', type: 'POLICY' } });
    expect(search.length).toBeGreaterThan(1);
    const ranked = search.filter((h: { exact: boolean }) => !h.exact).map((h: { score: number }) => h.score);
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
  });

  it('finds Chinese names, whole or in part', async () => {
    const whole = dataOf(await api.gql('{ search(text: "启明星辰") { exact entity { id } } }')).search;
    expect(whole[0]).toMatchObject({ exact: true, entity: { id: 'venustech' } });
    const part = dataOf(await api.gql('{ search(text: "数据安全", types: [POLICY]) { entity { id } } }')).search;
    expect(part.map((h: { entity: { id: string } }) => h.entity.id)).toContain('data-security-law');
  });

  it('matches aliases exactly, and filters by type and count', async () => {
    const { search } = dataOf(await api.gql('{ search(text: "csl", types: [POLICY], first: 3) { exact entity { id type } } }'));
    expect(search[0]).toEqual({ exact: true, entity: { id: 'cybersecurity-law', type: 'POLICY' } });
    expect(search.length).toBeLessThanOrEqual(3);
    for (const h of search) expect(h.entity.type).toBe('POLICY');
  });
});

describe('policies', () => {
  it('walks every page once, in date order, and totalCount agrees', async () => {
    const seen: string[] = [];
    const dates: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let page = 0; page < 20; page++) {
      const { policies }: Record<string, any> = dataOf(await api.gql(
        'query($after: String) { policies(first: 25, after: $after) { totalCount edges { cursor node { id issued effective } } pageInfo { hasNextPage hasPreviousPage endCursor } } }',
        { after },
      ));
      total = policies.totalCount;
      expect(policies.pageInfo.hasPreviousPage).toBe(after !== null);
      for (const e of policies.edges) {
        seen.push(e.node.id);
        dates.push(e.node.issued ?? e.node.effective ?? '9999-12-31');
      }
      if (!policies.pageInfo.hasNextPage) break;
      after = policies.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
    expect(total).toBe(seeds.graph.nodes.Policy?.length);
    expect(dates).toEqual([...dates].sort());
  });

  it('filters by kind, issuer, jurisdiction (sub-regions included), sector and text', async () => {
    const q = async (filter: Record<string, unknown>) => dataOf(await api.gql(
      'query($f: PolicyFilter) { policies(filter: $f, first: 100) { totalCount nodes { id kind jurisdictions { id } } } }', { f: filter },
    )).policies;
    const laws = await q({ kinds: ['LAW'] });
    expect(laws.nodes.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['cybersecurity-law', 'data-security-law']));
    for (const p of laws.nodes) expect(p.kind).toBe('LAW');
    expect((await q({ issuerId: 'npc-standing-committee' })).nodes.map((p: { id: string }) => p.id)).toContain('cybersecurity-law');
    const shanghai = await q({ jurisdictionId: 'shanghai' });
    expect(shanghai.totalCount).toBeGreaterThan(0);
    const china = (await q({ jurisdictionId: 'china' })).nodes.map((p: { id: string }) => p.id);
    for (const p of shanghai.nodes) expect(china).toContain(p.id);
    const iis = (await q({ sectorId: 'industrial-internet-security' })).nodes.map((p: { id: string }) => p.id);
    const ics = (await q({ sectorId: 'industrial-control-system-security' })).nodes.map((p: { id: string }) => p.id);
    expect(ics.length).toBeGreaterThan(0);
    for (const id of ics) expect(iis).toContain(id);
    expect((await q({ text: '网络安全法' })).nodes.map((p: { id: string }) => p.id)).toContain('cybersecurity-law');
    const window = await q({ from: '2016-01-01', to: '2016-12-31' });
    expect(window.nodes.map((p: { id: string }) => p.id)).toContain('cybersecurity-law');
    expect(window.nodes.map((p: { id: string }) => p.id)).not.toContain('data-security-law');
  });
});

describe('timeline', () => {
  it('lists 2014–2017 in date order with the facts the sources give', async () => {
    const { timeline } = dataOf(await api.gql('{ timeline(from: "2014-01-01", to: "2017-12-31") { date precision dateLabel kind label entity { id type name } } }'));
    const dates = timeline.map((e: { date: string }) => e.date);
    expect(dates).toEqual([...dates].sort());
    for (const d of dates) expect(d >= '2014-01-01' && d <= '2017-12-31').toBe(true);
    const facts = timeline.map((e: { kind: string; entity: { id: string }; date: string }) => `${e.date} ${e.kind} ${e.entity.id}`);
    expect(facts).toEqual(expect.arrayContaining([
      '2015-05-01 ISSUED made-in-china-2025',
      '2015-07-01 DRAFT_PUBLISHED cybersecurity-law-draft',
      '2016-11-07 ISSUED cybersecurity-law',
      '2017-06-01 EFFECTIVE cybersecurity-law',
    ]));
    const effective = timeline.find((e: { kind: string; entity: { id: string } }) => e.kind === 'EFFECTIVE' && e.entity.id === 'cybersecurity-law');
    expect(effective).toMatchObject({ precision: 'DAY', dateLabel: '2017-06-01', label: expect.stringContaining('takes effect') });
    const mic = timeline.find((e: { entity: { id: string }; kind: string }) => e.entity.id === 'made-in-china-2025' && e.kind === 'ISSUED');
    expect(mic).toMatchObject({ precision: 'MONTH', dateLabel: '2015-05' });
  });

  it('includes relationship dates, such as an acquisition', async () => {
    const { timeline } = dataOf(await api.gql('{ timeline(types: [FIRM]) { date kind label entity { id type } other { id } } }'));
    const acquisitions = timeline.filter((e: { kind: string }) => e.kind === 'ACQUIRED');
    expect(acquisitions.length).toBeGreaterThan(0);
    for (const a of acquisitions) {
      expect(a.entity.type).toBe('FIRM');
      expect(a.other).not.toBeNull();
      expect(a.label).toContain('acquires');
    }
  });

  it('filters by type, and a region takes in its sub-regions, a sector its sub-sectors', async () => {
    const entries = async (args: string) => dataOf(await api.gql(`{ timeline(${args}) { date kind entity { id type } } }`)).timeline as { date: string; kind: string; entity: { id: string; type: string } }[];
    for (const e of await entries('types: [POLICY], to: "2016-12-31"')) expect(e.entity.type).toBe('POLICY');
    const key = (e: { date: string; kind: string; entity: { id: string } }) => `${e.date} ${e.kind} ${e.entity.id}`;
    const shanghai = await entries('regionId: "shanghai"');
    expect(shanghai.length).toBeGreaterThan(0);
    for (const e of shanghai) {
      const sameDay = (await entries(`regionId: "china", from: "${e.date}", to: "${e.date}"`)).map(key);
      expect(sameDay).toContain(key(e));
    }
    const ics = await entries('sectorId: "industrial-control-system-security"');
    expect(ics.length).toBeGreaterThan(0);
    for (const e of ics) {
      const sameDay = (await entries(`sectorId: "industrial-internet-security", from: "${e.date}", to: "${e.date}"`)).map(key);
      expect(sameDay).toContain(key(e));
    }
    const npc = await entries('agencyId: "npc-standing-committee"');
    expect(npc.map((e) => e.entity.id)).toContain('cybersecurity-law');
  });

  it('keeps to `first`', async () => {
    expect(dataOf(await api.gql('{ timeline(first: 3) { date } }')).timeline).toHaveLength(3);
  });
});

describe('policyDrivers', () => {
  it('answers which policies drive industrial-Internet security firms, with the path', async () => {
    const { policyDrivers } = dataOf(await api.gql(`{
      policyDrivers(sectorId: "industrial-internet-security") { policy { id name } firms { id } via sectors { id } }
    }`));
    expect(policyDrivers.length).toBeGreaterThan(0);
    const linked = policyDrivers.filter((d: { firms: unknown[] }) => d.firms.length > 0);
    const firmIds = new Set(linked.flatMap((d: { firms: { id: string }[] }) => d.firms.map((f) => f.id)));
    expect(firmIds.has('venustech')).toBe(true);
    for (const d of policyDrivers) {
      expect(['PROMOTES', 'REGULATES']).toContain(d.via[0]);
      if (d.firms.length) {
        expect(d.via.at(-1)).toBe('OPERATES_IN');
        for (const step of d.via.slice(1, -1)) expect(step).toBe('SUBSECTOR_OF');
      } else {
        expect(d.via).toHaveLength(1);
      }
      expect(d.sectors.length).toBeGreaterThan(0);
    }
    // A firm of the ICS sub-sector is reached through SUBSECTOR_OF.
    expect(policyDrivers.some((d: { via: string[] }) => d.via.join() === 'PROMOTES,SUBSECTOR_OF,OPERATES_IN')).toBe(true);
  });

  it('without sub-sectors keeps to the sector itself', async () => {
    const { policyDrivers } = dataOf(await api.gql(`{
      policyDrivers(sectorId: "industrial-internet-security", includeSubsectors: false) { via sectors { id } }
    }`));
    expect(policyDrivers.length).toBeGreaterThan(0);
    for (const d of policyDrivers) {
      expect(d.via).not.toContain('SUBSECTOR_OF');
      expect(d.sectors).toEqual([{ id: 'industrial-internet-security' }]);
    }
  });

  it('keeps to `first` drivers, oldest first, and `firstFirms` firms each', async () => {
    const query = 'query($first: Int, $firstFirms: Int) { policyDrivers(sectorId: "cybersecurity-industry", first: $first, firstFirms: $firstFirms) { policy { id issued effective } firms { id } } }';
    const all = dataOf(await api.gql(query, {})).policyDrivers;
    expect(all.length).toBeGreaterThan(2);
    expect(all.some((d: { firms: unknown[] }) => d.firms.length > 1)).toBe(true);
    const cut = dataOf(await api.gql(query, { first: 2, firstFirms: 1 })).policyDrivers;
    expect(cut.map((d: { policy: { id: string } }) => d.policy.id)).toEqual(all.slice(0, 2).map((d: { policy: { id: string } }) => d.policy.id));
    for (const d of cut) expect(d.firms.length).toBeLessThanOrEqual(1);
    const r = await api.gql('{ policyDrivers(sectorId: "cybersecurity-industry", firstFirms: 0) { via } }');
    expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers the same whether it shows only names (read alone) or more of each entity', async () => {
    const names = 'policy { id type name } firms { id name } sectors { ... on Sector { id name } }';
    const more = 'policy { id type name kind issued } firms { id name nameZh founded } sectors { id name aliases }';
    const ask = async (fields: string) => dataOf(await api.gql(`{ policyDrivers(sectorId: "cybersecurity-industry") { via ${fields} } }`)).policyDrivers;
    const [light, full] = [await ask(names), await ask(more)];
    expect(light.length).toBeGreaterThan(2);
    const shape = (ds: any[]) => ds.map((d) => ({ via: d.via, policy: [d.policy.id, d.policy.name], firms: d.firms.map((f: any) => [f.id, f.name]), sectors: d.sectors.map((s: any) => [s.id, s.name]) }));
    expect(shape(light)).toEqual(shape(full));
    expect(full.some((d: any) => d.firms.some((f: any) => f.nameZh))).toBe(true);
    expect(full.some((d: any) => d.policy.kind)).toBe(true);
  });

  it('is empty for an unknown sector', async () => {
    expect(dataOf(await api.gql('{ policyDrivers(sectorId: "no-such-sector") { via } }')).policyDrivers).toEqual([]);
  });
});

describe('neighborhood', () => {
  const query = 'query($id: ID!, $depth: Int, $asOf: Date, $types: [EntityType!]) { neighborhood(id: $id, depth: $depth, asOf: $asOf, types: $types) { nodes { id type label date precision data } edges { id source target type data } truncated } }';

  it('gives the entities around one and the edges between them', async () => {
    const { neighborhood } = dataOf(await api.gql(query, { id: 'cybersecurity-law' }));
    const ids = neighborhood.nodes.map((n: { id: string }) => n.id);
    expect(ids[0]).toBe('cybersecurity-law');
    expect(ids).toEqual(expect.arrayContaining(['npc-standing-committee', 'china', 'cybersecurity-law-draft']));
    expect(neighborhood.nodes[0]).toMatchObject({ type: 'POLICY', date: '2016-11-07', precision: 'DAY', data: { kind: 'LAW', effective: '2017-06-01' } });
    for (const e of neighborhood.edges) {
      expect(ids).toContain(e.source);
      expect(ids).toContain(e.target);
    }
    expect(neighborhood.edges).toContainEqual(expect.objectContaining({ source: 'cybersecurity-law', target: 'npc-standing-committee', type: 'ISSUED_BY' }));
    expect(new Set(neighborhood.edges.map((e: { id: string }) => e.id)).size).toBe(neighborhood.edges.length);
  });

  it('shows the graph as it stood on a date', async () => {
    const before = dataOf(await api.gql(query, { id: 'cybersecurity-law', asOf: '2016-06-30' })).neighborhood;
    expect(before.nodes).toEqual([]);
    const wide = dataOf(await api.gql(query, { id: 'china', depth: 2, asOf: '2015-12-31' })).neighborhood;
    const now = dataOf(await api.gql(query, { id: 'china', depth: 2 })).neighborhood;
    expect(wide.nodes.length).toBeGreaterThan(1);
    expect(wide.nodes.length).toBeLessThan(now.nodes.length);
    for (const n of wide.nodes) if (n.date) expect(n.date <= '2015-12-31').toBe(true);
    const ids = wide.nodes.map((n: { id: string }) => n.id);
    expect(ids).not.toContain('data-security-law');
  });

  it('keeps to the types asked for', async () => {
    const { neighborhood } = dataOf(await api.gql(query, { id: 'cybersecurity-law', types: ['AGENCY'] }));
    expect(neighborhood.nodes.slice(1).length).toBeGreaterThan(0);
    for (const n of neighborhood.nodes.slice(1)) expect(n.type).toBe('AGENCY');
  });

  it('is empty for an unknown id', async () => {
    expect(dataOf(await api.gql(query, { id: 'nothing-here' })).neighborhood).toEqual({ nodes: [], edges: [], truncated: false });
  });
});

describe('path', () => {
  it('finds a shortest path whose edges join consecutive nodes', async () => {
    const { path } = dataOf(await api.gql('{ path(fromId: "made-in-china-2025", toId: "venustech") { nodes { id type } edges { source target type } } }'));
    const ids = path.nodes.map((n: { id: string }) => n.id);
    expect(ids[0]).toBe('made-in-china-2025');
    expect(ids.at(-1)).toBe('venustech');
    expect(path.edges).toHaveLength(ids.length - 1);
    path.edges.forEach((e: { source: string; target: string }, i: number) => {
      expect([e.source, e.target].sort()).toEqual([ids[i], ids[i + 1]].sort());
    });
  });

  it('is null when no path is short enough, or an end is unknown', async () => {
    const data = dataOf(await api.gql(`{
      short: path(fromId: "made-in-china-2025", toId: "venustech", maxDepth: 1) { nodes { id } }
      unknown: path(fromId: "made-in-china-2025", toId: "no-such-entity") { nodes { id } }
      same: path(fromId: "venustech", toId: "venustech") { nodes { id } edges { id } }
    }`));
    expect(data.short).toBeNull();
    expect(data.unknown).toBeNull();
    expect(data.same).toEqual({ nodes: [{ id: 'venustech' }], edges: [] });
  });
});

describe('indicators', () => {
  it('gives China\'s market size by year with subject, sector and citations', async () => {
    const { indicators } = dataOf(await api.gql('{ indicators(subjectId: "china", metric: "Market Size") { metric value unit year kind subject { id } sector { id } citations { sourceTitle } } }'));
    expect(indicators.length).toBeGreaterThan(2);
    const years = indicators.map((i: { year: number }) => i.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    for (const i of indicators) {
      expect(i).toMatchObject({ metric: 'market size', subject: { id: 'china' } });
      expect(typeof i.value).toBe('number');
      expect(['ACTUAL', 'FORECAST', 'TARGET']).toContain(i.kind);
      expect(i.citations.length).toBeGreaterThan(0);
    }
  });

  it('filters by kind', async () => {
    const { indicators } = dataOf(await api.gql('{ indicators(kinds: [TARGET]) { kind } }'));
    expect(indicators.length).toBeGreaterThan(0);
    for (const i of indicators) expect(i.kind).toBe('TARGET');
  });
});

describe('stats', () => {
  it('counts what the seeds hold', async () => {
    const { stats } = dataOf(await api.gql('{ stats { nodeCount relationshipCount nodes { label count } relationships { type count } } }'));
    const counts = Object.fromEntries(stats.nodes.map((n: { label: string; count: number }) => [n.label, n.count]));
    for (const [label, rows] of Object.entries(seeds.graph.nodes)) expect(counts[label], label).toBe(rows?.length);
    const relationships = seeds.graph.relationships.reduce((n, g) => n + g.rows.length, 0);
    expect(stats.relationshipCount).toBe(relationships);
    expect(stats.nodeCount).toBe(Object.values(seeds.graph.nodes).reduce((n, rows) => n + (rows?.length ?? 0), 0));
    expect(stats.relationships.map((r: { type: string }) => r.type)).toContain('PROMOTES');
  });
});

describe('cypher', () => {
  it('answers a read-only question with columns and rows', async () => {
    const { cypher } = dataOf(await api.gql(`{
      cypher(query: "MATCH (p:Policy)-[:ISSUED_BY]->(a:Agency {id: $agency}) RETURN p.id AS policy ORDER BY policy", params: { agency: "npc-standing-committee" }) {
        columns rows rowCount truncated
      }
    }`));
    expect(cypher.columns).toEqual(['policy']);
    expect(cypher.rows).toContainEqual({ policy: 'cybersecurity-law' });
    expect(cypher.rowCount).toBe(cypher.rows.length);
    expect(cypher.truncated).toBe(false);
  });

  it('says when rows were cut at the cap', async () => {
    const { cypher } = dataOf(await api.gql('{ cypher(query: "UNWIND range(1, 1500) AS x RETURN x") { rowCount truncated } }'));
    expect(cypher).toEqual({ rowCount: 1000, truncated: true });
  });
});
