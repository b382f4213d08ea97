/**
 * A synthetic graph with the shape of the real one, for measuring at sizes the five source
 * documents never reach: agencies issue policies that promote or regulate sectors in a
 * hierarchy, firms work in sectors and sit in regions, events involve them, indicators
 * measure them, and every date falls in the thirty years before 2026. Deterministic for a
 * given seed, so two runs measure the same graph.
 */
import { DATE_FIELDS, ENUMS, PRECISIONS, type EntityLabel, type Label } from './model.js';
import { searchText } from './search-text.js';
import { exactKeys, listDate } from './seeds/derived.js';
import type { GraphData, NodeRow, RelationshipRow } from './seeds/graph-data.js';

export interface GenerateOptions {
  nodes: number;
  relationships: number;
  seed?: number;
}

/** mulberry32: small, fast, good enough to spread synthetic data. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOURCES = ['src-000', 'src-001', 'src-002', 'src-003', 'src-004'];
const SHARE: [Exclude<Label, 'Source'>, number][] = [
  ['Policy', 0.2], ['Firm', 0.3], ['Event', 0.2], ['Person', 0.12], ['Agency', 0.08],
  ['Indicator', 0.07], ['Region', 0.02], ['Sector', 0.01],
];
const WORDS = ['cyber', 'data', 'network', 'security', 'industrial', 'internet', 'cloud', 'critical', 'infrastructure',
  'protection', 'standard', 'innovation', 'digital', 'trust', 'privacy', 'encryption', 'platform', 'resilience'];

export function generateGraph(options: GenerateOptions): GraphData {
  const random = prng(options.seed ?? 2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const ids: Record<string, string[]> = {};
  const nodes: GraphData['nodes'] = {};
  const aliases: GraphData['aliases'] = {};

  const cite = (n = 1) => {
    const sources = Array.from({ length: n }, () => pick(SOURCES));
    return {
      citeSources: sources, citeLocators: sources.map(() => `§${1 + Math.floor(random() * 9)}`), citeNotes: sources.map(() => 'synthetic'),
      // Mostly stated, some inferred: evidence filters then have something to leave out.
      citeBases: sources.map(() => (random() < 0.8 ? 'STATED' : 'INFERRED')),
    };
  };
  const date = (): [string, string] => {
    const precision = pick(PRECISIONS);
    const y = 1996 + Math.floor(random() * 30);
    const m = precision === 'YEAR' ? 1 : 1 + Math.floor(random() * 12);
    const d = precision === 'DAY' ? 1 + Math.floor(random() * 28) : 1;
    return [`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, precision];
  };
  const title = () => `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`;

  nodes.Source = SOURCES.map((id) => ({
    id, name: `Source ${id}`, author: null, kind: 'PAPER', written: '2020-01-01', writtenPrecision: 'YEAR', file: null, url: null, description: null,
  }));
  ids.Source = SOURCES;

  const budget = Math.max(0, options.nodes - SOURCES.length);
  for (const [label, share] of SHARE) {
    const count = Math.max(label === 'Region' || label === 'Sector' ? 4 : 1, Math.round(budget * share));
    const rows: NodeRow[] = [];
    for (let i = 0; i < count; i++) {
      const id = `${label.toLowerCase()}-${i}`;
      const name = `${label} ${i} ${title()}`;
      const row: NodeRow = { id, name, description: null, ...cite(1 + Math.floor(random() * 2)) };
      if (label !== 'Indicator') Object.assign(row, { nameZh: null, searchText: searchText([name]), exactKeys: exactKeys(id, [name]) });
      switch (label) {
        case 'Policy': {
          const [issued, p] = date();
          Object.assign(row, { kind: pick(ENUMS.PolicyKind), status: pick(ENUMS.PolicyStatus), issued, issuedPrecision: p,
            effective: null, effectivePrecision: null, ended: null, endedPrecision: null });
          if (random() < 0.5) Object.assign(row, { effective: issued, effectivePrecision: p });
          if (random() < 0.1) Object.assign(row, { ended: `${Number(issued.slice(0, 4)) + 5}-01-01`, endedPrecision: 'YEAR' });
          Object.assign(row, listDate(row));
          break;
        }
        case 'Agency': {
          const [established, p] = date();
          Object.assign(row, { kind: pick(ENUMS.AgencyKind), established, establishedPrecision: p, ended: null, endedPrecision: null });
          break;
        }
        case 'Firm': {
          const [founded, p] = date();
          Object.assign(row, { kind: pick(ENUMS.FirmKind), founded, foundedPrecision: p });
          break;
        }
        case 'Event': {
          const [d, p] = date();
          Object.assign(row, { kind: pick(ENUMS.EventKind), date: d, datePrecision: p, ended: null, endedPrecision: null });
          break;
        }
        case 'Region': Object.assign(row, { kind: i < 4 ? 'COUNTRY' : pick(['PROVINCE', 'CITY'] as const) }); break;
        case 'Person': Object.assign(row, { role: 'synthetic' }); break;
        case 'Indicator':
          Object.assign(row, { metric: pick(['market size', 'revenue', 'firms']), value: Math.round(random() * 1e4) / 10,
            unit: 'CNY 100 million', year: 1996 + Math.floor(random() * 30), kind: pick(ENUMS.IndicatorKind) });
          break;
        case 'Sector': break;
      }
      // Each date is backed by the entity's citations (see dateBases in src/seeds/citations.ts).
      for (const field of DATE_FIELDS[label] ?? []) if (row[field]) row[`${field}Bases`] = [...new Set(row.citeBases as string[])].sort().reverse().join(',');
      rows.push(row);
      if (label !== 'Indicator' && random() < 0.2) {
        const alias = `${label[0]}${i}`;
        (aliases[label as EntityLabel] ??= []).push({ id, aliases: [alias] });
        row.exactKeys = exactKeys(id, [name, alias]);
      }
    }
    nodes[label] = rows;
    ids[label] = rows.map((r) => r.id);
  }

  const groups = new Map<string, GraphData['relationships'][number]>();
  const seen = new Set<string>();
  let made = 0;
  const link = (type: string, from: Label, a: string, to: Label, b: string) => {
    const key = `${type}|${a}|${b}`;
    if (a === b || seen.has(key)) return;
    seen.add(key);
    const groupKey = `${type}.${from}.${to}`;
    let group = groups.get(groupKey);
    if (!group) groups.set(groupKey, (group = { type, from, to, rows: [] }));
    const [since, p] = random() < 0.3 ? date() : [null, null];
    const row: RelationshipRow = { from: a, to: b, since, sincePrecision: p, until: null, untilPrecision: null, role: null, disputes: null, ...cite() };
    group.rows.push(row);
    made++;
  };

  // The hierarchies first: every region and sector but the roots has a parent.
  ids.Region!.forEach((id, i) => i >= 4 && link('PART_OF', 'Region', id, 'Region', ids.Region![Math.floor(random() * i)]!));
  ids.Sector!.forEach((id, i) => i >= 1 && link('SUBSECTOR_OF', 'Sector', id, 'Sector', ids.Sector![Math.floor(random() * i)]!));

  // Then the rest in proportions like the curated graph's, until the budget is spent.
  const kinds: [number, () => void][] = [
    [3, () => link('ISSUED_BY', 'Policy', pick(ids.Policy!), 'Agency', pick(ids.Agency!))],
    [2, () => link('APPLIES_TO', 'Policy', pick(ids.Policy!), 'Region', pick(ids.Region!))],
    [3, () => link(random() < 0.7 ? 'PROMOTES' : 'REGULATES', 'Policy', pick(ids.Policy!), 'Sector', pick(ids.Sector!))],
    [1, () => link(pick(['IMPLEMENTS', 'BASED_ON', 'PART_OF']), 'Policy', pick(ids.Policy!), 'Policy', pick(ids.Policy!))],
    [4, () => link('OPERATES_IN', 'Firm', pick(ids.Firm!), 'Sector', pick(ids.Sector!))],
    [2, () => link('HEADQUARTERED_IN', 'Firm', pick(ids.Firm!), 'Region', pick(ids.Region!))],
    [3, () => link('INVOLVES', 'Event', pick(ids.Event!), 'Firm', pick(ids.Firm!))],
    [1, () => link('INVOLVES', 'Event', pick(ids.Event!), 'Policy', pick(ids.Policy!))],
    [1, () => link('OCCURRED_IN', 'Event', pick(ids.Event!), 'Region', pick(ids.Region!))],
    [1, () => link(random() < 0.5 ? 'LEADS' : 'WORKS_FOR', 'Person', pick(ids.Person!), 'Firm', pick(ids.Firm!))],
    [1, () => link('PARTNERS_WITH', 'Firm', pick(ids.Firm!), 'Firm', pick(ids.Firm!))],
    [1, () => link('ACQUIRED', 'Firm', pick(ids.Firm!), 'Firm', pick(ids.Firm!))],
    [1, () => link('MEASURES', 'Indicator', pick(ids.Indicator!), 'Firm', pick(ids.Firm!))],
    [2, () => link('CITED_IN', 'Firm', pick(ids.Firm!), 'Source', pick(SOURCES))],
  ];
  const total = kinds.reduce((s, [w]) => s + w, 0);
  let stalled = 0;
  while (made < options.relationships && stalled < 1000) {
    const before = made;
    let r = random() * total;
    for (const [w, make] of kinds) {
      if ((r -= w) <= 0) {
        make();
        break;
      }
    }
    stalled = made === before ? stalled + 1 : 0;
  }
  return { nodes, aliases, relationships: [...groups.values()] };
}
