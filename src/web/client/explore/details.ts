/** The selected entity's details: dates at their precision, its state as of the slider, relations and citations. */
import { colourOf } from '../../palette.js';
import { h, relationName, typeName } from '../format.js';
import { statusAsOf } from './asof.js';
import type { Citation, EntityDetails, Relation } from './types.js';

export interface DetailActions {
  expand(id: string): void;
  hide(id: string): void;
  collapse(id: string): void;
  open(id: string): void;
  figures(): void;
  drivers(): void;
}

export function typeBadge(type: string) {
  return h('span', { class: `badge badge-${type.toLowerCase()}` }, h('span', { class: 'dot', style: `background:${colourOf(type)}` }), typeName(type));
}

export function citationList(cs: Citation[]) {
  if (!cs.length) return h('p', { class: 'muted' }, 'No citation.');
  return h('ol', { class: 'citations' }, ...cs.map((c) =>
    h('li', {}, h('cite', {}, c.sourceTitle), c.locator ? h('span', { class: 'locator' }, ` — ${c.locator}`) : null,
      c.basis ? h('span', { class: `basis basis-${c.basis.toLowerCase()}`, title: BASIS_TITLES[c.basis] ?? '' }, c.basis) : null,
      c.note ? h('div', { class: 'note' }, c.note) : null)));
}

/** What each basis means, as a tooltip beside the citation. */
const BASIS_TITLES: Record<string, string> = {
  STATED: 'The cited passage says it.',
  INFERRED: 'It follows from the cited passage; the note gives the reasoning.',
  EXTERNAL: 'The source documents do not say it; an official origin does.',
};

const DATE_FIELDS: [string, string][] = [
  ['issuedLabel', 'Issued'], ['effectiveLabel', 'In force from'], ['establishedLabel', 'Established'], ['foundedLabel', 'Founded'],
  ['dateLabel', 'Date'], ['endedLabel', 'Ended'],
];

/** "2017" → "2017 (year known)", "2017-06" → "2017-06 (month known)". */
export function withPrecision(label: string): string {
  return label.length === 4 ? `${label} (year only)` : label.length === 7 ? `${label} (month only)` : label;
}

export function renderDetails(e: EntityDetails, asOf: string | null, state: { expanded: boolean; collapsed: boolean }, actions: DetailActions): HTMLElement[] {
  const parts: (HTMLElement | null)[] = [];
  const facts: [string, string][] = [];
  if (typeof e.kind === 'string') facts.push(['Kind', e.kind.toLowerCase().replace(/_/g, ' ')]);
  if (typeof e.status === 'string') facts.push(['Status today', e.status.toLowerCase().replace(/_/g, ' ')]);
  if (typeof e.role === 'string') facts.push(['Role', e.role]);
  for (const [field, title] of DATE_FIELDS) {
    const v = e[field];
    if (typeof v === 'string') facts.push([title, withPrecision(v)]);
  }
  const issuers = Array.isArray(e.issuers) ? (e.issuers as { name: string }[]).map((x) => x.name).join(', ') : '';
  if (issuers) facts.push(['Issued by', issuers]);
  const status = statusAsOf(e, asOf);
  const groups = new Map<string, Relation[]>();
  for (const r of e.relations) {
    const key = `${r.direction === 'IN' ? '←' : '→'} ${relationName(r.type)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const timelineFilter = ({ AGENCY: 'agency', REGION: 'region', SECTOR: 'sector' } as Record<string, string>)[e.type];
  const hasFigures = ['REGION', 'SECTOR', 'FIRM'].includes(e.type);
  parts.push(
    h('h2', { id: 'details-title', tabindex: '-1' }, e.name),
    h('p', { class: 'subtitle' }, typeBadge(e.type), e.nameZh ? h('span', { lang: 'zh', class: 'zh' }, ` ${e.nameZh}`) : null),
    status ? h('p', { class: 'asof-status', id: 'asof-status' }, status) : null,
    e.aliases.length ? h('p', { class: 'aliases' }, 'Also: ', e.aliases.join(', ')) : null,
    e.description ? h('p', { class: 'description' }, e.description) : null,
    facts.length ? h('dl', { class: 'facts' }, ...facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])) : null,
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'expand-selected', onclick: () => actions.expand(e.id), 'aria-keyshortcuts': 'E' }, state.expanded ? 'Expanded' : 'Expand neighbours (E)'),
      h('button', { type: 'button', id: 'hide-selected', onclick: () => actions.hide(e.id), 'aria-keyshortcuts': 'H' }, 'Hide (H)'),
      state.expanded ? h('button', { type: 'button', id: 'collapse-selected', onclick: () => actions.collapse(e.id) }, state.collapsed ? 'Show its leaves' : 'Collapse its leaves') : null,
      hasFigures ? h('button', { type: 'button', id: 'show-figures', onclick: () => actions.figures() }, 'Figures') : null,
      e.type === 'SECTOR' ? h('button', { type: 'button', id: 'show-drivers', onclick: () => actions.drivers() }, 'Policy drivers') : null,
      timelineFilter ? h('a', { href: `/timeline?${timelineFilter}=${encodeURIComponent(e.id)}` }, 'Its timeline') : null,
    ),
    h('h3', {}, `Relations (${e.relations.length})`),
    e.relations.length
      ? h('div', { class: 'relations' }, ...[...groups.entries()].map(([title, rs]) =>
          h('section', {}, h('h4', {}, title),
            h('ul', {}, ...rs.map((r) =>
              h('li', {},
                h('button', { type: 'button', class: 'link', 'data-id': r.node.id, onclick: () => actions.open(r.node.id) },
                  h('span', { class: 'dot', style: `background:${colourOf(r.node.type)}` }), r.node.name),
                r.role ? h('span', { class: 'muted' }, ` (${r.role})`) : null,
                r.startLabel || r.endLabel ? h('span', { class: 'muted' }, ` ${r.startLabel ? withPrecision(r.startLabel) : '…'}–${r.endLabel ?? ''}`) : null,
                r.citations.length ? h('details', {}, h('summary', {}, `${r.citations.length} citation${r.citations.length > 1 ? 's' : ''}`), citationList(r.citations)) : null,
              ))))))
      : h('p', { class: 'muted' }, 'None.'),
    h('h3', {}, `Citations (${e.citations.length})`),
    citationList(e.citations),
  );
  return parts.filter((x): x is HTMLElement => !!x);
}
