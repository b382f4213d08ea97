/** The result types of `changes` (see ../services/changes.ts). */
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { CitationRecord, EntityRecord } from '../records.js';
import type { ChangeRecord } from '../services/changes.js';
import { DateScalar } from '../scalars.js';
import { Citation } from './citation.js';
import { Entity } from './entities.js';
import { DatePrecision } from './enums.js';
import { PageInfo } from './results.js';

export enum ChangeDirection {
  BEGAN = 'BEGAN',
  ENDED = 'ENDED',
}
registerEnumType(ChangeDirection, {
  name: 'ChangeDirection',
  description: 'Whether something began in the window (issued, took effect, established, founded, happened, a relationship started) or ended.',
});

@ObjectType({ simpleResolvers: true, description: 'One thing that began or ended between two dates.' })
export class Change {
  @Field(() => ChangeDirection)
  change!: ChangeDirection;

  @Field(() => String, { description: 'ISSUED, DRAFT_PUBLISHED, EFFECTIVE, ESTABLISHED, FOUNDED or STARTED (an event, a relationship) for a beginning; ENDED for an end.' })
  kind!: string;

  @Field(() => DateScalar, { description: 'The first day of the period the change is dated to.' })
  date!: string;

  @Field(() => DatePrecision)
  precision!: DatePrecision;

  @Field(() => String, { description: 'The date as its precision writes it: "2021", "2021-06" or "2021-06-10".' })
  dateLabel!: string;

  @Field(() => String, { description: 'The change in words.' })
  label!: string;

  @Field(() => Entity, { description: 'What changed (for a relationship: its start).' })
  entity!: EntityRecord;

  @Field(() => Entity, { nullable: true, description: 'For a relationship, the entity at its other end.' })
  other!: EntityRecord | null;

  @Field(() => String, { nullable: true, description: 'For a relationship, its type (ACQUIRED, MEMBER_OF …); null for an entity\'s own date.' })
  relationshipType!: string | null;

  @Field(() => [Citation], { description: 'The citations of the entity or relationship the date belongs to.' })
  citations!: CitationRecord[];
}

@ObjectType({ simpleResolvers: true })
export class ChangeEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Change)
  node!: ChangeRecord;
}

@ObjectType({ simpleResolvers: true, description: 'A page of changes in date order (pass pageInfo.endCursor as `after` for the next).' })
export class ChangeConnection {
  // The page size prices these lists (see the `changes` field), not the default list estimate.
  @Field(() => [ChangeEdge], { complexity: ({ childComplexity }) => 1 + childComplexity })
  edges!: ChangeEdge[];

  @Field(() => [Change], { complexity: ({ childComplexity }) => 1 + childComplexity })
  nodes!: ChangeRecord[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
