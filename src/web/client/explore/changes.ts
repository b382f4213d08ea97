/**
 * "What changed between two years": the `changes` field read page by page, listed as what
 * began and what ended, each with its date at its precision and its citations. The canvas
 * draws the entities that changed (the graph at `to`, or at `from` with one click) with
 * beginnings ringed green and ends dotted red.
 */
import { gql } from '../gql.js';
import { h } from '../format.js';
import { CHANGES } from '../queries.js';
import type { ChangeItem } from './types.js';

/** At most this many pages of 100 (the window should be narrowed past that). */
const MAX_PAGES = 10;

export async function fetchChanges(from: number, to: number, signal?: AbortSignal): Promise<{ items: ChangeItem[]; complete: boolean }> {
  const items: ChangeItem[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data: { changes: { nodes: ChangeItem[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
      await gql(CHANGES, { from: `${from}-01-01`, to: `${to}-12-31`, after }, signal);
    items.push(...data.changes.nodes);
    if (!data.changes.pageInfo.hasNextPage) return { items, complete: true };
    after = data.changes.pageInfo.endCursor;
  }
  return { items, complete: false };
}

export interface ChangesActions {
  show(from: number, to: number): void;
  at(year: number): void;
  open(id: string): void;
}

export function renderChangesForm(target: HTMLElement, range: { from: number; to: number } | null, actions: ChangesActions): void {
  const from = h('input', { id: 'changes-from', type: 'number', min: '1990', max: '2100', value: String(range?.from ?? 2020), inputmode: 'numeric' });
  const to = h('input', { id: 'changes-to', type: 'number', min: '1990', max: '2100', value: String(range?.to ?? 2021), inputmode: 'numeric' });
  const form = h('form', { class: 'changes-form', id: 'changes-form' },
    h('label', {}, 'From ', from), h('label', {}, 'to ', to), h('button', { type: 'submit' }, 'Show what changed'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = Number(from.value);
    const t = Number(to.value);
    if (Number.isInteger(f) && Number.isInteger(t) && f <= t) actions.show(f, t);
    else from.setCustomValidity('From must be a year no later than To.');
    from.reportValidity();
  });
  from.addEventListener('input', () => from.setCustomValidity(''));
  target.replaceChildren(h('h2', {}, 'What changed'), h('p', { class: 'muted' }, 'Everything the graph dates that began or ended between two years, with its sources.'), form, h('div', { id: 'changes-list' }));
}

export function renderChangesList(target: HTMLElement, range: { from: number; to: number }, items: ChangeItem[], complete: boolean, actions: ChangesActions): void {
  const list = target.querySelector('#changes-list') as HTMLElement;
  const began = items.filter((c) => c.change === 'BEGAN');
  const ended = items.filter((c) => c.change === 'ENDED');
  const entry = (c: ChangeItem) => h('li', { class: `change ${c.change.toLowerCase()}` },
    h('span', { class: 'when' }, c.dateLabel), ' ',
    h('button', { type: 'button', class: 'link', onclick: () => actions.open(c.entity.id) }, c.label),
    h('span', { class: 'muted' }, ` (${c.kind.toLowerCase().replace(/_/g, ' ')}${c.precision !== 'DAY' ? `, known to the ${c.precision.toLowerCase()}` : ''})`),
    c.citations.length ? h('details', {}, h('summary', {}, `${c.citations.length} citation${c.citations.length > 1 ? 's' : ''}`),
      h('ol', { class: 'citations' }, ...c.citations.map((x) => h('li', {}, h('cite', {}, x.sourceTitle), x.locator ? ` — ${x.locator}` : '', x.note ? h('div', { class: 'note' }, x.note) : null)))) : null,
  );
  list.replaceChildren(
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'changes-at-from', onclick: () => actions.at(range.from - 1) }, `Graph at the start of ${range.from}`),
      h('button', { type: 'button', id: 'changes-at-to', onclick: () => actions.at(range.to) }, `Graph at the end of ${range.to}`)),
    h('p', { role: 'status' }, `${began.length} began and ${ended.length} ended in ${range.from === range.to ? range.from : `${range.from}–${range.to}`}${complete ? '' : ' (the first 1,000 only: narrow the years for the rest)'}. On the canvas, beginnings are ringed green and ends dotted red.`),
    h('h3', {}, `Began (${began.length})`), h('ul', { class: 'changes', id: 'changes-began' }, ...began.map(entry)),
    h('h3', {}, `Ended (${ended.length})`), ended.length ? h('ul', { class: 'changes', id: 'changes-ended' }, ...ended.map(entry)) : h('p', { class: 'muted' }, 'Nothing ended.'),
  );
}
