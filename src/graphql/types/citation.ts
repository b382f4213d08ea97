import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars.js';
import { DatePrecision, EvidenceBasis } from './enums.js';

// simpleResolvers: every field is read straight off its record (no middleware wraps them), so
// type-graphql need not wrap each in a resolver of its own: that wrapping was a sixth of the
// GraphQL layer's time on large answers (npm run bench, policyDrivers).

@ObjectType({ simpleResolvers: true, description: 'A text a statement of the graph comes from.' })
export class Source {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  author!: string | null;

  @Field(() => String, { nullable: true, description: 'ARTICLE, PAPER, NEWS or OFFICIAL.' })
  kind!: string | null;

  @Field(() => DateScalar, { nullable: true })
  written!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  writtenPrecision!: DatePrecision | null;

  @Field(() => String, { nullable: true, description: 'The file of the source text in the project, when it has one.' })
  file!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Where a statement comes from: a source, and the place in it.' })
export class Citation {
  @Field(() => ID)
  sourceId!: string;

  @Field(() => String, { nullable: true, description: 'The section, page or table of the source.' })
  locator!: string | null;

  @Field(() => String, { nullable: true, description: 'What the source says there, in our words (for an INFERRED citation, the reasoning).' })
  note!: string | null;

  @Field(() => EvidenceBasis, { description: 'How the cited passage supports the fact: STATED, INFERRED or EXTERNAL.' })
  basis!: EvidenceBasis;
}

@ObjectType({ simpleResolvers: true, description: 'A value a source gives that contradicts the one the graph holds: both are kept, each with its citations.' })
export class DisputedValue {
  @Field(() => String, { description: 'The field disputed: a date field (issued, effective, established …, start or end of a relation) or an indicator\'s value or year.' })
  field!: string;

  @Field(() => String, { description: 'The other value: a date as its precision writes it ("2017"), or a number.' })
  value!: string;

  @Field(() => DatePrecision, { nullable: true, description: 'For a date, its precision.' })
  precision!: DatePrecision | null;

  @Field(() => [Citation])
  citations!: Citation[];
}
