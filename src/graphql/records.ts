/**
 * What the API's resolvers pass around: rows of the named queries turned into plain records.
 * The GraphQL object types read their fields straight off these records, so a record keeps
 * the stored property names (issued, issuedPrecision …) and adds only what the rows lack.
 */
import { BASES, ENTITY_LABELS, RELATIONSHIP_TYPES, DERIVED_RELATIONSHIPS, strongestBasis, type Basis, type EntityLabel, type Precision } from '../model.js';
import type { Row } from '../store/port.js';
import { formatAtPrecision } from '../seeds/dates.js';

/** The GraphQL name of each label's type: POLICY for Policy … */
export type EntityTypeName = 'POLICY' | 'AGENCY' | 'FIRM' | 'REGION' | 'SECTOR' | 'EVENT' | 'PERSON';

export const typeOfLabel = (label: EntityLabel): EntityTypeName => label.toUpperCase() as EntityTypeName;
export const labelOfType = (type: EntityTypeName): EntityLabel =>
  ENTITY_LABELS.find((l) => l.toUpperCase() === type)!;

/**
 * Relationships between entities: everything but the derived links to sources and indicators,
 * and AUTHORED (a person to a source, which is not an entity). `cypher/queries/shortestPath.cypher`
 * spells the same list out (a test keeps the two equal).
 */
export const ENTITY_RELATIONSHIP_TYPES: readonly string[] = RELATIONSHIP_TYPES.filter(
  (t) => !(DERIVED_RELATIONSHIPS as readonly string[]).includes(t) && t !== 'AUTHORED',
);

export interface CitationRecord {
  sourceId: string;
  locator: string | null;
  note: string | null;
  basis: Basis;
}

/** A contradicting value kept beside the one the graph holds (src/seeds/disputes.ts). */
export interface DisputeRecord {
  field: string;
  /** A date as its precision writes it, or a number as text. */
  value: string;
  precision: Precision | null;
  citations: CitationRecord[];
}

export interface EntityRecord {
  id: string;
  label: EntityLabel;
  type: EntityTypeName;
  name: string;
  nameZh: string | null;
  aliases: string[];
  description: string | null;
  kind: string | null;
  status: string | null;
  role: string | null;
  issued: string | null; issuedPrecision: Precision | null;
  effective: string | null; effectivePrecision: Precision | null;
  ended: string | null; endedPrecision: Precision | null;
  established: string | null; establishedPrecision: Precision | null;
  founded: string | null; foundedPrecision: Precision | null;
  date: string | null; datePrecision: Precision | null;
  /** Each date as its precision writes it: `2017`, `2017-06` or `2017-06-01` (formatAtPrecision). */
  issuedLabel: string | null;
  effectiveLabel: string | null;
  endedLabel: string | null;
  establishedLabel: string | null;
  foundedLabel: string | null;
  dateLabel: string | null;
  citations: CitationRecord[];
  disputes: DisputeRecord[];
  disputed: boolean;
  /** Why no issuer is recorded (policies only), or null. */
  issuerUnknown: string | null;
}

export type Direction = 'OUT' | 'IN';

/** One collator for every sort by name: `localeCompare` costs twice as much per comparison. */
const names = new Intl.Collator('en');
/** Strings by code point: ids, ISO dates, relationship types. */
export const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Entities by name, then id: the order of every entity list the API returns. */
export const byName = (a: EntityRecord, b: EntityRecord) => names.compare(a.name, b.name) || byCodePoint(a.id, b.id);

/** One relationship seen from one of its ends (`anchorId`). */
export interface RelationRecord {
  anchorId: string;
  otherId: string;
  type: string;
  direction: Direction;
  since: string | null; sincePrecision: Precision | null;
  until: string | null; untilPrecision: Precision | null;
  role: string | null;
  sinceLabel: string | null;
  untilLabel: string | null;
  citations: CitationRecord[];
  /** The strongest basis among its citations. */
  basis: Basis;
  disputes: DisputeRecord[];
  disputed: boolean;
}

export interface SourceRecord {
  id: string;
  title: string;
  author: string | null;
  kind: string | null;
  written: string | null;
  writtenPrecision: Precision | null;
  file: string | null;
  url: string | null;
  description: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const precision = (v: unknown): Precision | null => (v === 'DAY' || v === 'MONTH' || v === 'YEAR' ? v : null);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A stored basis; anything else reads as EXTERNAL, the weakest claim. */
export const basisOf = (v: unknown): Basis => ((BASES as readonly unknown[]).includes(v) ? (v as Basis) : 'EXTERNAL');

/** Citations are stored as four parallel lists; empty locators and notes read as null. */
export function citationsOf(row: Row): CitationRecord[] {
  const sources = list(row.citeSources);
  const locators = Array.isArray(row.citeLocators) ? row.citeLocators : [];
  const notes = Array.isArray(row.citeNotes) ? row.citeNotes : [];
  const bases = Array.isArray(row.citeBases) ? row.citeBases : [];
  return sources.map((sourceId, i) => ({
    sourceId,
    locator: str(locators[i]) || null,
    note: str(notes[i]) || null,
    basis: basisOf(bases[i]),
  }));
}

/** The strongest basis of some citations (EXTERNAL when there are none). */
export const strongestOf = (citations: readonly CitationRecord[]): Basis => strongestBasis(citations.map((c) => c.basis)) ?? 'EXTERNAL';

/** The disputes stored as JSON on a node or relationship (none when null or unreadable). */
export function disputesOf(value: unknown): DisputeRecord[] {
  if (typeof value !== 'string' || !value) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.map((d: Record<string, unknown>) => {
    const p = precision(d.precision);
    const cites = Array.isArray(d.citations) ? (d.citations as Record<string, unknown>[]) : [];
    return {
      field: String(d.field),
      value: typeof d.value === 'number' ? String(d.value) : dateLabel(str(d.value), p) ?? '',
      precision: p,
      citations: cites.map((c) => ({ sourceId: String(c.sourceId), locator: str(c.locator) || null, note: str(c.note) || null, basis: basisOf(c.basis) })),
    };
  });
}

/** A stored date as its precision writes it, or null. */
export function dateLabel(date: string | null, p: Precision | null): string | null {
  return date ? formatAtPrecision(date, p) : null;
}

export function entityFromRow(row: Row): EntityRecord {
  const label = row.label as EntityLabel;
  const d = (field: string) => dateLabel(str(row[field]), precision(row[`${field}Precision`]));
  return {
    id: row.id as string,
    label,
    type: typeOfLabel(label),
    name: str(row.name) ?? (row.id as string),
    nameZh: str(row.nameZh),
    aliases: list(row.aliases),
    description: str(row.description),
    kind: str(row.kind),
    status: str(row.status),
    role: str(row.role),
    issued: str(row.issued), issuedPrecision: precision(row.issuedPrecision),
    effective: str(row.effective), effectivePrecision: precision(row.effectivePrecision),
    ended: str(row.ended), endedPrecision: precision(row.endedPrecision),
    established: str(row.established), establishedPrecision: precision(row.establishedPrecision),
    founded: str(row.founded), foundedPrecision: precision(row.foundedPrecision),
    date: str(row.date), datePrecision: precision(row.datePrecision),
    issuedLabel: d('issued'), effectiveLabel: d('effective'), endedLabel: d('ended'),
    establishedLabel: d('established'), foundedLabel: d('founded'), dateLabel: d('date'),
    citations: citationsOf(row),
    ...disputeFields(row.disputes),
    issuerUnknown: str(row.issuerUnknown),
  };
}

const disputeFields = (value: unknown) => {
  const disputes = disputesOf(value);
  return { disputes, disputed: disputes.length > 0 };
};

/** A relationsOf row: one relationship seen from the entity asked about (`id`). */
export function relationFromRow(row: Row): RelationRecord {
  const citations = citationsOf(row);
  return {
    anchorId: row.id as string,
    otherId: row.otherId as string,
    type: row.type as string,
    direction: row.direction === 'IN' ? 'IN' : 'OUT',
    since: str(row.since), sincePrecision: precision(row.sincePrecision),
    until: str(row.until), untilPrecision: precision(row.untilPrecision),
    role: str(row.role),
    sinceLabel: dateLabel(str(row.since), precision(row.sincePrecision)),
    untilLabel: dateLabel(str(row.until), precision(row.untilPrecision)),
    citations,
    basis: strongestOf(citations),
    ...disputeFields(row.disputes),
  };
}

export function sourceFromRow(row: Row): SourceRecord {
  return {
    id: row.id as string,
    title: str(row.title) ?? (row.id as string),
    author: str(row.author),
    kind: str(row.kind),
    written: str(row.written),
    writtenPrecision: precision(row.writtenPrecision),
    file: str(row.file),
    url: str(row.url),
    description: str(row.description),
  };
}

/**
 * The date an entity is placed at — a policy's issue date (or its entry into force when the
 * issue date is unknown), a body's establishment, a firm's founding, an event's date — with
 * its precision; null for regions, sectors and people.
 */
export function primaryDate(e: EntityRecord): { date: string; precision: Precision | null } | null {
  switch (e.label) {
    case 'Policy':
      if (e.issued) return { date: e.issued, precision: e.issuedPrecision };
      return e.effective ? { date: e.effective, precision: e.effectivePrecision } : null;
    case 'Agency':
      return e.established ? { date: e.established, precision: e.establishedPrecision } : null;
    case 'Firm':
      return e.founded ? { date: e.founded, precision: e.foundedPrecision } : null;
    case 'Event':
      return e.date ? { date: e.date, precision: e.datePrecision } : null;
    default:
      return null;
  }
}
