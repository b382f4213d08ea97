/**
 * The explorer: search, a cytoscape canvas that grows as nodes are expanded, a time slider,
 * and a side panel with four views (details as of the slider's date, figures as charts, the
 * policy drivers of a sector as a table, what changed between two years). Clicking selects;
 * expanding is explicit (button, double-click, E). Every view is a URL (./state.ts).
 */
import type { Core } from 'cytoscape';
import { colourOf } from '../../palette.js';
import { debounce, h, relationName, typeName } from '../format.js';
import { gql, GraphQLRequestError } from '../gql.js';
import { DRIVERS, ENTITY, INDICATORS, PATH, SEARCH, neighbourhoodsQuery } from '../queries.js';
import { attachTooltip, createCanvas, drawGraph, fitView, runLayout } from './canvas.js';
import { fetchChanges, renderChangesForm, renderChangesList } from './changes.js';
import { renderFigures } from './charts.js';
import { renderDetails } from './details.js';
import { renderDrivers } from './drivers.js';
import { exportView } from './export.js';
import { layoutLabels } from './labels.js';
import { CURRENT_YEAR, LAYOUTS, MIN_YEAR, ViewHistory, type Layout, type PanelName, type View } from './state.js';
import type { ChangeItem, Driver, EntityDetails, Graph, GraphEdge, GraphNode, IndicatorPoint, SearchHit } from './types.js';

const TYPES = ['POLICY', 'AGENCY', 'FIRM', 'REGION', 'SECTOR', 'EVENT', 'PERSON'];
const ALL_DATES = CURRENT_YEAR + 1;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const searchForm = $<HTMLFormElement>('search-form');
const searchInput = $<HTMLInputElement>('search-input');
const searchResults = $<HTMLUListElement>('search-results');
const status = $<HTMLDivElement>('status');
const panel = $<HTMLElement>('details');
const slider = $<HTMLInputElement>('asof');
const sliderLabel = $<HTMLOutputElement>('asof-label');
const legend = $<HTMLUListElement>('legend');
const relationFilter = $<HTMLUListElement>('relation-filter');
const undatedToggle = $<HTMLInputElement>('show-undated');
const statedOnlyBox = $<HTMLInputElement>('stated-only');
const layoutSelect = $<HTMLSelectElement>('layout');
const pathButton = $<HTMLButtonElement>('path-mode');
const undoButton = $<HTMLButtonElement>('undo');
const redoButton = $<HTMLButtonElement>('redo');
const clearButton = $<HTMLButtonElement>('clear-graph');
const fitButton = $<HTMLButtonElement>('fit-graph');
const nodeList = $<HTMLUListElement>('node-list');
const nodeCount = $<HTMLSpanElement>('node-count');
const canvasBox = $<HTMLDivElement>('canvas');
const tooltip = $<HTMLDivElement>('tooltip');
const tabs = document.querySelectorAll<HTMLButtonElement>('[data-panel]');
const sheetToggle = $<HTMLButtonElement>('sheet-toggle');

function showStatus(message: string, kind: 'info' | 'error' | 'busy' = 'info') {
  status.textContent = message;
  status.dataset.kind = kind;
}

function showError(e: unknown) {
  if ((e as Error).name === 'AbortError') return;
  showStatus(e instanceof GraphQLRequestError ? e.message : `Something went wrong: ${(e as Error).message}`, 'error');
}

const cy: Core = createCanvas(canvasBox);
(window as unknown as { cy: Core }).cy = cy;
const showTooltip = attachTooltip(cy, tooltip);
const positions = new Map<string, { x: number; y: number }>();
let picking: { first: string | null } | null = null;
let changeItems: ChangeItem[] = [];
let changesKey = '';
const pathCache = new Map<string, Graph | null>();

const asOfOf = (v: View) => (v.asOfYear === null ? null : `${v.asOfYear}-12-31`);
/** The `evidence` argument: null (every basis) or only what the source documents state. */
const evidenceOf = (v: View) => (v.statedOnly ? ['STATED'] : null);

const views = new ViewHistory((v, previous) => void refresh(v, previous));

// ---- drawing ------------------------------------------------------------------------------

let generation = 0;
let inflight: AbortController | null = null;

async function loadGraph(v: View, signal: AbortSignal): Promise<{ graph: Graph; truncated: boolean }> {
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
  const key = `${v.path.from}|${v.path.to}|${v.hideUndated}|${v.statedOnly}`;
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

async function redraw(v: View, anchor: string | null, fit: boolean) {
  const mine = ++generation;
  inflight?.abort();
  const controller = new AbortController();
  inflight = controller;
  try {
    if (v.centres.length || v.path) showStatus('Loading…', 'busy');
    const { graph, truncated } = await loadGraph(v, controller.signal);
    if (mine !== generation) return;
    const wasEmpty = cy.nodes().empty();
    drawGraph(cy, graph, anchor, v.layout, positions);
    if (wasEmpty && v.layout !== 'placed') runLayout(cy, v.layout);
    decorate(v);
    if (fit || wasEmpty) fitView(cy, wasEmpty);
    else layoutLabels(cy);
    const when = v.asOfYear === null ? '' : ` as of the end of ${v.asOfYear}`;
    const undated = cy.nodes('.undated').length;
    const cut = truncated ? ' A hub has more neighbours than one drawing holds: only the first 500 are shown.' : '';
    showStatus(cy.nodes().length
      ? `${cy.nodes(':visible').length} nodes, ${cy.edges(':visible').length} relations${when}${undated ? `; ${undated} undated (dashed, faded)` : ''}.${cut}`
      : emptyMessage(v), 'info');
  } catch (e) {
    if (mine === generation) showError(e);
  }
}

function emptyMessage(v: View): string {
  if (v.centres.length && v.asOfYear !== null) return `Nothing of this part of the graph existed yet at the end of ${v.asOfYear}.`;
  return 'Search for a policy, agency, firm, region, sector, event or person to start.';
}

/** Classes that follow the view: expanded, selected, collapsed, path, changes, filters. */
function decorate(v: View) {
  const hiddenTypes = new Set(v.hiddenTypes);
  const hiddenRelations = new Set(v.hiddenRelations);
  const began = new Set(changeItems.filter((c) => c.change === 'BEGAN').map((c) => c.entity.id));
  const ended = new Set(changeItems.filter((c) => c.change === 'ENDED').map((c) => c.entity.id));
  const showChanges = v.panel === 'changes' && !!v.changes;
  const pathG = v.path ? pathCache.get(`${v.path.from}|${v.path.to}|${v.hideUndated}|${v.statedOnly}`) : null;
  const pathIds = new Set([...(pathG?.nodes ?? []).map((n) => n.id), ...(pathG?.edges ?? []).map((e) => e.id)]);
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const id = n.id();
      n.toggleClass('expanded', v.centres.includes(id));
      n.toggleClass('collapsed', v.collapsed.includes(id));
      n.toggleClass('focus', v.focus === id);
      n.toggleClass('path', pathIds.has(id));
      n.toggleClass('began', showChanges && began.has(id));
      n.toggleClass('ended', showChanges && ended.has(id));
      n.toggleClass('filtered', hiddenTypes.has(String(n.data('type'))) && id !== v.focus);
      n.toggleClass('pick', picking?.first === id);
    });
    cy.edges().forEach((e) => {
      e.toggleClass('path', pathIds.has(e.id()));
      e.toggleClass('filtered', hiddenRelations.has(String(e.data('type'))));
      e.toggleClass('labelled', !!v.focus && (e.data('source') === v.focus || e.data('target') === v.focus));
    });
    cy.nodes(':selected').unselect();
    if (v.focus) cy.getElementById(v.focus).select();
  });
  renderNodeList();
  renderRelationFilter(v);
}

// ---- the view changes ---------------------------------------------------------------------

let lastPanelKey = '';

async function refresh(v: View, previous: View | null) {
  syncControls(v);
  const graphChanged = !previous || JSON.stringify([v.centres, v.hidden, v.collapsed, v.asOfYear, v.hideUndated, v.statedOnly, v.path]) !== JSON.stringify([previous.centres, previous.hidden, previous.collapsed, previous.asOfYear, previous.hideUndated, previous.statedOnly, previous.path]);
  if (previous && v.layout !== previous.layout) {
    runLayout(cy, v.layout === 'placed' ? 'fcose' : v.layout);
    fitView(cy, true);
  }
  if (v.changes && `${v.changes.from}-${v.changes.to}` !== changesKey) await loadChanges(v);
  if (graphChanged) {
    const added = previous ? v.centres.find((c) => !previous.centres.includes(c)) ?? null : v.focus;
    await redraw(v, added, !previous || !!added);
  } else {
    decorate(v);
    layoutLabels(cy);
  }
  const panelKey = JSON.stringify([v.focus, v.panel, v.asOfYear, v.statedOnly, v.changes, v.centres.includes(v.focus ?? ''), v.collapsed]);
  if (panelKey !== lastPanelKey) {
    lastPanelKey = panelKey;
    await renderPanel(v);
  }
}

function syncControls(v: View) {
  slider.value = String(v.asOfYear ?? ALL_DATES);
  sliderLabel.textContent = sliderText(v.asOfYear);
  slider.setAttribute('aria-valuetext', sliderText(v.asOfYear));
  undatedToggle.checked = !v.hideUndated;
  statedOnlyBox.checked = v.statedOnly;
  layoutSelect.value = v.layout;
  undoButton.disabled = !views.canUndo();
  redoButton.disabled = !views.canRedo();
  for (const box of Array.from(legend.querySelectorAll<HTMLInputElement>('input[data-type]'))) box.checked = !v.hiddenTypes.includes(box.dataset.type!);
  for (const t of Array.from(tabs)) t.setAttribute('aria-pressed', String(t.dataset.panel === v.panel));
}

// ---- actions ------------------------------------------------------------------------------

function select(id: string | null) {
  views.update((v) => {
    v.focus = id;
    if (v.panel !== 'changes' && v.panel !== 'details' && id) v.panel = 'details';
  }, { undoable: false });
}

function expand(id: string) {
  views.update((v) => {
    v.focus = id;
    if (!v.centres.includes(id)) v.centres.push(id);
    v.hidden = v.hidden.filter((x) => x !== id);
  });
}

/** Select and expand: what choosing a search result or a name in the panel does. */
function open(id: string) {
  if (picking) {
    void pick(id);
    return;
  }
  views.update((v) => {
    v.focus = id;
    if (!v.centres.includes(id)) v.centres.push(id);
    v.hidden = v.hidden.filter((x) => x !== id);
    v.panel = 'details';
  });
}

function hide(id: string) {
  views.update((v) => {
    v.hidden = [...new Set([...v.hidden, id])];
    v.centres = v.centres.filter((c) => c !== id);
    if (v.focus === id) v.focus = null;
  });
  showStatus(`“${labelOf(id)}” hidden. Undo (Ctrl+Z) brings it back.`);
}

function toggleCollapse(id: string) {
  views.update((v) => {
    v.collapsed = v.collapsed.includes(id) ? v.collapsed.filter((x) => x !== id) : [...v.collapsed, id];
  });
}

function labelOf(id: string): string {
  const el = cy.getElementById(id);
  return el.nonempty() ? String(el.data('label')) : id;
}

// ---- panels -------------------------------------------------------------------------------

let panelController: AbortController | null = null;

async function renderPanel(v: View) {
  panelController?.abort();
  const controller = new AbortController();
  panelController = controller;
  const signal = controller.signal;
  try {
    if (v.panel === 'changes') {
      renderChangesForm(panel, v.changes, changesActions);
      if (v.changes) renderChangesList(panel, v.changes, changeItems, changeItems.length < 1000, changesActions);
      return;
    }
    if (!v.focus) {
      panel.replaceChildren(h('h2', {}, 'Details'), h('p', { class: 'muted' },
        'Click a node to read about it: what it is, its state at the slider\'s date, its relations and sources. Double-click (or press E, or use the Expand button) to draw its neighbours.'));
      return;
    }
    panel.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
    const { entity } = await gql<{ entity: EntityDetails | null }>(ENTITY, { id: v.focus, evidence: evidenceOf(v) }, signal);
    if (!entity) {
      panel.replaceChildren(h('p', { class: 'muted' }, `No entity with the id “${v.focus}”.`));
      return;
    }
    if (v.panel === 'figures') {
      const args = entity.type === 'SECTOR' ? { subjectId: null, sectorId: entity.id } : { subjectId: entity.id, sectorId: null };
      const { indicators } = await gql<{ indicators: IndicatorPoint[] }>(INDICATORS, args, signal);
      renderFigures(panel, entity.name, indicators);
    } else if (v.panel === 'drivers') {
      if (entity.type !== 'SECTOR') {
        panel.replaceChildren(h('h2', {}, 'Policy drivers'), h('p', { class: 'muted' }, 'Select a sector to see which policies drive its firms.'));
        return;
      }
      const { policyDrivers } = await gql<{ policyDrivers: Driver[] }>(DRIVERS, { sectorId: entity.id }, signal);
      renderDrivers(panel, entity.name, policyDrivers, open);
    } else {
      panel.replaceChildren(...renderDetails(entity, asOfOf(v), { expanded: v.centres.includes(entity.id), collapsed: v.collapsed.includes(entity.id) }, {
        expand, hide, collapse: toggleCollapse, open,
        figures: () => views.update((x) => { x.panel = 'figures'; }, { undoable: false }),
        drivers: () => views.update((x) => { x.panel = 'drivers'; }, { undoable: false }),
      }));
    }
  } catch (e) {
    if ((e as Error).name === 'AbortError') return;
    panel.replaceChildren(h('p', { class: 'error' }, e instanceof GraphQLRequestError ? e.message : String(e)));
  }
}

async function loadChanges(v: View) {
  if (!v.changes) return;
  changesKey = `${v.changes.from}-${v.changes.to}`;
  try {
    showStatus('Reading what changed…', 'busy');
    changeItems = (await fetchChanges(v.changes.from, v.changes.to)).items;
  } catch (e) {
    changeItems = [];
    showError(e);
  }
}

const changesActions = {
  show(from: number, to: number) {
    void (async () => {
      await loadChanges({ ...views.view, changes: { from, to } });
      const ids = [...new Set(changeItems.filter((c) => c.entity.type === 'POLICY' || c.entity.type === 'AGENCY').map((c) => c.entity.id))].slice(0, 12);
      views.update((v) => {
        v.changes = { from, to };
        v.panel = 'changes';
        v.asOfYear = Math.min(to, CURRENT_YEAR);
        if (!v.centres.length) v.centres = ids;
      });
    })();
  },
  at(year: number) {
    views.update((v) => {
      v.asOfYear = Math.max(MIN_YEAR, Math.min(year, CURRENT_YEAR));
    });
  },
  open,
};

// ---- path mode ----------------------------------------------------------------------------

function setPathMode(on: boolean) {
  picking = on ? { first: null } : null;
  pathButton.setAttribute('aria-pressed', String(on));
  pathButton.textContent = on ? 'Cancel path' : 'Find a path';
  cy.nodes('.pick').removeClass('pick');
  if (on) showStatus('Path mode: click (or choose from the node list) the first node.', 'info');
}

async function pick(id: string) {
  if (!picking) return;
  if (!picking.first) {
    picking.first = id;
    cy.getElementById(id).addClass('pick');
    showStatus(`Path mode: from “${labelOf(id)}”. Now choose the second node.`, 'info');
    return;
  }
  const from = picking.first;
  if (from === id) return;
  setPathMode(false);
  views.update((v) => {
    v.path = { from, to: id };
  });
}

// ---- filters and lists --------------------------------------------------------------------

function renderLegend() {
  legend.replaceChildren(...TYPES.map((t) => {
    const box = h('input', { type: 'checkbox', checked: true, 'data-type': t });
    box.addEventListener('change', () => views.update((v) => {
      v.hiddenTypes = box.checked ? v.hiddenTypes.filter((x) => x !== t) : [...v.hiddenTypes, t];
    }));
    return h('li', {}, h('label', {}, box, h('span', { class: 'dot', style: `background:${colourOf(t)}` }), typeName(t)));
  }));
}

function renderRelationFilter(v: View) {
  const present = [...new Set([...cy.edges().map((e) => String(e.data('type'))), ...v.hiddenRelations])].sort();
  relationFilter.replaceChildren(...present.map((t) => {
    const box = h('input', { type: 'checkbox', checked: !v.hiddenRelations.includes(t), 'data-relation': t });
    box.addEventListener('change', () => views.update((x) => {
      x.hiddenRelations = box.checked ? x.hiddenRelations.filter((r) => r !== t) : [...x.hiddenRelations, t];
    }));
    return h('li', {}, h('label', {}, box, relationName(t)));
  }));
}

/** The canvas as a list, for keyboards, screen readers and anyone who prefers text. */
function renderNodeList() {
  const shown = cy.nodes(':visible');
  nodeCount.textContent = String(shown.length);
  nodeList.replaceChildren(...shown.sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label')))).map((n) => {
    const id = n.id();
    const button = h('button', { type: 'button', class: 'link', 'data-id': id, onclick: () => (picking ? void pick(id) : select(id)) },
      h('span', { class: `dot${n.hasClass('undated') ? ' undated' : ''}`, style: `background:${colourOf(String(n.data('type')))}` }),
      String(n.data('label')), n.hasClass('undated') ? h('span', { class: 'muted' }, ' (undated)') : null);
    button.addEventListener('focus', () => showTooltip(id));
    button.addEventListener('blur', () => showTooltip(null));
    button.addEventListener('keydown', (e) => {
      if (e.key === 'e' || e.key === 'E') expand(id);
      if (e.key === 'h' || e.key === 'H') hide(id);
    });
    return h('li', {}, button);
  }));
}

function sliderText(year: number | null): string {
  return year === null ? 'All dates' : `End of ${year}`;
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
    searchResults.replaceChildren(...(data.search.length
      ? data.search.map((hit) => h('li', {},
          h('button', {
            type: 'button', class: 'hit', 'data-id': hit.entity.id,
            onclick: () => {
              searchResults.hidden = true;
              open(hit.entity.id);
              // Focus follows the choice: to the details of what was chosen.
              setTimeout(() => document.getElementById('details-title')?.focus(), 400);
            },
          },
          h('span', { class: 'dot', style: `background:${colourOf(hit.entity.type)}` }),
          h('span', { class: 'hit-name' }, hit.entity.name),
          hit.entity.nameZh ? h('span', { class: 'zh', lang: 'zh' }, ` ${hit.entity.nameZh}`) : null,
          h('span', { class: 'hit-type' }, typeName(hit.entity.type)))))
      : [h('li', { class: 'muted' }, `Nothing found for “${text.trim()}”.`)]));
  } catch (e) {
    showError(e);
  }
}

// ---- wiring -------------------------------------------------------------------------------

cy.on('tap', 'node', (evt) => {
  const id = evt.target.id() as string;
  if (picking) void pick(id);
  else select(id);
});
cy.on('dbltap', 'node', (evt) => expand(evt.target.id()));
cy.on('tap', (evt) => {
  if (evt.target === cy && !picking) select(null);
});
cy.on('dragfree', 'node', (evt) => positions.set(evt.target.id(), { ...evt.target.position() }));
cy.on('zoom pan resize', debounce(() => layoutLabels(cy), 120));

canvasBox.tabIndex = 0;
document.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement;
  const typing = target.matches('input, select, textarea');
  if ((e.ctrlKey || e.metaKey) && !typing && e.key.toLowerCase() === 'z') {
    e.preventDefault();
    if (e.shiftKey) views.redo();
    else views.undo();
    return;
  }
  if ((e.ctrlKey || e.metaKey) && !typing && e.key.toLowerCase() === 'y') {
    e.preventDefault();
    views.redo();
    return;
  }
  if (target !== canvasBox) return;
  const focus = views.view.focus;
  if (!focus) return;
  if (e.key === 'e' || e.key === 'E' || e.key === 'Enter') expand(focus);
  else if (e.key === 'h' || e.key === 'H' || e.key === 'Delete') hide(focus);
  else if (e.key === 'c' || e.key === 'C') toggleCollapse(focus);
  else if (e.key === 'Escape') select(null);
});

searchForm.addEventListener('submit', (e) => {
  e.preventDefault();
  void runSearch(searchInput.value);
});
searchInput.addEventListener('input', debounce(() => void runSearch(searchInput.value), 250));
searchInput.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') searchResults.hidden = true;
});
pathButton.addEventListener('click', () => setPathMode(!picking));
undoButton.addEventListener('click', () => views.undo());
redoButton.addEventListener('click', () => views.redo());
clearButton.addEventListener('click', () => {
  positions.clear();
  cy.elements().remove();
  views.update((v) => {
    v.centres = [];
    v.hidden = [];
    v.collapsed = [];
    v.path = null;
    v.focus = null;
  });
});
fitButton.addEventListener('click', () => fitView(cy, true));
undatedToggle.addEventListener('change', () => views.update((v) => {
  v.hideUndated = !undatedToggle.checked;
}));
statedOnlyBox.addEventListener('change', () => views.update((v) => {
  v.statedOnly = statedOnlyBox.checked;
}));
layoutSelect.replaceChildren(...LAYOUTS.map((l) => h('option', { value: l }, { placed: 'Placed (stable)', fcose: 'Force-directed (fCoSE)', concentric: 'Concentric by relations' }[l])));
layoutSelect.addEventListener('change', () => views.update((v) => {
  v.layout = layoutSelect.value as Layout;
}));
for (const t of Array.from(tabs)) {
  t.addEventListener('click', () => views.update((v) => {
    v.panel = t.dataset.panel as PanelName;
  }, { undoable: false }));
}
for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('[data-export]'))) {
  b.addEventListener('click', () => exportView(cy, b.dataset.export as Parameters<typeof exportView>[1]));
}
sheetToggle.addEventListener('click', () => {
  const open = document.body.classList.toggle('sheet-open');
  sheetToggle.setAttribute('aria-expanded', String(open));
});

slider.min = String(MIN_YEAR);
slider.max = String(ALL_DATES);
slider.step = '1';
const commitSlider = debounce(() => views.update((v) => {
  const year = Number(slider.value);
  v.asOfYear = year >= ALL_DATES ? null : year;
}), 250);
slider.addEventListener('input', () => {
  const year = Number(slider.value);
  sliderLabel.textContent = sliderText(year >= ALL_DATES ? null : year);
  commitSlider();
});

renderLegend();
void refresh(views.view, null).then(() => {
  document.body.dataset.ready = 'true';
});
