/**
 * Where new nodes go in the "placed" layout (and whenever nodes are added to any layout):
 * each on a ring around a neighbour already on the canvas, in the first free spot facing away
 * from the nodes near it. Nodes already drawn never move; a node that comes back gets its old
 * place.
 */
import type { Core } from 'cytoscape';
import type { GraphEdge } from './types.js';

type Point = { x: number; y: number };

/** Room a node needs with its label under it: labels are wide and short. */
const ROOM_X = 150;
const ROOM_Y = 60;

function isFree(p: Point, placed: Point[]): boolean {
  return placed.every((q) => Math.abs(p.x - q.x) >= ROOM_X || Math.abs(p.y - q.y) >= ROOM_Y);
}

/** Directions around an anchor, best first: away from the nodes already near it. */
function fanAngles(anchor: Point, placed: Point[], slots: number): number[] {
  const near = placed.filter((q) => (q.x !== anchor.x || q.y !== anchor.y) && Math.hypot(q.x - anchor.x, q.y - anchor.y) < 450);
  const base = near.length
    ? Math.atan2(anchor.y - near.reduce((a, q) => a + q.y, 0) / near.length, anchor.x - near.reduce((a, q) => a + q.x, 0) / near.length)
    : -Math.PI / 2;
  const angles = Array.from({ length: slots }, (_, i) => base + (2 * Math.PI * i) / slots);
  const distance = (a: number) => Math.abs(Math.atan2(Math.sin(a - base), Math.cos(a - base)));
  return angles.sort((a, b) => distance(a) - distance(b));
}

export function placeNewNodes(
  cy: Core, newIds: string[], edges: GraphEdge[], preferredAnchor: string | null, remembered: Map<string, Point>,
): Map<string, Point> {
  const placedPositions = cy.nodes().map((n) => ({ ...n.position() }));
  const positions = new Map<string, Point>();
  const where = (id: string) => positions.get(id) ?? (cy.getElementById(id).nonempty() ? cy.getElementById(id).position() : undefined);
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    neighbours.set(e.source, [...(neighbours.get(e.source) ?? []), e.target]);
    neighbours.set(e.target, [...(neighbours.get(e.target) ?? []), e.source]);
  }
  const pending = [...newIds];
  for (const id of [...pending]) {
    const old = remembered.get(id);
    if (old) {
      positions.set(id, old);
      placedPositions.push(old);
      pending.splice(pending.indexOf(id), 1);
    }
  }
  const clusterSpot = () => {
    const xs = placedPositions.map((p) => p.x);
    return { x: xs.length ? Math.max(...xs) + 220 : 0, y: 0 };
  };
  if (preferredAnchor && pending.includes(preferredAnchor)) {
    const spot = clusterSpot();
    positions.set(preferredAnchor, spot);
    placedPositions.push(spot);
    pending.splice(pending.indexOf(preferredAnchor), 1);
  }
  let guard = pending.length * 2 + 5;
  while (pending.length && guard-- > 0) {
    for (const id of [...pending]) {
      const ns = neighbours.get(id) ?? [];
      const anchorId = (preferredAnchor && ns.includes(preferredAnchor) && where(preferredAnchor) ? preferredAnchor : undefined) ?? ns.find((n) => where(n));
      if (!anchorId) continue;
      const anchor = where(anchorId)!;
      let spot: Point | undefined;
      for (let ring = 0; !spot && ring < 14; ring++) {
        const radius = 150 + ring * 80;
        const slots = Math.max(10, Math.floor((2 * Math.PI * radius) / 60));
        for (const angle of fanAngles(anchor, placedPositions, slots)) {
          const p = { x: anchor.x + radius * Math.cos(angle), y: anchor.y + radius * Math.sin(angle) };
          if (isFree(p, placedPositions)) {
            spot = p;
            break;
          }
        }
      }
      spot ??= { x: anchor.x + 2000, y: anchor.y };
      positions.set(id, spot);
      placedPositions.push(spot);
      pending.splice(pending.indexOf(id), 1);
    }
    if (pending.length && !pending.some((id) => (neighbours.get(id) ?? []).some((n) => where(n)))) {
      const id = pending.shift()!;
      const spot = clusterSpot();
      positions.set(id, spot);
      placedPositions.push(spot);
    }
  }
  return positions;
}
