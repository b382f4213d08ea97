/** The export formats by file name, as served under /export/ and written by the CLI. */
import { edgesCsv, nodesCsv } from './csv.js';
import { toCytoscape } from './cytoscape.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';
import type { GraphExport } from './model.js';

export interface ExportFormat {
  /** The name the CLI takes. */
  name: string;
  file: string;
  contentType: string;
  serialise: (graph: GraphExport) => string;
}

export const EXPORT_FORMATS: ExportFormat[] = [
  { name: 'graphml', file: 'graph.graphml', contentType: 'application/graphml+xml; charset=utf-8', serialise: toGraphml },
  { name: 'gexf', file: 'graph.gexf', contentType: 'application/gexf+xml; charset=utf-8', serialise: toGexf },
  { name: 'json', file: 'graph.json', contentType: 'application/json; charset=utf-8', serialise: (g) => `${JSON.stringify(toCytoscape(g), null, 1)}\n` },
  { name: 'nodes-csv', file: 'nodes.csv', contentType: 'text/csv; charset=utf-8; header=present', serialise: nodesCsv },
  { name: 'edges-csv', file: 'edges.csv', contentType: 'text/csv; charset=utf-8; header=present', serialise: edgesCsv },
];

/** `graphml`, `gexf`, `json`, `nodes-csv`, `edges-csv`; also the file names (`nodes.csv` …) and `cyjs`, `csv-nodes`. */
export function findFormat(name: string): ExportFormat | undefined {
  const n = name.toLowerCase();
  const alias: Record<string, string> = { cyjs: 'json', cytoscape: 'json', 'csv-nodes': 'nodes-csv', 'csv-edges': 'edges-csv', nodes: 'nodes-csv', edges: 'edges-csv' };
  const wanted = alias[n] ?? n;
  return EXPORT_FORMATS.find((f) => f.name === wanted || f.file === n);
}

export { readGraphExport, buildGraphExport, type GraphExport } from './model.js';
