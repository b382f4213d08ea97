/**
 * What the explorer shows, as one plain object that round-trips through the URL: focus,
 * expanded and hidden nodes, collapsed hubs, filters, the date, the layout, a path and the open
 * panel. Every change a user makes is pushed as a history entry, so Back and Forward step
 * through views and a shared link restores one; undo and redo keep their own stacks of the
 * same snapshots (they also push, so Back after an undo goes back to before it).
 */

export type Layout = 'placed' | 'fcose' | 'concentric';
export type PanelName = 'details' | 'figures' | 'drivers' | 'changes';
export const LAYOUTS: Layout[] = ['placed', 'fcose', 'concentric'];
export const PANELS: PanelName[] = ['details', 'figures', 'drivers', 'changes'];

export const MIN_YEAR = 1990;
export const CURRENT_YEAR = new Date().getFullYear();

export interface View {
  focus: string | null;
  centres: string[];
  hidden: string[];
  collapsed: string[];
  hiddenTypes: string[];
  hiddenRelations: string[];
  asOfYear: number | null;
  hideUndated: boolean;
  /** "Stated facts only": walk and list only relationships a source document states. */
  statedOnly: boolean;
  layout: Layout;
  path: { from: string; to: string } | null;
  panel: PanelName;
  changes: { from: number; to: number } | null;
}

export function emptyView(): View {
  return {
    focus: null, centres: [], hidden: [], collapsed: [], hiddenTypes: [], hiddenRelations: [], asOfYear: null,
    hideUndated: false, statedOnly: false, layout: 'placed', path: null, panel: 'details', changes: null,
  };
}

const ID = /^[a-z0-9][a-z0-9._-]{0,199}$/i;
const ids = (v: string | null) => (v ?? '').split(',').filter((x) => ID.test(x));
const year = (v: string | null) => {
  const n = Number(v);
  return v && Number.isInteger(n) && n >= MIN_YEAR && n <= CURRENT_YEAR + 1 ? n : null;
};

/** The view a URL's query string describes; anything malformed is ignored, not trusted. */
export function viewFromSearch(search: string): View {
  const p = new URLSearchParams(search);
  const v = emptyView();
  v.focus = ids(p.get('focus') ?? p.get('id'))[0] ?? null;
  v.centres = ids(p.get('open'));
  if (v.focus && !v.centres.includes(v.focus) && !p.has('open')) v.centres.unshift(v.focus);
  v.hidden = ids(p.get('hidden'));
  v.collapsed = ids(p.get('collapsed'));
  v.hiddenTypes = ids(p.get('types')).map((t) => t.toUpperCase());
  v.hiddenRelations = ids(p.get('rels')).map((t) => t.toUpperCase());
  const asOf = year(p.get('asOf'));
  v.asOfYear = asOf !== null && asOf <= CURRENT_YEAR ? asOf : null;
  v.hideUndated = p.get('undated') === 'hide';
  v.statedOnly = p.get('evidence') === 'stated';
  const layout = p.get('layout') as Layout;
  if (LAYOUTS.includes(layout)) v.layout = layout;
  const [from, to] = ids(p.get('path'));
  if (from && to) v.path = { from, to };
  const panel = p.get('panel') as PanelName;
  if (PANELS.includes(panel)) v.panel = panel;
  const cf = year(p.get('from'));
  const ct = year(p.get('to'));
  if (cf !== null && ct !== null && cf <= ct) v.changes = { from: cf, to: ct };
  return v;
}

export function searchOfView(v: View): string {
  const p = new URLSearchParams();
  if (v.focus) p.set('focus', v.focus);
  if (v.centres.length) p.set('open', v.centres.join(','));
  if (v.hidden.length) p.set('hidden', v.hidden.join(','));
  if (v.collapsed.length) p.set('collapsed', v.collapsed.join(','));
  if (v.hiddenTypes.length) p.set('types', v.hiddenTypes.join(','));
  if (v.hiddenRelations.length) p.set('rels', v.hiddenRelations.join(','));
  if (v.asOfYear !== null) p.set('asOf', String(v.asOfYear));
  if (v.hideUndated) p.set('undated', 'hide');
  if (v.statedOnly) p.set('evidence', 'stated');
  if (v.layout !== 'placed') p.set('layout', v.layout);
  if (v.path) p.set('path', `${v.path.from},${v.path.to}`);
  if (v.panel !== 'details') p.set('panel', v.panel);
  if (v.changes) {
    p.set('from', String(v.changes.from));
    p.set('to', String(v.changes.to));
  }
  const s = p.toString().replace(/%2C/g, ',');
  return s ? `?${s}` : '';
}

const clone = (v: View): View => JSON.parse(JSON.stringify(v)) as View;

/** The current view, its URL, and undo/redo. `onChange` redraws after every move. */
export class ViewHistory {
  view: View;
  private undoStack: View[] = [];
  private redoStack: View[] = [];
  constructor(private readonly onChange: (v: View, previous: View) => void) {
    this.view = viewFromSearch(location.search);
    history.replaceState({ explorer: true }, '', `/explore${searchOfView(this.view)}`);
    window.addEventListener('popstate', () => {
      const previous = this.view;
      this.view = viewFromSearch(location.search);
      this.onChange(this.view, previous);
    });
  }

  /** A change a user made: recorded for undo and pushed as a history entry (or replaced, for a slider being dragged). */
  update(change: (v: View) => void, options: { replace?: boolean; undoable?: boolean } = {}) {
    const previous = clone(this.view);
    const next = clone(this.view);
    change(next);
    if (JSON.stringify(next) === JSON.stringify(previous)) return;
    if (options.undoable !== false) {
      this.undoStack.push(previous);
      if (this.undoStack.length > 100) this.undoStack.shift();
      this.redoStack = [];
    }
    this.view = next;
    const url = `/explore${searchOfView(next)}`;
    if (options.replace) history.replaceState({ explorer: true }, '', url);
    else history.pushState({ explorer: true }, '', url);
    this.onChange(next, previous);
  }

  canUndo() { return this.undoStack.length > 0; }
  canRedo() { return this.redoStack.length > 0; }

  undo() { this.jump(this.undoStack, this.redoStack); }
  redo() { this.jump(this.redoStack, this.undoStack); }

  private jump(from: View[], to: View[]) {
    const target = from.pop();
    if (!target) return;
    const previous = this.view;
    to.push(clone(previous));
    this.view = target;
    history.pushState({ explorer: true }, '', `/explore${searchOfView(target)}`);
    this.onChange(target, previous);
  }
}
