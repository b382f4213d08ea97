/**
 * The cytoscape canvas: its style (colour by type, size by number of relations, undated
 * things dashed and faded, hidden labels), the three layouts, the tooltip with the full name,
 * and drawing a graph without moving what is already drawn.
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { colourOf } from '../../palette.js';
import { formatDate, relationName, typeName } from '../format.js';
import { LABEL_PX, LABEL_WIDTH_PX, layoutLabels } from './labels.js';
import { placeNewNodes } from './placement.js';
import type { Layout } from './state.js';
import type { Graph, GraphEdge, GraphNode } from './types.js';

cytoscape.use(fcose);
cytoscape.use(svg);

export function createCanvas(container: HTMLElement): Core {
  const cy = cytoscape({
    container,
    minZoom: 0.1,
    maxZoom: 3,
    boxSelectionEnabled: false,
    selectionType: 'single',
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(colour)',
          label: 'data(label)',
          width: 'data(size)',
          height: 'data(size)',
          'font-size': (n: NodeSingular) => LABEL_PX / n.cy().zoom(),
          'font-family': 'system-ui, "Noto Sans", "Noto Sans CJK SC", sans-serif',
          color: '#1d1d1f',
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-wrap': 'wrap',
          'text-max-width': (n: NodeSingular) => `${LABEL_WIDTH_PX / n.cy().zoom()}px`,
          'text-outline-color': '#ffffff',
          'text-outline-width': (n: NodeSingular) => 2 / n.cy().zoom(),
          'border-width': 1,
          'border-color': '#ffffff',
        },
      },
      { selector: 'node.nolabel', style: { label: '' } },
      { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#1d1d1f' } },
      { selector: 'node.undated', style: { 'background-opacity': 0.35, 'border-style': 'dashed', 'border-width': 2, 'border-color': '#55555f', shape: 'round-rectangle' } },
      { selector: 'node.collapsed', style: { 'border-width': 4, 'border-style': 'double', 'border-color': '#1d1d1f' } },
      { selector: 'node:selected', style: { 'border-width': 5, 'border-color': '#0b57d0', 'border-style': 'solid' } },
      {
        selector: 'edge',
        style: {
          width: 1.5,
          'line-color': '#9a9aa6',
          'target-arrow-color': '#9a9aa6',
          'target-arrow-shape': 'triangle',
          'arrow-scale': 0.8,
          'curve-style': 'bezier',
          label: '',
          'font-size': 9,
          color: '#4a4a55',
          'text-rotation': 'autorotate',
          'text-outline-color': '#ffffff',
          'text-outline-width': 2,
        },
      },
      { selector: 'edge.undated', style: { 'line-style': 'dashed', opacity: 0.55 } },
      { selector: 'edge.labelled', style: { label: 'data(label)' } },
      { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#c4001f' } },
      { selector: 'edge.path', style: { width: 4, 'line-color': '#c4001f', 'target-arrow-color': '#c4001f', 'z-index': 10 } },
      { selector: 'node.pick', style: { 'border-width': 4, 'border-color': '#c4001f', 'border-style': 'dashed' } },
      { selector: 'node.began', style: { 'border-width': 6, 'border-color': '#0a7d32', 'border-style': 'solid' } },
      { selector: 'node.ended', style: { 'border-width': 6, 'border-color': '#b3261e', 'border-style': 'dotted' } },
      { selector: '.filtered', style: { display: 'none' } },
    ],
  });
  return cy;
}

export function nodeSize(degree: number): number {
  return Math.min(16 + 7 * Math.sqrt(degree), 64);
}

function nodeDefinition(n: GraphNode, position: { x: number; y: number }): ElementDefinition {
  return {
    group: 'nodes',
    data: { id: n.id, label: n.label, type: n.type, date: n.date, precision: n.precision, colour: colourOf(n.type), size: 20 },
    position: { ...position },
    classes: n.undated ? 'undated' : '',
  };
}

function edgeDefinition(e: GraphEdge): ElementDefinition {
  return {
    group: 'edges',
    data: { id: e.id, source: e.source, target: e.target, type: e.type, label: relationName(e.type), start: e.data?.start ?? null },
    classes: e.undated ? 'undated' : '',
  };
}

/**
 * Makes the canvas show exactly `graph`: removes what left, adds what is new. In the "placed"
 * layout new nodes go next to a neighbour and nothing moves; in fcose the nodes already drawn
 * are pinned and only the new ones are laid out; concentric places new nodes like "placed"
 * (a concentric re-layout is asked for explicitly). Returns the ids added.
 */
export function drawGraph(cy: Core, graph: Graph, anchor: string | null, layout: Layout, remembered: Map<string, { x: number; y: number }>): string[] {
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target));
  const edgeIds = new Set(edges.map((e) => e.id));
  const fresh = graph.nodes.filter((n) => cy.getElementById(n.id).empty());
  const old = cy.nodes().filter((n) => nodeIds.has(n.id())).nodes();
  cy.batch(() => {
    cy.edges().filter((e) => !edgeIds.has(e.id())).remove();
    cy.nodes().filter((n) => !nodeIds.has(n.id())).remove();
    const positions = placeNewNodes(cy, fresh.map((n) => n.id), edges, anchor, remembered);
    cy.add(fresh.map((n) => nodeDefinition(n, positions.get(n.id) ?? { x: 0, y: 0 })));
    for (const n of graph.nodes) {
      const el = cy.getElementById(n.id);
      el.data({ label: n.label, date: n.date, precision: n.precision });
      el.toggleClass('undated', n.undated);
    }
    cy.add(edges.filter((e) => cy.getElementById(e.id).empty()).map(edgeDefinition));
    for (const e of edges) cy.getElementById(e.id).toggleClass('undated', e.undated);
    cy.nodes().forEach((n) => {
      n.data('size', nodeSize(n.degree(false)));
    });
  });
  if (layout === 'fcose' && fresh.length && old.nonempty()) {
    const fixed = old.map((n) => ({ nodeId: n.id(), position: { ...n.position() } }));
    runLayout(cy, 'fcose', fixed);
  }
  cy.nodes().forEach((n) => {
    remembered.set(n.id(), { ...n.position() });
  });
  return fresh.map((n) => n.id);
}

/** Lays out every visible node (or, with `fixed`, only those not pinned). */
export function runLayout(cy: Core, layout: Layout, fixed: { nodeId: string; position: { x: number; y: number } }[] = []): void {
  const eles = cy.elements(':visible');
  if (eles.empty()) return;
  if (layout === 'fcose') {
    eles.layout({
      name: 'fcose', quality: 'default', randomize: false, animate: false, fit: false,
      nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 130, nodeRepulsion: () => 9000, nodeSeparation: 90,
      fixedNodeConstraint: fixed.length ? fixed : undefined,
    } as cytoscape.LayoutOptions).run();
  } else if (layout === 'concentric') {
    // Hubs in the middle by number of relations; the many leaves shared out over four outer
    // rings in id order (one ring of a hundred leaves leaves no room for their labels).
    const leaves = eles.nodes().filter((n) => n.degree(false) <= 1).map((n) => n.id()).sort();
    const ring = new Map(leaves.map((id, i) => [id, i % 4]));
    eles.layout({
      name: 'concentric', animate: false, fit: false, avoidOverlap: true, minNodeSpacing: 60, spacingFactor: 1.2,
      concentric: (n: NodeSingular) => (ring.has(n.id()) ? ring.get(n.id())! : 10 + n.degree(false)), levelWidth: () => 1,
    } as cytoscape.LayoutOptions).run();
  }
}

export function fitView(cy: Core, force = false): void {
  const visible = cy.nodes(':visible');
  if (visible.empty()) return;
  const bb = visible.boundingBox();
  const ext = cy.extent();
  if (force || bb.x1 < ext.x1 || bb.x2 > ext.x2 || bb.y1 < ext.y1 || bb.y2 > ext.y2) {
    cy.fit(visible, 40);
    if (cy.zoom() > 1.4) cy.zoom({ level: 1.4, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }
  layoutLabels(cy);
}

/** A small box with a node's full name, type and date, beside the pointer or the focused node. */
export function attachTooltip(cy: Core, box: HTMLElement): (id: string | null) => void {
  const show = (id: string | null) => {
    const n = id ? cy.getElementById(id) : null;
    if (!n || n.empty() || !n.visible()) {
      box.hidden = true;
      return;
    }
    const date = n.data('date') ? formatDate(String(n.data('date')), n.data('precision') as string | null) : n.hasClass('undated') ? 'undated' : '';
    box.textContent = `${String(n.data('label'))} — ${typeName(String(n.data('type')))}${date ? `, ${date}` : ''} · ${n.degree(false)} relations`;
    const p = n.renderedPosition();
    box.style.left = `${Math.max(4, Math.min(p.x + 14, cy.width() - 260))}px`;
    box.style.top = `${Math.max(4, p.y - 36)}px`;
    box.hidden = false;
  };
  cy.on('mouseover', 'node', (evt) => show(evt.target.id()));
  cy.on('mouseout', 'node', () => show(null));
  cy.on('viewport', () => show(null));
  return show;
}
