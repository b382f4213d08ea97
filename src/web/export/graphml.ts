/**
 * GraphML 1.0 (http://graphml.graphdrawing.org/): keys first, then one directed graph with
 * every node and edge and their attributes as <data>. Opens in Gephi, yEd, Cytoscape,
 * NetworkX (`read_graphml`) and igraph.
 */
import { EDGE_COLUMNS, NODE_COLUMNS, edgeValues, nodeValues, type Column, type GraphExport, type Scalar } from './model.js';
import { attrs, xmlNumber, xmlText } from './xml.js';

const GRAPHML_TYPE: Record<Column['type'], string> = { string: 'string', int: 'long', double: 'double' };

function keyLines(columns: Column[], target: 'node' | 'edge', prefix: string): string[] {
  return columns.map(
    (c) =>
      `  <key${attrs({ id: `${prefix}_${c.key}`, for: target, 'attr.name': c.key, 'attr.type': GRAPHML_TYPE[c.type] })}>` +
      `<desc>${xmlText(c.description)}</desc></key>`,
  );
}

function dataLines(columns: Column[], values: Record<string, Scalar>, prefix: string): string {
  return columns
    .map((c) => {
      const v = values[c.key];
      if (v === null || v === undefined) return '';
      const text = typeof v === 'number' ? xmlNumber(v) : xmlText(v);
      return `\n      <data key="${prefix}_${c.key}">${text}</data>`;
    })
    .join('');
}

export function toGraphml(graph: GraphExport): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <desc>${xmlText(`China cybersecurity policy graph, exported ${graph.generated}. Dates are the first day of their period; *Precision says which period.`)}</desc>`,
    ...keyLines(NODE_COLUMNS, 'node', 'n'),
    ...keyLines(EDGE_COLUMNS, 'edge', 'e'),
    '  <graph id="G" edgedefault="directed">',
  ];
  for (const n of graph.nodes) {
    out.push(`    <node${attrs({ id: n.id })}>${dataLines(NODE_COLUMNS, nodeValues(n), 'n')}\n    </node>`);
  }
  for (const e of graph.edges) {
    out.push(`    <edge${attrs({ id: e.id, source: e.source, target: e.target })}>${dataLines(EDGE_COLUMNS, edgeValues(e), 'e')}\n    </edge>`);
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
