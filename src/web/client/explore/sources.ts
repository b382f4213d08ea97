/**
 * What the canvas should hold for a view: the neighbourhood of every expanded node (as of the
 * slider's date, with or without undated things, all evidence or stated only) and the path
 * asked for, less hidden nodes and the leaves of collapsed hubs.
 */
import { gql } from '../gql.js';
import { PATH, neighbourhoodsQuery } from '../queries.js';
import type { View } from './state.js';
import type { Graph, GraphEdge, GraphNode } from './types.js';

export const asOfOf = (v: View) => (v.asOfYear === null ? null : `${v.asOfYear}-12-31`);
/** The `evidence` argument: null (every basis) or only what the source documents state. */
export const evidenceOf = (v: View) => (v.statedOnly ? ['STATED'] : null);

/** Paths already found, by ends and options (a path does not change while the page is open). */
const pathCache = new Map<string, Graph | null>();
const pathKey = (v: View) => (v.path ? `${v.path.from}|${v.path.to}|${v.hideUndated}|${v.statedOnly}` : '');

/** The path of the view, if it was found already. */
export function cachedPath(v: View): Graph | null {
  return pathCache.get(pathKey(v)) ?? null;
}

export async function loadGraph(v: View, signal: AbortSignal): Promise<{ graph: Graph; truncated: boolean }> {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  let truncated = false;
  const add = (g: Graph | null | undefined) => {
    truncated ||= g?.truncated === true;
    for (const n of g?.nodes ?? []) nodes.set(n.id, n);
    for (const e of g?.edges ?? []) edges.set(e.id, e);
  };
  if (v.centres.length) {
    const variables: Record<string, unknown> = { asOf: asOfOf(v), includeUndated: !v.hideUndated, evidence: evidenceOf(v) };
    v.centres.forEach((id, i) => (variables[`id${i}`] = id));
    const data = await gql<Record<string, Graph>>(neighbourhoodsQuery(v.centres.length), variables, signal);
    for (const g of Object.values(data)) add(g);
  }
  if (v.path) add(pathAsOf(await pathGraph(v), asOfOf(v)));
  const hidden = new Set(v.hidden);
  let kept = [...nodes.values()].filter((n) => !hidden.has(n.id));
  let keptEdges = [...edges.values()];
  // Collapsed hubs: their leaves (nodes linked to collapsed hubs only) are left out.
  if (v.collapsed.length) {
    const hubs = new Set(v.collapsed);
    const protectedIds = new Set([...v.centres, ...(v.focus ? [v.focus] : [])]);
    const links = new Map<string, Set<string>>();
    for (const e of keptEdges) {
      if (!links.has(e.source)) links.set(e.source, new Set());
      if (!links.has(e.target)) links.set(e.target, new Set());
      links.get(e.source)!.add(e.target);
      links.get(e.target)!.add(e.source);
    }
    kept = kept.filter((n) => {
      const ns = [...(links.get(n.id) ?? [])];
      return protectedIds.has(n.id) || hubs.has(n.id) || !ns.length || !ns.every((x) => hubs.has(x));
    });
  }
  const ids = new Set(kept.map((n) => n.id));
  keptEdges = keptEdges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return { graph: { nodes: kept, edges: keptEdges }, truncated };
}

async function pathGraph(v: View): Promise<Graph | null> {
  if (!v.path) return null;
  const key = pathKey(v);
  if (!pathCache.has(key)) {
    const data = await gql<{ path: Graph | null }>(PATH, { from: v.path.from, to: v.path.to, includeUndated: !v.hideUndated, evidence: evidenceOf(v) });
    pathCache.set(key, data.path);
  }
  return pathCache.get(key) ?? null;
}

/** `path` takes no date: the path is cut to the slider's date by the API's own rule. */
function pathAsOf(g: Graph | null, asOf: string | null): Graph | null {
  if (!g || !asOf) return g;
  const held = (start: unknown, end: unknown) => (typeof start !== 'string' || start <= asOf) && (typeof end !== 'string' || end > asOf);
  const nodes = g.nodes.filter((n) => held(n.date, n.data?.ended));
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: g.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && held(e.data?.start, e.data?.end)) };
}

