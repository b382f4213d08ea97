/**
 * The timeline: every dated fact (issued, effective, established, happened …) in date order,
 * filtered by years, entity types, region (sub-regions included), sector and agency, each
 * entry linked to its entity in the explorer. The filters live in the URL, so a filtered
 * timeline can be bookmarked or shared.
 */
import { colourOf } from '../palette.js';
import { gql, GraphQLRequestError } from './gql.js';
import { h, typeName } from './format.js';
import { TIMELINE } from './queries.js';

interface Citation { sourceId: string; sourceTitle: string; locator: string | null; note: string | null }
interface Entry {
  date: string;
  dateLabel: string;
  precision: string;
  kind: string;
  label: string;
  entity: { id: string; type: string; name: string; description: string | null; citations: Citation[]; relations?: { node: { id: string } }[] };
  other: { id: string; type: string; name: string } | null;
  /** Events that only restate this entry's date (merged into it). */
  restated?: Entry[];
}
interface Facet { id: string; label: string; name: string }

const TYPES = ['POLICY', 'AGENCY', 'FIRM', 'REGION', 'SECTOR', 'EVENT', 'PERSON'];
/** Entries asked for per request (the API's page cap); more are fetched by moving `from` on. */
const PAGE = 100;
const MAX_ENTRIES = 2000;



const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('filters');
const fromInput = $<HTMLInputElement>('from');
const toInput = $<HTMLInputElement>('to');
const regionSelect = $<HTMLSelectElement>('region');
const sectorSelect = $<HTMLSelectElement>('sector');
const agencySelect = $<HTMLSelectElement>('agency');
const typeBoxes = $<HTMLFieldSetElement>('types');
const summary = $<HTMLParagraphElement>('summary');
const list = $<HTMLDivElement>('entries');
const resetButton = $<HTMLButtonElement>('reset');

interface Filters { from: string; to: string; types: string[]; region: string; sector: string; agency: string }

function readFilters(): Filters {
  const p = new URLSearchParams(location.search);
  const types = (p.get('types') ?? '').split(',').map((t) => t.trim().toUpperCase()).filter((t) => TYPES.includes(t));
  const year = (v: string | null) => (v && /^\d{4}$/.test(v) ? v : '');
  return { from: year(p.get('from')), to: year(p.get('to')), types, region: p.get('region') ?? '', sector: p.get('sector') ?? '', agency: p.get('agency') ?? '' };
}

function formFilters(): Filters {
  const types = Array.from(typeBoxes.querySelectorAll<HTMLInputElement>('input[type=checkbox]')).filter((b) => b.checked).map((b) => b.value);
  return {
    from: fromInput.value.trim(), to: toInput.value.trim(),
    // All boxes ticked means no type filter.
    types: types.length === TYPES.length ? [] : types,
    region: regionSelect.value, sector: sectorSelect.value, agency: agencySelect.value,
  };
}

function writeUrl(f: Filters) {
  const p = new URLSearchParams();
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.types.length) p.set('types', f.types.join(','));
  if (f.region) p.set('region', f.region);
  if (f.sector) p.set('sector', f.sector);
  if (f.agency) p.set('agency', f.agency);
  const q = p.toString();
  history.replaceState(null, '', q ? `/timeline?${q}` : '/timeline');
}

function fillForm(f: Filters) {
  fromInput.value = f.from;
  toInput.value = f.to;
  for (const box of Array.from(typeBoxes.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))) box.checked = f.types.length === 0 || f.types.includes(box.value);
  regionSelect.value = f.region;
  sectorSelect.value = f.sector;
  agencySelect.value = f.agency;
}

function renderTypeBoxes() {
  typeBoxes.append(
    ...TYPES.map((t) =>
      h('label', {}, h('input', { type: 'checkbox', name: 'type', value: t, checked: true }), h('span', { class: 'dot', style: `background:${colourOf(t)}` }), typeName(t)),
    ),
  );
}

async function loadFacets() {
  const response = await fetch('/timeline/facets.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`the filter choices could not be loaded (${response.status})`);
  const facets = (await response.json()) as Facet[];
  const fill = (select: HTMLSelectElement, label: string) => {
    select.append(...facets.filter((f) => f.label === label).map((f) => h('option', { value: f.id }, f.name)));
  };
  fill(regionSelect, 'Region');
  fill(sectorSelect, 'Sector');
  fill(agencySelect, 'Agency');
}

let generation = 0;

async function load(f: Filters) {
  const mine = ++generation;
  summary.textContent = 'Loading…';
  summary.dataset.kind = 'busy';
  const variables = {
    from: f.from ? `${f.from}-01-01` : null,
    to: f.to ? `${f.to}-12-31` : null,
    types: f.types.length ? f.types : null,
    regionId: f.region || null,
    sectorId: f.sector || null,
    agencyId: f.agency || null,
    first: PAGE,
  };
  try {
    // Pages follow each other by date: the next starts on the last date seen, and entries
    // already shown on that date are skipped.
    const entries: Entry[] = [];
    const seen = new Set<string>();
    let from = variables.from;
    for (;;) {
      const data = await gql<{ timeline: Entry[] }>(TIMELINE, { ...variables, from });
      if (mine !== generation) return;
      let added = 0;
      for (const e of data.timeline) {
        const key = `${e.date}|${e.kind}|${e.entity.id}|${e.other?.id ?? ''}|${e.label}`;
        if (seen.has(key)) continue;
        seen.add(key);
        entries.push(e);
        added++;
      }
      if (data.timeline.length < PAGE || added === 0 || entries.length >= MAX_ENTRIES) break;
      from = data.timeline[data.timeline.length - 1]!.date;
    }
    render(entries, f);
  } catch (e) {
    if (mine !== generation) return;
    summary.textContent = e instanceof GraphQLRequestError ? e.message : `Something went wrong: ${(e as Error).message}`;
    summary.dataset.kind = 'error';
    list.replaceChildren();
  }
}

function describe(f: Filters): string {
  const parts: string[] = [];
  const optionText = (s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '';
  if (f.from || f.to) parts.push(f.from && f.to ? `${f.from}–${f.to}` : f.from ? `from ${f.from}` : `until ${f.to}`);
  if (f.types.length) parts.push(f.types.map(typeName).join(', '));
  if (f.region) parts.push(`in ${optionText(regionSelect)}`);
  if (f.sector) parts.push(`sector ${optionText(sectorSelect)}`);
  if (f.agency) parts.push(`agency ${optionText(agencySelect)}`);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/**
 * One entry per happening: an event dated the same as a fact of an entity it involves (the
 * "Cybersecurity Law adopted" event beside the law's own issue date) says nothing the fact
 * does not, so it is folded into that fact, its description and citations kept there.
 */
export function mergeRestatements(entries: Entry[]): Entry[] {
  const byDateAndEntity = new Map<string, Entry>();
  for (const e of entries) if (e.kind !== 'EVENT' && !e.other) byDateAndEntity.set(`${e.dateLabel}|${e.entity.id}`, e);
  const out: Entry[] = [];
  for (const e of entries) {
    if (e.kind === 'EVENT' && e.entity.type === 'EVENT') {
      const host = (e.entity.relations ?? []).map((r) => byDateAndEntity.get(`${e.dateLabel}|${r.node.id}`)).find(Boolean);
      if (host) {
        (host.restated ??= []).push(e);
        continue;
      }
    }
    out.push(e);
  }
  return out;
}

const cite = (c: Citation) => h('li', {}, h('cite', {}, c.sourceTitle), c.locator ? h('span', { class: 'locator' }, ` — ${c.locator}`) : null, c.note ? h('div', { class: 'note' }, c.note) : null);

function citations(e: Entry) {
  const all = [...e.entity.citations, ...(e.restated ?? []).flatMap((r) => r.entity.citations)];
  const unique = all.filter((c, i) => all.findIndex((x) => x.sourceId === c.sourceId && x.locator === c.locator && x.note === c.note) === i);
  if (!unique.length) return null;
  return h('details', { class: 'sources' }, h('summary', {}, `${unique.length} citation${unique.length > 1 ? 's' : ''}`), h('ol', { class: 'citations' }, ...unique.map(cite)));
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * The drawn time axis: one lane per entity type, a day as a dot, a month or a year as a span
 * covering that period (a date known to its year is not a point in January). Each mark links
 * to its entry in the list, which is the accessible form of the same facts.
 */
function drawAxis(entries: Entry[]) {
  const axis = document.getElementById('axis')!;
  if (!entries.length) {
    axis.replaceChildren();
    return;
  }
  const years = entries.map((e) => Number(e.date.slice(0, 4)));
  const first = Math.min(...years);
  const last = Math.max(...years) + 1;
  const width = Math.max(axis.clientWidth || 800, 320);
  const lanes = TYPES.filter((t) => entries.some((e) => e.entity.type === t));
  const laneH = 18;
  const top = 22;
  const height = top + lanes.length * laneH + 8;
  const x = (d: string) => {
    const [y, m, day] = d.split('-').map(Number);
    return 70 + ((y! - first + ((m! - 1) + (day! - 1) / 31) / 12) / (last - first)) * (width - 80);
  };
  const yearW = (width - 80) / (last - first);
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'axis-svg' });
  const step = Math.max(1, Math.ceil((last - first) / Math.max(1, Math.floor((width - 80) / 50))));
  for (let y = first; y <= last; y += step) {
    const px = x(`${y}-01-01`);
    root.append(svg('line', { x1: px, x2: px, y1: top - 4, y2: height, stroke: '#dcdce3' }), svg('text', { x: px + 2, y: 14, 'font-size': 11, fill: '#1d1d1f' }, String(y)));
  }
  lanes.forEach((t, i) => root.append(svg('text', { x: 2, y: top + i * laneH + 12, 'font-size': 11, fill: '#1d1d1f' }, typeName(t))));
  entries.forEach((e, i) => {
    const lane = lanes.indexOf(e.entity.type);
    const cy = top + lane * laneH + 8;
    // Marks are pointer shortcuts to the list (aria-hidden, so not links a keyboard would reach).
    const link = svg('g', { class: 'mark', 'data-entry': `entry-${i}` });
    link.addEventListener('click', () => {
      location.hash = `entry-${i}`;
    });
    const title = svg('title', {}, `${e.dateLabel} ${e.label}`);
    const colour = colourOf(e.entity.type);
    const mark = e.precision === 'DAY'
      ? svg('circle', { cx: x(e.date), cy, r: 4, fill: colour, stroke: '#1d1d1f', 'stroke-width': 0.5 })
      : svg('rect', { x: x(e.date), y: cy - 5, width: Math.max(3, e.precision === 'YEAR' ? yearW : yearW / 12), height: 10, fill: colour, 'fill-opacity': 0.35, stroke: colour, rx: 2, class: `span-${e.precision.toLowerCase()}` });
    mark.append(title);
    link.append(mark);
    root.append(link);
  });
  axis.replaceChildren(root);
}

function render(rawEntries: Entry[], f: Filters) {
  const entries = mergeRestatements(rawEntries);
  summary.dataset.kind = 'info';
  summary.textContent = entries.length
    ? `${entries.length} dated fact${entries.length === 1 ? '' : 's'}${describe(f)}${rawEntries.length > entries.length ? `; ${rawEntries.length - entries.length} event${rawEntries.length - entries.length === 1 ? '' : 's'} restating a fact's own date folded into it` : ''}.`
    : `No dated fact matches${describe(f)}.`;
  const byYear = new Map<string, Entry[]>();
  for (const e of entries) {
    const y = e.date.slice(0, 4);
    byYear.set(y, [...(byYear.get(y) ?? []), e]);
  }
  const index = new Map(entries.map((e, i) => [e, i]));
  drawAxis(entries);
  const precisionNote = (e: Entry) => (e.precision === 'YEAR' ? ' (year only)' : e.precision === 'MONTH' ? ' (month only)' : '');
  list.replaceChildren(
    ...[...byYear.entries()].flatMap(([year, es]) => [
      h('h2', { class: 'year', id: `y${year}` }, year),
      h('ol', { class: 'entries' },
        ...es.map((e) =>
          h('li', { 'data-entity': e.entity.id, 'data-type': e.entity.type, id: `entry-${index.get(e)}` },
            h('time', { datetime: e.dateLabel }, e.dateLabel, h('span', { class: 'precision' }, precisionNote(e))),
            h('span', { class: 'kind' }, e.kind.replace(/_/g, ' ')),
            h('div', { class: 'what' },
              h('span', { class: 'dot', style: `background:${colourOf(e.entity.type)}` }),
              h('a', { href: `/explore?focus=${encodeURIComponent(e.entity.id)}` }, e.entity.name),
              e.label && e.label !== e.entity.name ? h('span', { class: 'label' }, ` — ${e.label}`) : null,
              e.other ? h('span', { class: 'label' }, ' (with ', h('a', { href: `/explore?focus=${encodeURIComponent(e.other.id)}` }, e.other.name), ')') : null,
              e.entity.description ? h('p', { class: 'description' }, e.entity.description) : null,
              ...(e.restated ?? []).map((r) => h('p', { class: 'restated' }, 'Also recorded as the event ', h('a', { href: `/explore?focus=${encodeURIComponent(r.entity.id)}` }, r.entity.name), r.entity.description ? `: ${r.entity.description}` : '.')),
              citations(e),
            ),
          ),
        ),
      ),
    ]),
  );
}

function apply() {
  const f = formFilters();
  if (f.from && f.to && f.from > f.to) {
    // Also drops any answer still on its way, which would otherwise replace this message.
    generation++;
    summary.textContent = 'The first year comes after the last one.';
    summary.dataset.kind = 'error';
    list.replaceChildren();
    return;
  }
  writeUrl(f);
  void load(f);
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  apply();
});
// A changed select or box applies at once; a year when it is committed (Enter or leaving the field).
form.addEventListener('change', () => apply());
resetButton.addEventListener('click', () => {
  fillForm({ from: '', to: '', types: [], region: '', sector: '', agency: '' });
  apply();
});

renderTypeBoxes();
const initial = readFilters();
try {
  await loadFacets();
} catch (e) {
  summary.textContent = `Filters unavailable: ${(e as Error).message}`;
  summary.dataset.kind = 'error';
}
fillForm(initial);
await load(initial);
document.body.dataset.ready = 'true';
