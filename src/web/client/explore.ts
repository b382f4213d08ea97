/**
 * The explorer: search, a cytoscape.js canvas that grows as nodes are expanded, colour and
 * filter by entity type, a time slider that redraws the graph as of a date, a side panel with
 * the selected entity's details, relations and citations, and a shortest-path mode.
 *
 * What the canvas shows is the union of "sources": the neighbourhood of every expanded node
 * (re-read as of the slider's date) and any path asked for. Nodes keep their positions while
 * they stay (and get them back when they return); only new nodes are placed, next to a
 * neighbour already on the canvas.
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { colourOf } from '../palette.js';
import { gql, GraphQLRequestError } from './gql.js';
import { debounce, h, relationName, typeName } from './format.js';
import { ENTITY, PATH, SEARCH, neighbourhoodsQuery } from './queries.js';

// ---- API shapes -------------------------------------------------------------------------

interface GraphNode { id: string; type: string; label: string; date: string | null; precision: string | null; data: Record<string, unknown> | null }
interface GraphEdge { id: string; source: string; target: string; type: string; data: Record<string, unknown> | null }
interface Graph { nodes: GraphNode[]; edges: GraphEdge[]; truncated?: boolean }

interface Citation { sourceId: string; sourceTitle: string; locator: string | null; note: string | null; basis: string }
interface Relation {
  type: string;
  direction: 'OUT' | 'IN' | 'BOTH';
  role: string | null;
  startLabel: string | null;
  endLabel: string | null;
  node: { id: string; type: string; name: string };
  citations: Citation[];
}
interface EntityDetails {
  id: string;
  type: string;
  name: string;
  nameZh: string | null;
  aliases: string[];
  description: string | null;
  citations: Citation[];
  relations: Relation[];
  [field: string]: unknown;
}
interface SearchHit { score: number; entity: { id: string; type: string; name: string; nameZh: string | null } }

// ---- state --------------------------------------------------------------------------------

const TYPES = ['POLICY', 'AGENCY', 'FIRM', 'REGION', 'SECTOR', 'EVENT', 'PERSON'];
const CURRENT_YEAR = new Date().getFullYear();
const MIN_YEAR = 1990;
const ALL_DATES = CURRENT_YEAR + 1;

interface PathSource { from: string; to: string; graph: Graph | null }

const state = {
  /** Expanded nodes, in the order they were opened. */
  centres: [] as string[],
  path: null as PathSource | null,
  /** Year whose end the graph is shown as of; null: every date. */
  asOfYear: null as number | null,
  /** "Stated facts only": walk and list only relationships a source document states. */
  statedOnly: false,
  hiddenTypes: new Set<string>(),
  selected: null as string | null,
  picking: null as null | { first: string | null },
  /** Every position a node has had: a node that leaves and comes back returns to its place. */
  positions: new Map<string, { x: number; y: number }>(),
  /** Bumped by each redraw so that a slow answer cannot overwrite a newer one. */
  generation: 0,
};

const asOfDate = () => (state.asOfYear === null ? null : `${state.asOfYear}-12-31`);
/** The `evidence` argument: null (every basis) or only what the source documents state. */
const evidence = () => (state.statedOnly ? ['STATED'] : null);

// ---- page ---------------------------------------------------------------------------------

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const searchForm = $<HTMLFormElement>('search-form');
const searchInput = $<HTMLInputElement>('search-input');
const searchResults = $<HTMLUListElement>('search-results');
const status = $<HTMLDivElement>('status');
const panel = $<HTMLElement>('details');
const slider = $<HTMLInputElement>('asof');
const sliderLabel = $<HTMLOutputElement>('asof-label');
const statedOnlyBox = $<HTMLInputElement>('stated-only');
const legend = $<HTMLUListElement>('legend');
const pathButton = $<HTMLButtonElement>('path-mode');
const clearButton = $<HTMLButtonElement>('clear-graph');
const fitButton = $<HTMLButtonElement>('fit-graph');
const nodeList = $<HTMLUListElement>('node-list');
const nodeCount = $<HTMLSpanElement>('node-count');

function showStatus(message: string, kind: 'info' | 'error' | 'busy' = 'info') {
  status.textContent = message;
  status.dataset.kind = kind;
}

function showError(e: unknown) {
  if ((e as Error).name === 'AbortError') return;
  showStatus(e instanceof GraphQLRequestError ? e.message : `Something went wrong: ${(e as Error).message}`, 'error');
}

// ---- canvas -------------------------------------------------------------------------------

const cy: Core = cytoscape({
  container: $('canvas'),
  minZoom: 0.15,
  maxZoom: 3,
  boxSelectionEnabled: false,
  style: [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        label: 'data(label)',
        width: 22,
        height: 22,
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        color: '#1d1d1f',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '150px',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'min-zoomed-font-size': 6,
      },
    },
    { selector: 'node.expanded', style: { width: 30, height: 30, 'border-width': 2, 'border-color': '#ffffff' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1d1d1f' } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#b8b8c0',
        'target-arrow-color': '#b8b8c0',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 8,
        color: '#6b6b75',
        'text-rotation': 'autorotate',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#e4002b' } },
    { selector: 'edge.path', style: { width: 4, 'line-color': '#e4002b', 'target-arrow-color': '#e4002b', 'z-index': 10 } },
    { selector: 'node.pick', style: { 'border-width': 4, 'border-color': '#e4002b', 'border-style': 'dashed' } },
    { selector: '.filtered', style: { display: 'none' } },
  ],
});
// For people debugging in the console, and for the browser tests.
(window as unknown as { cy: Core }).cy = cy;

/** Room a node needs with its label under it: labels are wide and short. */
const ROOM_X = 150;
const ROOM_Y = 50;

function isFree(p: { x: number; y: number }, placed: { x: number; y: number }[]): boolean {
  return placed.every((q) => Math.abs(p.x - q.x) >= ROOM_X || Math.abs(p.y - q.y) >= ROOM_Y);
}

/**
 * Directions around an anchor, best first: away from the nodes already near it, so that a new
 * cluster grows outward instead of into its neighbours.
 */
function fanAngles(anchor: { x: number; y: number }, placed: { x: number; y: number }[], slots: number): number[] {
  const near = placed.filter((q) => (q.x !== anchor.x || q.y !== anchor.y) && Math.hypot(q.x - anchor.x, q.y - anchor.y) < 450);
  const base = near.length
    ? Math.atan2(anchor.y - near.reduce((a, q) => a + q.y, 0) / near.length, anchor.x - near.reduce((a, q) => a + q.x, 0) / near.length)
    : -Math.PI / 2;
  const angles = Array.from({ length: slots }, (_, i) => base + (2 * Math.PI * i) / slots);
  const distance = (a: number) => Math.abs(Math.atan2(Math.sin(a - base), Math.cos(a - base)));
  return angles.sort((a, b) => distance(a) - distance(b));
}

/**
 * Positions for new nodes only: each goes on a ring around a neighbour already placed
 * (widening the ring until the spot is free); a node with no placed neighbour goes to the
 * right of everything. Existing nodes are never moved.
 */
function placeNewNodes(newIds: string[], edges: GraphEdge[], preferredAnchor: string | null): Map<string, { x: number; y: number }> {
  const placedPositions = cy.nodes().map((n) => ({ ...n.position() }));
  const positions = new Map<string, { x: number; y: number }>();
  const where = (id: string) => positions.get(id) ?? (cy.getElementById(id).nonempty() ? cy.getElementById(id).position() : undefined);
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    neighbours.set(e.source, [...(neighbours.get(e.source) ?? []), e.target]);
    neighbours.set(e.target, [...(neighbours.get(e.target) ?? []), e.source]);
  }
  const pending = [...newIds];
  // Nodes that return get their old place back.
  for (const id of [...pending]) {
    const old = state.positions.get(id);
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
  // The node being opened goes first, so its neighbours gather round it.
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
      let spot: { x: number; y: number } | undefined;
      for (let ring = 0; !spot && ring < 12; ring++) {
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
      // Disconnected from everything placed: start a new cluster to the right.
      const id = pending.shift()!;
      const spot = clusterSpot();
      positions.set(id, spot);
      placedPositions.push(spot);
    }
  }
  return positions;
}

function nodeDefinition(n: GraphNode, position: { x: number; y: number }): ElementDefinition {
  return {
    group: 'nodes',
    data: { id: n.id, label: n.label, type: n.type, date: n.date, colour: colourOf(n.type) },
    position: { ...position },
  };
}

function edgeDefinition(e: GraphEdge): ElementDefinition {
  return { group: 'edges', data: { id: e.id, source: e.source, target: e.target, type: e.type, label: relationName(e.type) } };
}

/** Makes the canvas show exactly `graph`: removes what left, adds what is new, moves nothing. */
function applyGraph(graph: Graph, anchor: string | null) {
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target));
  const edgeIds = new Set(edges.map((e) => e.id));
  cy.batch(() => {
    cy.edges().filter((e) => !edgeIds.has(e.id())).remove();
    cy.nodes().filter((n) => !nodeIds.has(n.id())).remove();
    const fresh = graph.nodes.filter((n) => cy.getElementById(n.id).empty());
    const positions = placeNewNodes(fresh.map((n) => n.id), edges, anchor);
    cy.add(fresh.map((n) => nodeDefinition(n, positions.get(n.id) ?? { x: 0, y: 0 })));
    for (const n of graph.nodes) {
      const el = cy.getElementById(n.id);
      el.data('label', n.label);
      el.data('date', n.date);
    }
    cy.add(edges.filter((e) => cy.getElementById(e.id).empty()).map(edgeDefinition));
    cy.nodes().forEach((n) => {
      state.positions.set(n.id(), { ...n.position() });
      n.toggleClass('expanded', state.centres.includes(n.id()));
    });
  });
  markPath();
  applyTypeFilter();
  renderNodeList();
}

function fitIfNeeded(force = false) {
  const visible = cy.nodes(':visible');
  if (visible.empty()) return;
  const bb = visible.boundingBox();
  const ext = cy.extent();
  if (force || bb.x1 < ext.x1 || bb.x2 > ext.x2 || bb.y1 < ext.y1 || bb.y2 > ext.y2) {
    cy.fit(visible, 50);
    if (cy.zoom() > 1.4) cy.zoom({ level: 1.4, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }
}

// ---- loading ------------------------------------------------------------------------------

let inflight: AbortController | null = null;

/** Re-reads every source (as of the slider's date) and redraws. */
async function redraw(anchor: string | null = null, fit = true) {
  const generation = ++state.generation;
  inflight?.abort();
  const controller = new AbortController();
  inflight = controller;
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  let truncated = false;
  const add = (g: Graph | null | undefined) => {
    truncated ||= g?.truncated === true;
    for (const n of g?.nodes ?? []) nodes.set(n.id, n);
    for (const e of g?.edges ?? []) edges.set(e.id, e);
  };
  try {
    if (state.centres.length) {
      showStatus('Loading…', 'busy');
      const variables: Record<string, unknown> = { asOf: asOfDate(), evidence: evidence() };
      state.centres.forEach((id, i) => (variables[`id${i}`] = id));
      const data = await gql<Record<string, Graph>>(neighbourhoodsQuery(state.centres.length), variables, controller.signal);
      for (const g of Object.values(data)) add(g);
    }
    if (state.path?.graph) add(pathAsOf(state.path.graph));
    if (generation !== state.generation) return;
    applyGraph({ nodes: [...nodes.values()], edges: [...edges.values()] }, anchor);
    if (fit) fitIfNeeded();
    const when = state.asOfYear === null ? '' : ` as of the end of ${state.asOfYear}`;
    const cut = truncated ? ' A hub has more neighbours than one drawing holds: only the first 500 are shown.' : '';
    showStatus(cy.nodes().length ? `${cy.nodes().length} nodes, ${cy.edges().length} relations${when}.${cut}` : emptyMessage(), 'info');
    if (state.selected && cy.getElementById(state.selected).nonempty()) cy.getElementById(state.selected).select();
  } catch (e) {
    if (generation === state.generation) showError(e);
  }
}

function emptyMessage(): string {
  if (state.centres.length && state.asOfYear !== null) return `Nothing of this part of the graph existed yet at the end of ${state.asOfYear}.`;
  return 'Search for a policy, agency, firm, region, sector, event or person to start.';
}

/**
 * `path` takes no date, so a path is cut to the slider's date here, by the API's own rule for
 * `neighborhood(asOf:)`: a node counts once begun and until it ended, an edge likewise.
 */
function pathAsOf(g: Graph): Graph {
  const asOf = asOfDate();
  if (!asOf) return g;
  const held = (start: unknown, end: unknown) =>
    (typeof start !== 'string' || start <= asOf) && (typeof end !== 'string' || end > asOf);
  const nodes = g.nodes.filter((n) => held(n.date, n.data?.ended));
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: g.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && held(e.data?.start, e.data?.end)) };
}

async function expand(id: string) {
  if (!state.centres.includes(id)) state.centres.push(id);
  writeUrl();
  await redraw(id);
}

// ---- selection and details ----------------------------------------------------------------

let detailsController: AbortController | null = null;

async function select(id: string | null) {
  state.selected = id;
  writeUrl();
  cy.nodes(':selected').unselect();
  if (!id) {
    renderEmptyPanel();
    return;
  }
  const el = cy.getElementById(id);
  if (el.nonempty()) el.select();
  detailsController?.abort();
  const controller = new AbortController();
  detailsController = controller;
  panel.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  try {
    const data = await gql<{ entity: EntityDetails | null }>(ENTITY, { id, evidence: evidence() }, controller.signal);
    if (state.selected !== id) return;
    if (!data.entity) {
      panel.replaceChildren(h('p', { class: 'muted' }, `No entity with the id “${id}”.`));
      return;
    }
    renderDetails(data.entity);
  } catch (e) {
    if ((e as Error).name === 'AbortError') return;
    panel.replaceChildren(h('p', { class: 'error' }, e instanceof GraphQLRequestError ? e.message : String(e)));
  }
}

function renderEmptyPanel() {
  panel.replaceChildren(
    h('h2', {}, 'Details'),
    h('p', { class: 'muted' }, 'Click a node to see what it is, how it relates to the rest, and where each fact comes from. Clicking a node also expands its neighbours.'),
  );
}

function typeBadge(type: string) {
  return h('span', { class: 'badge', style: `background:${colourOf(type)}` }, typeName(type));
}

function citationList(cs: Citation[]) {
  if (!cs.length) return h('p', { class: 'muted' }, 'No citation.');
  return h(
    'ol',
    { class: 'citations' },
    ...cs.map((c) =>
      h('li', {},
        h('cite', {}, c.sourceTitle),
        c.locator ? h('span', { class: 'locator' }, ` — ${c.locator}`) : null,
        h('span', { class: `basis basis-${c.basis.toLowerCase()}`, title: BASIS_TITLES[c.basis] ?? '' }, c.basis),
        c.note ? h('div', { class: 'note' }, c.note) : null,
      ),
    ),
  );
}

/** What each basis means, as a tooltip beside the citation. */
const BASIS_TITLES: Record<string, string> = {
  STATED: 'The cited passage says it.',
  INFERRED: 'It follows from the cited passage; the note gives the reasoning.',
  EXTERNAL: 'The source documents do not say it; an official origin does.',
};

/** Dates as the API writes them at their precision ("2017", "2017-06", "2017-06-01"). */
const DATE_FIELDS: [string, string][] = [
  ['issuedLabel', 'Issued'], ['effectiveLabel', 'Effective'], ['establishedLabel', 'Established'], ['foundedLabel', 'Founded'],
  ['dateLabel', 'Date'], ['endedLabel', 'Ended'],
];

function renderDetails(e: EntityDetails) {
  const facts: [string, string][] = [];
  if (typeof e.kind === 'string') facts.push(['Kind', e.kind.toLowerCase().replace(/_/g, ' ')]);
  if (typeof e.status === 'string') facts.push(['Status', e.status.toLowerCase().replace(/_/g, ' ')]);
  if (typeof e.role === 'string') facts.push(['Role', e.role]);
  for (const [field, title] of DATE_FIELDS) {
    const v = e[field];
    if (typeof v === 'string') facts.push([title, v]);
  }
  const groups = new Map<string, Relation[]>();
  for (const r of e.relations) {
    const key = `${r.direction === 'IN' ? '←' : '→'} ${relationName(r.type)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const timelineFilter = ({ AGENCY: 'agency', REGION: 'region', SECTOR: 'sector' } as Record<string, string>)[e.type.toUpperCase()];
  panel.replaceChildren(...present([
    h('h2', {}, e.name),
    h('p', { class: 'subtitle' }, typeBadge(e.type), e.nameZh ? h('span', { lang: 'zh', class: 'zh' }, ` ${e.nameZh}`) : null),
    e.aliases.length ? h('p', { class: 'aliases' }, 'Also: ', e.aliases.join(', ')) : null,
    e.description ? h('p', { class: 'description' }, e.description) : null,
    facts.length ? h('dl', { class: 'facts' }, ...facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])) : null,
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => void expand(e.id) }, state.centres.includes(e.id) ? 'Expanded' : 'Expand neighbours'),
      timelineFilter ? h('a', { href: `/timeline?${timelineFilter}=${encodeURIComponent(e.id)}` }, 'Its timeline') : null,
    ),
    h('h3', {}, `Relations (${e.relations.length})`),
    e.relations.length
      ? h('div', { class: 'relations' }, ...[...groups.entries()].map(([title, rs]) =>
          h('section', {},
            h('h4', {}, title),
            h('ul', {}, ...rs.map((r) =>
              h('li', {},
                h('button', { type: 'button', class: 'link', 'data-id': r.node.id, onclick: () => void openEntity(r.node.id) },
                  h('span', { class: 'dot', style: `background:${colourOf(r.node.type)}` }), r.node.name),
                r.role ? h('span', { class: 'muted' }, ` (${r.role})`) : null,
                r.startLabel || r.endLabel ? h('span', { class: 'muted' }, ` ${r.startLabel ?? '…'}–${r.endLabel ?? ''}`) : null,
                r.citations.length
                  ? h('details', {}, h('summary', {}, `${r.citations.length} citation${r.citations.length > 1 ? 's' : ''}`), citationList(r.citations))
                  : null,
              ),
            )),
          ),
        ))
      : h('p', { class: 'muted' }, 'None.'),
    h('h3', {}, `Citations (${e.citations.length})`),
    citationList(e.citations),
  ]));
}

function present<T>(items: (T | null | undefined | false)[]): T[] {
  return items.filter((x): x is T => x !== null && x !== undefined && x !== false);
}

/** Select a node and expand it (what a click does outside path mode). */
async function openEntity(id: string) {
  if (state.picking) {
    await pick(id);
    return;
  }
  void select(id);
  await expand(id);
}

// ---- path mode ----------------------------------------------------------------------------

function setPathMode(on: boolean) {
  state.picking = on ? { first: null } : null;
  pathButton.setAttribute('aria-pressed', String(on));
  pathButton.textContent = on ? 'Cancel path' : 'Find a path';
  cy.nodes('.pick').removeClass('pick');
  if (on) showStatus('Path mode: click the first node.', 'info');
}

async function pick(id: string) {
  if (!state.picking) return;
  if (!state.picking.first) {
    state.picking.first = id;
    cy.getElementById(id).addClass('pick');
    showStatus(`Path mode: from “${labelOf(id)}”. Now click the second node.`, 'info');
    return;
  }
  const from = state.picking.first;
  if (from === id) return;
  setPathMode(false);
  showStatus('Looking for a path…', 'busy');
  try {
    const data = await gql<{ path: Graph | null }>(PATH, { from, to: id, evidence: evidence() });
    state.path = { from, to: id, graph: data.path };
    if (!data.path) {
      renderPath(from, id, null);
      showStatus(`No path between “${labelOf(from)}” and “${labelOf(id)}” within 6 steps.`, 'info');
      markPath();
      return;
    }
    await redraw(from);
    renderPath(from, id, data.path);
  } catch (e) {
    showError(e);
  }
}

function labelOf(id: string): string {
  const el = cy.getElementById(id);
  return el.nonempty() ? String(el.data('label')) : id;
}

function markPath() {
  cy.elements('.path').removeClass('path');
  const g = state.path?.graph;
  if (!g) return;
  for (const n of g.nodes) cy.getElementById(n.id).addClass('path');
  for (const e of g.edges) cy.getElementById(e.id).addClass('path');
}

/** The path in order, from → … → to, as text in the side panel. */
function renderPath(from: string, to: string, g: Graph | null) {
  const section = h('section', { id: 'path-result', class: 'path-result' }, h('h2', {}, 'Shortest path'));
  if (!g) {
    section.append(h('p', {}, `No path between “${labelOf(from)}” and “${labelOf(to)}” within 6 steps.`));
  } else {
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    const steps = h('ol', { class: 'path-steps' });
    let current = from;
    const used = new Set<string>();
    steps.append(pathStep(byId.get(current)));
    while (current !== to) {
      const edge = g.edges.find((e) => !used.has(e.id) && (e.source === current || e.target === current));
      if (!edge) break;
      used.add(edge.id);
      const next = edge.source === current ? edge.target : edge.source;
      steps.append(h('li', { class: 'via' }, edge.source === current ? `→ ${relationName(edge.type)} →` : `← ${relationName(edge.type)} ←`));
      steps.append(pathStep(byId.get(next)));
      current = next;
    }
    section.append(h('p', {}, `${g.edges.length} step${g.edges.length === 1 ? '' : 's'}:`), steps);
  }
  section.append(h('button', { type: 'button', onclick: () => clearPath() }, 'Clear path'));
  panel.replaceChildren(section);
}

function pathStep(n: GraphNode | undefined) {
  if (!n) return h('li', {}, '?');
  return h('li', { class: 'step' },
    h('button', { type: 'button', class: 'link', onclick: () => void select(n.id) }, h('span', { class: 'dot', style: `background:${colourOf(n.type)}` }), n.label));
}

function clearPath() {
  state.path = null;
  void redraw(null, false);
  void select(state.selected);
}

// ---- filters ------------------------------------------------------------------------------

function renderLegend() {
  legend.replaceChildren(
    ...TYPES.map((t) => {
      const box = h('input', { type: 'checkbox', checked: !state.hiddenTypes.has(t), 'data-type': t });
      box.addEventListener('change', () => {
        if (box.checked) state.hiddenTypes.delete(t);
        else state.hiddenTypes.add(t);
        applyTypeFilter();
        renderNodeList();
      });
      return h('li', {}, h('label', {}, box, h('span', { class: 'dot', style: `background:${colourOf(t)}` }), typeName(t)));
    }),
  );
}

function applyTypeFilter() {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      n.toggleClass('filtered', state.hiddenTypes.has(String(n.data('type')).toUpperCase()));
    });
  });
}

/** The canvas as a list, for keyboards, screen readers and anyone who prefers text. */
function renderNodeList() {
  const shown = cy.nodes().filter((n) => !n.hasClass('filtered'));
  nodeCount.textContent = String(shown.length);
  nodeList.replaceChildren(
    ...shown
      .sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label'))))
      .map((n: NodeSingular) =>
        h('li', {},
          h('button', { type: 'button', class: 'link', 'data-id': n.id(), onclick: () => void openEntity(n.id()) },
            h('span', { class: 'dot', style: `background:${colourOf(String(n.data('type')))}` }), String(n.data('label'))),
        ),
      ),
  );
}

// ---- time slider --------------------------------------------------------------------------

function sliderText(): string {
  return state.asOfYear === null ? 'All dates' : `End of ${state.asOfYear}`;
}

function setupSlider() {
  slider.min = String(MIN_YEAR);
  slider.max = String(ALL_DATES);
  slider.step = '1';
  slider.value = String(state.asOfYear ?? ALL_DATES);
  sliderLabel.textContent = sliderText();
  const apply = debounce(() => void redraw(null, false), 200);
  slider.addEventListener('input', () => {
    const year = Number(slider.value);
    state.asOfYear = year >= ALL_DATES ? null : year;
    slider.setAttribute('aria-valuetext', sliderText());
    sliderLabel.textContent = sliderText();
    writeUrl();
    apply();
  });
}

// ---- search -------------------------------------------------------------------------------

let searchController: AbortController | null = null;

async function runSearch(text: string) {
  searchController?.abort();
  if (text.trim().length < 2) {
    searchResults.replaceChildren();
    searchResults.hidden = true;
    return;
  }
  const controller = new AbortController();
  searchController = controller;
  try {
    const data = await gql<{ search: SearchHit[] }>(SEARCH, { text: text.trim() }, controller.signal);
    searchResults.hidden = false;
    searchResults.replaceChildren(
      ...(data.search.length
        ? data.search.map((hit) =>
            h('li', {},
              h('button', {
                type: 'button', class: 'hit', 'data-id': hit.entity.id,
                onclick: () => {
                  searchResults.hidden = true;
                  void openEntity(hit.entity.id);
                },
              },
              h('span', { class: 'dot', style: `background:${colourOf(hit.entity.type)}` }),
              h('span', { class: 'hit-name' }, hit.entity.name),
              hit.entity.nameZh ? h('span', { class: 'zh', lang: 'zh' }, ` ${hit.entity.nameZh}`) : null,
              h('span', { class: 'hit-type' }, typeName(hit.entity.type))),
            ),
          )
        : [h('li', { class: 'muted' }, `Nothing found for “${text.trim()}”.`)]),
    );
  } catch (e) {
    showError(e);
  }
}

// ---- URL ----------------------------------------------------------------------------------

function writeUrl() {
  const params = new URLSearchParams();
  if (state.selected) params.set('id', state.selected);
  const others = state.centres.filter((c) => c !== state.selected);
  if (others.length) params.set('open', others.join(','));
  if (state.asOfYear !== null) params.set('asOf', String(state.asOfYear));
  if (state.statedOnly) params.set('evidence', 'stated');
  const query = params.toString();
  history.replaceState(null, '', query ? `/explore?${query}` : '/explore');
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  const id = params.get('id');
  const open = (params.get('open') ?? '').split(',').filter(Boolean);
  const asOf = Number(params.get('asOf'));
  if (Number.isInteger(asOf) && asOf >= MIN_YEAR && asOf <= CURRENT_YEAR) state.asOfYear = asOf;
  state.statedOnly = params.get('evidence') === 'stated';
  state.centres = [...open];
  if (id && !state.centres.includes(id)) state.centres.unshift(id);
  return id;
}

// ---- wiring -------------------------------------------------------------------------------

cy.on('tap', 'node', (evt) => void openEntity(evt.target.id()));
cy.on('tap', (evt) => {
  if (evt.target === cy && !state.picking) void select(null);
});
cy.on('dragfree', 'node', (evt) => state.positions.set(evt.target.id(), { ...evt.target.position() }));

searchForm.addEventListener('submit', (e) => {
  e.preventDefault();
  void runSearch(searchInput.value);
});
searchInput.addEventListener('input', debounce(() => void runSearch(searchInput.value), 250));
searchInput.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') searchResults.hidden = true;
});
pathButton.addEventListener('click', () => setPathMode(!state.picking));
clearButton.addEventListener('click', () => {
  state.centres = [];
  state.path = null;
  state.positions.clear();
  cy.elements().remove();
  void select(null);
  renderNodeList();
  showStatus(emptyMessage());
});
fitButton.addEventListener('click', () => fitIfNeeded(true));
statedOnlyBox.addEventListener('change', () => void setStatedOnly(statedOnlyBox.checked));

/** Redraws, finds the path again and reloads the details with the new evidence. */
async function setStatedOnly(on: boolean) {
  state.statedOnly = on;
  writeUrl();
  if (state.path) {
    const { from, to } = state.path;
    try {
      state.path = { from, to, graph: (await gql<{ path: Graph | null }>(PATH, { from, to, evidence: evidence() })).path };
    } catch (e) {
      showError(e);
    }
  }
  await redraw(null, false);
  if (state.path) renderPath(state.path.from, state.path.to, state.path.graph);
  else void select(state.selected);
}

renderLegend();
const initial = readUrl();
statedOnlyBox.checked = state.statedOnly;
setupSlider();
renderEmptyPanel();
if (state.centres.length) {
  void redraw(initial).then(() => fitIfNeeded(true));
  if (initial) void select(initial);
} else {
  showStatus(emptyMessage());
}
document.body.dataset.ready = 'true';
