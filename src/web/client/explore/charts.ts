/**
 * Indicators as charts: one uPlot chart per metric and unit over the years, ACTUAL as a solid
 * line with round points, FORECAST dashed, TARGET as points only; the unit on the y axis. The
 * citation of the year under the cursor (pointer, or arrow keys once the chart has focus) is
 * read out beside the chart, and a table holds the same numbers with every citation.
 */
import uPlot from 'uplot';
import { h } from '../format.js';
import type { Citation, IndicatorPoint } from './types.js';

const KINDS: { kind: string; label: string; stroke: string; dash?: number[]; line: boolean }[] = [
  { kind: 'ACTUAL', label: 'Actual', stroke: '#0b57d0', line: true },
  { kind: 'FORECAST', label: 'Forecast', stroke: '#8a4b00', dash: [8, 5], line: true },
  { kind: 'TARGET', label: 'Target', stroke: '#a1005a', line: false },
];

const cite = (c: Citation) => `${c.sourceTitle}${c.locator ? `, ${c.locator}` : ''}${c.note ? `: ${c.note}` : ''}`;

interface Group { metric: string; unit: string; points: IndicatorPoint[] }

function groups(points: IndicatorPoint[]): Group[] {
  const byKey = new Map<string, Group>();
  for (const p of points) {
    const unit = p.unit ?? '';
    const key = `${p.metric}|${unit}`;
    if (!byKey.has(key)) byKey.set(key, { metric: p.metric, unit, points: [] });
    byKey.get(key)!.points.push(p);
  }
  return [...byKey.values()].sort((a, b) => b.points.length - a.points.length || a.metric.localeCompare(b.metric));
}

function chartOf(g: Group, width: number): HTMLElement {
  const years = [...new Set(g.points.map((p) => p.year))].sort((a, b) => a - b);
  const at = (kind: string, year: number) => g.points.find((p) => p.kind === kind && p.year === year);
  const kinds = KINDS.filter((k) => g.points.some((p) => p.kind === k.kind));
  const data: uPlot.AlignedData = [years, ...kinds.map((k) => years.map((y) => at(k.kind, y)?.value ?? null))];
  const readout = h('p', { class: 'chart-readout', 'aria-live': 'polite' }, 'Point at a year (or focus the chart and use the arrow keys) to read its citation.');
  const holder = h('div', {
    class: 'chart', tabindex: '0', role: 'img',
    'aria-label': `${g.metric} (${g.unit || 'no unit'}), ${years[0]}–${years.at(-1)}: ${kinds.map((k) => k.label.toLowerCase()).join(', ')}. The table below lists every figure.`,
  });
  const describe = (idx: number | null | undefined) => {
    if (idx === null || idx === undefined || years[idx] === undefined) return;
    const year = years[idx]!;
    const parts = kinds.flatMap((k) => {
      const p = at(k.kind, year);
      return p ? [`${k.label} ${year}: ${p.value} ${g.unit} — ${p.citations.map(cite).join('; ') || 'no citation'}`] : [];
    });
    readout.textContent = parts.join(' · ');
  };
  const plot = new uPlot({
    width, height: 220,
    scales: { x: { time: false } },
    axes: [
      { label: 'Year', values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? String(t) : '')), stroke: '#1d1d1f' },
      { label: g.unit || 'value', stroke: '#1d1d1f', size: 60 },
    ],
    series: [
      { label: 'Year' },
      ...kinds.map((k) => ({
        label: k.label, stroke: k.stroke, width: 2, dash: k.dash, spanGaps: true,
        paths: k.line ? undefined : () => null,
        points: { show: true, size: k.line ? 6 : 10, fill: k.line ? k.stroke : '#ffffff', stroke: k.stroke, width: 2 },
      })),
    ],
    hooks: { setCursor: [(u) => describe(u.cursor.idx)] },
  }, data, holder);
  let idx = -1;
  holder.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    idx = Math.max(0, Math.min(years.length - 1, idx + (e.key === 'ArrowRight' ? 1 : -1)));
    plot.setCursor({ left: plot.valToPos(years[idx]!, 'x'), top: 10 });
    describe(idx);
  });
  holder.addEventListener('focus', () => {
    if (idx < 0) {
      idx = 0;
      describe(0);
    }
  });
  return h('figure', { class: 'indicator' }, h('figcaption', {}, `${g.metric} (${g.unit || 'no unit'})`), holder, readout);
}

function tableOf(points: IndicatorPoint[]): HTMLElement {
  const rows = [...points].sort((a, b) => a.metric.localeCompare(b.metric) || a.year - b.year || a.kind.localeCompare(b.kind));
  return h('table', { class: 'data-table' },
    h('caption', {}, 'Every figure with its citation'),
    h('thead', {}, h('tr', {}, ...['Metric', 'Year', 'Kind', 'Value', 'Unit', 'Citation'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...rows.map((p) => h('tr', {},
      h('td', {}, p.metric), h('td', {}, String(p.year)), h('td', {}, p.kind.toLowerCase()),
      h('td', { class: 'num' }, String(p.value)), h('td', {}, p.unit ?? ''), h('td', {}, p.citations.map(cite).join('; '))))),
  );
}

/** The charts and the table of an entity's figures, into `target`. */
export function renderFigures(target: HTMLElement, name: string, points: IndicatorPoint[]): void {
  if (!points.length) {
    target.replaceChildren(h('h2', {}, `Figures: ${name}`), h('p', { class: 'muted' }, 'The graph holds no market figure, forecast or target about it.'));
    return;
  }
  const width = Math.max(260, Math.min(target.clientWidth - 10, 560));
  const key = h('p', { class: 'chart-key' },
    h('span', { class: 'key actual' }, 'actual: solid line'), ' ', h('span', { class: 'key forecast' }, 'forecast: dashed'), ' ', h('span', { class: 'key target' }, 'target: open points'));
  const tableToggle = h('button', { type: 'button', 'aria-pressed': 'false', id: 'figures-table-toggle' }, 'Show as a table');
  const charts = h('div', { class: 'charts' }, ...groups(points).map((g) => chartOf(g, width)));
  const table = tableOf(points);
  table.hidden = true;
  tableToggle.addEventListener('click', () => {
    const on = table.hidden;
    table.hidden = !on;
    charts.hidden = on;
    tableToggle.setAttribute('aria-pressed', String(on));
    tableToggle.textContent = on ? 'Show as charts' : 'Show as a table';
  });
  target.replaceChildren(h('h2', {}, `Figures: ${name}`), h('p', { class: 'muted' }, `${points.length} figures.`), key, tableToggle, charts, table);
}
