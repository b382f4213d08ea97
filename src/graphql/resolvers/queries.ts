/**
 * The root fields besides `entity`: each checks its arguments and hands them to one service
 * (../services/), which runs the named queries through the request's loaders and store.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { StoreInputError } from '../../store/port.js';
import type { ApiContext } from '../context.js';
import { cypherError, UserInputError } from '../errors.js';
import { pageSize } from '../limits.js';
import { asksOnly } from '../selection.js';
import type { EntityRecord } from '../records.js';
import { JSONScalar } from '../scalars.js';
import { policyDrivers, type DriverRecord } from '../services/drivers.js';
import { MAX_GRAPH_NODES, neighborhood, shortestPath, type GraphRecord } from '../services/graph.js';
import { indicators, stats, type IndicatorRecord } from '../services/indicators.js';
import { policiesCount, policiesPage, type PolicyPage } from '../services/policies.js';
import { search, type Hit } from '../services/search.js';
import { timeline, type TimelineEntryRecord } from '../services/timeline.js';
import { changes, type ChangesPage } from '../services/changes.js';
import { ChangeConnection } from '../types/changes.js';
import { Entity, Sector } from '../types/entities.js';
import { ALL_EVIDENCE, EntityType, EvidenceBasis, IndicatorKind } from '../types/enums.js';
import {
  CypherResult, Graph, Indicator, PolicyConnection, PolicyDriver, PolicyFilter, SearchHit, Stats, TimelineEntry,
} from '../types/results.js';
import { DateScalar } from '../scalars.js';
import { evidenceOf, labelsOf } from './helpers.js';

/** The entity fields Loaders.entityName serves. */
const NAME_FIELDS: ReadonlySet<string> = new Set(['id', 'type', 'name', '__typename']);

/** Deepest `neighborhood` walk and longest `path` (the path query's bound is written as 8). */
export const MAX_NEIGHBORHOOD_DEPTH = 3;
export const MAX_PATH_DEPTH = 8;

const INCLUDE_UNDATED = 'False leaves out the policies, bodies, firms and events nothing dates, and the relationships nothing dates (no start, no dated end): see GraphNode.undated.';

function inRange(value: number, min: number, max: number, argument: string, why: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UserInputError(`${argument} must be from ${min} to ${max} (got ${value}): ${why}`, { argument, minimum: min, maximum: max });
  }
  return value;
}

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description: 'Full-text search over names, Chinese names, aliases and descriptions. Order, the same on every engine: exact id, name or alias matches first, then by score, then the entity whose name is mostly the search, then by id. Words are runs of letters (Chinese also by character pairs); digits, single letters and very common English words are not searched.',
  })
  search(
    @Ctx() ctx: ApiContext,
    @Arg('text', () => String) text: string,
    @Arg('types', () => [EntityType], { nullable: true, description: 'Only these kinds of entity.' }) types: EntityType[] | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'At most this many hits (1 to 100).' }) first: number | null,
  ): Promise<Hit[]> {
    return search(ctx, text, labelsOf(types), pageSize(first, 20, ctx.limits));
  }
}

@Resolver(() => PolicyConnection)
export class PoliciesResolver {
  @Query(() => PolicyConnection, {
    description: 'Policies in date order, a page at a time (pass pageInfo.endCursor as `after` for the next).',
    complexity: ({ args, childComplexity }) => 1 + (typeof args.first === 'number' ? args.first : 20) * childComplexity,
  })
  policies(
    @Ctx() ctx: ApiContext,
    @Arg('filter', () => PolicyFilter, { nullable: true }) filter: PolicyFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The cursor after which the page starts.' }) after: string | null,
  ): Promise<PolicyPage> {
    return policiesPage(ctx, filter, pageSize(first, 20, ctx.limits), after);
  }

  @FieldResolver(() => Int, { description: 'How many policies match the filter, on all pages.' })
  totalCount(@Root() page: PolicyPage, @Ctx() ctx: ApiContext): Promise<number> {
    return policiesCount(ctx, page.countParams);
  }
}

@Resolver()
export class TimelineResolver {
  @Query(() => [TimelineEntry], {
    description: 'Dated facts in date order: policies issued, published as drafts, taking effect or ending; bodies established; firms founded; events; relationships beginning or ending (acquisitions …).',
  })
  timeline(
    @Ctx() ctx: ApiContext,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
    @Arg('types', () => [EntityType], { nullable: true, description: 'Only facts of these kinds of entity.' }) types: EntityType[] | null,
    @Arg('regionId', () => ID, { nullable: true, description: 'Only what concerns this region or a region within it.' }) regionId: string | null,
    @Arg('sectorId', () => ID, { nullable: true, description: 'Only what concerns this sector or one of its sub-sectors.' }) sectorId: string | null,
    @Arg('agencyId', () => ID, { nullable: true, description: 'Only this body, the policies it issued and the events involving it.' }) agencyId: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100, description: 'At most this many entries (1 to 100); for more, move `from` on.' }) first: number | null,
    @Arg('evidence', () => [EvidenceBasis], { nullable: true, defaultValue: ALL_EVIDENCE, description: 'Only facts with a citation of one of these bases: a date counts when its own citations have one, a relationship when its citations do. [STATED] keeps what the source documents say.' }) evidence: EvidenceBasis[] | null,
  ): Promise<TimelineEntryRecord[]> {
    return timeline(ctx, {
      from, to, labels: labelsOf(types), regionId, sectorId, agencyId, first: pageSize(first, 100, ctx.limits), evidence: evidenceOf(evidence),
    });
  }
}

@Resolver()
export class ChangesResolver {
  @Query(() => ChangeConnection, {
    description: 'What changed between two dates (both included): policies issued, published as drafts, taking effect or ending; bodies established or dissolved; firms founded; events; relationships beginning or ending — each with its date, precision and citations, in date order, a page at a time. The graph at `from` plus what began, minus what ended, is the graph at `to`.',
    complexity: ({ args, childComplexity }) => 10 + (typeof args.first === 'number' ? args.first : 50) * childComplexity,
  })
  changes(
    @Ctx() ctx: ApiContext,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('regionId', () => ID, { nullable: true, description: 'Only what concerns this region or a region within it.' }) regionId: string | null,
    @Arg('sectorId', () => ID, { nullable: true, description: 'Only what concerns this sector or one of its sub-sectors.' }) sectorId: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: 'Page size, 1 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The cursor after which the page starts (pageInfo.endCursor).' }) after: string | null,
  ): Promise<ChangesPage> {
    return changes(ctx, { from, to, regionId, sectorId, first: pageSize(first, 50, ctx.limits), after });
  }
}

@Resolver()
export class PolicyDriversResolver {
  @Query(() => [PolicyDriver], {
    description: 'Which policies drive firms of this sector: policies promoting or regulating it (or a sub-sector), each with the firms operating in the sector it acts on (or a sub-sector of that) and the relationship path between them. Oldest policies first (ties at the cut by id), at most `first` drivers with at most `firstFirms` firms each.',
  })
  policyDrivers(
    @Ctx() ctx: ApiContext,
    @Arg('sectorId', () => ID) sectorId: string,
    @Arg('includeSubsectors', () => Boolean, { nullable: true, defaultValue: true }) includeSubsectors: boolean | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100, description: 'At most this many drivers (1 to 100).' }) first: number | null,
    @Arg('firstFirms', () => Int, { nullable: true, defaultValue: 100, description: 'At most this many firms per driver (1 to 100): the first by id, listed by name.' }) firstFirms: number | null,
    @Arg('evidence', () => [EvidenceBasis], { nullable: true, defaultValue: ALL_EVIDENCE, description: 'Walk only relationships (PROMOTES, REGULATES, SUBSECTOR_OF, OPERATES_IN) with a citation of one of these bases.' }) evidence: EvidenceBasis[] | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DriverRecord[]> {
    return policyDrivers(ctx, sectorId, {
      // Thousands of firms in a broad sector's answer: their other fields are read only when asked.
      namesOnly: asksOnly(info, ['policy', 'firms', 'sectors'], NAME_FIELDS),
      evidence: evidenceOf(evidence),
      includeSubsectors: includeSubsectors ?? true,
      first: pageSize(first, 100, ctx.limits),
      firstFirms: pageSize(firstFirms, 100, ctx.limits, 'firstFirms'),
    });
  }
}

@Resolver()
export class GraphResolver {
  @Query(() => Graph, {
    description: `The entities within \`depth\` steps of an entity and the relationships walked, for drawing (at most ${MAX_GRAPH_NODES} nodes). With \`asOf\`, as the graph stood on that day: what was not yet issued, established or begun (by its own date or its start), and what had ended, is left out; what nothing dates stays, marked \`undated\`, unless \`includeUndated\` is false.`,
    // The walk grows with the square of the depth or faster; its items with the depth.
    complexity: ({ args, childComplexity }) => {
      const depth = typeof args.depth === 'number' ? Math.min(Math.max(args.depth, 1), MAX_NEIGHBORHOOD_DEPTH) : 1;
      return 20 * depth ** 2 + childComplexity * depth;
    },
  })
  neighborhood(
    @Ctx() ctx: ApiContext,
    @Arg('id', () => ID) id: string,
    @Arg('depth', () => Int, { nullable: true, defaultValue: 1, description: `Steps from the entity, 1 to ${MAX_NEIGHBORHOOD_DEPTH}.` }) depth: number | null,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Arg('types', () => [EntityType], { nullable: true, description: 'Only entities of these kinds (the walk goes through them only).' }) types: EntityType[] | null,
    @Arg('evidence', () => [EvidenceBasis], { nullable: true, defaultValue: ALL_EVIDENCE, description: 'Walk only relationships with a citation of one of these bases.' }) evidence: EvidenceBasis[] | null,
    @Arg('includeUndated', () => Boolean, { nullable: true, defaultValue: true, description: INCLUDE_UNDATED }) includeUndated: boolean | null,
  ): Promise<GraphRecord> {
    const steps = inRange(depth ?? 1, 1, MAX_NEIGHBORHOOD_DEPTH, 'depth', 'a neighbourhood wider than that is most of the graph');
    return neighborhood(ctx, { id, depth: steps, asOf, labels: labelsOf(types), evidence: evidenceOf(evidence), includeUndated: includeUndated ?? true });
  }

  @Query(() => Graph, {
    nullable: true,
    description: 'One shortest path between two entities over their relationships (either direction); null when there is none within maxDepth steps.',
    // The search for a shortest path widens with every step it may take.
    complexity: ({ args, childComplexity }) => 10 + 10 * (typeof args.maxDepth === 'number' ? Math.min(Math.max(args.maxDepth, 1), MAX_PATH_DEPTH) : 4) + childComplexity,
  })
  path(
    @Ctx() ctx: ApiContext,
    @Arg('fromId', () => ID) fromId: string,
    @Arg('toId', () => ID) toId: string,
    @Arg('maxDepth', () => Int, { nullable: true, defaultValue: 4, description: `Longest path looked for, 1 to ${MAX_PATH_DEPTH} steps.` }) maxDepth: number | null,
    @Arg('evidence', () => [EvidenceBasis], { nullable: true, defaultValue: ALL_EVIDENCE, description: 'Only paths whose every relationship has a citation of one of these bases.' }) evidence: EvidenceBasis[] | null,
    @Arg('includeUndated', () => Boolean, { nullable: true, defaultValue: true, description: `${INCLUDE_UNDATED} The path then goes only through dated entities.` }) includeUndated: boolean | null,
  ): Promise<GraphRecord | null> {
    const steps = inRange(maxDepth ?? 4, 1, MAX_PATH_DEPTH, 'maxDepth', 'longer paths say little about how two things are linked');
    return shortestPath(ctx, fromId, toId, steps, evidenceOf(evidence), includeUndated ?? true);
  }
}

@Resolver(() => Indicator)
export class IndicatorsResolver {
  @Query(() => [Indicator], { description: 'Market figures, forecasts and targets, ordered by year.' })
  indicators(
    @Ctx() ctx: ApiContext,
    @Arg('subjectId', () => ID, { nullable: true, description: 'The entity measured, e.g. "china".' }) subjectId: string | null,
    @Arg('metric', () => String, { nullable: true, description: 'The whole metric name, any case, e.g. "market size".' }) metric: string | null,
    @Arg('sectorId', () => ID, { nullable: true, description: 'The sector the figure is about.' }) sectorId: string | null,
    @Arg('kinds', () => [IndicatorKind], { nullable: true }) kinds: IndicatorKind[] | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100, description: 'At most this many (1 to 100).' }) first: number | null,
  ): Promise<IndicatorRecord[]> {
    return indicators(ctx, { subjectId, metric, sectorId, kinds, first: pageSize(first, 100, ctx.limits) });
  }

  @FieldResolver(() => Entity, { nullable: true, description: 'The entity measured (a region, a firm …).' })
  subject(@Root() indicator: IndicatorRecord, @Ctx() ctx: ApiContext): Promise<EntityRecord | null> | null {
    return indicator.subjectId ? ctx.loaders.entity.load(indicator.subjectId) : null;
  }

  @FieldResolver(() => Sector, { nullable: true, description: 'The sector the figure is about.' })
  sector(@Root() indicator: IndicatorRecord, @Ctx() ctx: ApiContext): Promise<EntityRecord | null> | null {
    return indicator.sectorId ? ctx.loaders.entity.load(indicator.sectorId) : null;
  }
}

@Resolver()
export class StatsResolver {
  @Query(() => Stats, { description: 'Counts of nodes per label and relationships per type.' })
  stats(@Ctx() ctx: ApiContext) {
    return stats(ctx);
  }
}

@Resolver()
export class CypherResolver {
  @Query(() => CypherResult, {
    description: 'Read-only Cypher for questions the schema does not answer. Runs in a read-only transaction with a time limit and a row cap; statements that write, change the schema, reach files or other databases, or call procedures outside an allow-list are refused.',
    complexity: 100,
  })
  async cypher(
    @Ctx() ctx: ApiContext,
    @Arg('query', () => String) query: string,
    @Arg('params', () => JSONScalar, { nullable: true, description: 'Values for the $parameters of the query, as a JSON object.' }) params: unknown,
  ): Promise<CypherResult> {
    if (params !== null && params !== undefined && (typeof params !== 'object' || Array.isArray(params))) {
      throw new UserInputError('params must be a JSON object of parameter names to values', { argument: 'params' });
    }
    try {
      const result = await ctx.store.readOnlyCypher(query, (params ?? {}) as Record<string, unknown>, {
        timeoutMs: ctx.limits.cypherTimeoutMs,
        maxRows: ctx.limits.cypherMaxRows,
      });
      return { columns: result.columns, rows: result.rows, rowCount: result.rows.length, truncated: result.truncated };
    } catch (error) {
      if (error instanceof StoreInputError) throw cypherError(error);
      throw error;
    }
  }
}

export const QUERY_RESOLVERS = [
  SearchResolver, PoliciesResolver, TimelineResolver, ChangesResolver, PolicyDriversResolver, GraphResolver,
  IndicatorsResolver, StatsResolver, CypherResolver,
] as const;
