/**
 * The graph's shape, in one place: labels, their stored properties, and which relationship
 * types may join which labels. The seed validator, the Cypher lint gate and the schema
 * consistency test all read it; `cypher/schema/*.cypher` spells the same shape as DDL.
 */

export type PropertyType = 'STRING' | 'STRING[]' | 'DATE' | 'INT64' | 'DOUBLE';

export const ENTITY_LABELS = ['Policy', 'Agency', 'Firm', 'Region', 'Sector', 'Event', 'Person'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];
export const LABELS = [...ENTITY_LABELS, 'Indicator', 'Source'] as const;
export type Label = (typeof LABELS)[number];

export const PRECISIONS = ['DAY', 'MONTH', 'YEAR'] as const;
export type Precision = (typeof PRECISIONS)[number];

/**
 * How a citation supports what it is cited for: STATED, the cited passage says it; INFERRED,
 * it follows from the passage by reasoning the note spells out; EXTERNAL, the five source
 * documents do not say it and the citation names another origin (an official text). Listed
 * strongest first: a relationship's basis is the strongest among its citations.
 */
export const BASES = ['STATED', 'INFERRED', 'EXTERNAL'] as const;
export type Basis = (typeof BASES)[number];

/** The strongest basis of a list (STATED > INFERRED > EXTERNAL), or null for none. */
export function strongestBasis(bases: readonly string[]): Basis | null {
  return BASES.find((b) => bases.includes(b)) ?? null;
}

/** Every node and relationship carries its citations as four parallel lists. */
const CITATION_PROPERTIES = {
  citeSources: 'STRING[]',
  citeLocators: 'STRING[]',
  citeNotes: 'STRING[]',
  citeBases: 'STRING[]',
} as const satisfies Record<string, PropertyType>;

/**
 * A fact the sources disagree on: the value the record holds and another one, each with its
 * own citations, as JSON (a list of {field, value, precision, citations}; null when there is
 * none). Read whole by the API; never filtered on inside a query.
 */
const DISPUTE_PROPERTIES = { disputes: 'STRING' } as const satisfies Record<string, PropertyType>;

const ENTITY_PROPERTIES = {
  id: 'STRING',
  name: 'STRING',
  nameZh: 'STRING',
  aliases: 'STRING[]',
  description: 'STRING',
  /** name, aliases, Chinese bigrams and description in one string, for the full-text index */
  searchText: 'STRING',
  /** id and lower-case names and aliases between separators, for exact search (src/seeds/derived.ts) */
  exactKeys: 'STRING',
  ...CITATION_PROPERTIES,
  ...DISPUTE_PROPERTIES,
} as const satisfies Record<string, PropertyType>;

/**
 * The other value of a disputed date (one per record), beside the one the record holds, so that
 * the timeline lists both and filters each by its own citations: which field, the date, its
 * precision and its bases (see src/seeds/disputes.ts).
 */
const DISPUTED_DATE_PROPERTIES = {
  altField: 'STRING', altDate: 'DATE', altDatePrecision: 'STRING', altDateBases: 'STRING',
} as const satisfies Record<string, PropertyType>;

/** A dated field is stored as the first day of its period plus the period's precision. */
function dated<K extends string>(field: K) {
  return { [field]: 'DATE', [`${field}Precision`]: 'STRING' } as Record<K | `${K}Precision`, PropertyType>;
}

/**
 * A dated fact of an entity also keeps the bases of the citations that give it, comma-joined
 * ("STATED,EXTERNAL"; null when undated): `timeline(evidence: …)` keeps a date only when one of
 * them is asked for. Text rather than a list because Kùzu cannot take an empty list in a row.
 */
function citedDate<K extends string>(field: K) {
  return { ...dated(field), [`${field}Bases`]: 'STRING' } as Record<K | `${K}Precision` | `${K}Bases`, PropertyType>;
}

export const NODE_PROPERTIES: Record<Label, Record<string, PropertyType>> = {
  Policy: {
    ...ENTITY_PROPERTIES, kind: 'STRING', status: 'STRING', ...citedDate('issued'), ...citedDate('effective'), ...citedDate('ended'),
    /** Why no issuer is recorded, when the sources name none (null when ISSUED_BY says who). */
    issuerUnknown: 'STRING', ...DISPUTED_DATE_PROPERTIES,
    /** issued, else effective, else 9999-12-31: what policies are listed and filtered by (src/seeds/derived.ts) */
    ...dated('listDate'),
  },
  Agency: { ...ENTITY_PROPERTIES, kind: 'STRING', ...citedDate('established'), ...citedDate('ended'), ...DISPUTED_DATE_PROPERTIES },
  Firm: { ...ENTITY_PROPERTIES, kind: 'STRING', ...citedDate('founded'), ...DISPUTED_DATE_PROPERTIES },
  Region: { ...ENTITY_PROPERTIES, kind: 'STRING' },
  Sector: { ...ENTITY_PROPERTIES },
  Event: { ...ENTITY_PROPERTIES, kind: 'STRING', ...citedDate('date'), ...citedDate('ended'), ...DISPUTED_DATE_PROPERTIES },
  Person: { ...ENTITY_PROPERTIES, role: 'STRING' },
  Indicator: {
    id: 'STRING', name: 'STRING', description: 'STRING', metric: 'STRING', value: 'DOUBLE', unit: 'STRING',
    year: 'INT64', kind: 'STRING',
    /** EXACT, AT_LEAST ("more than"), AT_MOST, APPROXIMATE ("about"). */
    qualifier: 'STRING',
    /** CALENDAR_YEAR, FIRST_HALF, SECOND_HALF, CUMULATIVE, MULTI_YEAR or UNDATED. */
    period: 'STRING',
    /** First year of a CUMULATIVE or MULTI_YEAR period ("2011"). */
    periodFrom: 'STRING',
    /** When a forecast or target was made (its vintage). */
    ...dated('vintage'),
    /** LOW, MEDIUM or HIGH for an ASSESSMENT (value 1, 2, 3). */
    rating: 'STRING',
    ...CITATION_PROPERTIES, ...DISPUTE_PROPERTIES,
  },
  Source: {
    id: 'STRING', name: 'STRING', author: 'STRING', kind: 'STRING', ...dated('written'),
    file: 'STRING', url: 'STRING', description: 'STRING',
  },
};

/**
 * Properties the loaders derive from the others (src/seeds/derived.ts): never written in
 * seeds, never answered by the API. Added to tables created before them by the Kùzu migration.
 */
export const DERIVED_PROPERTIES: Partial<Record<Label, readonly string[]>> = {
  Policy: ['exactKeys', 'listDate', 'listDatePrecision'],
  Agency: ['exactKeys'], Firm: ['exactKeys'], Region: ['exactKeys'], Sector: ['exactKeys'], Event: ['exactKeys'], Person: ['exactKeys'],
};

/** The date fields of each label, in the order a timeline lists them. */
export const DATE_FIELDS: Partial<Record<Label, readonly string[]>> = {
  Policy: ['issued', 'effective', 'ended'],
  Agency: ['established', 'ended'],
  Firm: ['founded'],
  Event: ['date', 'ended'],
  Source: ['written'],
};

/** `end` is a reserved word in Kùzu, so a relationship's start/end are stored as since/until. */
export const RELATIONSHIP_PROPERTIES = {
  ...dated('since'),
  ...dated('until'),
  role: 'STRING',
  ...CITATION_PROPERTIES,
  ...DISPUTE_PROPERTIES,
} as const satisfies Record<string, PropertyType>;

type Pair = readonly [from: Label, to: Label];
const from = (froms: readonly Label[], tos: readonly Label[]): Pair[] =>
  froms.flatMap((f) => tos.map((t) => [f, t] as const));

export const RELATIONSHIPS: Record<string, readonly Pair[]> = {
  ISSUED_BY: from(['Policy'], ['Agency']),
  APPLIES_TO: from(['Policy'], ['Region']),
  PROMOTES: from(['Policy'], ['Sector']),
  REGULATES: from(['Policy'], ['Sector']),
  IMPLEMENTS: from(['Policy'], ['Policy']),
  DRAFT_OF: from(['Policy'], ['Policy']),
  BASED_ON: from(['Policy'], ['Policy']),
  SUPERSEDES: from(['Policy'], ['Policy']),
  PART_OF: [['Policy', 'Policy'], ['Region', 'Region'], ['Agency', 'Agency'], ['Event', 'Event']],
  ESTABLISHES: from(['Policy'], ['Agency']),
  SUBSECTOR_OF: from(['Sector'], ['Sector']),
  OPERATES_IN: from(['Firm', 'Agency'], ['Sector']),
  HEADQUARTERED_IN: from(['Firm', 'Agency'], ['Region']),
  OCCURRED_IN: from(['Event'], ['Region']),
  ACQUIRED: from(['Firm'], ['Firm']),
  PARTNERS_WITH: from(['Firm', 'Agency'], ['Firm', 'Agency']),
  MEMBER_OF: from(['Firm', 'Agency'], ['Agency']),
  CONTRIBUTED_TO: from(['Firm', 'Agency', 'Person'], ['Policy']),
  LEADS: from(['Person'], ['Firm', 'Agency']),
  WORKS_FOR: from(['Person'], ['Firm', 'Agency']),
  AUTHORED: from(['Person'], ['Source']),
  INVOLVES: from(['Event'], ENTITY_LABELS),
  /** A source sets one against the other: a foreign policy or programme as the counterpart of a Chinese one, two countries. */
  COMPARED_WITH: [['Policy', 'Policy'], ['Region', 'Region'], ['Agency', 'Agency']],
  MEASURES: from(['Indicator'], ENTITY_LABELS),
  ABOUT_SECTOR: from(['Indicator'], ['Sector']),
  CITED_IN: from(ENTITY_LABELS, ['Source']),
};

/** Relationships the loader derives from record fields; seeds never write them by hand. */
export const DERIVED_RELATIONSHIPS = ['MEASURES', 'ABOUT_SECTOR', 'CITED_IN'] as const;

export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIPS);

export const ENUMS = {
  PolicyKind: ['LAW', 'DRAFT_LAW', 'REGULATION', 'RULES', 'PLAN', 'STRATEGY', 'GUIDELINE', 'NOTICE', 'ACTION_PLAN',
    'STANDARD', 'PROGRAMME', 'FRAMEWORK', 'DIRECTIVE', 'INITIATIVE'],
  PolicyStatus: ['IN_FORCE', 'DRAFT', 'SUPERSEDED', 'EXPIRED', 'COMPLETED', 'PROPOSED', 'UNKNOWN'],
  AgencyKind: ['LEGISLATURE', 'GOVERNMENT', 'MINISTRY', 'LEADING_GROUP', 'COMMISSION', 'COMMITTEE', 'STANDARDS_BODY',
    'EVALUATION_CENTRE', 'REGULATOR', 'POLICE', 'INSTITUTE', 'CONSORTIUM', 'ASSOCIATION', 'PARK', 'AGENCY'],
  FirmKind: ['COMPANY', 'STATE_OWNED', 'STARTUP', 'GROUP'],
  RegionKind: ['WORLD', 'SUPRANATIONAL', 'COUNTRY', 'ECONOMIC_REGION', 'PROVINCE', 'MUNICIPALITY', 'CITY', 'DISTRICT'],
  EventKind: ['ESTABLISHMENT', 'ANNOUNCEMENT', 'PUBLICATION', 'CONFERENCE', 'SPEECH', 'ATTACK', 'INCIDENT',
    'ACQUISITION', 'INVESTMENT', 'COOPERATION', 'LAUNCH', 'DECISION'],
  IndicatorKind: ['ACTUAL', 'FORECAST', 'TARGET', 'ASSESSMENT'],
  IndicatorQualifier: ['EXACT', 'AT_LEAST', 'AT_MOST', 'APPROXIMATE'],
  IndicatorPeriod: ['CALENDAR_YEAR', 'FIRST_HALF', 'SECOND_HALF', 'CUMULATIVE', 'MULTI_YEAR', 'UNDATED'],
  Rating: ['LOW', 'MEDIUM', 'HIGH'],
  Basis: BASES,
  SourceKind: ['ARTICLE', 'PAPER', 'NEWS', 'OFFICIAL'],
} as const;

/** Every property key used anywhere, for the Cypher lint gate. */
export function allPropertyKeys(): string[] {
  const keys = new Set<string>(Object.keys(RELATIONSHIP_PROPERTIES));
  for (const props of Object.values(NODE_PROPERTIES)) for (const k of Object.keys(props)) keys.add(k);
  return [...keys].sort();
}
