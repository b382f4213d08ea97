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
}
registerEnumType(IndicatorKind, {
  name: 'IndicatorKind',
  description: 'ACTUAL: a measured figure; FORECAST: a projection by a source; TARGET: a goal a policy sets.',
});
