/**
 * The side panel's four views for the focused entity: details (as of the slider's date),
 * figures, policy drivers (sectors), and what changed between two years.
 */
import { h } from '../format.js';
import { gql, GraphQLRequestError } from '../gql.js';
import { DRIVERS, ENTITY, INDICATORS } from '../queries.js';
import { renderChangesForm, renderChangesList, type ChangesActions } from './changes.js';
import { renderFigures } from './charts.js';
import { renderDetails, type DetailActions } from './details.js';
import { renderDrivers } from './drivers.js';
import { asOfOf, evidenceOf } from './sources.js';
import type { View } from './state.js';
import type { ChangeItem, Driver, EntityDetails, IndicatorPoint } from './types.js';

export interface PanelContext {
  changeItems: ChangeItem[];
  changesActions: ChangesActions;
  details: DetailActions;
}

export async function renderPanel(panel: HTMLElement, v: View, signal: AbortSignal, ctx: PanelContext) {
  try {
    if (v.panel === 'changes') {
      renderChangesForm(panel, v.changes, ctx.changesActions);
      if (v.changes) renderChangesList(panel, v.changes, ctx.changeItems, ctx.changeItems.length < 1000, ctx.changesActions);
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
      renderDrivers(panel, entity.name, policyDrivers, ctx.details.open);
    } else {
      panel.replaceChildren(...renderDetails(entity, asOfOf(v), { expanded: v.centres.includes(entity.id), collapsed: v.collapsed.includes(entity.id) }, ctx.details));
    }
  } catch (e) {
    if ((e as Error).name === 'AbortError') return;
    panel.replaceChildren(h('p', { class: 'error' }, e instanceof GraphQLRequestError ? e.message : String(e)));
  }
}
