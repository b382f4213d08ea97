/**
 * GEXF 1.3 (https://gexf.net/) in dynamic mode: every node and edge carries the interval it
 * existed in (`start`/`end`, dates at day precision: the first day of the period the source
 * gives), so Gephi's timeline shows the graph as it stood on any date. Things whose start is
 * unknown exist from the beginning; things that never ended exist to the end. Nodes are
 * coloured per label with viz:color, as in the explorer.
 */
import { colourOf, rgb } from '../palette.js';
import { EDGE_COLUMNS, NODE_COLUMNS, edgeValues, nodeValues, type Column, type GraphExport, type Scalar } from './model.js';
import { attrs, xmlNumber, xmlText } from './xml.js';

const GEXF_TYPE: Record<Column['type'], string> = { string: 'string', int: 'long', double: 'double' };

/** xsd:token: no line breaks or tabs, no leading, trailing or repeated spaces. */
export function token(value: string): string {
  return value.replace(/[\t\n\r ]+/g, ' ').trim();
}

function attributeBlock(columns: Column[], cls: 'node' | 'edge'): string[] {
  return [
    `    <attributes class="${cls}">`,
    ...columns.map((c) => `      <attribute${attrs({ id: c.key, title: c.key, type: GEXF_TYPE[c.type] })}/>`),
    '    </attributes>',
  ];
}

function attvalues(columns: Column[], values: Record<string, Scalar>): string {
  const items = columns.flatMap((c) => {
    const v = values[c.key];
    if (v === null || v === undefined) return [];
    return [`\n        <attvalue${attrs({ for: c.key, value: typeof v === 'number' ? xmlNumber(v) : v })}/>`];
  });
  return items.length ? `\n      <attvalues>${items.join('')}\n      </attvalues>` : '';
}

/** A closed interval needs start ≤ end; a bad pair keeps only the start rather than failing Gephi's import. */
function interval(start: string | null, end: string | null): { start: string | null; end: string | null } {
  if (start && end && end < start) return { start, end: null };
  return { start, end };
}

export function toGexf(graph: GraphExport): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${graph.generated}">`,
    '    <creator>china-cyber-policy-graph</creator>',
    `    <description>${xmlText('China cybersecurity policy and regulation graph. Node and edge intervals use the first day of the period each date is known to (see the *Precision attributes).')}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date" timerepresentation="interval">',
    ...attributeBlock(NODE_COLUMNS, 'node'),
    ...attributeBlock(EDGE_COLUMNS, 'edge'),
    `    <nodes count="${graph.nodes.length}">`,
  ];
  for (const n of graph.nodes) {
    const [r, g, b] = rgb(colourOf(n.type));
    const span = interval(n.start, n.end);
    out.push(
      `    <node${attrs({ id: n.id, label: token(n.name) || n.id, start: span.start, end: span.end })}>` +
        `${attvalues(NODE_COLUMNS, nodeValues(n))}\n      <viz:color r="${r}" g="${g}" b="${b}"/>\n    </node>`,
    );
  }
  out.push('    </nodes>', `    <edges count="${graph.edges.length}">`);
  for (const e of graph.edges) {
    const span = interval(e.start?.date ?? null, e.end?.date ?? null);
    out.push(
      `    <edge${attrs({ id: e.id, source: e.source, target: e.target, label: e.type, kind: e.type, start: span.start, end: span.end })}>` +
        `${attvalues(EDGE_COLUMNS, edgeValues(e))}\n    </edge>`,
    );
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}
