/**
 * The whole graph as the exports see it: every node (entities, indicators, sources) and every
 * relationship, each with its citations resolved to source titles. `readGraphExport` reads it
 * through the store port; `buildGraphExport` turns catalogue rows into it and is pure, so the
 * serialisers can be tested on hand-made rows.
 */
import { strongestBasis } from '../../model.js';
import type { Row, Store, Transaction } from '../../store/port.js';

export interface Citation {
  sourceId: string;
  /** The source's title; its id when the source is missing from the graph. */
  sourceTitle: string;
  locator: string | null;
  note: string | null;
  /** STATED, INFERRED or EXTERNAL (null only for rows written before bases existed). */
  basis: string | null;
}

/** A date as stored: the first day of its period, and the period. */
export interface DatedValue {
  date: string;
  precision: string;
}

export const DATE_KEYS = ['issued', 'effective', 'ended', 'established', 'founded', 'date', 'written'] as const;
export type DateKey = (typeof DATE_KEYS)[number];

export const TEXT_KEYS = [
  'nameZh', 'description', 'kind', 'status', 'role', 'metric', 'unit', 'author', 'url', 'file', 'qualifier', 'period', 'periodFrom', 'rating',
] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

export interface ExportNode {
  id: string;
  /** The label: Policy, Agency, Firm, Region, Sector, Event, Person, Indicator or Source. */
  type: string;
  name: string;
  aliases: string[];
  text: Partial<Record<TextKey, string>>;
  value: number | null;
  year: number | null;
  dates: Partial<Record<DateKey, DatedValue>>;
  /** When the thing came into being (issued, established, founded, happened, written), if known. */
  start: string | null;
  /** When it ended, if it did. */
  end: string | null;
  citations: Citation[];
}

export interface ExportEdge {
  /** `source--TYPE--target`, with `--2`, `--3` … for repeated relationships. */
  id: string;
  source: string;
  target: string;
  type: string;
  start: DatedValue | null;
  end: DatedValue | null;
  role: string | null;
  citations: Citation[];
  /** The strongest basis among its citations, or null when it has none. */
  basis: string | null;
}

export interface GraphExport {
  nodes: ExportNode[];
  edges: ExportEdge[];
  /** YYYY-MM-DD of the export. */
  generated: string;
}

/** The date that starts a node's life on a timeline, per label (first found wins). */
const START_FIELDS: Record<string, readonly DateKey[]> = {
  Policy: ['issued', 'effective'],
  Agency: ['established'],
  Firm: ['founded'],
  Event: ['date'],
  Source: ['written'],
};

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const list = (v: unknown): (string | null)[] => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : null)) : []);

function citations(row: Row, titles: Map<string, string>): Citation[] {
  const sources = list(row.citeSources);
  const locators = list(row.citeLocators);
  const notes = list(row.citeNotes);
  const bases = list(row.citeBases);
  return sources.flatMap((sourceId, i) =>
    sourceId === null
      ? []
      : [{ sourceId, sourceTitle: titles.get(sourceId) ?? sourceId, locator: str(locators[i]), note: str(notes[i]), basis: str(bases[i]) }],
  );
}

function dated(row: Row, key: string): DatedValue | null {
  const date = str(row[key]);
  if (!date) return null;
  return { date, precision: str(row[`${key}Precision`]) ?? 'DAY' };
}

/** Rows of `exportNodes` and `exportRelationships` to the export model. */
export function buildGraphExport(nodeRows: Row[], relationshipRows: Row[], generated = new Date().toISOString().slice(0, 10)): GraphExport {
  const titles = new Map<string, string>();
  for (const r of nodeRows) if (r.label === 'Source' && str(r.id)) titles.set(r.id as string, str(r.name) ?? (r.id as string));

  const nodes = nodeRows.map((r): ExportNode => {
    const type = String(r.label);
    const dates: ExportNode['dates'] = {};
    for (const key of DATE_KEYS) {
      const d = dated(r, key);
      if (d) dates[key] = d;
    }
    const text: ExportNode['text'] = {};
    for (const key of TEXT_KEYS) {
      const v = str(r[key]);
      if (v !== null) text[key] = v;
    }
    const startKey = (START_FIELDS[type] ?? []).find((k) => dates[k]);
    return {
      id: String(r.id),
      type,
      name: str(r.name) ?? String(r.id),
      aliases: list(r.aliases).filter((a): a is string => a !== null),
      text,
      value: num(r.value),
      year: num(r.year),
      dates,
      start: startKey ? dates[startKey]!.date : null,
      end: dates.ended?.date ?? null,
      citations: citations(r, titles),
    };
  });

  const seen = new Map<string, number>();
  const edges = relationshipRows.map((r): ExportEdge => {
    const source = String(r.source);
    const target = String(r.target);
    const type = String(r.type);
    const base = `${source}--${type}--${target}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const cs = citations(r, titles);
    return {
      id: n === 1 ? base : `${base}--${n}`,
      source, target, type,
      start: dated(r, 'since'),
      end: dated(r, 'until'),
      role: str(r.role),
      citations: cs,
      basis: strongestBasis(cs.map((c) => c.basis ?? '')),
    };
  });
  return { nodes, edges, generated };
}

export const EXPORT_PAGE_SIZE = 5000;

async function readAll(tx: Transaction, query: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (let skip = 0; ; skip += EXPORT_PAGE_SIZE) {
    const page = await tx.run(query, { skip, limit: EXPORT_PAGE_SIZE });
    rows.push(...page);
    if (page.length < EXPORT_PAGE_SIZE) return rows;
  }
}

/** The whole graph, read in one read transaction so that nodes and edges agree. */
export async function readGraphExport(store: Store): Promise<GraphExport> {
  return store.read(async (tx) => {
    const nodeRows = await readAll(tx, 'exportNodes');
    const relationshipRows = await readAll(tx, 'exportRelationships');
    return buildGraphExport(nodeRows, relationshipRows);
  });
}

/** "Title (locator) [STATED]: note; …" — citations as one readable line. */
export function citationText(cs: Citation[]): string {
  return cs
    .map((c) => `${c.sourceTitle}${c.locator ? ` (${c.locator})` : ''}${c.basis ? ` [${c.basis}]` : ''}${c.note ? `: ${c.note}` : ''}`)
    .join('; ');
}

/** Citations as a JSON array: unambiguous for tools that read a text attribute. */
export function citationJson(cs: Citation[]): string {
  return JSON.stringify(cs.map((c) => ({ source: c.sourceId, title: c.sourceTitle, locator: c.locator, note: c.note, basis: c.basis })));
}

export type Scalar = string | number | null;
export interface Column {
  key: string;
  type: 'string' | 'int' | 'double';
  description: string;
}

/** The flat attributes of a node, shared by GraphML, GEXF and CSV (all but the id). */
export const NODE_COLUMNS: Column[] = [
  { key: 'name', type: 'string', description: 'usual English name' },
  { key: 'type', type: 'string', description: 'label: Policy, Agency, Firm, Region, Sector, Event, Person, Indicator or Source' },
  { key: 'nameZh', type: 'string', description: 'Chinese name' },
  { key: 'aliases', type: 'string', description: 'other names, separated by "; "' },
  { key: 'description', type: 'string', description: 'description' },
  { key: 'kind', type: 'string', description: 'kind within the label' },
  { key: 'status', type: 'string', description: 'policy status' },
  { key: 'role', type: 'string', description: 'title of a person' },
  { key: 'start', type: 'string', description: 'came into being (first day of its period)' },
  { key: 'end', type: 'string', description: 'ended (first day of its period)' },
  ...DATE_KEYS.flatMap((k): Column[] => [
    { key: k, type: 'string', description: `${k} date (first day of its period)` },
    { key: `${k}Precision`, type: 'string', description: `precision of ${k}: DAY, MONTH or YEAR` },
  ]),
  { key: 'metric', type: 'string', description: 'indicator metric' },
  { key: 'value', type: 'double', description: 'indicator value' },
  { key: 'unit', type: 'string', description: 'indicator unit' },
  { key: 'year', type: 'int', description: 'indicator year' },
  { key: 'qualifier', type: 'string', description: 'indicator value given as EXACT, AT_LEAST, AT_MOST or APPROXIMATE' },
  { key: 'period', type: 'string', description: 'what the indicator year covers: CALENDAR_YEAR, FIRST_HALF, SECOND_HALF, CUMULATIVE, MULTI_YEAR, UNDATED' },
  { key: 'periodFrom', type: 'string', description: 'first year of a cumulative or multi-year indicator' },
  { key: 'rating', type: 'string', description: 'rating of an assessment: LOW, MEDIUM, HIGH' },
  { key: 'author', type: 'string', description: 'source author' },
  { key: 'url', type: 'string', description: 'source address' },
  { key: 'file', type: 'string', description: 'source document file' },
  { key: 'citationCount', type: 'int', description: 'number of citations' },
  { key: 'citations', type: 'string', description: 'citations as a JSON array of {source, title, locator, note, basis}' },
  { key: 'citationText', type: 'string', description: 'citations as text: title (locator) [basis]: note; …' },
];

export const EDGE_COLUMNS: Column[] = [
  { key: 'type', type: 'string', description: 'relationship type' },
  { key: 'role', type: 'string', description: 'part played' },
  { key: 'start', type: 'string', description: 'holds from (first day of its period)' },
  { key: 'startPrecision', type: 'string', description: 'precision of start' },
  { key: 'end', type: 'string', description: 'holds until (first day of its period)' },
  { key: 'endPrecision', type: 'string', description: 'precision of end' },
  { key: 'basis', type: 'string', description: 'strongest basis of its citations: STATED, INFERRED or EXTERNAL' },
  { key: 'citationCount', type: 'int', description: 'number of citations' },
  { key: 'citations', type: 'string', description: 'citations as a JSON array of {source, title, locator, note, basis}' },
  { key: 'citationText', type: 'string', description: 'citations as text: title (locator) [basis]: note; …' },
];

export function nodeValues(n: ExportNode): Record<string, Scalar> {
  const out: Record<string, Scalar> = {
    name: n.name,
    type: n.type,
    aliases: n.aliases.length ? n.aliases.join('; ') : null,
    start: n.start,
    end: n.end,
    value: n.value,
    year: n.year,
    citationCount: n.citations.length,
    citations: citationJson(n.citations),
    citationText: citationText(n.citations) || null,
  };
  for (const k of TEXT_KEYS) out[k] = n.text[k] ?? null;
  for (const k of DATE_KEYS) {
    out[k] = n.dates[k]?.date ?? null;
    out[`${k}Precision`] = n.dates[k]?.precision ?? null;
  }
  return out;
}

export function edgeValues(e: ExportEdge): Record<string, Scalar> {
  return {
    type: e.type,
    role: e.role,
    start: e.start?.date ?? null,
    startPrecision: e.start?.precision ?? null,
    end: e.end?.date ?? null,
    endPrecision: e.end?.precision ?? null,
    basis: e.basis,
    citationCount: e.citations.length,
    citations: citationJson(e.citations),
    citationText: citationText(e.citations) || null,
  };
}
