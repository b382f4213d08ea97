import type { EntityLabel } from '../../model.js';
import type { ApiContext } from '../context.js';
import { UserInputError } from '../errors.js';
import { ALL_EVIDENCE, type EvidenceBasis } from '../types/enums.js';
import { loadEntities } from '../loaders.js';
import { byName, labelOfType, type Direction, type EntityRecord, type EntityTypeName } from '../records.js';
import { ALL_LABELS } from '../services/search.js';

/** Entity types of an argument as labels; every label when the argument is left out. */
export function labelsOf(types: readonly string[] | null | undefined): EntityLabel[] {
  return types?.length ? [...new Set(types.map((t) => labelOfType(t as EntityTypeName)))] : [...ALL_LABELS];
}

/** The entities at the other end of an entity's relationships of these types, by name. */
export async function related(ctx: ApiContext, id: string, types: readonly string[], direction: Direction): Promise<EntityRecord[]> {
  const relations = await ctx.loaders.relations.load(id);
  const ids = relations.filter((r) => r.direction === direction && types.includes(r.type)).map((r) => r.otherId);
  return (await loadEntities(ctx.loaders, ids)).sort(byName);
}

/** The bases of an `evidence` argument: all three when left out; an empty list is refused. */
export function evidenceOf(evidence: readonly EvidenceBasis[] | null | undefined): EvidenceBasis[] {
  if (evidence === null || evidence === undefined) return [...ALL_EVIDENCE];
  if (evidence.length === 0) {
    throw new UserInputError('evidence must name at least one basis: STATED, INFERRED or EXTERNAL (leave it out for all three)', { argument: 'evidence' });
  }
  return [...new Set(evidence)];
}
