/**
 * The explorer: search, a cytoscape canvas that grows as nodes are expanded, a time slider,
 * and a side panel with four views (details as of the slider's date, figures as charts, the
 * policy drivers of a sector as a table, what changed between two years). Clicking selects;
 * expanding is explicit (button, double-click, E). Every view is a URL (./state.ts).
 */
import type { Core } from 'cytoscape';
import { colourOf } from '../../palette.js';
import { debounce, h, relationName, typeName } from '../format.js';
import { GraphQLRequestError } from '../gql.js';
import { attachTooltip, createCanvas, drawGraph, fitView, runLayout } from './canvas.js';
import { fetchChanges } from './changes.js';
import { exportView } from './export.js';
import { layoutLabels } from './labels.js';
import { renderPanel } from './panels.js';
import { attachSearch } from './search.js';
import { cachedPath, loadGraph } from './sources.js';
import { CURRENT_YEAR, LAYOUTS, MIN_YEAR, ViewHistory, type Layout, type PanelName, type View } from './state.js';
import type { ChangeItem } from './types.js';

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


const views = new ViewHistory((v, previous) => void refresh(v, previous));

// ---- drawing ------------------------------------------------------------------------------

let generation = 0;
let inflight: AbortController | null = null;

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
  const pathG = cachedPath(v);
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
    await showPanel(v);
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

async function showPanel(v: View) {
  panelController?.abort();
  const controller = new AbortController();
  panelController = controller;
  await renderPanel(panel, v, controller.signal, {
    changeItems,
    changesActions,
    details: {
      expand, hide, collapse: toggleCollapse, open,
      figures: () => views.update((x) => { x.panel = 'figures'; }, { undoable: false }),
      drivers: () => views.update((x) => { x.panel = 'drivers'; }, { undoable: false }),
    },
  });
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

attachSearch(searchForm, searchInput, searchResults, open, showError);
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
