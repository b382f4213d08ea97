/**
 * `policies`: keyset pagination in date order. A cursor is the sort key of an edge (its date,
 * or 9999-12-31 when undated, and its id), so a page is "the policies after this key" and
 * stays correct however many pages came before; nothing is kept between requests.
 */
import { ENUMS } from '../../model.js';
import type { Params } from '../../store/port.js';
import type { ApiContext } from '../context.js';
import { UserInputError } from '../errors.js';
import { loadEntities } from '../loaders.js';
import type { EntityRecord } from '../records.js';
import { parseDay } from '../scalars.js';
import { rangeParams } from './dates.js';

export interface PolicyFilterInput {
  kinds?: string[] | null;
  from?: string | null;
  to?: string | null;
  issuerId?: string | null;
  issuerKnown?: boolean | null;
  jurisdictionId?: string | null;
  sectorId?: string | null;
  text?: string | null;
}

interface Cursor { date: string; id: string }

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.date, c.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === 'string') {
      return { date: parseDay(value[0]), id: value[1] };
    }
  } catch {
    // Falls through to the refusal below.
  }
  throw new UserInputError('`after` is not a cursor of this API: pass the endCursor (or an edge\'s cursor) of a previous page', { argument: 'after' });
}

/** The filter as named-query parameters (shared by policiesPage and policiesCount). */
export function filterParams(filter: PolicyFilterInput | null | undefined): Params {
  const f = filter ?? {};
  const known: readonly string[] = ENUMS.PolicyKind;
  const kinds = f.kinds ?? [];
  const unknown = kinds.filter((k) => !known.includes(k));
  if (unknown.length) {
    throw new UserInputError(`unknown policy kind ${unknown.join(', ')}: use ${known.join(', ')}`, { argument: 'filter.kinds' });
  }
  if (f.from && f.to && f.from > f.to) {
    throw new UserInputError(`filter.from (${f.from}) is after filter.to (${f.to})`, { argument: 'filter.from' });
  }
  const text = f.text?.trim().toLowerCase() || null;
  return {
    // An empty list never reaches Kùzu (it crashes on `IN []`): "any kind" is a flag instead.
    kinds: kinds.length ? [...new Set(kinds)] : [...known],
    anyKind: kinds.length === 0,
    ...rangeParams(f.from, f.to),
    issuerId: f.issuerId ?? null,
    issuerKnown: f.issuerKnown ?? null,
    jurisdictionId: f.jurisdictionId ?? null,
    sectorId: f.sectorId ?? null,
    text,
  };
}

export interface PolicyPage {
  edges: { cursor: string; node: EntityRecord }[];
  nodes: EntityRecord[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** For the lazily counted totalCount. */
  countParams: Params;
}

export async function policiesPage(ctx: ApiContext, filter: PolicyFilterInput | null | undefined, first: number, after: string | null | undefined): Promise<PolicyPage> {
  const params = filterParams(filter);
  const cursor = after ? decodeCursor(after) : null;
  // One row more than the page says whether there is a next page.
  const rows = await ctx.store.run('policiesPage', {
    ...params, afterDate: cursor?.date ?? null, afterId: cursor?.id ?? null, limit: first + 1,
  });
  const page = rows.slice(0, first);
  const records = new Map((await loadEntities(ctx.loaders, page.map((r) => r.id as string))).map((e) => [e.id, e]));
  const edges = page
    .filter((r) => records.has(r.id as string))
    .map((r) => ({ cursor: encodeCursor({ date: r.sortDate as string, id: r.id as string }), node: records.get(r.id as string)! }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    countParams: params,
  };
}

export async function policiesCount(ctx: ApiContext, params: Params): Promise<number> {
  const [row] = await ctx.store.run('policiesCount', params);
  return Number(row?.total ?? 0);
}
