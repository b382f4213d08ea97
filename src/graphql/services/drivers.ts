/**
 * "Which policies drive firms of this sector", in two named queries: the first `first` policies
 * acting on the sector or a sub-sector (policyDrivers: one row per policy, type and sector
 * acted on), then the firms under each of those sectors by SUBSECTOR_OF steps (sectorFirms:
 * once per sector, at most `firstFirms` per sector and step count). They are grouped here into
 * one driver per policy and path shape, and all policies, firms and sectors are loaded in one
 * batch. Asking for firms per policy in the database instead gives policies × firms rows,
 * which a large graph cannot answer (see policyDrivers.cypher).
 */
import { evidenceQueryName } from '../../store/catalogue.js';
import type { ApiContext } from '../context.js';
import { loadEntities } from '../loaders.js';
import { byCodePoint, byName, primaryDate, type EntityRecord } from '../records.js';

export interface DriverRecord {
  policy: EntityRecord;
  firms: EntityRecord[];
  via: string[];
  sectors: EntityRecord[];
}

interface Group { policyId: string; via: string[]; firmIds: Set<string>; sectorIds: Set<string> }

/** The relationship path from a policy to firms: PROMOTES, SUBSECTOR_OF × hops, OPERATES_IN. */
export function viaPath(type: string, hops: number | null): string[] {
  if (hops === null) return [type];
  return [type, ...Array<string>(hops).fill('SUBSECTOR_OF'), 'OPERATES_IN'];
}

export interface DriverOptions {
  includeSubsectors: boolean;
  /** At most this many drivers (the oldest policies' first). */
  first: number;
  /** At most this many firms per driver (the first by id), listed by name. */
  firstFirms: number;
  /** Walk only relationships with a citation of one of these bases. */
  evidence: readonly string[];
  /** The answer shows only the id, type and name of its policies, firms and sectors: read only those. */
  namesOnly?: boolean;
}

export async function policyDrivers(ctx: ApiContext, sectorId: string, options: DriverOptions): Promise<DriverRecord[]> {
  const { includeSubsectors, first, firstFirms, evidence, namesOnly = false } = options;
  // Every policy gives at least one driver, so `first` policies are enough for `first` drivers.
  const links = await ctx.store.run(evidenceQueryName('policyDrivers', evidence), { sectorId, includeSubsectors, limit: first });
  if (!links.length) return [];
  const sectorIds = [...new Set(links.map((r) => r.policySectorId as string))];
  const firmRows = await ctx.store.run(evidenceQueryName('sectorFirms', evidence), { sectorIds, includeSubsectors, perGroup: firstFirms });
  const firmsBySector = new Map<string, { hops: number; firmIds: string[] }[]>();
  for (const row of firmRows) {
    const list = firmsBySector.get(row.sectorId as string) ?? [];
    list.push({ hops: Number(row.hops), firmIds: row.firmIds as string[] });
    firmsBySector.set(row.sectorId as string, list);
  }
  const groups = new Map<string, Group>();
  const group = (policyId: string, via: string[]) => {
    const key = `${policyId}|${via.join('>')}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { policyId, via, firmIds: new Set(), sectorIds: new Set() }));
    return g;
  };
  for (const link of links) {
    const policyId = link.policyId as string;
    const type = link.type as string;
    const sector = link.policySectorId as string;
    const reached = firmsBySector.get(sector) ?? [];
    // A sector without firms under it: the policy acts on it, and reaches no firm that way.
    if (!reached.length) group(policyId, viaPath(type, null)).sectorIds.add(sector);
    for (const { hops, firmIds } of reached) {
      const g = group(policyId, viaPath(type, hops));
      for (const id of firmIds) g.firmIds.add(id);
      g.sectorIds.add(sector);
    }
  }
  // A policy linked to firms along some path needs no separate firm-less entry for the same
  // relationship type: that entry only says "it acts on a sector", which the path says too.
  const linked = new Set([...groups.values()].filter((g) => g.firmIds.size).map((g) => `${g.policyId}|${g.via[0]}`));
  const kept = [...groups.values()].filter((g) => g.firmIds.size || !linked.has(`${g.policyId}|${g.via[0]}`));
  // Several sectors on one path can each bring `firstFirms` firms: keep the first by id overall.
  for (const g of kept) if (g.firmIds.size > firstFirms) g.firmIds = new Set([...g.firmIds].sort(byCodePoint).slice(0, firstFirms));
  const ids = kept.flatMap((g) => [g.policyId, ...g.firmIds, ...g.sectorIds]);
  // Sorted by name once; each driver's lists then sort by that rank, not by collation again
  // (the same few hundred firms recur in every driver of a broad sector).
  const sorted = (await loadEntities(ctx.loaders, ids, { names: namesOnly })).sort(byName);
  const entities = new Map(sorted.map((e) => [e.id, e]));
  const rank = new Map(sorted.map((e, i) => [e.id, i]));
  const pick = (set: Iterable<string>) => [...set].filter((id) => rank.has(id)).sort((a, b) => rank.get(a)! - rank.get(b)!).map((id) => entities.get(id)!);
  const drivers = kept
    .filter((g) => entities.has(g.policyId))
    .map((g) => ({ policy: entities.get(g.policyId)!, firms: pick(g.firmIds), via: g.via, sectors: pick(g.sectorIds) }));
  // Oldest policy first (undated last), then by name; within a policy the shortest path first.
  // The date is the query's (issued, else effective): the entities may have been read without theirs.
  const sortDates = new Map(links.map((l) => [l.policyId as string, String(l.sortDate)]));
  const dateOf = (e: EntityRecord) => sortDates.get(e.id) ?? primaryDate(e)?.date ?? '9999-12-31';
  return drivers.sort((a, b) =>
    byCodePoint(dateOf(a.policy), dateOf(b.policy)) || rank.get(a.policy.id)! - rank.get(b.policy.id)! || a.via.length - b.via.length || byCodePoint(a.via.join(), b.via.join()))
    .slice(0, first);
}
