/** The result types of the root fields (see ../resolvers/). */
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { EntityRecord } from '../records.js';
import { DateScalar, JSONScalar } from '../scalars.js';
import { Citation, DisputedValue } from './citation.js';
import { Entity, Firm, Policy, Sector } from './entities.js';
import { DatePrecision, EntityType, EvidenceBasis, IndicatorKind, IndicatorPeriod, IndicatorQualifier, Rating } from './enums.js';

// simpleResolvers: every field is read straight off its record (no middleware wraps them), so
// type-graphql need not wrap each in a resolver of its own: that wrapping was a sixth of the
// GraphQL layer's time on large answers (npm run bench, policyDrivers).

@ObjectType({ simpleResolvers: true, description: 'One search result.' })
export class SearchHit {
  @Field(() => Float, { description: 'The share of the search words the entity holds, each weighted by where: 3 in the name or Chinese name, 2 in an alias, 1 in the description only, over 3 × the number of words (1: every word is in the name; 0 when only the exact match found it). The same on every engine.' })
  score!: number;

  @Field(() => Boolean, { description: 'True when the text is the entity\'s id, name, Chinese name or one of its aliases: such hits come first.' })
  exact!: boolean;

  @Field(() => Entity)
  entity!: EntityRecord;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge: pass it as `after` for the next page.' })
  endCursor!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class PolicyEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Policy)
  node!: EntityRecord;
}

@ObjectType({ simpleResolvers: true, description: 'A page of policies in date order (issued, or effective when the issue date is unknown; undated last).' })
export class PolicyConnection {
  // The page size prices these lists (see the `policies` field), not the default list estimate.
  @Field(() => [PolicyEdge], { complexity: ({ childComplexity }) => 1 + childComplexity })
  edges!: PolicyEdge[];

  @Field(() => [Policy], { description: 'The policies of the edges, for clients that need no cursors.', complexity: ({ childComplexity }) => 1 + childComplexity })
  nodes!: EntityRecord[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType({ description: 'Filters of `policies`; every one left out means "any".' })
export class PolicyFilter {
  @Field(() => [String], { nullable: true, description: 'Policy kinds, e.g. ["LAW", "REGULATION"].' })
  kinds?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Policies dated on or after this day (a month or year date counts when its period reaches it).' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Policies dated on or before this day.' })
  to?: string | null;

  @Field(() => ID, { nullable: true, description: 'Issued by this agency.' })
  issuerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only policies with a recorded issuer; false: only those whose issuer the sources do not name (see Policy.issuerUnknown).' })
  issuerKnown?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Applying to this region or a region within it.' })
  jurisdictionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Promoting or regulating this sector or one of its sub-sectors.' })
  sectorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Text within the name, Chinese name, aliases or description (any case).' })
  text?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'One dated fact.' })
export class TimelineEntry {
  @Field(() => DateScalar, { description: 'The first day of the period the fact is dated to.' })
  date!: string;

  @Field(() => DatePrecision)
  precision!: DatePrecision;

  @Field(() => String, { description: 'The date as its precision writes it: "2017", "2017-06" or "2017-06-01".' })
  dateLabel!: string;

  @Field(() => String, {
    description: 'ISSUED, DRAFT_PUBLISHED, EFFECTIVE, ENDED, ESTABLISHED, FOUNDED, EVENT, or a relationship type that began (ACQUIRED …) or ended (ACQUIRED_ENDED …).',
  })
  kind!: string;

  @Field(() => String, { description: 'The fact in words, e.g. "Cybersecurity Law of the People\'s Republic of China takes effect".' })
  label!: string;

  @Field(() => Entity, { description: 'Whose fact it is (for a relationship: its start).' })
  entity!: EntityRecord;

  @Field(() => Entity, { nullable: true, description: 'For a relationship fact, the entity at its other end.' })
  other!: EntityRecord | null;

  @Field(() => EvidenceBasis, { description: 'The strongest basis among the citations that give this fact (a date\'s own citations, or the relationship\'s).' })
  basis!: EvidenceBasis;

  @Field(() => Boolean, { description: 'True when a source gives another value for this date: see the entity\'s (or relation\'s) `disputes`.' })
  disputed!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A policy that drives firms of a sector, and how they are linked.' })
export class PolicyDriver {
  @Field(() => Policy)
  policy!: EntityRecord;

  @Field(() => [Firm], { description: 'The firms it reaches along `via` (empty when the graph records no firm there).' })
  firms!: EntityRecord[];

  @Field(() => [String], {
    description: 'The relationships from the policy to the firms, e.g. ["PROMOTES", "SUBSECTOR_OF", "OPERATES_IN"]: the policy promotes a sector, the firms operate in a sub-sector of it.',
  })
  via!: string[];

  @Field(() => [Sector], { description: 'The sectors the policy promotes or regulates on this path.' })
  sectors!: EntityRecord[];
}

@ObjectType({ simpleResolvers: true, description: 'A node for a graph drawing.' })
export class GraphNode {
  @Field(() => ID)
  id!: string;

  @Field(() => EntityType)
  type!: EntityType;

  @Field(() => String, { description: 'The name to draw.' })
  label!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Issued, established, founded or happened (first day of its period).' })
  date!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  precision!: DatePrecision | null;

  @Field(() => Boolean, { description: 'True for a policy, body, firm or event that nothing in the graph dates (no issue, entry into force, establishment, founding or date): it cannot be placed in time, so a drawing "as of" a date should not show it as present. Regions, sectors and people carry no date of their own and are never undated.' })
  undated!: boolean;

  @Field(() => JSONScalar, { description: 'Other fields: nameZh, kind, status, role and every date with its precision.' })
  data!: Record<string, unknown>;
}

@ObjectType({ simpleResolvers: true, description: 'A relationship for a graph drawing, from `source` to `target`.' })
export class GraphEdge {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => String)
  type!: string;

  @Field(() => Boolean, { description: 'True when nothing dates the relationship\'s beginning though something could: it has no start of its own, neither of its ends is dated, and one of them is a policy, body, firm or event (a link between two regions or sectors is as timeless as they are).' })
  undated!: boolean;

  @Field(() => JSONScalar, { description: 'start, end (with precisions) and role, when known.' })
  data!: Record<string, unknown>;
}

@ObjectType({ simpleResolvers: true })
export class Graph {
  @Field(() => [GraphNode])
  nodes!: GraphNode[];

  @Field(() => [GraphEdge])
  edges!: GraphEdge[];

  @Field(() => Boolean, { description: 'True when the node cap was reached and more nodes were left out.' })
  truncated!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A market figure, forecast or target.' })
export class Indicator {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { description: 'What is measured, e.g. "market size".' })
  metric!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => String, { nullable: true, description: 'e.g. "CNY billion", "%".' })
  unit!: string | null;

  @Field(() => Int)
  year!: number;

  @Field(() => IndicatorKind)
  kind!: IndicatorKind;

  @Field(() => IndicatorQualifier, { description: 'EXACT, or AT_LEAST for a lower bound ("more than"), AT_MOST, APPROXIMATE ("about").' })
  qualifier!: IndicatorQualifier;

  @Field(() => IndicatorPeriod, { description: 'What `year` covers: the calendar year unless said otherwise.' })
  period!: IndicatorPeriod;

  @Field(() => Int, { nullable: true, description: 'First year of a CUMULATIVE or MULTI_YEAR period.' })
  periodFrom!: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'When a forecast or target was made (first day of its period).' })
  vintage!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  vintagePrecision!: DatePrecision | null;

  @Field(() => Rating, { nullable: true, description: 'For an ASSESSMENT: LOW, MEDIUM or HIGH (value 1, 2, 3).' })
  rating!: Rating | null;

  @Field(() => Boolean, { description: 'True when the figure is ours, worked out from what a source says (its strongest citation is INFERRED), not a figure the source gives.' })
  derived!: boolean;

  @Field(() => EvidenceBasis, { description: 'The strongest basis among its citations.' })
  basis!: EvidenceBasis;

  @Field(() => [Citation])
  citations!: Citation[];

  @Field(() => Boolean, { description: 'True when a source gives another value or year: see `disputes`.' })
  disputed!: boolean;

  @Field(() => [DisputedValue])
  disputes!: DisputedValue[];
}

@ObjectType({ simpleResolvers: true })
export class LabelCount {
  @Field(() => String)
  label!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true })
export class TypeCount {
  @Field(() => String)
  type!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Citations of one basis.' })
export class BasisCount {
  @Field(() => EvidenceBasis)
  basis!: EvidenceBasis;

  @Field(() => Int, { description: 'Citations of entities and indicators.' })
  nodeCitations!: number;

  @Field(() => Int, { description: 'Citations of relationships (those derived from a record\'s own citations not counted again).' })
  relationshipCitations!: number;
}

@ObjectType({ simpleResolvers: true, description: 'What the graph holds.' })
export class Stats {
  @Field(() => [LabelCount], { description: 'Nodes per label (entities, indicators and sources).' })
  nodes!: LabelCount[];

  @Field(() => [TypeCount], { description: 'Relationships per type.' })
  relationships!: TypeCount[];

  @Field(() => Int)
  nodeCount!: number;

  @Field(() => Int)
  relationshipCount!: number;

  @Field(() => [BasisCount], { description: 'Citations per basis, strongest first.' })
  evidence!: BasisCount[];
}

@ObjectType({ simpleResolvers: true, description: 'The answer of an ad hoc read-only Cypher statement.' })
export class CypherResult {
  @Field(() => [String])
  columns!: string[];

  @Field(() => JSONScalar, { description: 'One object per row, keyed by column.' })
  rows!: unknown[];

  @Field(() => Int)
  rowCount!: number;

  @Field(() => Boolean, { description: 'True when the statement had more rows than the cap and the rest were cut.' })
  truncated!: boolean;
}
