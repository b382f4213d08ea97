/**
 * Checks every seed record and turns the valid set into rows for the bulk writes. All
 * problems are collected (not just the first), each with its file, line and record id; the
 * loader writes nothing unless the list is empty.
 */
import { BASES, DATE_FIELDS, DERIVED_RELATIONSHIPS, ENUMS, NODE_PROPERTIES, RELATIONSHIPS, type Label } from '../model.js';
import { searchText } from '../search-text.js';
import { exactKeys, listDate } from './derived.js';
import { HIERARCHIES, hierarchyCycles, seriesProblems, type Edge, type IndicatorPoint } from './checks.js';
import { checkCitationList, citationColumns, dateBases, type Citation, type SourceInfo } from './citations.js';
import { parseSeedDate, type SeedDate } from './dates.js';
import { checkDisputes, type Dispute } from './disputes.js';
import type { SeedProblem, SeedRecord } from './read.js';
import type { GraphData, NodeRow, RelationshipRow } from './graph-data.js';

type FieldKind =
  | { type: 'string'; required?: boolean }
  | { type: 'strings' }
  | { type: 'enum'; values: readonly string[]; required?: boolean }
  | { type: 'date'; required?: boolean }
  | { type: 'number'; required?: boolean; integer?: boolean }
  | { type: 'ref'; required?: boolean; label?: Label }
  | { type: 'cite'; required?: boolean }
  | { type: 'disputed' }
  | { type: 'relations' };

const str = (required = false): FieldKind => ({ type: 'string', required });
const date = (required = false): FieldKind => ({ type: 'date', required });
const oneOf = (values: readonly string[], required = true): FieldKind => ({ type: 'enum', values, required });

const ENTITY_FIELDS: Record<string, FieldKind> = {
  id: str(true), name: str(true), nameZh: str(), aliases: { type: 'strings' }, description: str(),
  cite: { type: 'cite', required: true }, relations: { type: 'relations' }, disputed: { type: 'disputed' },
};

const FIELDS: Record<Label, Record<string, FieldKind>> = {
  Policy: {
    ...ENTITY_FIELDS, kind: oneOf(ENUMS.PolicyKind), status: oneOf(ENUMS.PolicyStatus, false), issued: date(), effective: date(), ended: date(),
    issuerUnknown: str(),
  },
  Agency: { ...ENTITY_FIELDS, kind: oneOf(ENUMS.AgencyKind), established: date(), ended: date() },
  Firm: { ...ENTITY_FIELDS, kind: oneOf(ENUMS.FirmKind, false), founded: date() },
  Region: { ...ENTITY_FIELDS, kind: oneOf(ENUMS.RegionKind) },
  Sector: { ...ENTITY_FIELDS },
  Event: { ...ENTITY_FIELDS, kind: oneOf(ENUMS.EventKind), date: date(true), ended: date() },
  Person: { ...ENTITY_FIELDS, role: str() },
  Indicator: {
    id: str(true), name: str(), description: str(), cite: { type: 'cite', required: true },
    metric: str(true), value: { type: 'number', required: true }, unit: str(true),
    year: { type: 'number', required: true, integer: true }, kind: oneOf(ENUMS.IndicatorKind),
    subject: { type: 'ref', required: true }, sector: { type: 'ref', label: 'Sector' },
    qualifier: oneOf(ENUMS.IndicatorQualifier, false), period: oneOf(ENUMS.IndicatorPeriod, false),
    periodFrom: { type: 'number', integer: true }, vintage: date(), rating: oneOf(ENUMS.Rating, false),
    disputed: { type: 'disputed' },
  },
  Source: {
    id: str(true), title: str(true), author: str(), kind: oneOf(ENUMS.SourceKind), written: date(),
    file: str(), url: str(), description: str(),
  },
};

const RELATION_FIELDS = ['type', 'to', 'cite', 'start', 'end', 'role', 'disputed'];
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Fields a `disputed` entry may name, per label (dates are the label's dated fields). */
const INDICATOR_DISPUTABLE = { value: 'number', year: 'number' } as const;
const RATING_VALUES: Record<string, number> = { LOW: 1, MEDIUM: 2, HIGH: 3 };

export interface ValidationResult {
  problems: SeedProblem[];
  graph: GraphData;
}

export function validateSeeds(records: SeedRecord[], readProblems: SeedProblem[] = []): ValidationResult {
  const problems = [...readProblems];
  const byId = new Map<string, SeedRecord>();
  const report = (r: SeedRecord, message: string, key?: string) =>
    problems.push({ file: r.file, line: (key && r.keyLines[key]) || r.line, record: typeof r.data.id === 'string' ? r.data.id : undefined, message });

  // Pass 1: ids, so that references can be checked whatever the file order.
  for (const r of records) {
    const id = r.data.id;
    if (typeof id !== 'string' || !ID.test(id)) {
      report(r, `id must be a slug of lower-case letters, digits and single dashes (got ${JSON.stringify(id)})`, 'id');
      continue;
    }
    const first = byId.get(id);
    if (first) report(r, `duplicate id "${id}" (first defined in ${first.file}:${first.line})`, 'id');
    else byId.set(id, r);
  }
  const sources = new Map<string, SourceInfo>(records
    .filter((r) => r.label === 'Source' && typeof r.data.id === 'string')
    .map((r) => [r.data.id as string, { isDocument: typeof r.data.file === 'string' && r.data.file.trim() !== '' }]));

  const checkCitations = (r: SeedRecord, value: unknown, where: string, line: number, dateFields: readonly string[] = []): Citation[] =>
    checkCitationList(value, sources, (message) => problems.push({ file: r.file, line, record: r.data.id as string, message: `${where}: ${message}` }), dateFields);
  const hierarchy: Edge[] = [];
  const points: IndicatorPoint[] = [];

  const nodes: GraphData['nodes'] = {};
  const aliases: GraphData['aliases'] = {};
  const relationships = new Map<string, GraphData['relationships'][number]>();
  const addRelationship = (type: string, from: Label, to: Label, row: RelationshipRow) => {
    const key = `${type}.${from}.${to}`;
    let group = relationships.get(key);
    if (!group) relationships.set(key, (group = { type, from, to, rows: [] }));
    group.rows.push(row);
  };
  const names = new Map<string, string>();

  for (const r of records) {
    const spec = FIELDS[r.label];
    const d = r.data;
    const id = String(d.id);
    for (const key of Object.keys(d)) {
      if (!(key in spec)) report(r, `unknown field "${key}" for ${r.label} (allowed: ${Object.keys(spec).join(', ')})`, key);
    }
    const row: NodeRow = { id };
    const dates: Record<string, SeedDate> = {};
    let citations: Citation[] = [];
    let disputes: Dispute[] = [];
    const dateFields = r.label === 'Source' ? [] : DATE_FIELDS[r.label] ?? [];
    for (const [key, kind] of Object.entries(spec)) {
      const value = d[key];
      const missing = value === undefined || value === null || value === '';
      if (missing) {
        if ('required' in kind && kind.required) report(r, `missing required field "${key}"`, key);
        continue;
      }
      switch (kind.type) {
        case 'string':
          if (typeof value !== 'string') report(r, `"${key}" must be text`, key);
          break;
        case 'strings':
          if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !v.trim())) report(r, `"${key}" must be a list of non-empty texts`, key);
          break;
        case 'enum':
          if (!kind.values.includes(value as string)) report(r, `"${key}" must be one of ${kind.values.join(', ')} (got ${JSON.stringify(value)})`, key);
          break;
        case 'number':
          if (typeof value !== 'number' || !Number.isFinite(value) || (kind.integer && !Number.isInteger(value))) {
            report(r, `"${key}" must be a ${kind.integer ? 'whole ' : ''}number`, key);
          }
          break;
        case 'date': {
          const parsed = parseSeedDate(value);
          if (typeof parsed === 'string') report(r, `"${key}": ${parsed}`, key);
          else dates[key] = parsed;
          break;
        }
        case 'ref': {
          const target = byId.get(String(value));
          if (!target) report(r, `"${key}" refers to unknown id "${value}"`, key);
          else if (kind.label && target.label !== kind.label) report(r, `"${key}" must be a ${kind.label}, but "${value}" is a ${target.label}`, key);
          break;
        }
        case 'cite':
          citations = checkCitations(r, value, 'cite', r.keyLines.cite ?? r.line, dateFields);
          break;
        case 'disputed': {
          const disputable = r.label === 'Indicator' ? INDICATOR_DISPUTABLE : Object.fromEntries(dateFields.map((f) => [f, 'date' as const]));
          disputes = checkDisputes(value, disputable, d, sources, (m) => report(r, m, 'disputed'));
          break;
        }
        case 'relations':
          break;
      }
    }

    // Row for the node table: every model property, null where the seed leaves it out.
    const props = NODE_PROPERTIES[r.label];
    for (const prop of Object.keys(props)) {
      if (prop === 'id' || prop === 'aliases') continue;
      if (prop.endsWith('Precision') || (prop.endsWith('Bases') && prop !== 'citeBases')) continue;
      if (props[prop] === 'DATE') {
        row[prop] = dates[prop]?.date ?? null;
        row[`${prop}Precision`] = dates[prop]?.precision ?? null;
        if (`${prop}Bases` in props) row[`${prop}Bases`] = dates[prop] ? dateBases(prop, citations) : null;
      } else row[prop] = null;
    }
    for (const key of Object.keys(spec)) {
      if (key in row && spec[key]!.type !== 'date' && d[key] !== undefined) row[key] = d[key] as never;
    }
    if (r.label === 'Source') row.name = (d.title as string) ?? null;
    if (r.label === 'Indicator') row.name = (d.name as string) ?? `${d.metric} (${d.year})`;
    if (r.label === 'Policy' && row.status === null) row.status = 'UNKNOWN';
    if (r.label === 'Firm' && row.kind === null) row.kind = 'COMPANY';
    if (r.label === 'Indicator') checkIndicator(r, row, report, points);
    if (r.label === 'Policy') Object.assign(row, listDate(row));
    if ('citeSources' in props) Object.assign(row, citationColumns(citations));
    if ('disputes' in props) row.disputes = disputes.length ? JSON.stringify(disputes) : null;
    if ('altDate' in props) {
      const dated = disputes.filter((x) => x.precision !== null);
      if (dated.length > 1) report(r, `one disputed date per record (got ${dated.map((x) => x.field).join(', ')})`, 'disputed');
      const alt = dated[0];
      Object.assign(row, alt
        ? { altField: alt.field, altDate: alt.value, altDatePrecision: alt.precision, altDateBases: BASES.filter((b) => alt.citations.some((c) => c.basis === b)).join(',') }
        : { altField: null, altDate: null, altDatePrecision: null, altDateBases: null });
    }
    for (const c of citations) {
      for (const field of c.dates) if (d[field] === undefined || d[field] === null) report(r, `a citation gives "${field}" (dates), but the record has no ${field}`, 'cite');
    }
    const recordAliases = Array.isArray(d.aliases) ? (d.aliases as string[]) : [];
    if ('searchText' in props) {
      row.searchText = searchText([d.name, d.nameZh, ...recordAliases, d.description]);
      row.exactKeys = exactKeys(id, [d.name, d.nameZh, ...recordAliases]);
      for (const n of [d.name, ...recordAliases]) {
        if (typeof n !== 'string') continue;
        const key = n.trim().toLowerCase();
        const holder = names.get(key);
        if (holder && holder !== id) report(r, `name or alias "${n}" is also used by "${holder}": one entity per real thing`);
        names.set(key, id);
      }
    }
    (nodes[r.label] ??= []).push(row);
    if (recordAliases.length > 0) (aliases[r.label] ??= []).push({ id, aliases: recordAliases });

    // Derived relationships.
    const citeRow = citationColumns;
    const emptyDates = { since: null, sincePrecision: null, until: null, untilPrecision: null, role: null, disputes: null };
    if (r.label !== 'Source' && r.label !== 'Indicator' && citations.length) {
      for (const source of new Set(citations.map((c) => c.source))) {
        addRelationship('CITED_IN', r.label, 'Source', {
          from: id, to: source, ...emptyDates, ...citeRow(citations.filter((c) => c.source === source)),
        });
      }
    }
    if (r.label === 'Indicator' && citations.length) {
      const subject = byId.get(String(d.subject));
      if (subject && subject.label !== 'Indicator' && subject.label !== 'Source') {
        addRelationship('MEASURES', 'Indicator', subject.label, { from: id, to: subject.data.id as string, ...emptyDates, ...citeRow(citations) });
      } else if (subject) report(r, `"subject" must be an entity, not a ${subject.label}`, 'subject');
      if (typeof d.sector === 'string' && byId.get(d.sector)?.label === 'Sector') {
        addRelationship('ABOUT_SECTOR', 'Indicator', 'Sector', { from: id, to: d.sector, ...emptyDates, ...citeRow(citations) });
      }
    }

    // Hand-written relationships.
    if (d.relations === undefined) continue;
    if (!Array.isArray(d.relations)) {
      report(r, '"relations" must be a list', 'relations');
      continue;
    }
    d.relations.forEach((rel: unknown, i: number) => {
      const line = r.relationLines[i] ?? r.keyLines.relations ?? r.line;
      const fail = (message: string) => problems.push({ file: r.file, line, record: id, message: `relation ${i + 1}: ${message}` });
      if (!rel || typeof rel !== 'object' || Array.isArray(rel)) return fail('must be a map {type, to, cite}');
      const x = rel as Record<string, unknown>;
      const unknown = Object.keys(x).filter((k) => !RELATION_FIELDS.includes(k));
      if (unknown.length) fail(`unknown field(s) ${unknown.join(', ')} (allowed: ${RELATION_FIELDS.join(', ')})`);
      const type = String(x.type);
      const pairs = RELATIONSHIPS[type];
      if (!pairs) return fail(`unknown relationship type ${JSON.stringify(x.type)}`);
      if ((DERIVED_RELATIONSHIPS as readonly string[]).includes(type)) return fail(`${type} is derived by the loader; do not write it by hand`);
      const target = byId.get(String(x.to));
      if (!target) return fail(`"to" refers to unknown id ${JSON.stringify(x.to)}`);
      if (!pairs.some(([f, t]) => f === r.label && t === target.label)) {
        return fail(`${type} cannot go from a ${r.label} to a ${target.label} (allowed: ${pairs.map(([f, t]) => `${f}→${t}`).join(', ')})`);
      }
      const cs = checkCitations(r, x.cite, `relation ${i + 1} (${type} → ${target.data.id})`, line);
      const start = x.start === undefined ? undefined : parseSeedDate(x.start);
      const end = x.end === undefined ? undefined : parseSeedDate(x.end);
      if (typeof start === 'string') fail(`start: ${start}`);
      if (typeof end === 'string') fail(`end: ${end}`);
      if (x.role !== undefined && typeof x.role !== 'string') fail('role must be text');
      const relationDisputes = x.disputed === undefined ? []
        : checkDisputes(x.disputed, { start: 'date', end: 'date' }, x, sources, fail);
      if ((HIERARCHIES as readonly string[]).includes(type)) hierarchy.push({ type, from: id, to: String(x.to), file: r.file, line });
      addRelationship(type, r.label, target.label, {
        from: id, to: String(x.to),
        since: typeof start === 'object' ? start.date : null, sincePrecision: typeof start === 'object' ? start.precision : null,
        until: typeof end === 'object' ? end.date : null, untilPrecision: typeof end === 'object' ? end.precision : null,
        role: typeof x.role === 'string' ? x.role : null,
        ...citeRow(cs),
        disputes: relationDisputes.length ? JSON.stringify(relationDisputes) : null,
      });
    });
  }
  problems.push(...hierarchyCycles(hierarchy), ...seriesProblems(points));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { problems, graph: { nodes, aliases, relationships: [...relationships.values()] } };
}


/**
 * An indicator's qualifiers: defaults (an exact value for a calendar year), a rating only on an
 * ASSESSMENT (value 1, 2 or 3 to match it), a vintage only on a forecast or target, and a first
 * year only for a cumulative or multi-year period. Collects the point for the series check.
 */
function checkIndicator(r: SeedRecord, row: NodeRow, report: (r: SeedRecord, m: string, key?: string) => void, points: IndicatorPoint[]) {
  const d = r.data;
  row.qualifier ??= 'EXACT';
  row.period ??= 'CALENDAR_YEAR';
  if (typeof d.periodFrom === 'number') row.periodFrom = String(d.periodFrom);
  if (d.kind === 'ASSESSMENT') {
    if (typeof d.rating !== 'string') report(r, 'an ASSESSMENT needs a rating (LOW, MEDIUM, HIGH)', 'kind');
    else if (RATING_VALUES[d.rating] !== undefined && d.value !== RATING_VALUES[d.rating]) {
      report(r, `a ${d.rating} rating has the value ${RATING_VALUES[d.rating]} (got ${String(d.value)})`, 'value');
    }
  } else if (d.rating !== undefined) report(r, 'only an ASSESSMENT has a rating', 'rating');
  if (d.vintage !== undefined && d.kind !== 'FORECAST' && d.kind !== 'TARGET') report(r, 'only a FORECAST or TARGET has a vintage (when it was made)', 'vintage');
  const multiYear = d.period === 'CUMULATIVE' || d.period === 'MULTI_YEAR';
  if (d.periodFrom !== undefined && !multiYear) report(r, 'periodFrom is the first year of a CUMULATIVE or MULTI_YEAR period', 'periodFrom');
  if (typeof d.periodFrom === 'number' && typeof d.year === 'number' && d.periodFrom > d.year) report(r, `periodFrom (${d.periodFrom}) is after year (${d.year})`, 'periodFrom');
  if (typeof d.metric === 'string' && typeof d.subject === 'string' && typeof d.unit === 'string' && typeof d.year === 'number') {
    points.push({
      id: String(d.id), file: r.file, line: r.line, metric: d.metric, subject: d.subject,
      sector: typeof d.sector === 'string' ? d.sector : null, unit: d.unit, year: d.year, kind: String(d.kind),
      period: String(row.period), vintage: typeof row.vintage === 'string' ? row.vintage : null,
    });
  }
}

export function formatProblem(p: SeedProblem): string {
  return `${p.file}:${p.line}${p.record ? ` (${p.record})` : ''}: ${p.message}`;
}
