/**
 * "Which policies drive this sector's firms" as a table: sortable by date, filtered by
 * jurisdiction (China, foreign, or one country or region) and by issuer, with the path from the
 * policy to the firms and the firms themselves (only firms: the API's `firms` are Firm nodes),
 * and a CSV of the rows shown.
 */
import { h } from '../format.js';
import { csv, download } from './csv.js';
import type { Driver } from './types.js';

const isChinese = (j: Driver['policy']['jurisdictions'][number]) => j.id === 'china' || j.parent?.id === 'china';

export function jurisdictionClass(d: Driver): 'China' | 'foreign' | 'unknown' {
  if (!d.policy.jurisdictions.length) return 'unknown';
  return d.policy.jurisdictions.some(isChinese) ? 'China' : 'foreign';
}

export function renderDrivers(target: HTMLElement, sectorName: string, drivers: Driver[], open: (id: string) => void): void {
  let descending = false;
  const jurisdictions = [...new Set(drivers.flatMap((d) => d.policy.jurisdictions.map((j) => j.name)))].sort();
  const issuers = [...new Set(drivers.flatMap((d) => d.policy.issuers.map((i) => i.name)))].sort();
  const jSelect = h('select', { id: 'drivers-jurisdiction' },
    h('option', { value: '' }, 'All jurisdictions'), h('option', { value: 'china' }, 'China'), h('option', { value: 'foreign' }, 'Foreign'),
    ...jurisdictions.map((j) => h('option', { value: `=${j}` }, j)));
  const iSelect = h('select', { id: 'drivers-issuer' }, h('option', { value: '' }, 'All issuers'), ...issuers.map((i) => h('option', { value: i }, i)));
  const sortButton = h('button', { type: 'button', class: 'link', id: 'drivers-sort' }, 'Date ▲');
  const dateHeader = h('th', { scope: 'col', 'aria-sort': 'ascending' }, sortButton);
  const body = h('tbody');
  const count = h('p', { class: 'muted', 'aria-live': 'polite' });
  const shown = (): Driver[] => {
    const j = jSelect.value;
    const i = iSelect.value;
    const rows = drivers.filter((d) =>
      (!j || (j === 'china' && jurisdictionClass(d) === 'China') || (j === 'foreign' && jurisdictionClass(d) === 'foreign') || (j.startsWith('=') && d.policy.jurisdictions.some((x) => x.name === j.slice(1))))
      && (!i || d.policy.issuers.some((x) => x.name === i)));
    const key = (d: Driver) => d.policy.issued ?? (descending ? '0000' : '9999');
    return rows.sort((a, b) => (descending ? key(b).localeCompare(key(a)) : key(a).localeCompare(key(b))) || a.policy.name.localeCompare(b.policy.name));
  };
  const render = () => {
    const rows = shown();
    count.textContent = `${rows.length} of ${drivers.length} policies.`;
    body.replaceChildren(...rows.map((d) => h('tr', {},
      h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => open(d.policy.id) }, d.policy.name)),
      h('td', { class: 'nowrap' }, d.policy.issuedLabel ?? (d.policy.effectiveLabel ? `in force ${d.policy.effectiveLabel}` : 'undated')),
      h('td', {}, `${jurisdictionClass(d)}${d.policy.jurisdictions.length ? `: ${d.policy.jurisdictions.map((x) => x.name).join(', ')}` : ''}`),
      h('td', {}, d.policy.issuers.map((x) => x.name).join(', ') || 'not recorded'),
      h('td', {}, d.via.map((v) => v.toLowerCase().replace(/_/g, ' ')).join(' → '), d.sectors.length ? h('div', { class: 'muted' }, d.sectors.map((s) => s.name).join(', ')) : null),
      h('td', {}, d.firms.length ? h('ul', { class: 'firms' }, ...d.firms.map((f) => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => open(f.id) }, f.name)))) : h('span', { class: 'muted' }, 'none recorded')),
    )));
  };
  sortButton.addEventListener('click', () => {
    descending = !descending;
    sortButton.textContent = descending ? 'Date ▼' : 'Date ▲';
    dateHeader.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    render();
  });
  jSelect.addEventListener('change', render);
  iSelect.addEventListener('change', render);
  const exportButton = h('button', { type: 'button', id: 'drivers-csv' }, 'Download these rows (CSV)');
  exportButton.addEventListener('click', () => {
    const rows = shown().map((d) => [
      d.policy.id, d.policy.name, d.policy.issuedLabel ?? '', jurisdictionClass(d), d.policy.jurisdictions.map((x) => x.name).join('; '),
      d.policy.issuers.map((x) => x.name).join('; '), d.via.join(' > '), d.firms.map((f) => f.name).join('; '),
    ]);
    download('policy-drivers.csv', csv([['policy_id', 'policy', 'issued', 'china_or_foreign', 'jurisdictions', 'issuers', 'path', 'firms'], ...rows]), 'text/csv;charset=utf-8');
  });
  render();
  target.replaceChildren(
    h('h2', {}, `Policies driving ${sectorName}'s firms`),
    h('div', { class: 'table-tools' }, h('label', {}, 'Jurisdiction ', jSelect), h('label', {}, 'Issuer ', iSelect), exportButton),
    count,
    h('div', { class: 'table-scroll' }, h('table', { class: 'data-table', id: 'drivers-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Policy'), dateHeader, ...['Jurisdiction', 'Issuer', 'Path', 'Firms'].map((c) => h('th', { scope: 'col' }, c)))),
      body)),
  );
}
