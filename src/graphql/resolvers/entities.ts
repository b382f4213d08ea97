/**
 * `entity(id)` and the fields of entities that reach into the graph around them. Each asks a
 * loader, so a list of entities costs one relations batch, not one query per entity.
 */
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { UserInputError } from '../errors.js';
import { pageSize } from '../limits.js';
import { byRelationOrder, loadEntities } from '../loaders.js';
import { byName, ENTITY_RELATIONSHIP_TYPES, type CitationRecord, type EntityRecord, type RelationRecord } from '../records.js';
import { Citation, Source } from '../types/citation.js';
import { Agency, Entity, Event, Firm, Policy, Region, Relation, Sector } from '../types/entities.js';
import { ALL_EVIDENCE, DatePrecision, Direction, EvidenceBasis } from '../types/enums.js';
import { evidenceOf, related } from './helpers.js';

@Resolver()
export class EntityQueryResolver {
  @Query(() => Entity, { nullable: true, description: 'The entity with this id; null when there is none.' })
  entity(@Arg('id', () => ID) id: string, @Ctx() ctx: ApiContext): Promise<EntityRecord | null> {
    return ctx.loaders.entity.load(id);
  }
}

@Resolver(() => Entity)
export class EntityFieldsResolver {
  @FieldResolver(() => [Relation], {
    description: 'Relationships with other entities, by type, then direction, then the other entity\'s id.',
  })
  async relations(
    @Root() entity: EntityRecord,
    @Ctx() ctx: ApiContext,
    @Arg('types', () => [String], { nullable: true, description: 'Only these relationship types, e.g. ["ISSUED_BY"].' }) types: string[] | null,
    @Arg('direction', () => Direction, { nullable: true, defaultValue: Direction.BOTH }) direction: Direction | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: 'At most this many (1 to 100).' }) first: number | null,
    @Arg('evidence', () => [EvidenceBasis], {
      nullable: true, defaultValue: ALL_EVIDENCE,
      description: 'Only relationships with a citation of one of these bases: [STATED] keeps what the source documents say.',
    }) evidence: EvidenceBasis[] | null,
  ): Promise<RelationRecord[]> {
    const size = pageSize(first, 50, ctx.limits);
    const unknown = (types ?? []).filter((t) => !ENTITY_RELATIONSHIP_TYPES.includes(t));
    if (unknown.length) {
      throw new UserInputError(`unknown relationship type ${unknown.join(', ')}: use ${ENTITY_RELATIONSHIP_TYPES.join(', ')}`, { argument: 'types' });
    }
    // Without a type filter only the first `size` (of one direction, or of both) are needed:
    // the database keeps those alone (a hub's thousands of relationships stay there). With one,
    // the first of a type can be anywhere.
    const oneWay = direction === Direction.IN || direction === Direction.OUT ? direction : undefined;
    const cut = types?.length ? undefined : { first: size, direction: oneWay };
    const relations = await ctx.loaders.relationsWith(evidenceOf(evidence)).load(entity.id, cut);
    return relations
      .filter((r) => (!types?.length || types.includes(r.type)) && (!direction || direction === Direction.BOTH || r.direction === direction))
      .sort(byRelationOrder)
      .slice(0, size);
  }
}

@Resolver(() => Relation)
export class RelationResolver {
  @FieldResolver(() => Entity, { description: 'The entity at the other end.' })
  async node(@Root() relation: RelationRecord, @Ctx() ctx: ApiContext): Promise<EntityRecord> {
    const node = await ctx.loaders.entity.load(relation.otherId);
    if (!node) throw new Error(`relationship ${relation.type} of ${relation.anchorId} ends at a missing entity ${relation.otherId}`);
    return node;
  }
}

@Resolver(() => Citation)
export class CitationResolver {
  @FieldResolver(() => String, { description: 'The title of the source.' })
  async sourceTitle(@Root() citation: CitationRecord, @Ctx() ctx: ApiContext): Promise<string> {
    return (await ctx.loaders.source.load(citation.sourceId))?.title ?? citation.sourceId;
  }

  @FieldResolver(() => Source, { nullable: true, description: 'The source itself: author, kind, date, address.' })
  source(@Root() citation: CitationRecord, @Ctx() ctx: ApiContext) {
    return ctx.loaders.source.load(citation.sourceId);
  }
}

@Resolver(() => Policy)
export class PolicyResolver {
  @FieldResolver(() => DatePrecision, { nullable: true, description: 'The precision of `issued`.' })
  precision(@Root() policy: EntityRecord) {
    return policy.issuedPrecision;
  }

  @FieldResolver(() => [Agency], { description: 'The bodies that issued it (ISSUED_BY); empty when no issuer is known (see issuerKnown, issuerUnknown).' })
  issuers(@Root() policy: EntityRecord, @Ctx() ctx: ApiContext) {
    return related(ctx, policy.id, ['ISSUED_BY'], 'OUT');
  }

  @FieldResolver(() => Boolean, { description: 'False when the graph records no issuer: the sources name none (issuerUnknown says why).' })
  async issuerKnown(@Root() policy: EntityRecord, @Ctx() ctx: ApiContext): Promise<boolean> {
    return (await ctx.loaders.relations.load(policy.id)).some((r) => r.type === 'ISSUED_BY' && r.direction === 'OUT');
  }

  @FieldResolver(() => [Region], { description: 'The regions it applies to (APPLIES_TO).' })
  jurisdictions(@Root() policy: EntityRecord, @Ctx() ctx: ApiContext) {
    return related(ctx, policy.id, ['APPLIES_TO'], 'OUT');
  }

  @FieldResolver(() => [Sector], { description: 'The sectors it promotes or regulates.' })
  sectors(@Root() policy: EntityRecord, @Ctx() ctx: ApiContext) {
    return related(ctx, policy.id, ['PROMOTES', 'REGULATES'], 'OUT');
  }
}

@Resolver(() => Agency)
export class AgencyResolver {
  @FieldResolver(() => [Policy], { description: 'The policies it issued.' })
  issued(@Root() agency: EntityRecord, @Ctx() ctx: ApiContext) {
    return related(ctx, agency.id, ['ISSUED_BY'], 'IN');
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The body it is part of.' })
  async parent(@Root() agency: EntityRecord, @Ctx() ctx: ApiContext) {
    return (await related(ctx, agency.id, ['PART_OF'], 'OUT'))[0] ?? null;
  }
}

@Resolver(() => Firm)
export class FirmResolver {
  @FieldResolver(() => [Sector], { description: 'The sectors it operates in.' })
  sectors(@Root() firm: EntityRecord, @Ctx() ctx: ApiContext) {
    return related(ctx, firm.id, ['OPERATES_IN'], 'OUT');
  }

  @FieldResolver(() => [Region], { description: 'Where it is headquartered.' })
  regions(@Root() firm: EntityRecord, @Ctx() ctx: ApiContext) {
    return related(ctx, firm.id, ['HEADQUARTERED_IN'], 'OUT');
  }

  @FieldResolver(() => [Policy], {
    description: 'Policies that promote or regulate a sector it operates in, or a broader sector containing one.',
  })
  async drivenBy(@Root() firm: EntityRecord, @Ctx() ctx: ApiContext) {
    const ids = await ctx.loaders.firmDrivers.load(firm.id);
    return (await loadEntities(ctx.loaders, ids)).sort(byName);
  }
}

@Resolver(() => Region)
export class RegionResolver {
  @FieldResolver(() => Region, { nullable: true, description: 'The region it is part of.' })
  async parent(@Root() region: EntityRecord, @Ctx() ctx: ApiContext) {
    return (await related(ctx, region.id, ['PART_OF'], 'OUT'))[0] ?? null;
  }

  @FieldResolver(() => [Region], { description: 'The regions within it.' })
  children(@Root() region: EntityRecord, @Ctx() ctx: ApiContext) {
    return related(ctx, region.id, ['PART_OF'], 'IN');
  }
}

@Resolver(() => Sector)
export class SectorResolver {
  @FieldResolver(() => Sector, { nullable: true, description: 'The broader sector (SUBSECTOR_OF).' })
  async parent(@Root() sector: EntityRecord, @Ctx() ctx: ApiContext) {
    return (await related(ctx, sector.id, ['SUBSECTOR_OF'], 'OUT'))[0] ?? null;
  }

  @FieldResolver(() => [Sector], { description: 'Its sub-sectors.' })
  children(@Root() sector: EntityRecord, @Ctx() ctx: ApiContext) {
    return related(ctx, sector.id, ['SUBSECTOR_OF'], 'IN');
  }

  @FieldResolver(() => [Firm], { description: 'Firms operating in it (this sector itself; see policyDrivers for sub-sectors).' })
  async firms(@Root() sector: EntityRecord, @Ctx() ctx: ApiContext) {
    return (await related(ctx, sector.id, ['OPERATES_IN'], 'IN')).filter((e) => e.label === 'Firm');
  }

  @FieldResolver(() => [Policy], { description: 'Policies promoting or regulating it (this sector itself).' })
  policies(@Root() sector: EntityRecord, @Ctx() ctx: ApiContext) {
    return related(ctx, sector.id, ['PROMOTES', 'REGULATES'], 'IN');
  }
}

@Resolver(() => Event)
export class EventResolver {
  @FieldResolver(() => [Entity], { description: 'The entities it involves.' })
  involves(@Root() event: EntityRecord, @Ctx() ctx: ApiContext) {
    return related(ctx, event.id, ['INVOLVES'], 'OUT');
  }

  @FieldResolver(() => [Region], { description: 'Where it happened.' })
  regions(@Root() event: EntityRecord, @Ctx() ctx: ApiContext) {
    return related(ctx, event.id, ['OCCURRED_IN'], 'OUT');
  }
}

export const ENTITY_RESOLVERS = [
  EntityQueryResolver, EntityFieldsResolver, RelationResolver, CitationResolver,
  PolicyResolver, AgencyResolver, FirmResolver, RegionResolver, SectorResolver, EventResolver,
] as const;
