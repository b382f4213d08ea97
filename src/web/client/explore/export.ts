/** The visible part of the canvas as PNG, SVG, GraphML or CSV (nodes and edges). */
import type { Core } from 'cytoscape';
import { csv, download } from './csv.js';

const xml = (s: unknown) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function visibleGraphml(cy: Core): string {
  const nodes = cy.nodes(':visible');
  const edges = cy.edges(':visible');
  return `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="label" for="node" attr.name="label" attr.type="string"/>
<key id="type" for="node" attr.name="type" attr.type="string"/>
<key id="date" for="node" attr.name="date" attr.type="string"/>
<key id="undated" for="all" attr.name="undated" attr.type="boolean"/>
<key id="rel" for="edge" attr.name="type" attr.type="string"/>
<graph id="explorer" edgedefault="directed">
${nodes.map((n) => `<node id="${xml(n.id())}"><data key="label">${xml(n.data('label'))}</data><data key="type">${xml(n.data('type'))}</data><data key="date">${xml(n.data('date') ?? '')}</data><data key="undated">${n.hasClass('undated')}</data></node>`).join('\n')}
${edges.map((e) => `<edge id="${xml(e.id())}" source="${xml(e.data('source'))}" target="${xml(e.data('target'))}"><data key="rel">${xml(e.data('type'))}</data><data key="undated">${e.hasClass('undated')}</data></edge>`).join('\n')}
</graph>
</graphml>
`;
}

export function exportView(cy: Core, format: 'png' | 'svg' | 'graphml' | 'nodes.csv' | 'edges.csv'): void {
  switch (format) {
    case 'png':
      download('explorer-view.png', cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob, 'image/png');
      return;
    case 'svg':
      download('explorer-view.svg', (cy as unknown as { svg(o: object): string }).svg({ full: true, bg: '#ffffff' }), 'image/svg+xml');
      return;
    case 'graphml':
      download('explorer-view.graphml', visibleGraphml(cy), 'application/graphml+xml');
      return;
    case 'nodes.csv':
      download('explorer-nodes.csv', csv([['id', 'label', 'type', 'date', 'precision', 'undated', 'relations'],
        ...cy.nodes(':visible').map((n) => [n.id(), n.data('label'), n.data('type'), n.data('date') ?? '', n.data('precision') ?? '', String(n.hasClass('undated')), n.degree(false)])]), 'text/csv;charset=utf-8');
      return;
    case 'edges.csv':
      download('explorer-edges.csv', csv([['source', 'target', 'type', 'start', 'undated'],
        ...cy.edges(':visible').map((e) => [e.data('source'), e.data('target'), e.data('type'), e.data('start') ?? '', String(e.hasClass('undated'))])]), 'text/csv;charset=utf-8');
  }
}
