/**
 * Labels that stay legible at 150 nodes. Fonts keep their size on screen whatever the zoom
 * (the style divides by the zoom), so zooming out leaves less room, and a greedy pass shows the
 * labels that fit: the most important first (the selected node, expanded ones, then by number
 * of relations), each only where it would not overlap a label already shown. The full name of
 * any node is in its tooltip (hover) and in the node list (focus).
 */
import type { Core, NodeSingular } from 'cytoscape';

export const LABEL_PX = 13;
export const LABEL_WIDTH_PX = 170;

type Box = { x1: number; y1: number; x2: number; y2: number };
const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

export function importance(n: NodeSingular): number {
  return (n.selected() ? 1e6 : 0) + (n.hasClass('expanded') ? 1e4 : 0) + (n.hasClass('path') ? 1e4 : 0) + n.degree(false) * 10 + Number(n.data('size') ?? 0) / 100;
}

/** Approximate box of a node's label in rendered pixels (the label wraps at LABEL_WIDTH_PX). */
function labelBox(n: NodeSingular): Box {
  const text = String(n.data('label') ?? '');
  const charW = LABEL_PX * 0.56;
  const width = Math.min(text.length * charW, LABEL_WIDTH_PX);
  const lines = Math.ceil((text.length * charW) / LABEL_WIDTH_PX) || 1;
  const p = n.renderedPosition();
  const top = p.y + n.renderedHeight() / 2 + 3;
  return { x1: p.x - width / 2 - 2, x2: p.x + width / 2 + 2, y1: top, y2: top + lines * LABEL_PX * 1.25 };
}

export function layoutLabels(cy: Core): void {
  const nodes = (cy.nodes(':visible').toArray() as NodeSingular[]).sort((a, b) => importance(b) - importance(a));
  const shown: Box[] = [];
  const nodeBoxes: Box[] = nodes.map((n) => {
    const p = n.renderedPosition();
    const r = n.renderedWidth() / 2;
    return { x1: p.x - r, x2: p.x + r, y1: p.y - r, y2: p.y + r };
  });
  cy.batch(() => {
    // The style's font size reads the zoom (see canvas.ts): recomputed here, once per pass.
    cy.style().update();
    nodes.forEach((n, i) => {
      const box = labelBox(n);
      const free = !shown.some((b) => overlaps(b, box)) && !nodeBoxes.some((b, j) => j !== i && overlaps(b, box));
      const must = n.selected() || n.hasClass('focus');
      n.toggleClass('nolabel', !(free || must));
      if (free || must) shown.push(box);
    });
  });
}
