import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars.js';
import { DatePrecision } from './enums.js';

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

  @Field(() => String, { nullable: true, description: 'What the source says there, in our words.' })
  note!: string | null;
}
