import { registerEnumType } from 'type-graphql';

export enum EntityType {
  POLICY = 'POLICY',
  AGENCY = 'AGENCY',
  FIRM = 'FIRM',
  REGION = 'REGION',
  SECTOR = 'SECTOR',
  EVENT = 'EVENT',
  PERSON = 'PERSON',
}
registerEnumType(EntityType, { name: 'EntityType', description: 'The kinds of entity the graph holds.' });

export enum DatePrecision {
  DAY = 'DAY',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}
registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How much of a date the sources give: the day, only the month, or only the year.',
});

export enum Direction {
  OUT = 'OUT',
  IN = 'IN',
  BOTH = 'BOTH',
}
registerEnumType(Direction, {
  name: 'Direction',
  description: 'OUT: the entity is the start of the relationship; IN: its end; BOTH: either.',
});

export enum IndicatorKind {
  ACTUAL = 'ACTUAL',
  FORECAST = 'FORECAST',
  TARGET = 'TARGET',
  ASSESSMENT = 'ASSESSMENT',
}
registerEnumType(IndicatorKind, {
  name: 'IndicatorKind',
  description: 'ACTUAL: a measured figure; FORECAST: a projection by a source; TARGET: a goal a policy sets; ASSESSMENT: a rating a source gives in a comparison (LOW 1, MEDIUM 2, HIGH 3).',
});

export enum EvidenceBasis {
  STATED = 'STATED',
  INFERRED = 'INFERRED',
  EXTERNAL = 'EXTERNAL',
}
registerEnumType(EvidenceBasis, {
  name: 'EvidenceBasis',
  description: 'How a citation supports a fact, strongest first. STATED: the cited passage of a source document says it. INFERRED: it follows from the cited passage by reasoning the note spells out. EXTERNAL: the source documents do not say it; an official origin does.',
});

/** Every basis: the default of the `evidence` arguments. */
export const ALL_EVIDENCE = [EvidenceBasis.STATED, EvidenceBasis.INFERRED, EvidenceBasis.EXTERNAL];

export enum IndicatorQualifier {
  EXACT = 'EXACT',
  AT_LEAST = 'AT_LEAST',
  AT_MOST = 'AT_MOST',
  APPROXIMATE = 'APPROXIMATE',
}
registerEnumType(IndicatorQualifier, {
  name: 'IndicatorQualifier',
  description: 'How the value is given: exactly, as a lower bound ("more than"), as an upper bound, or approximately ("about").',
});

export enum IndicatorPeriod {
  CALENDAR_YEAR = 'CALENDAR_YEAR',
  FIRST_HALF = 'FIRST_HALF',
  SECOND_HALF = 'SECOND_HALF',
  CUMULATIVE = 'CUMULATIVE',
  MULTI_YEAR = 'MULTI_YEAR',
  UNDATED = 'UNDATED',
}
registerEnumType(IndicatorPeriod, {
  name: 'IndicatorPeriod',
  description: 'What `year` covers: the calendar year, its first or second half, a total up to that year (from `periodFrom`), several years ending with it, or nothing the source gives (UNDATED: `year` is about when the source was written).',
});

export enum Rating {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
registerEnumType(Rating, { name: 'Rating', description: 'A rating in a comparison table.' });
