/**
 * The entities of the graph: an interface and one object type per label. Fields read the
 * record of the entity (records.ts) by name; fields that need the graph around the entity
 * (relations, issuers, firms …) are added by the resolvers in ../resolvers/entities.ts.
 */
import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import type { EntityLabel } from '../../model.js';
import type { EntityRecord } from '../records.js';
import { DateScalar } from '../scalars.js';
import { Citation, DisputedValue } from './citation.js';
import { DatePrecision, Direction, EntityType, EvidenceBasis } from './enums.js';

// simpleResolvers: every field is read straight off its record (no middleware wraps them), so
// type-graphql need not wrap each in a resolver of its own: that wrapping was a sixth of the
// GraphQL layer's time on large answers (npm run bench, policyDrivers).

@InterfaceType('Entity', {
  description: 'A policy, agency, firm, region, sector, event or person of the graph.',
  resolveType: (value: EntityRecord) => TYPE_NAMES[value.label],
})
export abstract class Entity {
  @Field(() => ID, { description: 'Stable identifier, e.g. "cybersecurity-law".' })
  id!: string;

  @Field(() => EntityType)
  type!: EntityType;

  @Field(() => String, { description: 'English name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Chinese name, when it has one.' })
  nameZh!: string | null;

  @Field(() => [String], { description: 'Other names and abbreviations, English and Chinese.' })
  aliases!: string[];

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [Citation], { description: 'The sources this entity is recorded from.' })
  citations!: Citation[];

  @Field(() => Boolean, { description: 'True when a source contradicts one of its dates: see `disputes`.' })
  disputed!: boolean;

  @Field(() => [DisputedValue], { description: 'Values a source gives that contradict the ones recorded here, each with its citations.' })
  disputes!: DisputedValue[];
}

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A law, regulation, plan, standard or other policy.' })
export class Policy extends Entity {
  @Field(() => String, { nullable: true, description: 'LAW, DRAFT_LAW, REGULATION, PLAN, STRATEGY, STANDARD …' })
  kind!: string | null;

  @Field(() => String, { nullable: true, description: 'IN_FORCE, DRAFT, SUPERSEDED, EXPIRED, COMPLETED, PROPOSED or UNKNOWN.' })
  status!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was issued, adopted or published (first day of its period).' })
  issued!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  issuedPrecision!: DatePrecision | null;

  @Field(() => String, { nullable: true, description: 'The issue date as its precision writes it: "2017", "2017-06" or "2017-06-01".' })
  issuedLabel!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it took effect.' })
  effective!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  effectivePrecision!: DatePrecision | null;

  @Field(() => String, { nullable: true })
  effectiveLabel!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it ended (expired, was replaced or completed).' })
  ended!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  endedPrecision!: DatePrecision | null;

  @Field(() => String, { nullable: true })
  endedLabel!: string | null;

  @Field(() => String, { nullable: true, description: 'Why no issuer is recorded, when the sources name none: with `issuerKnown: false`, the explicit answer to "who issued it".' })
  issuerUnknown!: string | null;
}

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A legislature, ministry, regulator, leading group, standards body, association …' })
export class Agency extends Entity {
  @Field(() => String, { nullable: true })
  kind!: string | null;

  @Field(() => DateScalar, { nullable: true })
  established!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  establishedPrecision!: DatePrecision | null;

  @Field(() => String, { nullable: true })
  establishedLabel!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was dissolved or merged away.' })
  ended!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  endedPrecision!: DatePrecision | null;

  @Field(() => String, { nullable: true })
  endedLabel!: string | null;
}

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A company or group.' })
export class Firm extends Entity {
  @Field(() => String, { nullable: true, description: 'COMPANY, STATE_OWNED, STARTUP or GROUP.' })
  kind!: string | null;

  @Field(() => DateScalar, { nullable: true })
  founded!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  foundedPrecision!: DatePrecision | null;

  @Field(() => String, { nullable: true })
  foundedLabel!: string | null;
}

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'The world, a country, an economic region, a province, a city …' })
export class Region extends Entity {
  @Field(() => String, { nullable: true })
  kind!: string | null;
}

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'An industry or a segment of one; sub-sectors point to their parent.' })
export class Sector extends Entity {}

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'Something that happened on a date: an establishment, a publication, an attack, a deal …' })
export class Event extends Entity {
  @Field(() => String, { nullable: true })
  kind!: string | null;

  @Field(() => DateScalar, { nullable: true })
  date!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  datePrecision!: DatePrecision | null;

  @Field(() => String, { nullable: true })
  dateLabel!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When an event that lasted ended.' })
  ended!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  endedPrecision!: DatePrecision | null;

  @Field(() => String, { nullable: true })
  endedLabel!: string | null;
}

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A person named by the sources.' })
export class Person extends Entity {
  @Field(() => String, { nullable: true })
  role!: string | null;
}

/** The GraphQL type of each label. */
export const TYPE_NAMES: Record<EntityLabel, string> = {
  Policy: 'Policy', Agency: 'Agency', Firm: 'Firm', Region: 'Region', Sector: 'Sector', Event: 'Event', Person: 'Person',
};

export const ENTITY_TYPES = [Policy, Agency, Firm, Region, Sector, Event, Person];

@ObjectType({ simpleResolvers: true, description: 'A relationship of an entity, seen from that entity.' })
export class Relation {
  @Field(() => String, { description: 'ISSUED_BY, APPLIES_TO, PROMOTES, OPERATES_IN, ACQUIRED …' })
  type!: string;

  @Field(() => Direction, { description: 'OUT when the entity asked about is the start of the relationship, IN when it is the end.' })
  direction!: Direction;

  @Field(() => DateScalar, { name: 'start', nullable: true, description: 'When the relationship began, when the sources say.' })
  since!: string | null;

  @Field(() => DatePrecision, { name: 'startPrecision', nullable: true })
  sincePrecision!: DatePrecision | null;

  @Field(() => String, { name: 'startLabel', nullable: true })
  sinceLabel!: string | null;

  @Field(() => DateScalar, { name: 'end', nullable: true, description: 'When it ended.' })
  until!: string | null;

  @Field(() => DatePrecision, { name: 'endPrecision', nullable: true })
  untilPrecision!: DatePrecision | null;

  @Field(() => String, { name: 'endLabel', nullable: true })
  untilLabel!: string | null;

  @Field(() => String, { nullable: true, description: 'The part played, e.g. "acquirer" or "drafting body".' })
  role!: string | null;

  @Field(() => [Citation])
  citations!: Citation[];

  @Field(() => EvidenceBasis, { description: 'The strongest basis among its citations (STATED > INFERRED > EXTERNAL).' })
  basis!: EvidenceBasis;

  @Field(() => Boolean, { description: 'True when a source contradicts its start or end: see `disputes`.' })
  disputed!: boolean;

  @Field(() => [DisputedValue])
  disputes!: DisputedValue[];
}
